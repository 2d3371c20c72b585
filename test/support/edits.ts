/** Applies LSP text edits to a text, as an editor does (edits must not overlap). */
import { TextIndex } from '../../server/src/core/text';
import type { TextEdit } from '../../server/src/core';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new TextIndex(text);
  const sorted = [...edits].sort((a, b) => index.offsetAt(b.range.start) - index.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, index.offsetAt(e.range.start)) + e.newText + out.slice(index.offsetAt(e.range.end));
  return out;
}
