/**
 * A report made ready for many comparisons (`govreport similar` on near-identical reports, issues
 * 21 and 27): its 8-gram set, its paragraphs with their 4-gram sets, and an index of those 4-grams,
 * each computed once per report instead of once per pair. Comparing two prepared reports gives
 * exactly what `verifyPair` gives on their texts (test/similar.test.ts), at the cost of merging
 * sorted arrays. The index is two flat arrays (4-gram, paragraph) sorted by 4-gram, a few bytes per
 * 4-gram, so a few thousand prepared reports fit in memory at once.
 */
import { dice, documentShingles } from './documents';
import { contentLength, normalize, shingles } from './normalize';
import { MIN_CHARS, SHINGLE, THRESHOLD } from './paragraphReuse';
import { paragraphsOfText, type Paragraph } from './paragraphs';
import type { PairResult } from './corpus';

interface PreparedParagraph {
  readonly paragraph: Paragraph;
  /** Its 4-grams (sorted, distinct), or undefined when it is too short to be judged. */
  readonly own: Uint32Array | undefined;
}

export interface PreparedReport {
  readonly shingles: Uint32Array;
  readonly paragraphs: readonly PreparedParagraph[];
  /** Every (4-gram, paragraph) pair, sorted by 4-gram then paragraph: the postings of each 4-gram in a run. */
  readonly grams: Uint32Array;
  readonly owners: Int32Array;
}

export function prepareReport(text: string): PreparedReport {
  const paragraphs = paragraphsOfText(text).map((paragraph): PreparedParagraph => {
    const norm = normalize(paragraph.text);
    const own = contentLength(norm) < MIN_CHARS ? undefined : shingles(norm, SHINGLE);
    return { paragraph, own: own && own.length ? own : undefined };
  });
  // The index holds every paragraph's 4-grams, short ones too (paragraphReuse.ts indexes them all).
  const all = paragraphs.map((p) => p.own ?? shingles(normalize(p.paragraph.text), SHINGLE));
  const total = all.reduce((n, s) => n + s.length, 0);
  const pairs = new Float64Array(total);
  let w = 0;
  // One number per pair: 4-gram × 2^21 + paragraph, sorted as numbers (both below 2^53).
  all.forEach((s, k) => {
    for (const h of s) pairs[w++] = h * 2097152 + k;
  });
  pairs.sort();
  const grams = new Uint32Array(total);
  const owners = new Int32Array(total);
  for (let i = 0; i < total; i++) {
    grams[i] = Math.floor(pairs[i] / 2097152);
    owners[i] = pairs[i] - grams[i] * 2097152;
  }
  return { shingles: documentShingles(text), paragraphs, grams, owners };
}

/** The first position at or after `from` of a 4-gram not below `h` in the sorted `grams`. */
function lowerBound(grams: Uint32Array, h: number, from: number): number {
  let lo = from;
  let hi = grams.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (grams[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Paragraphs of `a` that repeat one of `b` (≥ 80% of their 4-grams), as sharedParagraphs finds them. */
function shared(a: PreparedReport, b: PreparedReport): { aLine: number; bLine: number }[] {
  const out: { aLine: number; bLine: number }[] = [];
  const counts = new Map<number, number>();
  for (const p of a.paragraphs) {
    const own = p.own;
    if (!own) continue;
    counts.clear();
    // Both sorted: one walk through b's index, jumping by halves to each 4-gram of the paragraph.
    let at = 0;
    for (const h of own) {
      at = lowerBound(b.grams, h, at);
      for (let i = at; i < b.grams.length && b.grams[i] === h; i++) counts.set(b.owners[i], (counts.get(b.owners[i]) ?? 0) + 1);
    }
    let best = -1;
    let bestCount = 0;
    for (const [k, c] of counts) if (c > bestCount) [best, bestCount] = [k, c];
    if (best >= 0 && bestCount / own.length >= THRESHOLD)
      out.push({ aLine: p.paragraph.line + 1, bLine: b.paragraphs[best].paragraph.line + 1 });
  }
  return out;
}

/** `verifyPair` on two prepared reports. */
export function verifyPrepared(a: PreparedReport, b: PreparedReport, threshold: number): PairResult | undefined {
  const similarity = dice(a.shingles, b.shingles);
  if (similarity < threshold) return undefined;
  return { similarity, shared: shared(a, b) };
}
