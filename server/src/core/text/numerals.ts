/** Chinese and full-width numerals, as ordinals are written in headings. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Parses 一 … 九十九 (the range ordinals use). Returns null for anything else. */
export function parseSmallChineseNumber(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null;
  const ten = s.indexOf('十');
  if (ten < 0) {
    return s.length === 1 && s in DIGITS && DIGITS[s] > 0 ? DIGITS[s] : null;
  }
  if (s.indexOf('十', ten + 1) >= 0) return null;
  const high = s.slice(0, ten);
  const low = s.slice(ten + 1);
  const h = high === '' ? 1 : high.length === 1 && DIGITS[high] >= 2 ? DIGITS[high] : null;
  const l = low === '' ? 0 : low.length === 1 && DIGITS[low] >= 1 ? DIGITS[low] : null;
  if (h === null || l === null) return null;
  return h * 10 + l;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 … 99 as Chinese numerals (for ordinals). */
export function toChineseNumber(n: number): string {
  if (n <= 0 || n >= 100 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CN[n];
  const h = Math.floor(n / 10);
  const l = n % 10;
  return (h === 1 ? '' : CN[h]) + '十' + CN[l];
}

/** Full-width digits ０-９ to ASCII. */
export function toHalfWidthDigits(s: string): string {
  // Most numbers are written in half-width digits already: no regex for them.
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) < 0xff10 || s.charCodeAt(i) > 0xff19)) i++;
  if (i === s.length) return s;
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The digits a year is written with in Chinese, digit by digit (二〇二四). */
export const CN_DATE_DIGITS = '〇○零一二三四五六七八九';

/** A number as dates write it: Arabic digits, a year digit by digit (二〇二四), or 一 … 九十九 (months, days). */
export function parseDateNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4 && [...s].every((c) => CN_DATE_DIGITS.includes(c))) {
    return Number([...s].map((c) => Math.max(0, CN_DATE_DIGITS.indexOf(c) - 2)).join(''));
  }
  return parseSmallChineseNumber(s);
}
