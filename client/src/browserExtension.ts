/**
 * The VS Code client for the browser (vscode.dev, the web-worker extension host): the same thin
 * client as extension.ts, with the language server in a web worker (dist/web/server.js) instead of
 * a Node process. package.json's `browser` entry points here.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { LANGUAGE_ID, clientOptions, onServerNotifications, registerClientCommands } from './common';
import { manageClient } from './lifecycle';
import { syncWorkspaceFile } from './workspaceFile';

// The web worker constructor of the extension host (this tsconfig has no DOM lib).
type Worker = ConstructorParameters<typeof LanguageClient>[3];
declare const Worker: new (url: string) => Worker;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await startWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js'));
  client = new LanguageClient(LANGUAGE_ID, vscode.l10n.t('Government report language server'), clientOptions('any'), worker);
  onServerNotifications(client);
  const managed = manageClient(context, client, () => syncWorkspaceFile(managed, context));
  registerClientCommands(context, managed);
}

async function startWorker(serverMain: vscode.Uri): Promise<Worker> {
  try {
    return new Worker(serverMain.toString(true));
  } catch {
    // VS Code cannot start a worker from a remote extension's URL ("Creating workers from remote extensions
    // is currently not supported": code-server, remote web hosts); from a blob URL of the same script it can.
    // Such a worker cannot load dist/web/docx.js (the Word exporter, imported on the first export) by its address
    // either (a vscode-remote: URI): it gets a blob URL of it too.
    const script = await vscode.workspace.fs.readFile(serverMain);
    const docxScript = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(serverMain, '..', 'docx.js'));
    const docxUrl = URL.createObjectURL(new Blob([docxScript], { type: 'text/javascript' }));
    const prelude = `self.GOVREPORT_DOCX_URL = ${JSON.stringify(docxUrl)};\n`;
    return new Worker(URL.createObjectURL(new Blob([prelude, script], { type: 'text/javascript' })));
  }
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
