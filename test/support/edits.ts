/** Applies LSP text edits to a text, as an editor does (edits must not overlap). */
import { TextIndex } from '../../server/src/core/text/lineIndex';
import type { TextEdit } from '../../server/src/core';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new TextIndex(text);
  const located = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }));
  located.sort((a, b) => a.start - b.start);
  // One pass, pieces joined once: tens of thousands of edits stay linear in the text's length.
  const pieces: string[] = [];
  let at = 0;
  for (const e of located) {
    pieces.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
