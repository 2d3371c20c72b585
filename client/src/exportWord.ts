/**
 * Export to Word: the server builds the GB/T 9704 .docx (govreport.exportDocx); the client asks
 * where to save it (next to the report by default) and writes it through the workspace file system,
 * so it works on disk and in vscode.dev alike. A report with findings still exports; the message
 * says which mandatory parts are missing and how many errors remain.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID, SERVER_COMMANDS } from '../../server/src/protocol';

interface Exported {
  readonly base64: string;
  readonly fileName: string;
  readonly missingParts: readonly { readonly id: string; readonly name: string }[];
  readonly errors: number;
  /** What is still wrong, in the server's language (missing parts, 主送机关/落款/成文日期, errors and warnings, replaced characters). */
  readonly problems?: readonly string[];
}

/** Whether a file is there already (the save dialog may not have asked). */
async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** base64 → bytes with atob (both extension hosts have it; the web one has no Buffer). */
function fromBase64(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function defaultTarget(doc: vscode.TextDocument, fileName: string): vscode.Uri | undefined {
  if (!doc.isUntitled) return vscode.Uri.joinPath(doc.uri, '..', fileName);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, fileName) : undefined;
}

export async function exportWord(client: BaseLanguageClient): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report to export it to Word.'));
    return;
  }
  const result = await client.sendRequest<Exported | null>('workspace/executeCommand', {
    command: SERVER_COMMANDS.exportDocx,
    arguments: [{ uri: doc.uri.toString() }],
  });
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The report could not be exported.'));
    return;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: defaultTarget(doc, result.fileName),
    filters: { [vscode.l10n.t('Word document')]: ['docx'] },
    title: vscode.l10n.t('Export to Word'),
  });
  if (!target) return;
  const name = target.path.replace(/^.*\//, '');
  // Never replace a file without asking: a clerk's own report.docx may sit where the export goes.
  if (await exists(target)) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', name), { modal: true }, replace);
    if (answer !== replace) return;
  }
  await vscode.workspace.fs.writeFile(target, fromBase64(result.base64));
  const problems: string[] = result.problems ? [...result.problems] : [];
  if (!result.problems && result.missingParts.length)
    problems.push(vscode.l10n.t('missing mandatory parts: {0}', result.missingParts.map((p) => p.name).join('、')));
  if (!result.problems && result.errors) problems.push(vscode.l10n.t('{0} errors remain', result.errors));
  if (problems.length) void vscode.window.showWarningMessage(vscode.l10n.t('Exported {0}; {1}', name, problems.join('; ')));
  else void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', name));
}
