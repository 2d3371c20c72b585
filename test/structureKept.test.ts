/**
 * Where the body ends (document/header.ts attachmentsStart) and the hard wrap's width counts
 * (lines/hardWrap.ts) are read from the document's last analysis (issue 27: each asked every line at
 * every keystroke). A line outside the edit may read differently from one analysis to the next (a web
 * page's tail opened above it makes it debris, a page number added beside it a running header): each
 * must then be asked again. Here the lines are made by hand around a cache whose shift says no line
 * was edited, and each answer must be a fresh reading's.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { AnalysisCache } from '../server/src/core';
import type { CleanLine } from '../server/src/core/lines/cleanLines';
import { attachmentsStart } from '../server/src/core/document/header';
import { findHardWrap } from '../server/src/core/lines/hardWrap';
import { TextIndex } from '../server/src/core/text/lineIndex';

/** A line as scanDebris makes it: its content the whole text, or debris as a whole (its spans left out: these two functions read only whether it is). */
function clean(index: TextIndex, debris: ReadonlySet<number>): CleanLine[] {
  return index.lines.map((line) => {
    const end = line.text.length;
    return debris.has(line.index)
      ? { line, debris: [], isDebris: true, contentStart: end, contentEnd: end }
      : { line, debris: [], isDebris: false, contentStart: 0, contentEnd: end };
  });
}

/** Two analyses of the same text through one cache, no line edited between them, the second's lines read anew. */
function twice<T>(
  text: string,
  before: ReadonlySet<number>,
  after: ReadonlySet<number>,
  ask: (lines: CleanLine[], cache: AnalysisCache, index: TextIndex) => T,
): [T, T] {
  const cache = new AnalysisCache();
  const first = new TextIndex(text);
  cache.begin(first.lineCount, undefined);
  ask(clean(first, before), cache, first);
  cache.index = first;
  const second = new TextIndex(text);
  const n = second.lineCount;
  cache.begin(n, { first: n, oldTail: n, newTail: n });
  const lines = clean(second, after);
  return [ask(lines, cache, second), ask(lines, new AnalysisCache(), second)];
}

describe('the structure read from the last analysis', () => {
  test('an 附件 head that was debris and reads as text now ends the body there, though its line was not edited', () => {
    const text = ['关于2024年法治政府建设情况的报告', '一、主要举措', '全年办理案件12件。', '附件', '一、统计口径'].join('\n');
    const [kept, fresh] = twice(text, new Set([3]), new Set(), (lines, cache, index) => attachmentsStart(lines, cache, index));
    assert.equal(fresh, 3);
    assert.equal(kept, fresh);
    // And the other way: the head made debris, the body goes on to the end.
    const [keptBack, freshBack] = twice(text, new Set(), new Set([3]), (lines, cache, index) => attachmentsStart(lines, cache, index));
    assert.equal(freshBack, 5);
    assert.equal(keptBack, freshBack);
  });

  test('lines that fill the wrap width made debris, though not edited, are counted no more: the text is no longer hard-wrapped', () => {
    // Twelve lines of 28 full-width characters: hard-wrapped at 28; ten of them debris, too few are left.
    const line = (k: number) => `第${k}行`.padEnd(28, '法');
    const text = Array.from({ length: 12 }, (_, k) => line(k)).join('\n');
    const most = new Set(Array.from({ length: 10 }, (_, k) => k));
    const ask = (lines: CleanLine[], cache: AnalysisCache, index: TextIndex) => findHardWrap(lines, cache, index)?.width ?? null;
    const [kept, fresh] = twice(text, new Set(), most, ask);
    assert.equal(fresh, null);
    assert.equal(kept, fresh);
    const [keptBack, freshBack] = twice(text, most, new Set(), ask);
    assert.equal(freshBack, 27); // 27 full-width characters and a digit
    assert.equal(keptBack, freshBack);
  });
});
