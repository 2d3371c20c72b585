/**
 * Edits shared by rules and front ends: fixing every finding of one kind at once, renumbering
 * every level, and the range that removes a whole line. Pure: model and geometry in, edits out.
 */
import type { Finding, OutlineNode, Range, ReportModel, TextEdit } from '../model';
import { renumberEdit } from './skeleton';

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Sorts edits and drops any that overlap an earlier one (they would conflict when applied together). */
export function mergeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && JSON.stringify(last) === JSON.stringify(e)) continue;
    if (last && before(e.range.start, last.range.end)) continue;
    out.push(e);
  }
  return out;
}

/** The edits of the first fix of every finding with this code, merged; empty when fewer than two have fixes. */
export function fixAllEdits(findings: readonly Finding[], code: string): TextEdit[] {
  const fixable = findings.filter((f) => f.code === code && f.fixes?.length);
  if (fixable.length < 2) return [];
  return mergeEdits(fixable.flatMap((f) => f.fixes![0].edits));
}

/** Edits that renumber one group of sibling headings 1, 2, 3 … in the order they stand. */
export function renumberSiblings(nodes: readonly OutlineNode[]): TextEdit[] {
  return nodes.filter((n) => n.kind === 'heading').flatMap((n, i) => renumberEdit(n, i + 1));
}

/** Renumbers every level of the outline (idempotent: a second run gives no edits). */
export function renumberAll(model: Pick<ReportModel, 'outline'>): TextEdit[] {
  const out: TextEdit[] = [];
  const visit = (nodes: readonly OutlineNode[]) => {
    out.push(...renumberSiblings(nodes));
    for (const n of nodes) visit(n.children);
  };
  visit(model.outline);
  return out;
}
