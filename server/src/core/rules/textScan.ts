/** Helpers for rules that read the words of a line: the content between debris spans. */
import type { AnalysisContext } from '../context';
import type { CleanLine } from '../debris';
import type { OutlineNode } from '../model';

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

/** The words of a section after its heading (debris left out), line by line. */
export function sectionLines(ctx: AnalysisContext, node: OutlineNode): string[] {
  const from = ctx.index.offsetAt(node.selectionRange.end);
  const to = node.endOffset;
  const out: string[] = [];
  // Only the section's own lines: from its heading's line until `to` (linear in the section, not the document).
  for (let i = node.line; i < ctx.lines.length; i++) {
    const cl = ctx.lines[i];
    if (cl.line.start >= to) break;
    if (cl.line.end < from) continue;
    const parts = contentSegments(cl).map(([a, b]) => {
      const s = Math.max(cl.line.start + a, from);
      const e = Math.min(cl.line.start + b, to);
      return e > s ? ctx.text.slice(s, e) : '';
    });
    out.push(parts.join(''));
  }
  return out;
}

/** The words of a section after its heading (debris left out), one line per line. */
export function sectionBody(ctx: AnalysisContext, node: OutlineNode): string {
  return sectionLines(ctx, node).join('\n');
}
