/**
 * The language server's heap growth (server/src/heapGrowth.ts, issue 27): the flag it sets from
 * inside takes effect in this Node (V8 may ignore a flag set after start: then the RSS figures
 * of docs/performance.md round 7 would not hold), and the server entry sets it before anything
 * else runs. A child process keeps a live set and leaves each "analysis" behind after the next
 * (as a keystroke's model is), with and without the flag: with it, the heap stays far smaller.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { HEAP_GROWING_PERCENT } from '../server/src/heapGrowth';

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

test('the heap growing percent set from inside makes V8 collect sooner: the heap stays far smaller', () => {
  const without = peakHeap('');
  const withFlag = peakHeap(String(HEAP_GROWING_PERCENT));
  assert.ok(
    withFlag < 0.75 * without,
    `peak heap ${Math.round(withFlag / 2 ** 20)} MB with the flag, ${Math.round(without / 2 ** 20)} MB without`,
  );
});

test('the server entry sets it before anything else', () => {
  const entry = readFileSync(resolve(__dirname, '..', '..', 'server', 'src', 'server.ts'), 'utf8');
  const imports = [...entry.matchAll(/^import\s+(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  assert.equal(imports[0], './heapGrowth');
});
