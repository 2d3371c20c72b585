/**
 * What the figure extraction decides at a number, one named question each: is it part of a
 * number already read, is it excluded whatever follows (a 《title》, a heading ordinal, a date, a
 * slogan, 一 as an article), and which quantity does it start (modifiers, unit, 数十 before it).
 */
import { vocab, words } from './data';
import { isChineseNumeral, type NumberToken } from './number';

/**
 * The questions below are asked at every number of the text, Chinese numerals included (一 in
 * 进一步, 统一…): they read character codes, never a one-character string or a regex (issue 27).
 */
/** The marks that join a date's or a time's numbers, by UTF-16 unit (a table: asked twice at every number). */
const DATE_JOIN = new Uint8Array(0x10000);
for (const c of '-/·•:：．.') DATE_JOIN[c.charCodeAt(0)] = 1;
const WIDE_ZERO = '０'.charCodeAt(0);
const PLUS = '+'.charCodeAt(0);
const WIDE_PLUS = '＋'.charCodeAt(0);

/** [0-9０-９] */
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= WIDE_ZERO && c <= WIDE_ZERO + 9);
}

/** [0-9０-９.．,]: what an Arabic number is made of. */
function isArabicChar(c: number): boolean {
  return isDigit(c) || c === 0x2e || c === 0xff0e || c === 0x2c;
}

/** The character at `i` continues the number before it (read already): 1|2|8, 一|百|二十. */
export function continuesNumber(L: string, i: number, segmentStart: number): boolean {
  if (i <= segmentStart) return false;
  const prev = L.charCodeAt(i - 1);
  return isChineseNumeral(L.charCodeAt(i)) ? isChineseNumeral(prev) : isArabicChar(prev);
}

/** After 第, 附件 and the other words of `notAfter` (第六次, 附件2). */
function afterExcludedWord(L: string, i: number, segmentStart: number): boolean {
  return i > segmentStart && words.notAfter.before(L, i) !== undefined;
}

/** Part of a slogan or formula: 1+6+1, 5+2, a slogan of the list. */
function isSlogan(L: string, i: number, tok: NumberToken): boolean {
  const next = L.charCodeAt(tok.end);
  return next === PLUS || next === WIDE_PLUS || !!words.slogans.at(L, i);
}

/**
 * Joined to another number by a date or time mark: 2026-02-09, 6·26, 3:00. Only positions inside the
 * line are read: a character code past either end is NaN, and a typed array indexed by NaN takes the
 * runtime's slow path (this test was 4 % of the figure stage, most of it there; without those reads,
 * which could only answer no, ~1 %).
 */
function isDateLike(L: string, i: number, tok: NumberToken): boolean {
  const end = tok.end;
  return (
    (end + 1 < L.length && DATE_JOIN[L.charCodeAt(end)] === 1 && isDigit(L.charCodeAt(end + 1))) ||
    (i >= 2 && DATE_JOIN[L.charCodeAt(i - 1)] === 1 && isDigit(L.charCodeAt(i - 2)))
  );
}

/** A Chinese numeral inside quotes (“三统一”) or meaning "one" (一次性, 一件事). */
function isQuotedOrArticle(tok: NumberToken, inQuote: boolean): boolean {
  return tok.chinese && (inQuote || tok.value <= 1);
}

/**
 * A number that is no figure whatever follows it. `segmentStart`: where the content piece starts;
 * `inBookTitle`, `inQuote`: inside 《…》, “…”; `ordinal`: the heading ordinal's characters on the
 * line, if any (arguments, not an object: asked at every number).
 */
export function notAFigure(
  L: string,
  i: number,
  tok: NumberToken,
  segmentStart: number,
  inBookTitle: boolean,
  inQuote: boolean,
  ordinal: ReadonlySet<number> | undefined,
): boolean {
  return (
    inBookTitle ||
    isQuotedOrArticle(tok, inQuote) ||
    !!ordinal?.has(i) ||
    afterExcludedWord(L, i, segmentStart) ||
    isSlogan(L, i, tok) ||
    isDateLike(L, i, tok)
  );
}

/**
 * The quantity the number at `i` starts when it is a figure: notAFigure(…) ? null : quantityAt(…),
 * both questions without side effects, asked in another order. Of the varied 1 MB's 17,000 numbers,
 * 4,000 are 一 as an article (asked first, as before) and 9,000 of the rest have no unit: the unit is
 * looked for before the exclusions that need the words around the number (ordinal, 第, slogan, date).
 */
export function figureAt(
  L: string,
  i: number,
  tok: NumberToken,
  segmentStart: number,
  clauseStart: number,
  inBookTitle: boolean,
  inQuote: boolean,
  ordinal: ReadonlySet<number> | undefined,
): Quantity | null {
  if (inBookTitle || isQuotedOrArticle(tok, inQuote)) return null;
  const q = quantityAt(L, i, tok, clauseStart);
  if (q === null || !!ordinal?.has(i) || afterExcludedWord(L, i, segmentStart) || isSlogan(L, i, tok) || isDateLike(L, i, tok)) return null;
  return q;
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
  let modifier = words.approximateInside.at(L, end);
  if (modifier) end += modifier.length;
  const unit = words.units.at(L, end);
  if (!unit || (tok.chinese && !modifier && vocab.unitsNotAfterChinese.has(unit))) return null;
  end += unit.length;
  const after = !modifier ? words.approximateAfter.at(L, end) : undefined;
  if (after) {
    modifier = after;
    end += after.length;
  }
  let start = i;
  // 数十场, 几百人: approximate (only before Chinese numerals: 人数120人 is exact).
  const before = words.approximateBefore.before(L, i) ?? (tok.chinese ? words.approximateBeforeChinese.before(L, i) : undefined);
  if (before && i - before.length >= clauseStart) {
    modifier = modifier ?? before;
    start = i - before.length;
  }
  return { start, end, unit, modifier };
}
