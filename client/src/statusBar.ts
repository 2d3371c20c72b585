/**
 * The status-bar item of the active report: the line the server words (`govreport/status`:
 * profile, 必备部分 3/4, errors and warnings), refreshed when the active editor or its diagnostics
 * change; a click opens the Problems view. Hidden for any other document.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID, REQUESTS } from '../../server/src/protocol';

interface ReportStatus {
  readonly text: string;
  readonly tooltip: string;
  readonly errors: number;
}

export function registerStatusBar(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const item = vscode.window.createStatusBarItem('govreport.status', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Government report');
  item.command = 'workbench.panel.markers.view.focus';
  let asked = 0;
  const refresh = async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) return item.hide();
    const mine = ++asked;
    const status = await client.sendRequest<ReportStatus | null>(REQUESTS.status, { uri: doc.uri.toString() }).catch(() => null);
    if (mine !== asked) return; // a newer refresh is under way
    if (!status) return item.hide();
    item.text = `$(${status.errors ? 'warning' : 'pass'}) ${status.text}`;
    item.tooltip = status.tooltip;
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    // The server has analysed the new version when its diagnostics arrive.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri && e.uris.some((u) => u.toString() === uri)) void refresh();
    }),
    vscode.workspace.onDidOpenTextDocument((d) => d === vscode.window.activeTextEditor?.document && refresh()),
  );
  void refresh();
}
