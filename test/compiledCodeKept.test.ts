/**
 * An analysis keeps V8's compiled code across full collections (issue 27, docs/performance.md round 15).
 *
 * V8 keeps a closure's optimised code only while a closure of it lives, and a map only while an
 * object has it: a closure made at every analysis (a rule's callback, a builder's step) lost its
 * code at each full collection and was compiled again, and every function that had checked for the
 * map of an object made per analysis (a class instance, a spread with fields added after it) was
 * thrown away when the last such object died. The compiles ran on another core — a fresh analysis
 * of the varied 1 MB cost 20–40 ms more CPU than its own work — and the code ran unoptimised until
 * they were done. Now the hot steps are module-level functions and class methods given what they
 * need, and one instance of each class made per analysis is kept (server/src/core/keptShapes.ts).
 *
 * The test runs a child Node with V8's `--trace-opt`: a report analysed again and again with a full
 * collection before each analysis, as a folder of reports is checked, the model of each dropped.
 * Once warm, few functions are compiled at all: 31–36 in 8 runs after this work (first compiles of
 * functions the warm-up did not make hot), 75–85 before.
 *
 * Round 21: 30 analyses of warm-up, 16 measured. After 15, the once-per-analysis passes (a block walk,
 * the line rules' pass) were still first compiled in the measured runs, at whatever analysis V8 reached
 * them: 26–67 compiles in 8 runs, where the code lost at each collection is what the test is for. Now
 * 32–35 in 16 runs; with one class instance made per analysis and not kept for its shape (the line
 * work's look-ahead, cleanLines.ts) 66–72.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { analyze } from '../server/src/core';
import { variedText } from '../bench/varied';

const CHILD = 'GOVREPORT_COMPILED_CODE_CHILD';
const WARM = 30;
const MEASURED = 16;

if (process.env[CHILD] === '1') {
  // The child: warm the analysis up, then analyse with a full collection before each run.
  const gc = (globalThis as { gc?: () => void }).gc!;
  const text = variedText(200 * 1024).text;
  for (let i = 0; i < WARM; i++) analyze(text);
  process.stdout.write('@@measured\n');
  for (let i = 0; i < MEASURED; i++) {
    gc();
    analyze(text);
  }
  process.stdout.write('@@done\n');
} else {
  describe('compiled code across full collections', () => {
    test('a warm analysis, a full collection before each run: few functions compiled again', () => {
      const env: NodeJS.ProcessEnv = { ...process.env, [CHILD]: '1' };
      delete env.NODE_TEST_CONTEXT;
      delete env.NODE_OPTIONS;
      const child = spawnSync(process.execPath, ['--expose-gc', '--trace-opt', __filename], {
        env,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      assert.equal(child.status, 0, child.stderr);
      const out = child.stdout;
      const from = out.indexOf('@@measured');
      const to = out.indexOf('@@done');
      assert.ok(from >= 0 && to > from, 'the child ran its analyses');
      const measured = out.slice(from, to).split('\n');
      const compiled = measured.filter((l) => l.startsWith('[completed compiling'));
      const names = (lines: string[]) => lines.map((l) => /<JSFunction ([^ >(]+)/.exec(l)?.[1] ?? '(anonymous)').join(', ');
      // 32–35 in 16 measured runs (round 21: late first compiles and a few recompiles), 66–72 with one shape not kept.
      assert.ok(compiled.length <= 50, `${compiled.length} compiles in ${MEASURED} analyses: ${names(compiled)}`);
    });
  });
}
