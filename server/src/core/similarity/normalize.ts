/**
 * Text as the similarity checks compare it: full-width forms folded, Latin lower-cased, every run
 * of digits one `#` (so 2023年 and 2024年, 15件 and 127件 compare equal), and punctuation, symbols
 * and white space dropped. Boilerplate phrases (data/boilerplate.json) become a break `|` that no
 * shingle crosses. One pass over the characters (this runs on every report of a folder).
 */
import boilerplate from '../data/boilerplate.json';

const BOILERPLATE = new RegExp(boilerplate.patterns.map((p) => `(?:${p})`).join('|'), 'g');
/** Every boilerplate pattern holds one of these: a line without any is not searched. */
const ANCHORS = new RegExp(boilerplate.anchors);

export const BREAK = '|';
const BAR = 124;
const HASH = 35;

function withoutBoilerplate(text: string): string {
  if (!ANCHORS.test(text)) return text;
  return text
    .split('\n')
    .map((line) => (ANCHORS.test(line) ? line.replace(BOILERPLATE, BREAK) : line))
    .join('\n');
}

/** Kept characters as codes: CJK ideographs, Latin letters (lower-cased), `#` for digit runs, breaks. */
export function normalize(text: string, options: { boilerplate?: boolean } = {}): string {
  const s = options.boilerplate === false ? text : withoutBoilerplate(text);
  const out = new Uint16Array(s.length);
  let n = 0;
  let inDigits = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
    if (c >= 48 && c <= 57) {
      if (!inDigits) out[n++] = HASH;
      inDigits = true;
      continue;
    }
    inDigits = false;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      c === 0x3007 ||
      c === BAR ||
      (c >= 97 && c <= 122)
    )
      out[n++] = c;
    else if (c >= 65 && c <= 90) out[n++] = c + 32;
    // everything else — punctuation, spaces, symbols — is dropped
  }
  let result = '';
  for (let i = 0; i < n; i += 4096)
    result += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return result;
}

/** Characters that count (breaks excluded). */
export function contentLength(normalized: string): number {
  let n = 0;
  for (let i = 0; i < normalized.length; i++) if (normalized.charCodeAt(i) !== BAR) n++;
  return n;
}

/**
 * The distinct character n-grams of a normalized text, as 32-bit hashes (a polynomial rolling hash
 * over the UTF-16 units, so each position costs O(1)), none crossing a break. Sorted ascending:
 * intersections are then a linear merge.
 */
export function shingles(normalized: string, n: number): Uint32Array {
  const B = 0x01000193;
  let top = 1; // B^(n-1), to take the leaving character out
  for (let k = 1; k < n; k++) top = Math.imul(top, B);
  const out = new Uint32Array(Math.max(0, normalized.length - n + 1));
  let count = 0;
  let h = 0;
  let run = 0;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    if (c === BAR) {
      h = 0;
      run = 0;
      continue;
    }
    if (run === n) h = (h - Math.imul(normalized.charCodeAt(i - n), top)) | 0;
    else run++;
    h = (Math.imul(h, B) + c) | 0;
    if (run === n) out[count++] = h >>> 0;
  }
  const sorted = out.subarray(0, count).sort();
  let w = 0;
  for (let r = 0; r < sorted.length; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) sorted[w++] = sorted[r];
  return sorted.slice(0, w);
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
