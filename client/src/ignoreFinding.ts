/**
 * 在本工作区忽略此问题 / Ignore this finding in this workspace: the server's quick fix names this
 * command with `{ rule, text }`; it is added to `ignore` in the `.govreport.json` at the root of the
 * first workspace folder (created when absent), as LTeX writes its hidden false positives. The file
 * watcher (workspaceFile.ts) sends the new file to the server, which re-checks without the finding.
 * Only in a trusted workspace: an untrusted one's file is not read, so it is not written either.
 */
import * as vscode from 'vscode';
import { WORKSPACE_FILE } from '../../server/src/protocol';

export async function ignoreFinding(entry: { rule?: unknown; text?: unknown } | undefined): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || !vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Findings can be ignored only in a trusted workspace folder (its .govreport.json).'),
    );
    return;
  }
  if (typeof entry?.rule !== 'string' || typeof entry.text !== 'string') return;
  const uri = vscode.Uri.joinPath(folder.uri, WORKSPACE_FILE);
  let config: Record<string, unknown> = {};
  try {
    config = JSON.parse(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri))) as Record<string, unknown>;
  } catch (e) {
    // Absent: a new file. Present but not JSON: never overwritten (the writer's file), said instead.
    if (!(e instanceof vscode.FileSystemError)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not valid JSON; the finding was not ignored.', WORKSPACE_FILE));
      return;
    }
  }
  const ignore = Array.isArray(config.ignore) ? (config.ignore as { rule: string; text: string }[]) : [];
  if (!ignore.some((i) => i.rule === entry.rule && i.text === entry.text)) ignore.push({ rule: entry.rule, text: entry.text });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify({ ...config, ignore }, null, 2) + '\n'));
}
