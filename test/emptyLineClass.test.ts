/**
 * Round 21: scanDebris gives every empty line the one class made for the state before it (cleanLines.ts
 * EMPTY_LINE), where each was classified on its own. An empty line must still pass on the state it
 * found (a web page's tail open, a metadata label waiting for its value) as a line of spaces does,
 * which is classified on its own: the scan of a text reads every other line as the scan of the text
 * with its empty lines made of a space reads it, and its empty lines as that one's blank lines.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { scanDebris, type CleanLine } from '../server/src/core/lines/cleanLines';
import { TextIndex } from '../server/src/core/text/lineIndex';

/** What the passes after the scan read of a line, its offsets within a blank line aside. */
const read = (c: CleanLine, blank: boolean) => ({
  debris: c.debris.map((d) => [d.kind, d.wholeLine, ...(blank ? [] : [d.start, d.end])]),
  isDebris: c.isDebris,
  ...(blank ? {} : { start: c.contentStart, end: c.contentEnd, content: c.content, widthInHalves: c.widthInHalves }),
});

function scanned(text: string): CleanLine[] {
  const index = new TextIndex(text);
  return scanDebris(index.lines, undefined, index);
}

describe('empty lines share their class', () => {
  test('a text reads as the text with its empty lines made of a space', () => {
    // Lines that open a tail or wait for a value, what closes or takes them, and empty lines between.
    const line = fc.constantFrom(
      '',
      '',
      '',
      '返回顶部',
      '打印本页 关闭窗口',
      '索引号：',
      '发布机构：',
      '某某县司法局',
      '2024年3月1日',
      '成文日期：2024-03-01',
      '微信 微博',
      '首页',
      '全面推进依法行政。',
      '一、总体情况',
      '附件：1.统计表',
      '— 3 —',
    );
    let debris = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 2, maxLength: 40, size: 'max' }), (lines) => {
        const text = lines.join('\n');
        const spaced = lines.map((l) => (l === '' ? ' ' : l)).join('\n');
        const got = scanned(text);
        const expected = scanned(spaced);
        debris += got.filter((c) => c.isDebris).length;
        assert.deepEqual(
          got.map((c, i) => read(c, lines[i] === '')),
          expected.map((c, i) => read(c, lines[i] === '')),
          JSON.stringify(text),
        );
      }),
      { numRuns: 2000, seed: 21 },
    );
    assert.ok(debris > 1000, `the property met debris lines (${debris})`);
  });
});
