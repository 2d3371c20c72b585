/**
 * Issue 16: the fast paths of the fresh analysis read exactly as the plain code they replace —
 * tool-word lines read word by word against the split of the whole line, numbers in half-width
 * digits read without replacing.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import rawDebris from '../server/src/core/data/debris.json';
import { isToolLine } from '../server/src/core/lines/chrome';
import { numberAt } from '../server/src/core/figures/number';
import { toHalfWidthDigits } from '../server/src/core/text/numerals';

const TOOLS = new Set(rawDebris.toolWords);
// Not 、 or ，: words listed with them are prose (微信、微博), not a bar of buttons (issue 12).
const SEPARATORS = /[\s|｜/／·•:：【】[\]〔〕()（）<>《》]+/;
const FIRST = new Set([...TOOLS].map((w) => w[0]));

/** isToolLine as it was: the whole line split, then every word looked up. */
function splitReference(trimmed: string): boolean {
  if (trimmed.length > 80) return false;
  if (!FIRST.has(trimmed[0]) && !SEPARATORS.test(trimmed[0])) return false;
  const words = trimmed.split(SEPARATORS).filter(Boolean);
  if (words.length === 0) return false;
  if (words.length === 1 && words[0].length < 2) return false;
  return words.every((w) => TOOLS.has(w));
}

describe('fast paths read as the plain code', () => {
  test('a tool-word line read word by word is one the whole split calls so, and only such', () => {
    const word = fc.constantFrom(...TOOLS, '大', '中', '返回', '报告', '工作', 'x', '');
    const separator = fc.constantFrom(' ', '|', '｜', '/', '：', '【', '】', '  ', '、', '，', '（', '(', '');
    const line = fc.array(fc.tuple(word, separator), { maxLength: 6 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    let tools = 0;
    fc.assert(
      fc.property(fc.tuple(separator, line), ([lead, rest]) => {
        const text = lead + rest;
        const expected = splitReference(text);
        if (expected) tools++;
        assert.equal(isToolLine(text), expected, JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 16 },
    );
    assert.ok(tools > 100, 'the property met tool lines');
  });

  test('numbers read without replacing have the value the replacing reads', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9０-９][0-9０-９,.．]{0,10}$/), fc.constantFrom('件', '人', '%', '元', ''), (digits, unit) => {
        const token = numberAt(digits + unit, 0);
        const m = /^[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/.exec(digits)!;
        const plain = Number(toHalfWidthDigits(m[0]).replace(/,/g, '').replace('．', '.'));
        if (!Number.isFinite(plain)) return;
        assert.ok(token, digits);
        assert.equal(token.end, m[0].length);
        assert.equal(token.value, plain, digits + unit);
      }),
      { numRuns: 2000, seed: 16 },
    );
    assert.equal(toHalfWidthDigits('１２3'), '123');
    assert.equal(toHalfWidthDigits('2024'), '2024');
  });
});
