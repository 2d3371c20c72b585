/**
 * Round 21: an opened document is analysed afresh (no line memo: half as fast again on the varied
 * 1 MB), and its memo is made once the client is quiet (lsp/priming.ts) or by its first keystroke.
 * What a client gets is the same either way; what changes is which analysis fills the memo.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, type AnalyzeOptions } from '../server/src/core';
import { DocumentCache } from '../server/src/lsp/documentCache';
import { primer } from '../server/src/lsp/priming';
import { Typist } from '../server/src/lsp/typist';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');
const URI = 'file:///a.report.txt';

/** A document cache that records the cache object each analysis was given. */
function recording() {
  const given: unknown[] = [];
  const cache = new DocumentCache(
    () => ({}),
    undefined,
    (text: string, options: AnalyzeOptions) => (given.push(options.cache), analyze(text, options)),
  );
  return { cache, given };
}

const findings = (m: ReturnType<typeof analyze>) => JSON.stringify([m.findings, m.outline, m.figures]);

describe('a document cache analyses an opened document afresh', () => {
  test('the first analysis without a memo; prime fills one from the same text; the keystroke after it re-does one line', () => {
    const { cache, given } = recording();
    const opened = cache.get(URI, 1, () => EXAMPLE);
    assert.ok(given.length === 1 && given[0] === undefined, 'the open is a fresh analysis');
    assert.equal(findings(opened), findings(analyze(EXAMPLE)));
    assert.equal(cache.primed(URI), false);

    assert.equal(cache.prime(URI), true);
    assert.equal(given.length, 2);
    const memo = given[1] as AnalysisCache;
    assert.ok(memo instanceof AnalysisCache, 'priming analyses through a new line cache');
    assert.equal(cache.primed(URI), true);
    assert.equal(cache.prime(URI), false, 'primed once');
    assert.equal(
      cache.get(URI, 1, () => EXAMPLE),
      opened,
      'the version keeps the model it was answered with',
    );

    const typist = new Typist(EXAMPLE);
    for (let v = 2; v < 40; v++) {
      typist.next();
      const text = typist.text();
      const model = cache.get(URI, v, () => text);
      assert.equal(given.at(-1), memo, 'each keystroke through the primed memo');
      assert.equal(findings(model), findings(analyze(text)), `keystroke ${v}: as a fresh analysis`);
      const r = memo.recomputed();
      assert.ok(r.lineClasses <= 3 && r.figures <= 3, `keystroke ${v} re-did ${JSON.stringify(r)}`);
    }
  });

  test('unprimed, the first keystroke makes the memo: every analysis after the open goes through it', () => {
    const { cache, given } = recording();
    cache.get(URI, 1, () => EXAMPLE);
    const typist = new Typist(EXAMPLE);
    for (let v = 2; v < 10; v++) {
      typist.next();
      const text = typist.text();
      assert.equal(findings(cache.get(URI, v, () => text)), findings(analyze(text)));
    }
    assert.equal(given[0], undefined);
    assert.ok(given[1] instanceof AnalysisCache);
    assert.ok(
      given.slice(1).every((c) => c === given[1]),
      'one memo from the first keystroke on',
    );
    assert.equal(cache.prime(URI), false, 'nothing left to prime');
  });

  test('nothing to prime for a document not analysed, and after new settings the open is fresh again', () => {
    const { cache, given } = recording();
    assert.equal(cache.prime(URI), false);
    cache.get(URI, 1, () => EXAMPLE);
    cache.prime(URI);
    cache.clear();
    cache.get(URI, 1, () => EXAMPLE);
    assert.equal(given.at(-1), undefined, 'analysed afresh under the new settings');
    assert.equal(cache.primed(URI), false);
  });

  test('a priming that throws is reported, and the document goes on: its next keystroke analyses normally', () => {
    const errors: string[] = [];
    let broken = false;
    const cache = new DocumentCache(
      () => ({}),
      (uri, e) => errors.push(`${uri}: ${(e as Error).message}`),
      (text, options) => {
        if (broken && options.cache) throw new Error('memo bug');
        return analyze(text, options);
      },
    );
    const opened = cache.get(URI, 1, () => EXAMPLE);
    broken = true;
    assert.equal(cache.prime(URI), true);
    assert.deepEqual(errors, [`${URI}: memo bug`]);
    assert.equal(
      cache.get(URI, 1, () => EXAMPLE),
      opened,
      'the answered model stays',
    );
    broken = false;
    assert.ok(cache.get(URI, 2, () => EXAMPLE + '\n').outline.length > 0);
  });
});

/** A clock the test moves: timers run when it passes their time, in order. */
function fakeClock() {
  let now = 0;
  const timers: { at: number; f: () => void }[] = [];
  return {
    now: () => now,
    after: (ms: number, f: () => void) => void timers.push({ at: now + ms, f }),
    /** Moves the clock `ms` on, running the timers due on the way. */
    pass(ms: number) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        if (timers.length === 0 || timers[0].at > until) break;
        const t = timers.shift()!;
        now = t.at;
        t.f();
      }
      now = until;
    },
  };
}

describe('priming waits for a quiet client', () => {
  test('primes once the client has been quiet for the wait; not while messages come; not a closed document', () => {
    const primed: string[] = [];
    let open = new Set(['a', 'b', 'c']);
    const clock = fakeClock();
    let last = clock.now();
    const fake = {
      primed: (uri: string) => primed.includes(uri),
      prime: (uri: string) => (primed.push(uri), true),
    } as unknown as DocumentCache;
    const p = primer(
      fake,
      (uri) => open.has(uri),
      () => last,
      40,
      clock,
    );
    p.schedule('a');
    p.schedule('a');
    p.schedule('b');
    // Messages every 10 ms for 120 ms: nothing primed meanwhile.
    for (let i = 0; i < 12; i++) {
      clock.pass(10);
      last = clock.now();
    }
    assert.deepEqual(primed, []);
    open = new Set(['a', 'c']);
    clock.pass(39);
    assert.deepEqual(primed, [], 'not before the client has been quiet for the whole wait');
    clock.pass(1);
    assert.deepEqual(primed, ['a'], 'a once (scheduled twice), b closed meanwhile');
    p.schedule('c');
    clock.pass(100);
    assert.deepEqual(primed, ['a', 'c']);
  });

  test('without a clock of messages (the web worker), after the wait', () => {
    const primed: string[] = [];
    const clock = fakeClock();
    const fake = { primed: () => false, prime: (uri: string) => (primed.push(uri), true) } as unknown as DocumentCache;
    primer(fake, () => true, undefined, 20, clock).schedule('a');
    clock.pass(19);
    assert.deepEqual(primed, []);
    clock.pass(1);
    assert.deepEqual(primed, ['a']);
  });
});
