/**
 * Whole reports compared (`govreport similar`): the share of text two reports have in common,
 * and which of their paragraphs repeat one another.
 * Similarity is the Dice coefficient of their character 8-gram sets (digits and punctuation
 * normalised, boilerplate left out): shared 8-grams over the average number of 8-grams, so two
 * reports of which each copies half of the other score 0.5. 8 characters: long enough that two
 * unrelated reports of the same genre share almost none (≈ 0.01 on the seeds), short enough that
 * a copy under swapped place names keeps nearly all (≈ 0.98).
 */
import { intersectionSize, normalize, shingles } from './normalize';
import { paragraphsOfText } from './paragraphs';
import { compareParagraphs } from './paragraphReuse';

export const DOCUMENT_SHINGLE = 8;

export function documentShingles(text: string): Uint32Array {
  return shingles(normalize(text), DOCUMENT_SHINGLE);
}

export function dice(a: Uint32Array, b: Uint32Array): number {
  return a.length + b.length === 0 ? 0 : (2 * intersectionSize(a, b)) / (a.length + b.length);
}

/** Paragraphs of `a` that repeat one of `b` (≥ 80% of their 4-grams): 1-based line pairs. */
export function sharedParagraphs(a: string, b: string): { aLine: number; bLine: number }[] {
  return compareParagraphs(paragraphsOfText(a), { name: '', text: b }).reused.map((r) => ({
    aLine: r.paragraph.line + 1,
    bLine: r.previous.line + 1,
  }));
}
