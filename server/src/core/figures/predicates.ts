/**
 * What the figure extraction decides at a number, one named question each: is it part of a
 * number already read, is it excluded whatever follows (a 《title》, a heading ordinal, a date, a
 * slogan, 一 as an article), and which quantity does it start (modifiers, unit, 数十 before it).
 */
import { vocab, wordAt, wordBefore } from './data';
import type { NumberToken } from './number';

const DATE_JOIN = /[-/·•:：．.]/;
const ARABIC_CHAR = /[0-9０-９.．,]/;
const CHINESE_NUM_CHAR = /[零〇一二两三四五六七八九十百千万亿]/;
const DIGIT = /[0-9０-９]/;

/** The character at `i` continues the number before it (read already): 1|2|8, 一|百|二十. */
export function continuesNumber(L: string, i: number, segmentStart: number): boolean {
  if (i <= segmentStart) return false;
  const prev = L[i - 1];
  return CHINESE_NUM_CHAR.test(L[i]) ? CHINESE_NUM_CHAR.test(prev) : ARABIC_CHAR.test(prev);
}

/** After 第, 附件 and the other words of `notAfter` (第六次, 附件2). */
function afterExcludedWord(L: string, i: number, segmentStart: number): boolean {
  return i > segmentStart && vocab.notAfter.some((w) => L.startsWith(w, i - w.length));
}

/** Part of a slogan or formula: 1+6+1, 5+2, a slogan of the list. */
function isSlogan(L: string, i: number, tok: NumberToken): boolean {
  const next = L[tok.end];
  return next === '+' || next === '＋' || !!wordAt(L, i, vocab.slogans);
}

/** Joined to another number by a date or time mark: 2026-02-09, 6·26, 3:00. */
function isDateLike(L: string, i: number, tok: NumberToken): boolean {
  return (
    (DATE_JOIN.test(L[tok.end] ?? '') && DIGIT.test(L[tok.end + 1] ?? '')) || (DATE_JOIN.test(L[i - 1] ?? '') && DIGIT.test(L[i - 2] ?? ''))
  );
}

/** A Chinese numeral inside quotes (“三统一”) or meaning "one" (一次性, 一件事). */
function isQuotedOrArticle(tok: NumberToken, inQuote: boolean): boolean {
  return tok.chinese && (inQuote || tok.value <= 1);
}

/** Where the number stands among what the loop has read of the content piece. */
export interface NumberPlace {
  readonly segmentStart: number;
  /** Inside 《…》. */
  readonly inBookTitle: boolean;
  /** Inside “…”. */
  readonly inQuote: boolean;
  /** The heading ordinal's characters on this line, if any. */
  readonly ordinal: ReadonlySet<number> | undefined;
}

/** A number that is no figure whatever follows it. */
export function notAFigure(L: string, i: number, tok: NumberToken, at: NumberPlace): boolean {
  return (
    at.inBookTitle ||
    !!at.ordinal?.has(i) ||
    afterExcludedWord(L, i, at.segmentStart) ||
    isSlogan(L, i, tok) ||
    isDateLike(L, i, tok) ||
    isQuotedOrArticle(tok, at.inQuote)
  );
}

/** The quantity a number starts: its text [start, end), unit and approximating word. */
export interface Quantity {
  readonly start: number;
  readonly end: number;
  readonly unit: string;
  readonly modifier: string | undefined;
}

/**
 * The number with what qualifies it — 余/多 inside (1万余份), a unit (none: not a figure), 以上/左右
 * after, 数/几/近 before (only within the clause) — or null.
 */
export function quantityAt(L: string, i: number, tok: NumberToken, clauseStart: number): Quantity | null {
  let end = tok.end;
  let modifier = wordAt(L, end, vocab.approximateInside);
  if (modifier) end += modifier.length;
  const unit = wordAt(L, end, vocab.units);
  if (!unit || (tok.chinese && !modifier && vocab.unitsNotAfterChinese.has(unit))) return null;
  end += unit.length;
  const after = !modifier ? wordAt(L, end, vocab.approximateAfter) : undefined;
  if (after) {
    modifier = after;
    end += after.length;
  }
  let start = i;
  // 数十场, 几百人: approximate (only before Chinese numerals: 人数120人 is exact).
  const before = wordBefore(L, i, vocab.approximateBefore) ?? (tok.chinese ? wordBefore(L, i, vocab.approximateBeforeChinese) : undefined);
  if (before && i - before.length >= clauseStart) {
    modifier = modifier ?? before;
    start = i - before.length;
  }
  return { start, end, unit, modifier };
}
