/**
 * 审核汇总页 / Assessor's page for this folder: asks for a folder of reports (the workspace folder by
 * default; the folder chosen in the explorer when run from there), has the server build the page
 * (SERVER_COMMANDS.assessorPage, the page `govreport check <folder> --format html` writes), writes it
 * as review.html in that folder through the workspace file system and opens it in the browser. A
 * review.html the extension did not write is replaced only when the user says so. Resolves with the
 * file written.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SERVER_COMMANDS } from '../../server/src/protocol';

interface Page {
  readonly html: string;
  readonly fileName: string;
  readonly message: string;
}

/** The page carries this tag (export/assessorPage.ts): a review.html with it was written by us and is rewritten freely. */
const OURS = '<meta name="generator" content="govreport">';

async function chooseFolder(given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: vscode.l10n.t("Make the assessor's page"),
    title: vscode.l10n.t("Folder of reports for the assessor's page"),
  });
  return picked?.[0];
}

/** True when the file may be written: absent, one of our pages, or the user agreed to replace it. */
async function mayWrite(target: vscode.Uri): Promise<boolean> {
  let existing: Uint8Array;
  try {
    existing = await vscode.workspace.fs.readFile(target);
  } catch {
    return true;
  }
  if (new TextDecoder().decode(existing.subarray(0, 2048)).includes(OURS)) return true;
  const replace = vscode.l10n.t('Replace');
  const name = target.path.replace(/^.*\//, '');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', name), { modal: true }, replace);
  return answer === replace;
}

export async function assessorPageForFolder(client: BaseLanguageClient, given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = await chooseFolder(given);
  if (!folder) return;
  let page: Page;
  try {
    page = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Making the assessor's page…") },
      () =>
        client.sendRequest<Page>('workspace/executeCommand', {
          command: SERVER_COMMANDS.assessorPage,
          arguments: [{ uri: folder.toString() }],
        }),
    );
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
    return;
  }
  const target = vscode.Uri.joinPath(folder, page.fileName);
  if (!(await mayWrite(target))) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(page.html));
  void vscode.window.showInformationMessage(page.message);
  await vscode.env.openExternal(target);
  return target;
}
