/**
 * Sends the workspace's `.govreport.json` to the server — only in a trusted workspace, only the
 * file at the root of the first workspace folder, parsed as JSON data (never executed). The
 * server validates it. Re-sent when the file changes or the workspace becomes trusted.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { NOTIFICATIONS, WORKSPACE_FILE as FILE } from '../../server/src/protocol';

const NOTIFICATION = NOTIFICATIONS.workspaceConfig;

async function read(folder: vscode.WorkspaceFolder | undefined): Promise<unknown> {
  if (!folder || !vscode.workspace.isTrusted) return null;
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, FILE));
    return JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    return null; // absent or not JSON: no workspace configuration
  }
}

export function syncWorkspaceFile(client: BaseLanguageClient, context: vscode.ExtensionContext): void {
  const send = async () => client.sendNotification(NOTIFICATION, { config: await read(vscode.workspace.workspaceFolders?.[0]) });
  void send();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, FILE));
    watcher.onDidCreate(send);
    watcher.onDidChange(send);
    watcher.onDidDelete(send);
    context.subscriptions.push(watcher);
  }
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(send), vscode.workspace.onDidChangeWorkspaceFolders(send));
}
