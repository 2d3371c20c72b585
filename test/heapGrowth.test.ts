/**
 * The Node server's heap growth (server/src/lsp/heapGrowth.ts, issue 27): V8 honours the growing
 * percent set from inside (a child process that leaves each "analysis" behind after the next, as a
 * keystroke's model is, holds a far smaller heap with it); the percent follows what is alive after
 * each full collection (tight below the threshold, V8's own above, tight again once the heap
 * shrinks); the server entry sets it before anything else.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { currentGrowingPercent, growingPercent, TIGHT_BELOW, TIGHT_PERCENT, tuneHeapGrowth } from '../server/src/lsp/heapGrowth';

const CHURN = `
const v8 = require('v8');
if (process.argv[1]) v8.setFlagsFromString('--heap-growing-percent=' + process.argv[1]);
const live = [];
for (let i = 0; i < 150000; i++) live.push({ a: i, b: [i] });
const kept = [];
let max = 0;
for (let round = 0; round < 40; round++) {
  const model = [];
  for (let i = 0; i < 40000; i++) model.push({ i, s: [i, i + 1] });
  kept.push(model);
  if (kept.length > 2) kept.shift();
  max = Math.max(max, v8.getHeapStatistics().total_heap_size);
}
process.stdout.write(String(max + live.length * 0));
`;

const peakHeap = (percent: string) => Number(execFileSync(process.execPath, ['-e', CHURN, percent], { encoding: 'utf8' }));

test('the growing percent set from inside makes V8 collect sooner: the heap stays far smaller', () => {
  const without = peakHeap('');
  const tight = peakHeap(String(TIGHT_PERCENT));
  assert.ok(tight < 0.75 * without, `peak heap ${Math.round(tight / 2 ** 20)} MB tight, ${Math.round(without / 2 ** 20)} MB without`);
});

test('the percent follows what is alive after each full collection', async () => {
  assert.equal(growingPercent(TIGHT_BELOW - 1), TIGHT_PERCENT);
  assert.equal(growingPercent(TIGHT_BELOW), 0, "V8's own above");
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // The tuner's observer is registered first, so it has seen a full collection when ours has.
  const threshold = 48 * 2 ** 20;
  const tuner = tuneHeapGrowth(threshold);
  // Entries are delivered on a timer that does not hold the event loop: this one does until they come.
  const fullCollection = () =>
    new Promise<void>((res) => {
      const hold = setInterval(() => {}, 60_000);
      const seen = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) {
          seen.disconnect();
          clearInterval(hold);
          setImmediate(res);
        }
      });
      seen.observe({ entryTypes: ['gc'] });
      gc();
    });
  try {
    assert.equal(currentGrowingPercent(), TIGHT_PERCENT, 'tight at start: little is alive');
    let alive: number[][] | undefined = Array.from({ length: 80 }, () => new Array<number>(100_000).fill(1.5));
    await fullCollection();
    assert.equal(currentGrowingPercent(), 0, `V8's own with ${alive.length * 0.8} MB alive`);
    alive = undefined;
    await fullCollection();
    assert.equal(currentGrowingPercent(), TIGHT_PERCENT, 'tight again once it is collected');
  } finally {
    tuner.disconnect();
  }
});

test('the server entry sets it before anything else runs', () => {
  const entry = readFileSync(resolve(__dirname, '..', '..', 'server', 'src', 'server.ts'), 'utf8');
  const body = entry.replace(/^(?:import[^;]+;|\/\/.*|\/\*[\s\S]*?\*\/|\s+)*/, '');
  assert.match(body, /^tuneHeapGrowth\(\);/);
});
