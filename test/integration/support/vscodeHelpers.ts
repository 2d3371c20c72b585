/** Helpers for the extension-host tests: open fixtures, wait for events (never sleep). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'govreport.govreport';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder must be open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Activates the extension (which resolves once its language client has started). */
export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  await ext.activate();
}

export async function openEditor(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc);
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Resolves with the diagnostics of `uri` as soon as `ready` holds for them (checked now and on each change event). */
export function diagnosticsWhen(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const d = vscode.languages.getDiagnostics(uri);
      if (!ready(d)) return false;
      sub.dispose();
      resolve(d);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Resolves with the document once it is open with language `languageId` (now or after a language switch). */
export function documentInLanguage(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
  return new Promise((resolve) => {
    const done = (doc: vscode.TextDocument): boolean => {
      if (doc.uri.toString() !== uri.toString() || doc.languageId !== languageId) return false;
      sub.dispose();
      resolve(doc);
      return true;
    };
    const sub = vscode.workspace.onDidOpenTextDocument(done);
    vscode.workspace.textDocuments.some(done);
  });
}

export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
  return symbols ?? [];
}
