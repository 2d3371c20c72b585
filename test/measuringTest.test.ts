/**
 * Round 21: classify measures a line's width in the loop that reads the units its whole-line
 * patterns need (FirstCharAlternation.testMeasuringAt, NeededFilter.groupsAndHalves), where each read
 * every unit of the line before. Its answer and the width it measures must be testAt's answer and
 * visualHalves' width, whatever the ranges: the width starting before the content or at it, ending
 * before the content's end, at it or past it, and the content starting past the width's end.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import rawDebris from '../server/src/core/data/debris.json';
import { FirstCharAlternation } from '../server/src/core/lines/firstCharAlternation';
import { measuredTo, visualHalves, WIDTH_MEASURED } from '../server/src/core/text/width';

const ALTERNATIONS = [
  new FirstCharAlternation(rawDebris.lines.map((p) => p.pattern)),
  new FirstCharAlternation(rawDebris.tailMarkers),
  new FirstCharAlternation([rawDebris.attachmentLink]),
];

/** Asserts the measuring test of `flat`'s `at`–`to` answers as testAt and measures `widthFrom`–`widthTo` as visualHalves. */
function sameAsApart(flat: string, at: number, to: number, widthFrom: number, widthTo: number): boolean {
  const line = flat.slice(at, to);
  let yes = false;
  for (const alternation of ALTERNATIONS) {
    const width = { halves: -1 };
    const answer = alternation.testMeasuringAt(line, flat, at, widthFrom, widthTo, width);
    const what = JSON.stringify({ flat, at, to, widthFrom, widthTo });
    assert.equal(answer, alternation.testAt(line, flat, at), what);
    assert.equal(width.halves, visualHalves(flat, widthFrom, widthTo), what);
    yes ||= answer;
  }
  return yes;
}

describe('the whole-line test measuring the width as it reads', () => {
  test('answers as testAt and measures as visualHalves, over random ranges of random text', () => {
    const piece = fc.constantFrom(
      '返回顶部',
      '首页 > 政务公开 > 法治政府',
      '第3页',
      '— 3 —',
      '2024年3月1日 星期五',
      '全面推进依法行政。',
      'ICP备12345678号',
      'abc',
      '１２',
      '　　',
      '  ',
      '[bookmark:x]',
      '附件：1.统计表.docx',
      '»',
      '\u2000',
      '\u1fff',
    );
    let yes = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40, size: 'max' }), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (pieces, a, b, c, d) => {
        const flat = pieces.join('');
        const n = flat.length;
        const at = a % (n + 1);
        const to = at + (b % (n - at + 1));
        const widthFrom = c % (at + 1);
        const widthTo = widthFrom + (d % (n - widthFrom + 1));
        if (sameAsApart(flat, at, to, widthFrom, widthTo)) yes++;
      }),
      { numRuns: 4000, seed: 21 },
    );
    assert.ok(yes > 100, `the property met matching lines (${yes})`);
  });

  test('answers as testAt and measures as visualHalves, on every fixture line as classify reads it', () => {
    const dir = resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports');
    let lines = 0;
    for (const f of readdirSync(dir).filter((name) => name.endsWith('.txt'))) {
      const flat = readFileSync(join(dir, f), 'utf8');
      for (let at = 0; at <= flat.length;) {
        const next = flat.indexOf('\n', at);
        const end = next < 0 ? flat.length : next;
        // The content after the indentation, the width from the line start, bounded as classify bounds it.
        let start = at;
        while (start < end && /\s/.test(flat[start])) start++;
        sameAsApart(flat, start, end, at, measuredTo(at, end, WIDTH_MEASURED));
        lines++;
        at = end + 1;
      }
    }
    assert.ok(lines > 500, `the fixtures' lines (${lines})`);
  });
});
