/**
 * The VS Code client for the browser (vscode.dev, the web-worker extension host): the same thin
 * client as extension.ts, with the language server in a web worker (dist/web/server.js) instead of
 * a Node process. package.json's `browser` entry points here.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { LANGUAGE_ID, clientOptions, onServerNotifications } from './common';
import { syncWorkspaceFile } from './workspaceFile';

// The web worker constructor of the extension host (this tsconfig has no DOM lib).
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const worker = new Worker(serverMain.toString(true));
  client = new LanguageClient(LANGUAGE_ID, vscode.l10n.t('Government report language server'), clientOptions('any'), worker);
  onServerNotifications(client);
  await client.start();
  syncWorkspaceFile(client, context);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
