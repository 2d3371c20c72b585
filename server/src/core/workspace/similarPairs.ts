/**
 * Similar pairs among reports held in memory (the editor's "similar reports in this folder"):
 * the same corpus, verification and body keys as `govreport similar`, which streams from disk.
 */
import { analyze } from '../analyze';
import { bodyEvidence, bodyKeyOf } from '../similarity/body';
import { byCluster, SimilarityCorpus } from '../similarity/corpus';
import { prepareReport, verifyPrepared, type PreparedReport } from '../similarity/prepared';

export interface NamedText {
  readonly name: string;
  readonly text: string;
}

export interface SimilarPair {
  readonly a: string;
  readonly b: string;
  /** Dice coefficient of the two reports' 8-gram sets, 0…1 (three decimals). */
  readonly similarity: number;
  /** Same body (title without years, else the 发文机关): e.g. one body's two years. */
  readonly sameBody: boolean;
  /** Paragraphs of `a` that repeat one of `b`, 1-based lines. */
  readonly shared: readonly { aLine: number; bLine: number }[];
}

/** The body key from a report's top (title, 发文机关) — or the whole text when that names no year. */
export function bodyKeyOfText(text: string): string {
  return bodyKeyOf(bodyEvidence(analyze(text.slice(0, 3000), { rules: [] })));
}

export function similarPairs(docs: readonly NamedText[], threshold: number): SimilarPair[] {
  const corpus = new SimilarityCorpus();
  docs.forEach((d, i) => corpus.add(i, d.text));
  const keys = new Map<number, string>();
  const key = (i: number) => {
    let k = keys.get(i);
    if (k === undefined) keys.set(i, (k = bodyKeyOfText(docs[i].text)));
    return k;
  };
  // Each report prepared once (the texts are in memory; so are their preparations, for the candidates only).
  const prepared = new Map<number, PreparedReport>();
  const ready = (i: number) => {
    let p = prepared.get(i);
    if (!p) prepared.set(i, (p = prepareReport(docs[i].text)));
    return p;
  };
  const out: SimilarPair[] = [];
  for (const c of byCluster(corpus.candidates(threshold))) {
    const r = verifyPrepared(ready(c.a), ready(c.b), threshold);
    if (!r) continue;
    out.push({
      a: docs[c.a].name,
      b: docs[c.b].name,
      similarity: Math.round(r.similarity * 1000) / 1000,
      sameBody: key(c.a) !== '' && key(c.a) === key(c.b),
      shared: r.shared,
    });
  }
  return sortPairs(out);
}

/** Most similar first, then by names. */
export function sortPairs(pairs: SimilarPair[]): SimilarPair[] {
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
