/**
 * The analysis cache's line slots (text/lineCache.ts) on their own: what the last analysis put on a
 * line number is found there, whatever the line counts of the analyses before it, and nothing an
 * older analysis put there shows through. The slot arrays are reused and never shortened (issue 27),
 * so what lies past an analysis's last line must read as never set.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { AnalysisCache, lineMemo, slotMemo } from '../server/src/core/text/lineCache';

const SLOTS = slotMemo<string>('test slots');
const LINES = lineMemo<string>('test lines');

/** One analysis of `lineCount` lines (line moves unknown): `work` reads and writes the slots. */
function analysis(cache: AnalysisCache, lineCount: number, work: () => void): void {
  cache.begin(lineCount, undefined);
  work();
  cache.rotate();
}

describe('line slots', () => {
  test('a slot reads what the last analysis set there, never what an older one did', () => {
    const cache = new AnalysisCache();
    const seen: (string | undefined)[] = [];
    const turn = (lines: number, set?: [number, string]) =>
      analysis(cache, lines, () => {
        const slots = cache.slots(SLOTS);
        seen.push(slots.last(4));
        if (set) slots.set(set[0], set[1]);
      });
    turn(5, [4, 'a']);
    turn(3);
    turn(3);
    turn(5);
    turn(5);
    turn(5);
    // Only the second analysis comes after one that set line 4.
    assert.deepEqual(seen, [undefined, 'a', undefined, undefined, undefined, undefined]);
  });

  test('an analysis that skips the memo leaves nothing for the next one', () => {
    const cache = new AnalysisCache();
    analysis(cache, 5, () => cache.slots(SLOTS).set(1, 'a'));
    analysis(cache, 5, () => undefined);
    let last: string | undefined = 'unread';
    analysis(cache, 5, () => (last = cache.slots(SLOTS).last(1)));
    assert.equal(last, undefined);
  });
});

describe('line memo by line', () => {
  test('a line that kept its text is not computed again, a changed one is; through shorter and longer analyses', () => {
    const cache = new AnalysisCache();
    const run = (texts: string[]) => {
      let computed = 0;
      analysis(cache, texts.length, () => {
        const memo = cache.line(LINES);
        texts.forEach((t, i) => memo.lookup(t, i) ?? memo.store(t, i, `${t}!`));
        texts.forEach((t, i) => assert.equal(memo.lookup(t, i), `${t}!`));
      });
      computed = cache.recomputed()['test lines'];
      return computed;
    };
    assert.equal(run(['a', 'b', 'c', 'd']), 4);
    assert.equal(run(['a', 'b']), 0);
    assert.equal(run(['a', 'b', 'e', 'f', 'g']), 3);
    assert.equal(run(['a', 'b', 'e', 'f', 'g']), 0);
  });
});
