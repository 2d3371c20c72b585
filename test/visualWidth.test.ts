/**
 * A line's kept width (core/text/width.ts) is measured only as far as hard-wrap detection needs:
 * exact up to WIDTH_MEASURED, above it when the whole line is wider (round 17).
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { visualWidth, WIDTH_MEASURED } from '../server/src/core/text/width';
import { MAX_WIDTH } from '../server/src/core/lines/hardWrap';

describe('visual width', () => {
  test('counts full-width characters 1 and half-width ones ½', () => {
    assert.equal(visualWidth('一、总体情况', 0, 6), 6);
    assert.equal(visualWidth('2023年', 0, 5), 3);
    assert.equal(visualWidth('　　abc', 2, 5), 1.5);
  });

  test('measured up to a bound: exact at or below it, above it when the whole is', () => {
    const unit = fc.constantFrom('法', '治', '，', '。', '1', 'a', ' ', '\u3000', '“', '（');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 400 }), (units) => {
        const s = units.join('');
        let exact = 0;
        for (let i = 0; i < s.length; i++) exact += s.charCodeAt(i) >= 0x2000 ? 1 : 0.5;
        const kept = visualWidth(s, 0, s.length, WIDTH_MEASURED);
        assert.equal(visualWidth(s, 0, s.length), exact);
        if (exact <= WIDTH_MEASURED) assert.equal(kept, exact);
        else assert.ok(kept > WIDTH_MEASURED, `${kept} for a width of ${exact}`);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  test('hard-wrap detection looks for widths the kept widths tell exactly', () => {
    // A wrap width of MAX_WIDTH, a line a character or a squeezed mark short of it: all below the bound.
    assert.ok(MAX_WIDTH < WIDTH_MEASURED - 1, `MAX_WIDTH ${MAX_WIDTH} against WIDTH_MEASURED ${WIDTH_MEASURED}`);
  });
});
