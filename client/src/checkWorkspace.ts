/**
 * 检查工作区中的所有报告 / Check All Reports in the Workspace: asks the server to check every report
 * file of the workspace folder (SERVER_COMMANDS.checkFolder), whose diagnostics then show in the
 * Problems view for files that are not open; says what was found and opens the view.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SERVER_COMMANDS } from '../../server/src/protocol';

export async function checkWorkspace(client: BaseLanguageClient): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to check the reports in it.'));
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking the reports in the workspace…') },
    () =>
      client.sendRequest<{ message: string; errors: number; warnings: number }>('workspace/executeCommand', {
        command: SERVER_COMMANDS.checkFolder,
        arguments: [{ uri: folder.uri.toString() }],
      }),
  );
  await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  void vscode.window.showInformationMessage(result.message);
}
