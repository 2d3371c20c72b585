/**
 * Numbers as reports write them: Arabic digits (full-width too, decimals, thousands separators)
 * with 万/亿 multipliers (1万余, 9.5万), and Chinese numerals (两, 十余, 一百二十, 三万).
 */
import { toHalfWidthDigits } from '../text/numerals';

export interface NumberToken {
  readonly value: number;
  /** Offset just past the number (multiplier included). */
  readonly end: number;
  readonly chinese: boolean;
}

/**
 * Read by character code, without a regex or a string per character: every Chinese numeral of the
 * text (一 in 进一步, 统一, 一体化…) comes here, a few thousand per 1 MB analysis (issue 27). The
 * grammar is the one the regexes said: Arabic `[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?`,
 * Chinese `[零〇一二两三四五六七八九十百千万亿]+` (test/fastPaths.test.ts compares the two).
 */
const WAN = '万'.charCodeAt(0);
const YI = '亿'.charCodeAt(0);
const YUAN = '元'.charCodeAt(0);
const COMMA = 0x2c;
const POINT = 0x2e;
const WIDE_POINT = '．'.charCodeAt(0);
const WIDE_ZERO = '０'.charCodeAt(0);

/** What a Chinese numeral character is, by UTF-16 code unit: a digit 0–9 (stored +1: 0 is "not a digit") or a unit. */
const DIGIT_OF = new Uint8Array(0x10000);
const UNIT_OF = new Uint8Array(0x10000);
const UNIT_VALUE = [0, 10, 100, 1000, 1e4, 1e8];
for (const [ch, v] of Object.entries({ 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }))
  DIGIT_OF[ch.charCodeAt(0)] = v + 1;
for (const [k, ch] of ['十', '百', '千', '万', '亿'].entries()) UNIT_OF[ch.charCodeAt(0)] = k + 1;

/** Whether a character code is a half- or full-width digit. */
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= WIDE_ZERO && c <= WIDE_ZERO + 9);
}

/** Whether a character code is one of 零〇一二两三四五六七八九十百千万亿. */
export function isChineseNumeral(c: number): boolean {
  return DIGIT_OF[c] !== 0 || UNIT_OF[c] !== 0;
}

/**
 * A Chinese numeral in positional form (一百二十, 三万五千, 十五). Runs of bare digits (八五,
 * 二〇二四) are names or years, not quantities: null.
 */
export function parseChineseNumber(s: string): number | null {
  return chineseValue(s, 0, s.length);
}

/** parseChineseNumber of `text` from `from` to `to`, read in place. */
function chineseValue(text: string, from: number, to: number): number | null {
  let total = 0;
  let section = 0;
  let digit = -1; // none
  let bareDigits = 0;
  let units = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const d = DIGIT_OF[c] - 1;
    if (d >= 0) {
      if (digit >= 0 && d !== 0 && digit !== 0) return null; // 八五: two digits in a row
      digit = d;
      bareDigits++;
      continue;
    }
    const u = UNIT_VALUE[UNIT_OF[c]];
    if (u === 0) return null;
    units = true;
    if (u < 1e4) section += (digit >= 0 ? digit : 1) * u;
    else {
      section += digit >= 0 ? digit : 0;
      if (section === 0) section = 1;
      total += section * u;
      section = 0;
    }
    digit = -1;
    bareDigits = 0;
  }
  if (bareDigits > 1 && to - from > 1 && !units) return null;
  return total + section + (digit >= 0 ? digit : 0);
}

/** The value of the digit `c` of either width, or -1. */
function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= WIDE_ZERO && c <= WIDE_ZERO + 9) return c - WIDE_ZERO;
  return -1;
}

/**
 * Where the Arabic number read last by arabicNumber ends, and its value when it is a whole number
 * of up to 15 digits (NaN otherwise: then its text says). One reader, filled in place.
 */
const arabic = { end: 0, whole: 0 };

/**
 * The Arabic number starting at `at` (0 digits: end `at`), read in one pass: its end, and the value
 * of a whole number of up to 15 digits of either width, thousands separators passed over (exact, no
 * string made: most numbers of a report). It read the digits three times before (the end, whether
 * they were half-width, their value) and past the line end: the figure stage 14.4-14.9 -> 13.3-13.7 ms.
 */
function arabicNumber(text: string, at: number): void {
  const n = text.length;
  let i = at;
  let value = 0;
  let digits = 0;
  for (let d; i < n && (d = digitValue(text.charCodeAt(i))) >= 0; i++, digits++) value = value * 10 + d;
  arabic.end = i;
  if (i === at) return;
  // Thousands separators: ,ddd not followed by another half-width digit.
  while (i + 3 < n && text.charCodeAt(i) === COMMA) {
    let k = i + 1;
    let group = 0;
    for (let c; k < i + 4 && (c = text.charCodeAt(k)) >= 0x30 && c <= 0x39; k++) group = group * 10 + (c - 0x30);
    const next = k < n ? text.charCodeAt(k) : -1;
    if (k !== i + 4 || (next >= 0x30 && next <= 0x39)) break;
    value = value * 1000 + group;
    digits += 3;
    i = k;
  }
  let whole = true;
  const p = i + 1 < n ? text.charCodeAt(i) : -1;
  if ((p === POINT || p === WIDE_POINT) && isDigit(text.charCodeAt(i + 1))) {
    whole = false;
    i += 2;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  arabic.end = i;
  arabic.whole = whole && digits <= 15 ? value : NaN;
}

/** The number starting exactly at `at`, or null. Does not look at what precedes it. */
export function numberAt(text: string, at: number): NumberToken | null {
  const tok = { value: 0, end: 0, chinese: false };
  return readNumber(text, at, tok) ? tok : null;
}

/** A NumberToken one reader fills at each number in turn (figure extraction: no object per numeral of the text). */
export interface NumberSlot {
  value: number;
  end: number;
  chinese: boolean;
}

/**
 * numberAt into `tok`: whether a number starts at `at` (then `tok` holds it). Every Chinese numeral
 * of a text is asked (一 in 进一步, 统一…): a token object each was 1 MB of a 1 MB analysis (round 17).
 */
export function readNumber(text: string, at: number, tok: NumberSlot): boolean {
  arabicNumber(text, at);
  let end = arabic.end;
  if (end > at) {
    const whole = arabic.whole;
    let value = !Number.isNaN(whole) ? whole : Number(toHalfWidthDigits(text.slice(at, end)).replace(/,/g, '').replace('．', '.'));
    // 5万元 is 5 of the unit 万元; 1万余份 is 10000+ 份.
    const m = text.charCodeAt(end);
    if ((m === WAN || m === YI) && text.charCodeAt(end + 1) !== YUAN) {
      value *= m === WAN ? 1e4 : 1e8;
      end++;
    }
    if (!Number.isFinite(value)) return false;
    tok.value = value;
    tok.end = end;
    tok.chinese = false;
    return true;
  }
  while (end < text.length && isChineseNumeral(text.charCodeAt(end))) end++;
  // 三万元 → 三 + 万元; keep the unit whole.
  const last = text.charCodeAt(end - 1);
  if (end > at && (last === WAN || last === YI) && text.charCodeAt(end) === YUAN) end--;
  const value = end > at ? chineseValue(text, at, end) : null;
  if (value === null) return false;
  tok.value = value;
  tok.end = end;
  tok.chinese = true;
  return true;
}
