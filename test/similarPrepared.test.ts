/**
 * `govreport similar` on many near-identical reports (issues 21 and 27): each report prepared once
 * (core/similarity/prepared.ts) and the candidates compared a cluster at a time. A prepared pair
 * reads exactly as `verifyPair` on the two texts; the clusters hold every candidate once.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { byCluster, prepareReport, similarPairs, verifyPair, verifyPrepared, type Candidate } from '../server/src/core';
import { haveSeeds, seed } from './support/seeds';

const ROOT = resolve(__dirname, '..', '..');
const SIMILAR = join(ROOT, 'test', 'fixtures', 'similar');
const REPORTS = join(ROOT, 'test', 'fixtures', 'reports');

function texts(): string[] {
  const read = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  const out = [...read(SIMILAR), ...read(REPORTS).slice(0, 12), readFileSync(join(ROOT, 'examples', 'example.report.txt'), 'utf8')];
  if (haveSeeds) for (let n = 0; n < 5; n++) out.push(seed(n));
  // Near-copies: a paragraph changed, digits shifted, a paragraph dropped.
  const base = out[0];
  out.push(
    base.replace(/\d/g, (d) => String((Number(d) + 3) % 10)),
    base.split('\n').slice(2).join('\n'),
    base.replace('。', '，另行补充说明。'),
  );
  return out;
}

describe('similar, prepared reports', () => {
  test('a prepared pair reads as verifyPair on the texts: similarity and shared paragraphs, both ways, at every threshold', () => {
    const all = texts();
    const prepared = all.map(prepareReport);
    let compared = 0;
    let shared = 0;
    for (let i = 0; i < all.length; i++) {
      for (let j = 0; j < all.length; j++) {
        for (const threshold of [0.01, 0.3]) {
          const expected = verifyPair(all[i], all[j], threshold);
          assert.deepEqual(verifyPrepared(prepared[i], prepared[j], threshold), expected, `${i} × ${j} at ${threshold}`);
          if (expected) compared++;
          shared += expected?.shared.length ?? 0;
        }
      }
    }
    assert.ok(compared > all.length && shared > 50, `${compared} pairs verified, ${shared} shared paragraphs`);
  });

  test('candidates by cluster: every candidate once, each cluster in one run', () => {
    // Two clusters (0-1-2 and 3-4) and a lone pair (7-9), given out of order.
    const c = (a: number, b: number): Candidate => ({ a, b, estimate: 0.5 });
    const given = [c(3, 4), c(1, 2), c(7, 9), c(0, 2), c(0, 1)];
    const ordered = byCluster(given);
    assert.deepEqual(
      ordered.map((x) => [x.a, x.b]),
      [
        [0, 1],
        [0, 2],
        [1, 2],
        [3, 4],
        [7, 9],
      ],
    );
  });

  test('forty near-identical copies: every pair found, as the pairwise comparison finds it', () => {
    const base = texts()[0];
    const docs = Array.from({ length: 40 }, (_, k) => ({
      name: `copy${String(k).padStart(2, '0')}.txt`,
      text: base.replace(/\d+/g, (d) => String(Number(d) + k)),
    }));
    const pairs = similarPairs(docs, 0.3);
    assert.equal(pairs.length, (40 * 39) / 2);
    // The same pairs, similarities and shared paragraphs as verifyPair on each pair's texts.
    const byName = new Map(docs.map((d) => [d.name, d.text]));
    for (const p of pairs.filter((_, i) => i % 37 === 0)) {
      const r = verifyPair(byName.get(p.a)!, byName.get(p.b)!, 0.3)!;
      assert.equal(p.similarity, Math.round(r.similarity * 1000) / 1000);
      assert.deepEqual(p.shared, r.shared);
    }
  });
});
