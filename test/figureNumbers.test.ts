/**
 * Numbers read by character code (figures/number.ts, issue 27) read as the regexes and the
 * string code they replaced: at every position of strings made of digits, separators, Chinese
 * numerals, 万/亿/元 and other characters, the same end, value and kind; and long numbers of digits
 * and thousands groups, read in one pass since round 20.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { numberAt, parseChineseNumber } from '../server/src/core/figures/number';
import { toHalfWidthDigits } from '../server/src/core/text/numerals';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** parseChineseNumber as it was written with string lookups. */
function chineseReference(s: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let bareDigits = 0;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit !== null && DIGIT[ch] !== 0 && digit !== 0) return null;
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

/** numberAt as it was written with sticky regexes. */
function numberReference(text: string, at: number): { value: number; end: number; chinese: boolean } | null {
  const arabic = /[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/y;
  arabic.lastIndex = at;
  const a = arabic.exec(text);
  if (a) {
    let value = Number(toHalfWidthDigits(a[0]).replace(/,/g, '').replace('．', '.'));
    let end = at + a[0].length;
    if ((text[end] === '万' || text[end] === '亿') && text[end + 1] !== '元') {
      value *= text[end] === '万' ? 1e4 : 1e8;
      end++;
    }
    return Number.isFinite(value) ? { value, end, chinese: false } : null;
  }
  const chinese = /[零〇一二两三四五六七八九十百千万亿]+/y;
  chinese.lastIndex = at;
  const c = chinese.exec(text);
  if (!c) return null;
  let s = c[0];
  if (/[万亿]$/.test(s) && text[at + s.length] === '元') s = s.slice(0, -1);
  const value = s ? chineseReference(s) : null;
  return value === null ? null : { value, end: at + s.length, chinese: true };
}

const ALPHABET = [...'0123456789０１２３４５６７８９,.．零〇一二两三四五六七八九十百千万亿元件人%是 '];

test('numbers read by character code read as the regexes did, at every position', () => {
  let read = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 16 }), (chars) => {
      const text = chars.join('');
      for (let at = 0; at <= text.length; at++) {
        const expected = numberReference(text, at);
        if (expected) read++;
        assert.deepEqual(numberAt(text, at), expected, `${JSON.stringify(text)} at ${at}`);
      }
    }),
    { numRuns: 3000, seed: 27 },
  );
  assert.ok(read > 10000, 'the property read numbers');
  // Thousands separators: three digits, no fourth.
  assert.deepEqual(numberAt('1,234,5678件', 0), { value: 1234, end: 5, chinese: false });
  assert.deepEqual(numberAt('三万元', 0), { value: 3, end: 1, chinese: true });
  assert.equal(numberAt('万元', 0), null);
});

test('long Arabic numbers, thousands groups and decimals (read in one pass) read as the regexes did', () => {
  // Digits of both widths, many in a row: whole numbers past 15 digits, groups of ,ddd, points.
  const digits = fc.constantFrom(...'0123456789０１２３４５６７８９');
  const piece = fc.oneof(
    { weight: 6, arbitrary: digits },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...'0123456789'), { minLength: 3, maxLength: 3 }).map((d) => ',' + d.join('')) },
    { weight: 1, arbitrary: fc.constantFrom(',', '.', '．', '万', '亿', '元', '件', '9,99', ',1234') },
  );
  let long = 0;
  fc.assert(
    fc.property(fc.array(piece, { minLength: 10, maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      for (let at = 0; at <= text.length; at++) {
        const expected = numberReference(text, at);
        if (expected && expected.end - at > 15) long++;
        assert.deepEqual(numberAt(text, at), expected, `${JSON.stringify(text)} at ${at}`);
      }
    }),
    { numRuns: 2000, seed: 20 },
  );
  assert.ok(long > 500, `the property read numbers of more than 15 characters (${long})`);
  assert.deepEqual(numberAt('1234567890123456', 0), { value: 1234567890123456, end: 16, chinese: false });
  assert.deepEqual(numberAt('１２,345件', 0), { value: 12345, end: 6, chinese: false });
});

test('Chinese numerals read by character code read as the string code did', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...'零〇一二两三四五六七八九十百千万亿x'), { maxLength: 8 }), (chars) => {
      const s = chars.join('');
      assert.equal(parseChineseNumber(s), chineseReference(s), s);
    }),
    { numRuns: 3000, seed: 27 },
  );
  assert.equal(parseChineseNumber('一百二十'), 120);
  assert.equal(parseChineseNumber('八五'), null);
});
