/**
 * Which paragraphs of a report repeat a paragraph of another (last year's report of the same
 * body): per paragraph of at least MIN_CHARS characters (boilerplate left out), the share of its
 * character 4-grams found in one paragraph of the other, through an inverted index of the other
 * report's 4-grams — linear in the two texts, not in their product.
 */
import { contentLength, normalize, shingles } from './normalize';
import { paragraphsOfText, type Paragraph } from './paragraphs';

export interface PreviousReport {
  /** How the user knows the file (a path or a name): shown in messages. */
  readonly name: string;
  readonly text: string;
}

export interface ReusedParagraph {
  readonly paragraph: Paragraph;
  readonly previous: Paragraph;
  /** Share of the paragraph's 4-grams found in the previous one, 0…1. */
  readonly similarity: number;
}

export interface Reuse {
  readonly reused: readonly ReusedParagraph[];
  /** Share of the report's words (normalized characters) in reused paragraphs, 0…1. */
  readonly share: number;
}

export const SHINGLE = 4;
/** A paragraph shorter than this (normalized, boilerplate left out) is never judged. */
export const MIN_CHARS = 30;
export const THRESHOLD = 0.8;

interface Indexed {
  readonly paragraphs: readonly Paragraph[];
  readonly postings: Map<number, number[]>;
}

const indexes = new WeakMap<PreviousReport, Indexed>();

function indexOf(previous: PreviousReport): Indexed {
  let ix = indexes.get(previous);
  if (ix) return ix;
  const paragraphs = paragraphsOfText(previous.text);
  const postings = new Map<number, number[]>();
  paragraphs.forEach((p, k) => {
    for (const h of shingles(normalize(p.text), SHINGLE)) {
      const list = postings.get(h);
      if (list) list.push(k);
      else postings.set(h, [k]);
    }
  });
  ix = { paragraphs, postings };
  indexes.set(previous, ix);
  return ix;
}

export function compareParagraphs(paragraphs: readonly Paragraph[], previous: PreviousReport, threshold = THRESHOLD): Reuse {
  const ix = indexOf(previous);
  const reused: ReusedParagraph[] = [];
  let total = 0;
  let repeated = 0;
  const counts = new Map<number, number>();
  for (const p of paragraphs) {
    const norm = normalize(p.text);
    const len = contentLength(normalize(p.text, { boilerplate: false }));
    total += len;
    if (contentLength(norm) < MIN_CHARS) continue;
    const own = shingles(norm, SHINGLE);
    if (own.length === 0) continue;
    counts.clear();
    for (const h of own) for (const k of ix.postings.get(h) ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
    let best = -1;
    let bestCount = 0;
    for (const [k, c] of counts) if (c > bestCount) [best, bestCount] = [k, c];
    const similarity = bestCount / own.length;
    if (best >= 0 && similarity >= threshold) {
      reused.push({ paragraph: p, previous: ix.paragraphs[best], similarity });
      repeated += len;
    }
  }
  return { reused, share: total ? repeated / total : 0 };
}
