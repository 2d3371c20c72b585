/**
 * The incremental oracle under random edits: pieces typed at random places (some replacing a few
 * characters), each version analysed with one cache and compared with a fresh analysis, whole model.
 */
import { strict as assert } from 'node:assert';
import { analyze, AnalysisCache } from '../../server/src/core';
import { random } from './random';

/** `steps` random edits of `text` (seeded), each inserting one of `pieces` and cutting up to `maxCut - 1` characters 30 % of the time. */
export function randomEditsReadAsFresh(text: string, pieces: readonly string[], seed: number, maxCut: number, steps = 300): void {
  const next = random(seed);
  const cache = new AnalysisCache();
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(next() * (text.length + 1));
    const cut = next() < 0.3 ? Math.floor(next() * maxCut) : 0;
    text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at + cut);
    assert.equal(JSON.stringify(analyze(text, { cache })), JSON.stringify(analyze(text)), `edit ${i}`);
  }
}
