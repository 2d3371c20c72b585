/**
 * Lays a PDF's text lines out as report text, one paragraph a line (DOMAIN.md §6–§7): page numbers
 * (— 3 —, 第3页, Page 3, 3/10) and running headers and footers repeated across pages are dropped; a
 * line that fills the width continues on the next line when that one is not indented (a new
 * paragraph starts indented two characters), also across a page break, so a wrapped sentence or
 * heading is one line again; spaces a PDF puts between Chinese and digits are removed.
 * Pure: positioned lines in, text out.
 */

export interface PdfLine {
  readonly text: string;
  /** Left and right ends and baseline, in PDF points (y grows upwards). */
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  /** The line's font size. */
  readonly size: number;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly PdfLine[];
}

const PAGE_NUMBER = [
  /^[-—–－~\s]*\d{1,4}[-—–－~\s]*$/, // — 3 —, - 3 -, 3
  /^第\s*\d{1,4}\s*页(\s*(?:[,，/]\s*)?共\s*\d{1,4}\s*页)?$/, // 第3页, 第3页 共10页
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/,
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i, // Page 3, Page 3 of 10
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // 3/10
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return t !== '' && PAGE_NUMBER.some((re) => re.test(t));
}

/** Lines near the top or bottom edge: where page numbers, headers and footers are. */
const EDGE_LINES = 2;

/** A header's or footer's text with its numbers taken out, so 第3页 and 第4页 compare equal. */
const shape = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

function dropChrome(pages: readonly PdfPage[]): PdfLine[][] {
  const sorted = pages.map((p) => [...p.lines].sort((a, b) => b.y - a.y || a.x0 - b.x0));
  // Running headers and footers: the same text at a page's edge on most pages.
  const edgeCount = new Map<string, number>();
  for (const lines of sorted) {
    const edges = new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)].map((l) => shape(l.text)));
    for (const s of edges) edgeCount.set(s, (edgeCount.get(s) ?? 0) + 1);
  }
  const running = (l: PdfLine) => pages.length >= 2 && (edgeCount.get(shape(l.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.6));
  // A page number is the page's first or last line, or next to it when most pages have one there.
  const edgeOf = (lines: readonly PdfLine[]) => [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
  const numbered = sorted.filter((lines) => edgeOf(lines).some((l) => isPageNumber(l.text))).length;
  const numberedPages = pages.length >= 2 && numbered >= pages.length / 2;
  return sorted.map((lines) =>
    lines.filter((l, i) => {
      const outermost = i === 0 || i === lines.length - 1;
      const atEdge = i < EDGE_LINES || i >= lines.length - EDGE_LINES;
      const pageNumber = isPageNumber(l.text) && (outermost ? lines.length > 1 : atEdge && numberedPages);
      return l.text.trim() !== '' && !pageNumber && !(atEdge && running(l));
    }),
  );
}

/** The largest value (rounded to a point) that at least two lines share, or the fallback when none repeats. */
function maxRepeated(values: readonly number[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  const repeated = [...counts].filter(([, c]) => c >= 2).map(([v]) => v);
  return repeated.length ? Math.max(...repeated) : fallback;
}

/** The most common value (rounded to a point). */
function mode(values: readonly number[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) ((best = v), (bestCount = c));
  return best;
}

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const SPACE_AFTER_CJK = new RegExp(`([${CJK}])[ \\t\\u00a0]+(?=[0-9%])`, 'gu');
const SPACE_BEFORE_CJK = new RegExp(`([0-9%])[ \\t\\u00a0]+(?=[${CJK}])`, 'gu');
const SPACE_BETWEEN_PUNCT = new RegExp(
  `([\\u3000-\\u303f\\uff00-\\uffef])[ \\t\\u00a0]+(?=[${CJK}])|([${CJK}])[ \\t\\u00a0]+(?=[\\u3000-\\u303f\\uff00-\\uffef])`,
  'gu',
);

/** Removes the spaces a PDF puts between Chinese and digits (2024 年 → 2024年) or full-width punctuation; words keep theirs. */
export function closeCjkSpaces(text: string): string {
  return text.replace(SPACE_AFTER_CJK, '$1').replace(SPACE_BEFORE_CJK, '$1').replace(SPACE_BETWEEN_PUNCT, '$1$2');
}

/** Joins a wrapped line to the one before: a space only between two Latin words. */
function joinWrapped(a: string, b: string): string {
  return /[A-Za-z0-9,;:]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

export function layoutPages(pages: readonly PdfPage[]): string {
  const bodyPages = dropChrome(pages);
  const all = bodyPages.flat();
  if (all.length === 0) return '';
  const size = mode(
    all.map((l) => l.size),
    12,
  );
  // The text block: its right edge is where full lines end (the furthest end two lines share); its left
  // edge where lines start at the far left (continuation lines; first lines are indented)
  // (no two lines end alike: nothing is known to fill the width, so nothing is joined).
  const right = maxRepeated(
    all.filter((l) => l.size <= size * 1.1).map((l) => l.x1),
    Infinity,
  );
  const starts = all.filter((l) => l.size <= size * 1.1).map((l) => l.x0);
  const leftEdge = -maxRepeated(
    starts.map((x) => -x),
    -Math.min(...(starts.length ? starts : all.map((l) => l.x0))),
  );

  // The line pitch: the most common distance between consecutive lines of body text on a page. A
  // larger gap (a blank line, space between paragraphs) ends a paragraph even without an indent.
  const gaps = bodyPages.flatMap((lines) =>
    lines
      .slice(1)
      .map((l, i) => lines[i].y - l.y)
      .filter((g) => g > 0),
  );
  const pitch = mode(gaps, size * 1.5);

  const out: string[] = [];
  let previous: PdfLine | undefined;
  for (const lines of bodyPages) {
    lines.forEach((line, i) => {
      const text = closeCjkSpaces(line.text.replace(/\s+/g, ' ').trim());
      // Indented: starts right of the left edge, or with spaces drawn as text (full-width spaces).
      const indented = Math.abs(line.x0 - leftEdge) >= size * 0.5 || /^(\u3000|[ \u00a0]{2,})/.test(line.text);
      const spacedApart = i > 0 && lines[i - 1].y - line.y > pitch * 1.6;
      const continues =
        previous !== undefined &&
        out.length > 0 &&
        previous.x1 >= right - size * 1.2 && // the line before filled the width…
        !indented && // …this one is not indented…
        !spacedApart && // …nor set apart by a wider gap
        Math.abs(line.size - previous.size) < size * 0.2 &&
        !isPageNumber(text);
      if (continues) out[out.length - 1] = joinWrapped(out[out.length - 1], text);
      else out.push(text);
      previous = line;
    });
  }
  return out.join('\n');
}
