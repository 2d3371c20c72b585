/**
 * Hard-wrapped text (DOMAIN.md §7: PDF text comes out broken at the line width, about 28
 * characters on a GB/T 9704 page, with page numbers and running headers between pages). When
 * most lines have the same visual width, the text is hard-wrapped at that width: a line that
 * fills it continues on the next content line (across a page number or running header), so a
 * heading broken over two lines is one heading and a sentence broken over lines is one sentence.
 */
import type { CleanLine } from './cleanLines';
import { headingShapeOf } from './headingShapes';
import { documentMemo, type AnalysisCache } from '../text/lineCache';
import type { TextIndex } from '../text/lineIndex';
import { visualWidth, WIDTH_MEASURED } from '../text/width';

/** Where a heading's title ends inside the line it continues on (as headings.ts reads a title). */
const TITLE_END = /[。！？!?：]/;

/**
 * A heading that fills its line and is not ended there continues on the next line (when that is
 * the very next line): returns the line-relative end of its rest there, or -1. `titleEnd`: where
 * the title ends in its line (line-relative).
 */
export function wrappedHeadingEnd(wrap: HardWrap | undefined, lines: readonly CleanLine[], i: number, titleEnd: number): number {
  const cl = lines[i];
  if (!wrap || titleEnd !== cl.contentEnd || wrap.next.get(i) !== i + 1) return -1;
  const next = lines[i + 1];
  const rest = next.line.text.slice(next.contentStart, next.contentEnd);
  const stop = TITLE_END.exec(rest);
  return next.contentStart + (stop ? stop.index : rest.length);
}

/** A line starting 一是/二是 starts a new item: a heading or clause before it is complete. */
const ITEM_START = /^[一二三四五六七八九十]{1,3}是/;
const MIN_WIDTH = 15;
/**
 * The widest wrap width looked for. Below WIDTH_MEASURED - 1 (text/width.ts): a kept width is exact up
 * to there, and only known to be wider beyond (test/visualWidth.test.ts holds the two apart).
 */
export const MAX_WIDTH = 60;
const MIN_LINES = 5;
/** Share of the content lines that must have the wrap width. */
const MIN_SHARE = 0.3;
/** A line this close to the width fills it (a half-width character or a squeezed mark less). */
const SLACK = 1.5;

export interface HardWrap {
  /** The visual width the text is wrapped at. */
  readonly width: number;
  /** Line → the content line it continues on. */
  readonly next: ReadonlyMap<number, number>;
}

// From the line start: a paragraph's first line is indented and still fills the width.
// Kept with the line's class when scanDebris made the line (cleanLines.ts), in halves.
const widthOf = (cl: CleanLine) =>
  cl.widthInHalves !== undefined ? cl.widthInHalves / 2 : visualWidth(cl.line.text, 0, cl.contentEnd, WIDTH_MEASURED);

/**
 * How many content lines the document has and how many of each width (MIN_WIDTH to MAX_WIDTH, by
 * the floor of their width), as its last analysis counted them: with the document's cache, an
 * analysis counts again only the lines that are not the objects they were (issue 27: every line's
 * width read at each keystroke, 0.35 ms of one into the varied 1 MB).
 */
interface WidthCounts {
  /** The analysis the counts are of (its line index), and its lines. */
  index?: TextIndex;
  lines: readonly CleanLine[];
  readonly byWidth: Int32Array;
  content: number;
}
const WIDTH_COUNTS = documentMemo<WidthCounts>('hardWrapWidths', () => ({ lines: [], byWidth: new Int32Array(MAX_WIDTH + 1), content: 0 }));

/** Adds (`sign` 1) or takes away (-1) a line's share of the counts. */
function count(counts: WidthCounts, cl: CleanLine, sign: 1 | -1): void {
  if (cl.isDebris || cl.contentStart >= cl.contentEnd) return;
  counts.content += sign;
  const w = Math.floor(widthOf(cl));
  if (w >= MIN_WIDTH && w <= MAX_WIDTH) counts.byWidth[w] += sign;
}

/** A line outside the edit: counted again only when it does not read as it did (a line moved by the edit is a new object that does). */
function recount(counts: WidthCounts, was: CleanLine, now: CleanLine): void {
  if (sameShare(was, now)) return;
  count(counts, was, -1);
  count(counts, now, 1);
}

/** Whether two lines count alike: the same debris-ness, content span and width (their text's when they keep none). */
function sameShare(a: CleanLine, b: CleanLine): boolean {
  if (a === b) return true;
  if (a.isDebris !== b.isDebris || a.contentStart !== b.contentStart || a.contentEnd !== b.contentEnd) return false;
  return a.widthInHalves !== undefined ? a.widthInHalves === b.widthInHalves : b.widthInHalves === undefined && a.line.text === b.line.text;
}

/**
 * The edited region, in the last analysis's lines (`first` to `oldEnd`) and in this one's (`first` to
 * `newEnd`), as the cache's shift says; the lines before it and after it are the same lines, in
 * order. Undefined when the shift does not describe these two line counts.
 */
function editOf(cache: AnalysisCache, count: number, lastCount: number): { first: number; oldEnd: number; newEnd: number } | undefined {
  const { first, oldTail, newTail } = cache.shift;
  const known = Number.isFinite(newTail);
  const oldEnd = known ? oldTail : lastCount;
  const newEnd = known ? newTail : count;
  if (first > oldEnd || first > newEnd || oldEnd > lastCount || newEnd > count || count - newEnd !== lastCount - oldEnd) return undefined;
  return { first, oldEnd, newEnd };
}

/**
 * The counts of `lines`: from the last analysis's when the lines were updated from it (`index`: this
 * analysis's line index), each line that is not the object it was taken away as it was and added as
 * it is — a line outside the edit may read differently now (a web page's tail opened above it).
 */
function widthCounts(lines: readonly CleanLine[], cache: AnalysisCache | undefined, index: TextIndex | undefined): WidthCounts {
  const counts = cache && index ? cache.document(WIDTH_COUNTS) : { lines: [], byWidth: new Int32Array(MAX_WIDTH + 1), content: 0 };
  const last = counts.lines;
  const moved = cache && counts.index !== undefined && counts.index === cache.index ? editOf(cache, lines.length, last.length) : undefined;
  if (moved === undefined) {
    counts.byWidth.fill(0);
    counts.content = 0;
    for (const cl of lines) count(counts, cl, 1);
  } else {
    const { first, oldEnd, newEnd } = moved;
    for (let j = first; j < oldEnd; j++) count(counts, last[j], -1);
    for (let i = first; i < newEnd; i++) count(counts, lines[i], 1);
    for (let i = 0; i < first; i++) recount(counts, last[i], lines[i]);
    for (let i = newEnd, j = oldEnd; i < lines.length; i++, j++) recount(counts, last[j], lines[i]);
  }
  counts.lines = lines;
  counts.index = index;
  return counts;
}

/**
 * The text's wrap width and which lines continue on which, or null when the text is not hard-wrapped.
 * With the document's cache and this analysis's line index, the widths are counted from the last
 * analysis's counts (`widthCounts`); the result is the same.
 */
export function findHardWrap(lines: readonly CleanLine[], cache?: AnalysisCache, index?: TextIndex): HardWrap | null {
  const { byWidth, content } = widthCounts(lines, cache, index);
  let width = 0;
  let best = 0;
  for (let w = MIN_WIDTH; w <= MAX_WIDTH; w++) {
    const n = byWidth[w];
    if (n === 0) continue;
    // Lines one narrower belong to the same width (a half-width character, a squeezed mark).
    const around = n + byWidth[w - 1];
    // Of two widths as common, the wider (widths are tried narrowest first).
    if (around >= best) {
      best = around;
      width = w;
    }
  }
  if (best < MIN_LINES || best < content * MIN_SHARE) return null;
  const next = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    const cl = lines[i];
    if (cl.isDebris || cl.contentStart >= cl.contentEnd || widthOf(cl) < width - SLACK) continue;
    const j = continuation(lines, i);
    if (j >= 0) next.set(i, j);
  }
  return { width, next };
}

/**
 * The content line a full line continues on: the next one, or the one after a page break (page
 * numbers, running headers and the blank lines around them). -1 when a blank line ends the
 * paragraph or the next line is a heading.
 */
function continuation(lines: readonly CleanLine[], i: number): number {
  let pageBreak = false;
  let blank = false;
  for (let k = i + 1; k < lines.length; k++) {
    const c = lines[k];
    if (c.isDebris) {
      if (c.debris.some((d) => d.kind === 'page-number' || d.kind === 'running-header')) pageBreak = true;
      continue;
    }
    if (c.contentStart >= c.contentEnd) {
      blank = true;
      continue;
    }
    if ((blank && !pageBreak) || headingShapeOf(c) || ITEM_START.test(c.line.text.slice(c.contentStart, c.contentEnd))) return -1;
    return k;
  }
  return -1;
}
