/** Small reads of an open document that several features need. */
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The text of one line, without its line break. */
export function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/** The document's line break, judged from its first line (no scan of the whole text). */
export function eolOf(doc: TextDocument): string {
  return doc.lineCount > 1 && lineTextWithBreak(doc, 0).endsWith('\r\n') ? '\r\n' : '\n';
}

function lineTextWithBreak(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
}
