/**
 * Positioned text pieces (pdf.js text items, or an OFD's text codes made into the same shape) grouped
 * into lines: same baseline, left to right, table cells told apart by wide gaps, rotated text marked.
 * Pure: pieces in, lines out (./layout lays them out).
 */
import type { PdfLine } from './layout';

export interface TextItem {
  readonly str: string;
  readonly transform: number[];
  readonly width: number;
  readonly height: number;
  readonly hasEOL?: boolean;
}

interface Glyphs {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly rotated: boolean;
}

/**
 * Groups pdf.js text items into lines (same baseline), left to right. The items are sorted by
 * baseline once and grouped in one pass (looking each item's line up among all lines was quadratic);
 * no spread of a line's pieces into Math.max (200,000 glyphs on one baseline overflowed the stack).
 * Pieces set apart by more than a character's width are a table row's cells (`cells`).
 */
export function toLines(items: readonly TextItem[]): PdfLine[] {
  const glyphs: Glyphs[] = items
    .filter((i) => i.str !== '' && i.transform)
    .map((i) => {
      const [a, b, c, d, x, y] = i.transform;
      const size = Math.hypot(c, d) || i.height || 1;
      return { str: i.str, x, y, width: i.width, size, rotated: Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1 };
    })
    .sort((p, q) => q.y - p.y);
  const lines: { y: number; size: number; parts: Glyphs[] }[] = [];
  for (const g of glyphs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - g.y) < Math.min(line.size, g.size) * 0.5) line.parts.push(g);
    else lines.push({ y: g.y, size: g.size, parts: [g] });
  }
  return lines.map((l) => {
    const parts = l.parts.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let size = 0;
    const cells: string[] = [''];
    let wide = 0;
    for (const p of parts) {
      const gap = p.x - end;
      // A visible gap between two pieces is a space (Latin words); ./layout removes the ones next to Chinese.
      if (text && gap > p.size * 0.25 && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      if (text && gap > p.size * 1.2) {
        cells.push('');
        wide++;
      }
      text += p.str;
      cells[cells.length - 1] += p.str;
      end = Math.max(end, p.x + p.width);
      if (p.size > size) size = p.size;
    }
    const trimmed = cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean);
    // A table row: three cells or more, or two of which one is a figure (项目 | 9); two names side by
    // side in a 落款 are not a table.
    const row = trimmed.length >= 3 || (trimmed.length === 2 && trimmed.some((c) => /^[\d.,，%％]+\s*\S{0,2}$/.test(c)));
    return {
      text,
      x0: parts[0].x,
      x1: end,
      y: l.y,
      size,
      ...(row && wide ? { cells: trimmed } : {}),
      ...(parts.every((p) => p.rotated) ? { rotated: true } : {}),
    };
  });
}
