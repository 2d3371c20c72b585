/**
 * What a keystroke re-does (issue 22, as rust-analyzer's incremental tests count what was not
 * recomputed): after a one-character edit, each line memo of the analysis cache computes the edited
 * line's value again and nothing else. A key that changes with every analysis (a line number, a
 * fresh object) would switch the cache off silently — the model stays right, only slow — and is
 * caught here. The oracle tests (analysisCache.test.ts) prove the cache changes nothing but speed.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { analyze, AnalysisCache } from '../server/src/core';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');
/** The line memos the analysis declares (text/lineCache.ts users); a new one is added here with its bound. */
const MEMOS = ['lineClasses', 'figures'];
// The line-local rules' findings are kept by line, not by a line memo (rules/lineChanges.ts): what a keystroke
// computes there is counted in ruleLines.test.ts, and the citations a keystroke scans in referenceLines.test.ts.

/** Line classes are kept by the line's text: a first analysis computes each distinct text once (per state before it). */
const distinctLines = new Set(EXAMPLE.split('\n')).size;

function edited(text: string, line: number, insert: string): string {
  const lines = text.split('\n');
  const at = Math.floor(lines[line].length / 2);
  lines[line] = lines[line].slice(0, at) + insert + lines[line].slice(at);
  return lines.join('\n');
}

test('a first analysis computes every line; the same text again computes nothing', () => {
  const cache = new AnalysisCache();
  analyze(EXAMPLE, { cache });
  const first = cache.recomputed();
  assert.deepEqual(Object.keys(first).sort(), [...MEMOS].sort());
  assert.ok(first.lineClasses >= distinctLines, `lineClasses ${first.lineClasses} of ${distinctLines} distinct lines`);
  assert.ok(first.figures > 5, JSON.stringify(first));
  analyze(EXAMPLE, { cache });
  assert.deepEqual(cache.recomputed(), Object.fromEntries(MEMOS.map((m) => [m, 0])));
});

test('one character typed into a prose line recomputes that line only, in every line memo', () => {
  const cache = new AnalysisCache();
  let text = EXAMPLE;
  analyze(text, { cache });
  const prose = EXAMPLE.split('\n').findIndex((l) => l.length > 40 && l.includes('。'));
  assert.ok(prose > 0, 'the example has a prose line');
  // Characters that matter to different memos: a digit (figures), a comma (punctuation), a word.
  for (const insert of ['5', '，', '法', ',']) {
    text = edited(text, prose, insert);
    analyze(text, { cache });
    const r = cache.recomputed();
    assert.ok(r.lineClasses <= 1, `${insert}: lineClasses ${r.lineClasses}`);
    assert.ok(r.figures <= 1, `${insert}: figures ${r.figures}`);
    assert.ok(r.lineClasses + r.figures >= 1, `${insert}: the edited line was computed again`);
  }
});

test('a line inserted above everything shifts the lines but recomputes only the new one', () => {
  const cache = new AnalysisCache();
  analyze(EXAMPLE, { cache });
  analyze('新增一行说明文字。\n' + EXAMPLE, { cache });
  const r = cache.recomputed();
  assert.ok(r.lineClasses <= 2, `lineClasses ${r.lineClasses}`);
  assert.ok(r.figures <= 1, `figures ${r.figures}`);
});
