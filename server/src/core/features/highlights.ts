/**
 * What the editor colours by meaning (semantic tokens): heading ordinals and 一是 items from the
 * outline, figures (value and unit), dates, 《document names》 and debris. One-line spans, sorted, never overlapping; the
 * LSP layer only encodes them. The TextMate grammar colours the same things when this is off.
 */
import type { OutlineNode, ReportModel } from '../model';

export type HighlightKind = 'ordinal' | 'item' | 'date' | 'document' | 'debris' | 'figure' | 'unit';

export interface Highlight {
  readonly line: number;
  /** UTF-16 column. */
  readonly character: number;
  readonly length: number;
  readonly kind: HighlightKind;
}

const DATE = /[0-9０-９]{4}年[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?|(?<![0-9])[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9])/g;
const DOCUMENT = /《[^《》\r\n]*》/g;

export function highlights(model: ReportModel, text: string): Highlight[] {
  const out: Highlight[] = [];
  const visit = (nodes: readonly OutlineNode[]) => {
    for (const n of nodes) {
      const r = n.ordinal.range;
      out.push({
        line: r.start.line,
        character: r.start.character,
        length: r.end.character - r.start.character,
        kind: n.kind === 'item' ? 'item' : 'ordinal',
      });
      visit(n.children);
    }
  };
  visit(model.outline);
  for (const f of model.figures) {
    // 1万余份 → value 1万余, unit 份; 100%以上 → value 100, unit %, the modifier after it plain.
    const r = f.range;
    const at = f.unit ? f.text.lastIndexOf(f.unit) : -1;
    if (r.start.line !== r.end.line || at < 0) continue;
    if (at > 0) out.push({ line: r.start.line, character: r.start.character, length: at, kind: 'figure' });
    out.push({ line: r.start.line, character: r.start.character + at, length: f.unit.length, kind: 'unit' });
  }
  for (const d of model.debris) {
    if (d.range.start.line === d.range.end.line)
      out.push({
        line: d.range.start.line,
        character: d.range.start.character,
        length: d.range.end.character - d.range.start.character,
        kind: 'debris',
      });
  }
  text.split(/\r\n|\r|\n/).forEach((lineText, line) => {
    for (const [re, kind] of [
      [DOCUMENT, 'document'],
      [DATE, 'date'],
    ] as const) {
      re.lastIndex = 0;
      for (let m = re.exec(lineText); m; m = re.exec(lineText)) out.push({ line, character: m.index, length: m[0].length, kind });
    }
  });
  // Sorted by position; a span inside an earlier one (a year inside a document name) is dropped.
  out.sort((a, b) => a.line - b.line || a.character - b.character || b.length - a.length);
  const kept: Highlight[] = [];
  for (const h of out) {
    const prev = kept[kept.length - 1];
    if (h.length <= 0) continue;
    if (prev && prev.line === h.line && h.character < prev.character + prev.length) continue;
    kept.push(h);
  }
  return kept;
}
