/**
 * MinHash signatures and locality-sensitive hashing, for finding the pairs of a large set of
 * reports that share much of their text without comparing every pair (issue 15, `govreport
 * similar`).
 *
 * - Signature: one-permutation hashing (Li, Owen & Zhang 2012) with optimal densification
 *   (Shrivastava 2017): each shingle hash is mixed once and lands in one of K bins, each bin keeps
 *   its minimum — O(shingles + K) per report instead of O(shingles × K) for K separate hash
 *   functions, with the same estimator: the share of equal bins estimates the Jaccard index.
 * - LSH banding: the K bins are cut into bands of R; two reports whose band hashes agree in any
 *   band become a candidate pair. With R = 2 and K = 256 (128 bands) a pair with Jaccard J is a
 *   candidate with probability 1 − (1 − J²)¹²⁸: 98% at J = 0.18 (Dice 0.3, the default
 *   threshold), 0.3% at J = 0.005 (unrelated reports).
 * Memory is K × 4 bytes per report plus one bucket map per band, whatever the reports' size.
 */

export const BINS = 256;
export const ROWS = 2;
const EMPTY = 0xffffffff;

/** A 32-bit mix (murmur3's finalizer): spreads shingle hashes over the bins and the value range. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash signature of a set of shingle hashes (BINS values; all EMPTY for an empty set). */
export function signature(shingleHashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(BINS).fill(EMPTY);
  for (let i = 0; i < shingleHashes.length; i++) {
    const h = mix(shingleHashes[i]);
    const bin = h >>> 24; // BINS = 256: the top 8 bits choose the bin
    const v = h & 0x00ffffff;
    if (v < sig[bin]) sig[bin] = v;
  }
  if (shingleHashes.length === 0) return sig;
  // Densification: an empty bin borrows from the next non-empty one, marked by the distance so
  // that borrowed values agree only where both sets borrowed alike.
  for (let b = 0; b < BINS; b++) {
    if (sig[b] !== EMPTY) continue;
    let d = 1;
    while (sig[(b + d) % BINS] === EMPTY || sig[(b + d) % BINS] > 0x00ffffff) d++;
    sig[b] = (0x01000000 * d + sig[(b + d) % BINS]) >>> 0;
  }
  return sig;
}

/** The share of equal bins: an unbiased estimate of the Jaccard index of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < BINS; i++) if (a[i] === b[i]) same++;
  return same / BINS;
}

/** Dice (the shared share of the average size) from Jaccard, and back. */
export const diceOf = (j: number) => (2 * j) / (1 + j);
export const jaccardOf = (d: number) => d / (2 - d);

/**
 * Candidate pairs by LSH banding: every pair of signatures equal in at least one band of ROWS
 * bins. `each` is called once per distinct pair (i < j).
 */
export function candidatePairs(signatures: readonly Uint32Array[], each: (i: number, j: number) => void): void {
  const n = signatures.length;
  const bandKey = (s: Uint32Array, band: number) => {
    let h = band;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ s[band * ROWS + r], 0x9e3779b1) + r;
    return mix(h >>> 0);
  };
  // A pair met in an earlier band was reported there (no set of seen pairs: memory stays flat).
  const metBefore = (a: Uint32Array, b: Uint32Array, band: number) => {
    for (let e = 0; e < band; e++) {
      let equal = true;
      for (let r = 0; r < ROWS && equal; r++) equal = a[e * ROWS + r] === b[e * ROWS + r];
      if (equal) return true;
    }
    return false;
  };
  for (let band = 0; band < BINS / ROWS; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const key = bandKey(signatures[i], band);
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const a = signatures[list[x]];
          const b = signatures[list[y]];
          // Equal keys may still be a hash collision: the band itself must agree.
          let equal = true;
          for (let r = 0; r < ROWS && equal; r++) equal = a[band * ROWS + r] === b[band * ROWS + r];
          if (equal && !metBefore(a, b, band)) each(list[x], list[y]);
        }
      }
    }
  }
}
