/**
 * Recognises structural numbering (GB/T 9704 §7.3.3: 一、 （一） 1. （1）) at the start of a
 * line, tolerant of what real drafts contain, and 一是/二是 items at a line start or inside a
 * paragraph. Produces flat tokens; outline.ts builds the tree.
 */
import type { CleanLine } from './cleanLines';
import type { OrdinalStyle } from '../model';
import { parseSmallChineseNumber, toHalfWidthDigits } from '../text/numerals';
import { isRowLabel } from './tableRows';

export interface HeadingToken {
  readonly kind: 'heading' | 'item';
  readonly style: OrdinalStyle;
  readonly rank: number;
  readonly value: number;
  readonly line: number;
  /** Absolute offsets. */
  readonly start: number;
  readonly ordinalEnd: number;
  readonly titleStart: number;
  readonly titleEnd: number;
  readonly ordinalText: string;
  readonly variants: readonly string[];
}

export const RANK: Record<OrdinalStyle, number> = {
  'cn-comma': 1,
  'cn-paren': 2,
  'num-dot': 3,
  'num-paren': 4,
  item: 5,
};

const CN = '[一二三四五六七八九十]{1,3}';
const NUM = '[0-9０-９]{1,2}';
const SP = '[ \\t\\u3000\\u00a0]*';

// Not "一、二季度…" / "一、二类…": an enumeration of numerals is prose, not a heading.
const LEVEL1 = new RegExp(`^(${CN})${SP}([、．.，,])(?![一二三四五六七八九十][、季月类级])${SP}`);
const LEVEL2 = new RegExp(`^([（(])${SP}(${CN})${SP}([）)])(${SP}[、．.，,])?${SP}`);
const LEVEL3 = new RegExp(`^(${NUM})${SP}([.．、,，])(?![0-9０-９])${SP}`);
const LEVEL4 = new RegExp(`^([（(])${SP}(${NUM})${SP}([）)])(${SP}[、．.，,])?${SP}`);
/** One-sided brackets, `一)` and `1)` (a typewriter habit): read as （一） and （1）, flagged by heading-style. */
const ONE_SIDED_CN = new RegExp(`^(${CN})${SP}([)）])${SP}`);
const ONE_SIDED_NUM = new RegExp(`^(${NUM})${SP}([)）])${SP}`);

/** Where a heading's title stops: the end of its first sentence (run-in headings). */
// A full-width colon ends it too: （一）强化组织领导：镇党委… runs its body in after a colon.
const TITLE_END = /[。！？!?：]/;
/** Where an item's title stops: the first clause. */
const ITEM_TITLE_END = /[，,。；;：:！？!?]/;
const MAX_TITLE = 80;

/**
 * An item ordinal may follow the line start, white space, or punctuation closing a clause.
 * As a regex (the specification; test/items.test.ts checks findItems against it):
 * /(^|[\s\u3000。；;：:，,！？!?、”’）)】」])([一二三四五六七八九十]{1,3})是(?![的否非])/g over the
 * line's content. findItems implements it by looking at each 是 only, which is several
 * times faster than running the regex over every paragraph.
 */
const ITEM_BOUNDARY = /[\s\u3000。；;：:，,！？!?、”’）)】」]/;
const ITEM_NUMERALS = '一二三四五六七八九十';
const ITEM_NOT_BEFORE = '的否非';

function titleEndIn(text: string, from: number, to: number, stop: RegExp): number {
  const slice = text.slice(from, Math.min(to, from + MAX_TITLE * 4));
  const m = stop.exec(slice);
  let end = m ? from + m.index : Math.min(to, from + slice.length);
  // Trim trailing spaces.
  while (end > from && /\s|\u3000/.test(text[end - 1])) end--;
  return end;
}

/**
 * A heading's shape, in offsets relative to the start of the line's content: what the content
 * alone decides. Kept with the line's class, so an unchanged line is not matched again;
 * `matchHeading` places it on the line where it now is.
 */
export interface HeadingShape {
  readonly style: OrdinalStyle;
  readonly value: number;
  readonly start: number;
  readonly ordinalEnd: number;
  readonly titleStart: number;
  readonly titleEnd: number;
  readonly ordinalText: string;
  readonly variants: readonly string[];
}

/** The heading at the start of a line's content (its text without indentation and leading debris), or null. */
export function headingShape(content: string): HeadingShape | null {
  if (content.length === 0) return null;
  const first = content[0];
  let style: OrdinalStyle;
  let m: RegExpExecArray | null;
  let value: number | null = null;
  const variants: string[] = [];
  if ((m = LEVEL1.exec(content))) {
    style = 'cn-comma';
    value = parseSmallChineseNumber(m[1]);
    if (m[2] !== '、') variants.push(`delimiter:${m[2]}`);
  } else if ((first === '（' || first === '(') && (m = LEVEL2.exec(content))) {
    style = 'cn-paren';
    value = parseSmallChineseNumber(m[2]);
    if (m[1] !== '（' || m[3] !== '）') variants.push('half-width-bracket');
    if (m[4]) variants.push(`trailing:${m[4].trim()}`);
  } else if ((m = LEVEL3.exec(content))) {
    style = 'num-dot';
    value = Number(toHalfWidthDigits(m[1]));
    if (/[０-９]/.test(m[1])) variants.push('full-width-digit');
    if (m[2] !== '.') variants.push(`delimiter:${m[2]}`);
  } else if ((first === '（' || first === '(') && (m = LEVEL4.exec(content))) {
    style = 'num-paren';
    value = Number(toHalfWidthDigits(m[2]));
    if (m[1] !== '（' || m[3] !== '）') variants.push('half-width-bracket');
    if (/[０-９]/.test(m[2])) variants.push('full-width-digit');
    if (m[4]) variants.push(`trailing:${m[4].trim()}`);
  } else if ((m = ONE_SIDED_CN.exec(content))) {
    style = 'cn-paren';
    value = parseSmallChineseNumber(m[1]);
    variants.push('one-sided');
  } else if ((m = ONE_SIDED_NUM.exec(content))) {
    style = 'num-paren';
    value = Number(toHalfWidthDigits(m[1]));
    variants.push('one-sided');
    if (/[０-９]/.test(m[1])) variants.push('full-width-digit');
  } else {
    return null;
  }
  if (value === null || value <= 0) return null;
  const start = 0;
  const ordinalText = m[0].replace(/(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]+$/, '');
  const titleStart = start + m[0].length;
  const titleEnd = titleEndIn(content, titleStart, content.length, TITLE_END);
  // A bare ordinal with nothing after it is not a heading (e.g. a stray "1." line).
  if (titleEnd <= titleStart) return null;
  // A table row with its number cells (一、本年新收…数量 10 2 0…, a flattened table's piece) is not a heading.
  if (isRowLabel(content, titleStart, content.length)) return null;
  // "1.5万" and the like were excluded by the regexes; a numbered line that is a date is not a heading.
  return { style, value, start, ordinalEnd: start + ordinalText.length, titleStart, titleEnd, ordinalText, variants };
}

/**
 * Each line's token as last placed: a line that is the same object at the same offset (the lines
 * before an edit; those after it have moved) gets the same token back, and the passes that ask a
 * line more than once make one. A line object outlives a shift of its offset (text/lineIndex.ts),
 * so the offset is compared.
 */
const placed = new WeakMap<CleanLine, HeadingToken>();
/**
 * The shape of each line class's content, kept by the class's debris list (one array per class,
 * cleanLines.ts: the lines of one text share it from analysis to analysis). The content is kept
 * too and compared, so a list shared otherwise can only cost a match, never give a wrong shape.
 */
const shapes = new WeakMap<object, { readonly content: string; readonly shape: HeadingShape | null }>();

/** The shape of a structural heading at the content start of a line (where it is aside), or null. */
export function headingShapeOf(cl: CleanLine): HeadingShape | null {
  if (cl.isDebris || cl.contentStart >= cl.contentEnd) return null;
  const content = cl.content ?? cl.line.text.slice(cl.contentStart, cl.contentEnd);
  let kept = shapes.get(cl.debris);
  if (kept === undefined || kept.content !== content) shapes.set(cl.debris, (kept = { content, shape: headingShape(content) }));
  return kept.shape;
}

/** Recognises a structural heading at the content start of a line that starts at `lineStart` in the text, or returns null. */
export function matchHeading(cl: CleanLine, lineStart: number): HeadingToken | null {
  const shape = headingShapeOf(cl);
  if (shape === null) return null;
  const at = lineStart + cl.contentStart;
  let token = placed.get(cl);
  if (token !== undefined && token.start === at + shape.start) return token;
  token = placeShape(shape, at, cl.line.index);
  placed.set(cl, token);
  return token;
}

function placeShape(shape: HeadingShape, contentStart: number, line: number): HeadingToken {
  return {
    kind: 'heading',
    style: shape.style,
    rank: RANK[shape.style],
    value: shape.value,
    line,
    start: contentStart + shape.start,
    ordinalEnd: contentStart + shape.ordinalEnd,
    titleStart: contentStart + shape.titleStart,
    titleEnd: contentStart + shape.titleEnd,
    ordinalText: shape.ordinalText,
    variants: shape.variants,
  };
}

/**
 * Finds 一是/二是… items in a line that starts at `lineStart` in the text, from `from` (a line-relative offset) on. The caller keeps
 * the sequence check (an item counts only as 一是 or as the successor of the previous one).
 */
export function findItems(cl: CleanLine, lineStart: number, from: number): HeadingToken[] {
  const text = cl.line.text;
  const start = Math.max(from, cl.contentStart);
  const limit = cl.contentEnd;
  if (start >= limit) return [];
  let q = text.indexOf('是', start);
  if (q < 0 || q >= limit) return [];
  // The content is [start, limit): `^` means `start`, and nothing past `limit` is seen.
  const out: HeadingToken[] = [];
  // Where the previous match ended: matches do not overlap (the regex's lastIndex).
  let scanFrom = start;
  for (; q >= 0 && q < limit; q = text.indexOf('是', q + 1)) {
    let r = q;
    while (r > start && q - r < 4 && ITEM_NUMERALS.includes(text[r - 1])) r--;
    const len = q - r;
    if (len < 1 || len > 3) continue;
    // The numerals follow the content start (only before any match) or a boundary character.
    const atStart = r === start && scanFrom === start;
    if (!atStart && !(r > start && r - 1 >= scanFrom && ITEM_BOUNDARY.test(text[r - 1]))) continue;
    if (q + 1 < limit && ITEM_NOT_BEFORE.includes(text[q + 1])) continue;
    scanFrom = q + 1;
    const value = parseSmallChineseNumber(text.slice(r, q));
    if (value === null) continue;
    const ordinalLen = len + 1;
    const titleStartRel = r + ordinalLen;
    const titleEndRel = titleEndIn(text, titleStartRel, limit, ITEM_TITLE_END);
    if (titleEndRel <= titleStartRel) continue;
    const base = lineStart;
    out.push({
      kind: 'item',
      style: 'item',
      rank: RANK.item,
      value,
      line: cl.line.index,
      start: base + r,
      ordinalEnd: base + r + ordinalLen,
      titleStart: base + titleStartRel,
      titleEnd: base + titleEndRel,
      ordinalText: text.slice(r, q) + '是',
      variants: [],
    });
  }
  return out;
}

/** The level-1 heading token of a line that lost its ordinal `value`. */
export function lostOrdinalHeading(cl: CleanLine, lineStart: number, value: number): HeadingToken {
  const start = lineStart + cl.contentStart;
  return {
    kind: 'heading',
    style: 'cn-comma',
    rank: RANK['cn-comma'],
    value,
    line: cl.line.index,
    start,
    ordinalEnd: start,
    titleStart: start,
    titleEnd: lineStart + cl.contentEnd,
    ordinalText: '',
    variants: ['lost-ordinal'],
  };
}
