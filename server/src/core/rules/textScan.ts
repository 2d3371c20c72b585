/** Helpers for rules that read the words of a line: the content between debris spans. */
import type { AnalysisContext } from './context';
import { contentSegments } from '../lines/segments';
import type { OutlineNode } from '../model';

/** The words of a section after its heading (debris left out), line by line. */
export function sectionLines(ctx: AnalysisContext, node: OutlineNode): string[] {
  const from = ctx.index.offsetAt(node.selectionRange.end);
  const to = ctx.index.offsetAt(node.range.end);
  const out: string[] = [];
  // Only the section's own lines: from its heading's line until `to` (linear in the section, not the document).
  for (let i = node.line; i < ctx.lines.length; i++) {
    const cl = ctx.lines[i];
    const start = ctx.index.lineStart(cl.line.index);
    if (start >= to) break;
    if (start + cl.line.text.length < from) continue;
    const parts = contentSegments(cl).map(([a, b]) => {
      const s = Math.max(start + a, from);
      const e = Math.min(start + b, to);
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
