/**
 * Applies text edits (LSP ranges in the original text, non-overlapping) to a text: what an editor
 * does with a workspace edit, for front ends without an editor (`govreport check --fix`).
 */
import type { TextEdit } from '../model';
import { TextIndex } from '../text/lineIndex';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const index = new TextIndex(text);
  const spans = edits
    .map((e) => ({ from: index.offsetAt(e.range.start), to: index.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  // Built front to back in one pass (slicing from the end would copy the whole text per edit).
  const out: string[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.from < at) continue; // overlaps the edit before it: an editor would refuse both; we keep the first
    out.push(text.slice(at, s.from), s.text);
    at = Math.max(at, s.to);
  }
  out.push(text.slice(at));
  return out.join('');
}
