/**
 * The VS Code client for desktop (Node extension host) — thin by design: it starts the language
 * server, forwards its requests, and acts on what the server decides (common.ts). No analysis
 * happens here. browserExtension.ts is the same client for vscode.dev.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, clientOptions, onServerNotifications, registerClientCommands } from './common';
import { syncWorkspaceFile } from './workspaceFile';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = new LanguageClient(LANGUAGE_ID, vscode.l10n.t('Government report language server'), serverOptions, clientOptions('local'));
  onServerNotifications(client);
  registerClientCommands(context, client);
  await client.start();
  syncWorkspaceFile(client, context);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
