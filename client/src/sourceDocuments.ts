/**
 * Word, PDF and web files in the editor, as their report text: "Open as report text" shows a file
 * under the govreport-source: scheme — read-only, in the report language, so the outline, findings
 * and hovers all work — with the text the server reads out of the file's bytes (the client only
 * fetches them, from any file system); "Save as .govreport" writes that text to a file to edit.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CLIENT_COMMANDS, LANGUAGE_ID, REQUESTS, SOURCE_SCHEME } from '../../server/src/protocol';

const SOURCE_FILE = /\.(docx|pdf|html?|doc|wps|ofd|rtf|mht|mhtml)$/i;

/** govreport-source:/…/报告.docx.govreport?<the file's URI> — the path names the file, the query finds it. */
export function sourceUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `${file.path}.govreport`, query: file.toString() });
}

export function originalUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(source.query);
}

/** Base64 without Node's Buffer (the web extension host has none). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function registerSourceDocuments(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const file = originalUri(uri);
      try {
        const bytes = await vscode.workspace.fs.readFile(file);
        const r = await client.sendRequest<{ text: string; notes?: string[] }>(REQUESTS.sourceText, {
          uri: file.toString(),
          data: toBase64(bytes),
        });
        // What reading left out or doubted (paragraphs outside a web page's article, an encoding mix-up) is said.
        for (const note of r.notes ?? []) void vscode.window.showWarningMessage(note);
        return r.text;
      } catch (e) {
        // The server's message says why (a .doc to save as .docx, a scanned PDF …), in the editor's language.
        void vscode.window.showErrorMessage((e as Error).message);
        throw e;
      }
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, provider),
    vscode.commands.registerCommand(CLIENT_COMMANDS.openAsReportText, (uri?: vscode.Uri) => openAsReportText(uri)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.saveAsReport, () => saveAsReport()),
  );
}

/** The file of the active tab (a PDF or an HTML file opened in some viewer is not a text editor). */
function activeFile(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
  return input?.uri ?? vscode.window.activeTextEditor?.document.uri;
}

async function openAsReportText(uri?: vscode.Uri): Promise<void> {
  let file = uri ?? activeFile();
  if (!file || !SOURCE_FILE.test(file.path)) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { [vscode.l10n.t('Word, PDF and web pages')]: ['docx', 'doc', 'wps', 'rtf', 'mht', 'mhtml', 'pdf', 'ofd', 'html', 'htm'] },
    });
    file = picked?.[0];
  }
  if (!file) return;
  const doc = await vscode.workspace.openTextDocument(sourceUri(file));
  if (doc.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  await vscode.window.showTextDocument(doc, { preview: false });
}

async function saveAsReport(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.uri.scheme !== SOURCE_SCHEME) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a Word, PDF or web file as report text first.'));
    return;
  }
  const file = originalUri(doc.uri);
  const target = await vscode.window.showSaveDialog({
    defaultUri: file.with({ path: file.path.replace(/\.[^./]+$/, '') + '.govreport' }),
    filters: { [vscode.l10n.t('Report text')]: ['govreport'] },
    saveLabel: vscode.l10n.t('Save as .govreport'),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(doc.getText()));
  await vscode.window.showTextDocument(target);
}
