/**
 * Send back with comments (Word): the clerk's .docx — the one chosen in the explorer, or the one the
 * active report was opened from — back with every finding as a Word comment (批注) on its words. The
 * client reads the file's bytes (any file system), the server anchors the comments
 * (govreport.reviewDocx), the client asks where to save (draft.reviewed.docx beside it by default)
 * and never replaces a file without asking. A caller (another extension, a test) may name the file to
 * write as `{ target }` after the .docx; then there is no save dialog. Resolves with the file written.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SERVER_COMMANDS, SOURCE_SCHEME } from '../../server/src/protocol';
import { originalUri, toBase64 } from './sourceDocuments';

interface Reviewed {
  readonly base64: string;
  readonly fileName: string;
  readonly comments: number;
  readonly kept: number;
}

function fromBase64(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The .docx to review: the one given, else the one behind the active report, else the one in the active tab. */
function docxOf(uri?: vscode.Uri): vscode.Uri | undefined {
  const candidates = [uri, vscode.window.activeTextEditor?.document.uri];
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
  candidates.push(tab?.uri);
  for (const c of candidates) {
    if (!c) continue;
    const file = c.scheme === SOURCE_SCHEME ? originalUri(c) : c;
    if (/\.docx$/i.test(file.path)) return file;
  }
  return undefined;
}

/** What a caller may pass after the .docx (the explorer passes the selection, an array: ignored). */
export interface SendBackOptions {
  /** Where to write the reviewed file, instead of asking with a save dialog. */
  readonly target?: vscode.Uri;
}

export async function sendBackWithComments(
  client: BaseLanguageClient,
  uri?: vscode.Uri,
  options: SendBackOptions = {},
): Promise<vscode.Uri | undefined> {
  let file = docxOf(uri);
  if (!file) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Word document')]: ['docx'] } });
    file = picked?.[0];
  }
  if (!file) return;
  let result: Reviewed;
  try {
    const bytes = await vscode.workspace.fs.readFile(file);
    result = await client.sendRequest<Reviewed>('workspace/executeCommand', {
      command: SERVER_COMMANDS.reviewDocx,
      arguments: [{ uri: file.toString(), data: toBase64(bytes) }],
    });
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
    return;
  }
  const target =
    options.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(file, '..', result.fileName),
      filters: { [vscode.l10n.t('Word document')]: ['docx'] },
      title: vscode.l10n.t('Send back with comments (Word)'),
    }));
  if (!target) return;
  const name = target.path.replace(/^.*\//, '');
  if (target.toString() === file.toString()) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Choose another name: the clerk's file stays as it was."));
    return;
  }
  let there = true;
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    there = false;
  }
  if (there) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', name), { modal: true }, replace);
    if (answer !== replace) return;
  }
  await vscode.workspace.fs.writeFile(target, fromBase64(result.base64));
  void vscode.window.showInformationMessage(vscode.l10n.t('Wrote {0} with {1} comments', name, result.comments));
  return target;
}
