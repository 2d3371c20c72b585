/**
 * The VS Code client — thin by design: it starts the language server, forwards its requests,
 * and acts on what the server decides (switching a draft that looks like a report to the report
 * language). No analysis happens here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { newReport } from './newReport';
import { RestartPolicy } from './restartPolicy';
import { syncWorkspaceFile } from './workspaceFile';

const LANGUAGE_ID = 'govreport';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID },
      // Plain-text drafts go to the server only so it can tell whether they look like a report.
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
    ],
    initializationOptions: { locale: vscode.env.language },
    // The server pulls `govreport.*` settings; this makes the client tell it when they change.
    synchronize: { configurationSection: 'govreport' },
    errorHandler: crashHandler(new RestartPolicy()),
    middleware: {
      // Server commands (govreport.renumber) run from the palette get the active document.
      executeCommand: (command, args, next) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        return next(command, args.length === 0 && uri ? [uri] : args);
      },
    },
  };
  client = new LanguageClient(LANGUAGE_ID, vscode.l10n.t('Government report language server'), serverOptions, clientOptions);
  client.onNotification('govreport/looksLikeReport', (p: { uri: string }) => offerReportLanguage(p.uri));
  context.subscriptions.push(vscode.commands.registerCommand('govreport.newReport', () => client && newReport(client)));
  context.subscriptions.push(vscode.commands.registerCommand('govreport.exportFigures', exportFigures));
  await client.start();
  syncWorkspaceFile(client, context);
}

/** A crashed server restarts with a message; after too many crashes in a short time it stays stopped. */
function crashHandler(policy: RestartPolicy): ErrorHandler {
  return {
    // Transport errors: let the connection carry on a few times, then shut down (closed() decides next).
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () =>
      policy.onCrash() === 'restart'
        ? { action: CloseAction.Restart, message: vscode.l10n.t('The report language server stopped unexpectedly and was restarted.') }
        : {
            action: CloseAction.DoNotRestart,
            message: vscode.l10n.t(
              'The report language server stopped {0} times within {1} minutes and will not be restarted. See the output channel, then run "Developer: Reload Window".',
              policy.maxRestarts + 1,
              policy.windowMs / 60_000,
            ),
          },
  };
}

async function offerReportLanguage(uri: string): Promise<void> {
  const mode = vscode.workspace.getConfiguration('govreport').get<string>('detect', 'ask');
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!doc || mode === 'off' || doc.languageId !== 'plaintext') return;
  if (mode === 'ask') {
    const yes = vscode.l10n.t('Check as a report');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('This file looks like an annual report. Check it as one?'), yes);
    if (answer !== yes) return;
  }
  await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

/** 导出数据: the server lists the active report's figures as CSV; shown in an untitled editor. */
async function exportFigures(): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const result = uri && client ? await client.sendRequest<{ csv: string; count: number } | null>('govreport/figures', { uri }) : null;
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report to export its figures.'));
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ content: result.csv });
  await vscode.window.showTextDocument(doc);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
