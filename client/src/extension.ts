/**
 * The VS Code client for desktop (Node extension host) — thin by design: it starts the language
 * server, forwards its requests, and acts on what the server decides (common.ts). No analysis
 * happens here. browserExtension.ts is the same client for vscode.dev.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, clientOptions, onServerNotifications, registerClientCommands } from './common';
import { manageClient } from './lifecycle';
import { RestartPolicy } from './restartPolicy';
import { syncWorkspaceFile } from './workspaceFile';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Over stdio, as every other editor: the server frames each message in one write and writes the
  // document symbols straight as JSON bytes there (server/src/lsp/stdioWriter.ts, jsonBytes.ts); over IPC
  // Node encodes every message itself (a 2 MB symbol answer of a heading-heavy report: ~30 ms against ~9).
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = new LanguageClient(LANGUAGE_ID, vscode.l10n.t('Government report language server'), serverOptions, {
    ...clientOptions('local'),
    errorHandler: crashHandler(new RestartPolicy()),
  });
  onServerNotifications(client);
  const managed = manageClient(context, client, () => syncWorkspaceFile(managed, context));
  registerClientCommands(context, managed);
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

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
