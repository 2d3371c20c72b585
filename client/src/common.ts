/**
 * What the Node client (extension.ts) and the browser client (browserExtension.ts) share: which
 * documents the server sees, and acting on what the server decides. Type-only imports from
 * vscode-languageclient, so each bundle keeps its own (node or browser) runtime.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { CLIENT_COMMANDS, LANGUAGE_ID, NOTIFICATIONS, REQUESTS, SETTINGS } from '../../server/src/protocol';
import { checkWorkspace } from './checkWorkspace';
import { assessorPageForFolder } from './assessorPage';
import { exportWord } from './exportWord';
import { sendBackWithComments } from './reviewWord';
import { ignoreFinding } from './ignoreFinding';
import { newReport } from './newReport';
import { registerPasteAsReport } from './pasteAsReport';
import { registerSourceDocuments } from './sourceDocuments';
import { PreviewPanel } from './preview/previewPanel';
import { registerStatusBar } from './statusBar';

export { LANGUAGE_ID };

/** `local`: files on disk and untitled drafts (desktop); `any`: every scheme (vscode.dev's virtual file systems). */
export function clientOptions(schemes: 'local' | 'any'): LanguageClientOptions {
  // Plain-text drafts go to the server only so it can tell whether they look like a report.
  const plainText =
    schemes === 'local'
      ? [
          { language: 'plaintext', scheme: 'file' },
          { language: 'plaintext', scheme: 'untitled' },
        ]
      : [{ language: 'plaintext' }];
  return {
    documentSelector: [{ language: LANGUAGE_ID }, ...plainText],
    // clientCommands: what the server's answers may name (the ignore quick fix).
    initializationOptions: { locale: vscode.env.language, clientCommands: [CLIENT_COMMANDS.ignoreFinding] },
    // The server pulls `govreport.*` settings; this makes the client tell it when they change.
    synchronize: { configurationSection: SETTINGS.section },
    middleware: {
      // Server commands (SERVER_COMMANDS.renumber) run from the palette get the active document.
      executeCommand: (command, args, next) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        return next(command, args.length === 0 && uri ? [uri] : args);
      },
    },
  };
}

export function onServerNotifications(client: BaseLanguageClient): void {
  client.onNotification(NOTIFICATIONS.looksLikeReport, (p: { uri: string }) => offerReportLanguage(p.uri));
}

async function offerReportLanguage(uri: string): Promise<void> {
  const mode = vscode.workspace.getConfiguration(SETTINGS.section).get<string>(SETTINGS.detect, 'ask');
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!doc || mode === 'off' || doc.languageId !== 'plaintext') return;
  if (mode === 'ask') {
    const yes = vscode.l10n.t('Check as a report');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('This file looks like an annual report. Check it as one?'),
      yes,
    );
    if (answer !== yes) return;
  }
  await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

/** Commands the client implements itself (both clients: package.json declares them for desktop and web). */
export function registerClientCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.newReport, () => newReport(client)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.exportFigures, () => exportFigures(client)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.exportWord, () => exportWord(client)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.sendBackWithComments, (uri?: vscode.Uri, options?: unknown) =>
      sendBackWithComments(client, uri, optionsArg(options)),
    ),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showPreview, () => PreviewPanel.show(context, client)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.findSimilar, () => findSimilar(client)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.checkWorkspace, () => checkWorkspace(client)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.assessorPageForFolder, (uri?: vscode.Uri) => assessorPageForFolder(client, uri)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.ignoreFinding, (entry?: { rule?: unknown; text?: unknown }) => ignoreFinding(entry)),
  );
  registerStatusBar(context, client);
  registerSourceDocuments(context, client);
  registerPasteAsReport(context, client);
}

/** A command's options object; the explorer passes the selected resources (an array) in its place. */
function optionsArg<T extends object>(value: unknown): T {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : ({} as T);
}

/** 查找相似报告: pairs of reports in the active report's folder sharing text; a chosen pair opens side by side. */
async function findSimilar(client: BaseLanguageClient): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const result = uri
    ? await client.sendRequest<{ pairs: { a: string; b: string; similarity: number; sameBody: boolean; shared: unknown[] }[] } | null>(
        REQUESTS.similar,
        { uri },
      )
    : null;
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report to compare the reports of its folder.'));
    return;
  }
  if (result.pairs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No two reports in this folder share 30% of their text.'));
    return;
  }
  const name = (u: string) => decodeURIComponent(u.replace(/^.*\//, ''));
  const items = result.pairs.map((p) => ({
    label: `${Math.round(p.similarity * 100)}%  ${name(p.a)} ↔ ${name(p.b)}`,
    description: p.sameBody ? vscode.l10n.t('same body') : '',
    detail: vscode.l10n.t('{0} shared paragraphs', p.shared.length),
    pair: p,
  }));
  const chosen = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Reports sharing text, most similar first') });
  if (chosen)
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(chosen.pair.a), vscode.Uri.parse(chosen.pair.b), chosen.label);
}

/** 导出数据: the server lists the active report's figures as CSV; shown in an untitled editor. */
async function exportFigures(client: BaseLanguageClient): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const result = uri ? await client.sendRequest<{ csv: string; count: number } | null>(REQUESTS.figures, { uri }) : null;
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report to export its figures.'));
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ content: result.csv });
  await vscode.window.showTextDocument(doc);
}
