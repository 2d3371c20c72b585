import { LINE_STATES } from './debris';
import type { TextIndex } from './text';

/**
 * Results of line-local work kept from one analysis of a document to the next, keyed by what
 * they depend on (the line's text and its debris/ordinal geometry). Between two keystrokes all
 * lines but one are unchanged, so a 1 MB report re-does one line's work plus the cheap
 * document-wide passes. The cache is plain data handed in through `AnalyzeOptions.cache`: the
 * core stays pure, the server keeps one per open document.
 *
 * What the model gets from here is immutable: line-local drafts are copied into new model objects,
 * and placed figures of unchanged lines are handed out again as they are (figures/extract.ts), so
 * two models of one document may share figure objects. Nothing changes a model once built
 * (test/invariants.test.ts), which makes the sharing safe.
 */
export class LineCache<V, K = string> {
  private previous = new Map<K, V>();
  private current = new Map<K, V>();

  /** The value for this key, computed only when neither this analysis nor the last one had it. */
  get(key: K, compute: () => V): V {
    // Most keys were in the last analysis: look there first (two map operations per line).
    let v = this.previous.get(key) ?? this.current.get(key);
    if (v === undefined) v = compute();
    this.current.set(key, v);
    return v;
  }

  /** What the last analysis kept under this key (nothing is computed or kept). */
  last(key: K): V | undefined {
    return this.previous.get(key);
  }

  /** Keeps a value for the next analysis. */
  set(key: K, v: V): void {
    this.current.set(key, v);
  }

  /** An analysis ended: keep what it used, drop the rest (the cache stays the size of one document). */
  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** One per document; pass the same object to every analysis of that document. */
export class AnalysisCache {
  /** The line index of the last analysis: the next one is updated from it (textUpdate.ts). */
  index: TextIndex | undefined;
  /** Each line's debris class, by its text, one cache per state the lines before leave (debris.ts). */
  readonly lineClasses: readonly LineCache<unknown>[] = Array.from({ length: LINE_STATES }, () => new LineCache<unknown>());
  /** Figures of one line (figures/extract.ts). */
  readonly figures = new LineCache<unknown>();
  /** Figures as placed on each line number (figures/extract.ts). */
  readonly placedFigures = new LineCache<unknown, number>();
  /** Half-width marks of one line (rules/punctuationWidth.ts). */
  readonly punctuation = new LineCache<readonly number[]>();

  /** Called by `analyze` when it is done. */
  rotate(): void {
    this.figures.rotate();
    this.placedFigures.rotate();
    this.punctuation.rotate();
    for (const c of this.lineClasses) c.rotate();
  }
}
