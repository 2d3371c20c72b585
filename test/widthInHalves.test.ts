/**
 * Round 21: a line's kept width is a whole number of halves (text/width.ts `visualHalves`), so the
 * field that keeps it in a line's class and its CleanLine holds a small integer, not a heap number
 * of its own per line. Hard-wrap detection reads it halved (lines/hardWrap.ts): the widths it sees
 * must be the widths it saw when the kept width was the fraction itself — a unit ≥ U+2000 counting
 * 1, any other ½, measured as far as WIDTH_MEASURED asks — on random text and on every fixture line;
 * and what it finds from the kept halves is what it finds measuring each line's text itself.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { scanDebris, type CleanLine } from '../server/src/core/lines/cleanLines';
import { findHardWrap } from '../server/src/core/lines/hardWrap';
import { TextIndex } from '../server/src/core/text/lineIndex';
import { visualHalves, visualWidth, WIDTH_MEASURED } from '../server/src/core/text/width';

/** The width as it was kept before: each unit's share added as a fraction, up to the bound's units. */
function fractionWidth(text: string, from: number, to: number, past: number): number {
  const end = Math.min(to, from + 2 * past + 2);
  let width = 0;
  for (let i = from; i < end; i++) width += text.charCodeAt(i) >= 0x2000 ? 1 : 0.5;
  return width;
}

/** Asserts every line scanned from `text` keeps a whole number of halves, half of which is its width as it was kept. */
function keptAsBefore(text: string): number {
  const index = new TextIndex(text);
  let measured = 0;
  for (const fresh of [scanDebris(index.lines, undefined, index), scanDebris(index.lines)])
    for (const cl of fresh) {
      const halves = cl.widthInHalves!;
      assert.ok(Number.isInteger(halves), `${halves} halves on ${JSON.stringify(cl.line.text)}`);
      assert.equal(halves / 2, fractionWidth(cl.line.text, 0, cl.contentEnd, WIDTH_MEASURED), JSON.stringify(cl.line.text));
      measured++;
    }
  return measured;
}

describe('widths kept in halves', () => {
  test('visualHalves is twice the width counted in fractions, and visualWidth its half', () => {
    const unit = fc.constantFrom('法', '治', '，', '。', '1', 'a', ' ', '\u3000', '“', '（', '\u2000', '\u1fff');
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 300, size: 'max' }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(WIDTH_MEASURED, 3, Infinity),
        (units, a, b, past) => {
          const s = units.join('');
          const from = s.length === 0 ? 0 : a % (s.length + 1);
          const to = from + (s.length === 0 ? 0 : b % (s.length - from + 1));
          const halves = visualHalves(s, from, to, past);
          assert.ok(Number.isInteger(halves));
          assert.equal(halves / 2, fractionWidth(s, from, to, past));
          assert.equal(visualWidth(s, from, to, past), halves / 2);
        },
      ),
      { numRuns: 3000, seed: 21 },
    );
  });

  test("each scanned line's halves are its width as it was kept, on random lines", () => {
    const piece = fc.constantFrom(
      '全面推进依法行政。',
      '2024年',
      'abc',
      '１２',
      '　　',
      '  ',
      '\t',
      '[bookmark:x]',
      '— 3 —',
      '返回顶部',
      '\n',
      '“法”',
      // A paragraph longer than the units the width is measured over (2 · WIDTH_MEASURED + 2).
      '各部门全面推进依法行政工作，2024年办理案件12件。'.repeat(6),
    );
    let lines = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60, size: 'max' }), (pieces) => {
        lines += keptAsBefore(pieces.join(''));
      }),
      { numRuns: 800, seed: 21 },
    );
    assert.ok(lines > 2000, `the property met lines (${lines})`);
  });

  test("each scanned line's halves are its width as it was kept, on the fixture reports", () => {
    const dir = resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports');
    let lines = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) lines += keptAsBefore(readFileSync(join(dir, f), 'utf8'));
    assert.ok(lines > 1000, `the fixtures' lines (${lines})`);
  });

  test('hard-wrap detection finds from the kept halves what it finds measuring the lines itself', () => {
    const unit = fc.constantFrom('法', '治', '，', '。', '1', 'a', '“', '（', '\u3000');
    let wrapped = 0;
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 200, maxLength: 1500, size: 'max' }),
        fc.integer({ min: 12, max: 70 }),
        fc.nat(40),
        (units, every, indent) => {
          // One paragraph broken every `every` units, its first line indented: a PDF's hard wrap.
          const body = units.join('');
          const rows: string[] = [];
          for (let i = 0; i < body.length; i += every) rows.push(body.slice(i, i + every));
          rows[0] = '　'.repeat(indent % 3) + rows[0];
          const index = new TextIndex(rows.join('\n'));
          const kept = scanDebris(index.lines, undefined, index);
          // Without the kept width (as run-on pieces are made): each line measured from its own text.
          const measured = kept.map(({ widthInHalves: _, ...rest }): CleanLine => rest);
          const wrap = findHardWrap(kept);
          if (wrap) wrapped++;
          assert.deepEqual(wrap, findHardWrap(measured));
        },
      ),
      { numRuns: 300, seed: 21 },
    );
    assert.ok(wrapped > 100, `the property met hard-wrapped texts (${wrapped})`);
  });
});
