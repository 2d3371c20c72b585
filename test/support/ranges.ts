/** Geometry checks shared by the bad-input battery and the property tests. */
import type { Position, Range } from 'vscode-languageserver-protocol';

/** UTF-16 length of each line, split the way LSP splits: CRLF, CR or LF. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

export function lastPosition(text: string): Position {
  const lens = lineLengths(text);
  return { line: lens.length - 1, character: lens[lens.length - 1] };
}

export function validPosition(p: Position, lens: readonly number[]): boolean {
  return (
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.line < lens.length &&
    p.character >= 0 &&
    p.character <= lens[p.line]
  );
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** The range is well formed and lies inside the document. */
export function insideDocument(r: Range, lens: readonly number[]): boolean {
  return validPosition(r.start, lens) && validPosition(r.end, lens) && before(r.start, r.end);
}

export function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
