/**
 * Text as the similarity checks compare it: full-width forms folded (NFKC), Latin lower-cased,
 * every run of digits one `#` (so 2023年 and 2024年, 15件 and 127件 compare equal), and
 * punctuation and white space dropped. Boilerplate phrases (data/boilerplate.json) become a
 * break `|` that no shingle crosses.
 */
import boilerplate from '../data/boilerplate.json';

const BOILERPLATE = new RegExp(boilerplate.patterns.map((p) => `(?:${p})`).join('|'), 'g');
/** Letters and ideographs are kept; everything else (punctuation, spaces, symbols) goes. */
const DROP = /[^\p{L}\p{N}#|]/gu;

export const BREAK = '|';

export function normalize(text: string, options: { boilerplate?: boolean } = {}): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (options.boilerplate !== false) s = s.replace(BOILERPLATE, BREAK);
  return s.replace(/\d+/g, '#').replace(DROP, '');
}

/** Characters that count (breaks excluded). */
export function contentLength(normalized: string): number {
  let n = 0;
  for (let i = 0; i < normalized.length; i++) if (normalized.charCodeAt(i) !== 124) n++;
  return n;
}

/**
 * The distinct character n-grams of a normalized text, as 32-bit hashes (FNV-1a over the UTF-16
 * units), none crossing a break. Sorted ascending: intersections are then a linear merge.
 */
export function shingles(normalized: string, n: number): Uint32Array {
  const out: number[] = [];
  let runStart = 0;
  for (let i = 0; i <= normalized.length; i++) {
    if (i < normalized.length && normalized.charCodeAt(i) !== 124) continue;
    for (let s = runStart; s + n <= i; s++) {
      let h = 0x811c9dc5;
      for (let k = s; k < s + n; k++) h = Math.imul(h ^ normalized.charCodeAt(k), 0x01000193);
      out.push(h >>> 0);
    }
    runStart = i + 1;
  }
  const sorted = Uint32Array.from(out).sort();
  let w = 0;
  for (let r = 0; r < sorted.length; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) sorted[w++] = sorted[r];
  return sorted.subarray(0, w);
}

/** |a ∩ b| for sorted distinct arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}
