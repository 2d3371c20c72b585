/**
 * Hard-wrapped text (DOMAIN.md §7: PDF text comes out broken at the line width, about 28
 * characters on a GB/T 9704 page, with page numbers and running headers between pages). When
 * most lines have the same visual width, the text is hard-wrapped at that width: a line that
 * fills it continues on the next content line (across a page number or running header), so a
 * heading broken over two lines is one heading and a sentence broken over lines is one sentence.
 */
import type { CleanLine } from './cleanLines';
import { headingShapeOf } from './headingShapes';
import { visualWidth } from '../text/width';

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
const MAX_WIDTH = 60;
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
// Kept with the line's class when scanDebris made the line (debris.ts).
const widthOf = (cl: CleanLine) => cl.width ?? visualWidth(cl.line.text, 0, cl.contentEnd);

/** The text's wrap width and which lines continue on which, or null when the text is not hard-wrapped. */
export function findHardWrap(lines: readonly CleanLine[]): HardWrap | null {
  const counts = new Map<number, number>();
  let content = 0;
  for (const cl of lines) {
    if (cl.isDebris || cl.contentStart >= cl.contentEnd) continue;
    content++;
    const w = Math.floor(widthOf(cl));
    if (w >= MIN_WIDTH && w <= MAX_WIDTH) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let width = 0;
  let best = 0;
  for (const [w, n] of counts) {
    // Lines one narrower belong to the same width (a half-width character, a squeezed mark).
    const around = n + (counts.get(w - 1) ?? 0);
    if (around > best || (around === best && w > width)) {
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
