/**
 * Many reports compared at once (`govreport similar`): each report added is reduced to its
 * MinHash signature (the text is not kept: memory is a kilobyte per report), LSH banding proposes
 * the candidate pairs, and the caller verifies each candidate on the two texts (`verifyPair`),
 * exactly. Sub-quadratic: the work grows with the reports and the candidate pairs, not with every
 * pair.
 */
import { dice, documentShingles, sharedParagraphs } from './documents';
import { candidatePairs, diceOf, estimateJaccard, signature } from './minhash';

/** Below this many 8-grams (about 40 characters of own text) a report is not compared. */
const MIN_SHINGLES = 32;
/** Candidates whose estimate falls this far below the threshold are dropped before verification (the estimate's error at 256 bins is about ±0.06). */
const MARGIN = 0.12;

export interface Candidate {
  readonly a: number;
  readonly b: number;
  /** Estimated similarity (Dice; exact below EXACT_LIMIT reports). */
  readonly estimate: number;
}

/**
 * Up to this many reports every pair is compared exactly on the kept 8-gram sets (a county's
 * folder: at most 45,000 pairs, milliseconds each); above it the sets are dropped and MinHash +
 * LSH take over, so memory stays bounded.
 */
export const EXACT_LIMIT = 300;

export class SimilarityCorpus {
  private readonly signatures: Uint32Array[] = [];
  private readonly ids: number[] = [];
  private sets: Uint32Array[] | undefined = [];

  /** Adds report number `id` (the caller's index); a report with too little text is left out. */
  add(id: number, text: string): void {
    const sh = documentShingles(text);
    if (sh.length < MIN_SHINGLES) return;
    this.signatures.push(signature(sh));
    this.ids.push(id);
    if (this.sets && this.ids.length <= EXACT_LIMIT) this.sets.push(sh);
    else this.sets = undefined;
  }

  /** Pairs (by the caller's ids) whose similarity may reach `threshold`, by id. */
  candidates(threshold: number): Candidate[] {
    const out: Candidate[] = [];
    const sets = this.sets;
    if (sets) {
      for (let i = 0; i < sets.length; i++) {
        for (let j = i + 1; j < sets.length; j++) {
          const estimate = dice(sets[i], sets[j]);
          if (estimate >= threshold) out.push({ a: this.ids[i], b: this.ids[j], estimate });
        }
      }
      return out;
    }
    candidatePairs(this.signatures, (i, j) => {
      const estimate = diceOf(estimateJaccard(this.signatures[i], this.signatures[j]));
      if (estimate >= threshold - MARGIN) out.push({ a: this.ids[i], b: this.ids[j], estimate });
    });
    return out.sort((x, y) => x.a - y.a || x.b - y.b);
  }
}

export interface PairResult {
  /** Dice coefficient of the two reports' 8-gram sets, 0…1. */
  readonly similarity: number;
  /** Paragraphs of the first that repeat one of the second (1-based lines). */
  readonly shared: { aLine: number; bLine: number }[];
}

/** The exact similarity of two texts (and their shared paragraphs when it reaches `threshold`). */
export function verifyPair(a: string, b: string, threshold: number): PairResult | undefined {
  const similarity = dice(documentShingles(a), documentShingles(b));
  if (similarity < threshold) return undefined;
  return { similarity, shared: sharedParagraphs(a, b) };
}

/**
 * The candidates a cluster at a time (issues 21 and 27): near-duplicates propose each other, so
 * the candidate pairs' connected components are the clusters; within one, by the first report
 * then the second. Whoever verifies them holds each cluster's reports while it compares it, and
 * prepares each report once (500 copies of one report: 500 preparations, not 124,750 × 2).
 */
export function byCluster(candidates: readonly Candidate[]): Candidate[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    // Path halving is not needed for correctness; one pass pointing the chain at its root keeps it short.
    for (let y = x; y !== r;) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const c of candidates) {
    const ra = find(c.a);
    const rb = find(c.b);
    if (!parent.has(ra)) parent.set(ra, ra);
    if (!parent.has(rb)) parent.set(rb, rb);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const root = new Map(candidates.map((c) => [c, find(c.a)]));
  return [...candidates].sort((x, y) => root.get(x)! - root.get(y)! || x.a - y.a || x.b - y.b);
}
