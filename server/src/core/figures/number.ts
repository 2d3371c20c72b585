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

const ARABIC = /[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/y;
const CHINESE = /[零〇一二两三四五六七八九十百千万亿]+/y;
const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const WAN = '万'.charCodeAt(0);
const YI = '亿'.charCodeAt(0);
const YUAN = '元'.charCodeAt(0);

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A Chinese numeral in positional form (一百二十, 三万五千, 十五). Runs of bare digits (八五,
 * 二〇二四) are names or years, not quantities: null.
 */
export function parseChineseNumber(s: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let bareDigits = 0;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit !== null && DIGIT[ch] !== 0 && digit !== 0) return null; // 八五: two digits in a row
      digit = DIGIT[ch];
      bareDigits++;
    } else if (ch in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[ch];
      digit = null;
      bareDigits = 0;
    } else if (ch in MULTIPLIER) {
      section += digit ?? 0;
      if (section === 0) section = 1;
      total += section * MULTIPLIER[ch];
      section = 0;
      digit = null;
      bareDigits = 0;
    } else return null;
  }
  if (bareDigits > 1 && s.length > 1 && !/[十百千万亿]/.test(s)) return null;
  return total + section + (digit ?? 0);
}

/** Half-width digits and points only (most numbers): read as they are, nothing to replace. */
function plainDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x30 || c > 0x39) && c !== 0x2e) return false;
  }
  return true;
}

/** The number starting exactly at `at`, or null. Does not look at what precedes it. */
export function numberAt(text: string, at: number): NumberToken | null {
  ARABIC.lastIndex = at;
  const a = ARABIC.exec(text);
  if (a) {
    let value = plainDigits(a[0]) ? Number(a[0]) : Number(toHalfWidthDigits(a[0]).replace(/,/g, '').replace('．', '.'));
    let end = at + a[0].length;
    // 5万元 is 5 of the unit 万元; 1万余份 is 10000+ 份. Read by character code: `text[end] in
    // MULTIPLIER` made and hashed a one-character string for every number (issue 27).
    const m = text.charCodeAt(end);
    if ((m === WAN || m === YI) && text.charCodeAt(end + 1) !== YUAN) {
      value *= m === WAN ? 1e4 : 1e8;
      end++;
    }
    return Number.isFinite(value) ? { value, end, chinese: false } : null;
  }
  CHINESE.lastIndex = at;
  const c = CHINESE.exec(text);
  if (!c) return null;
  let s = c[0];
  // 三万元 → 三 + 万元; keep the unit whole.
  if (/[万亿]$/.test(s) && text[at + s.length] === '元') s = s.slice(0, -1);
  const value = s ? parseChineseNumber(s) : null;
  return value === null ? null : { value, end: at + s.length, chinese: true };
}
