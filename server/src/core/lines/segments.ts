/** The words of a line: the pieces of its content between debris spans, and what counts as a CJK character. */
import type { CleanLine } from './cleanLines';

/** Line-relative [start, end) pieces of a line's content, debris left out. */
export function contentSegments(cl: CleanLine): [number, number][] {
  if (cl.isDebris || cl.contentStart >= cl.contentEnd) return [];
  if (cl.debris.length === 0) return [[cl.contentStart, cl.contentEnd]];
  const segs: [number, number][] = [];
  let from = cl.contentStart;
  for (const d of [...cl.debris].sort((a, b) => a.start - b.start)) {
    if (d.end <= from || d.start >= cl.contentEnd) continue;
    if (d.start > from) segs.push([from, d.start]);
    from = Math.max(from, d.end);
  }
  if (from < cl.contentEnd) segs.push([from, cl.contentEnd]);
  return segs;
}

/** CJK ideographs (and the ideographic number zero). */
export const CJK = /[\u3400-\u9fff\uf900-\ufaff〇]/;
