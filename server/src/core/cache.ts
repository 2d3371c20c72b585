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
  /** Each value with the number of the last analysis that used it. */
  private readonly entries = new Map<K, { v: V; used: number }>();
  /** The number of the analysis under way. */
  private generation = 1;
  /** How many entries this analysis used. */
  private used = 0;

  /** The value for this key, computed only when neither this analysis nor the last one had it. */
  get(key: K, compute: () => V): V {
    // One map operation per line when the key is known (the common case: an unchanged line).
    const e = this.entries.get(key);
    if (e === undefined) {
      const v = compute();
      this.entries.set(key, { v, used: this.generation });
      this.used++;
      return v;
    }
    if (e.used !== this.generation) {
      e.used = this.generation;
      this.used++;
    }
    return e.v;
  }

  /** What the last analysis kept under this key, if this one has not replaced it yet (nothing is computed or kept). */
  last(key: K): V | undefined {
    const e = this.entries.get(key);
    return e && e.used === this.generation - 1 ? e.v : undefined;
  }

  /** Keeps a value for the next analysis. */
  set(key: K, v: V): void {
    const e = this.entries.get(key);
    if (e === undefined) this.entries.set(key, { v, used: this.generation });
    else {
      e.v = v;
      if (e.used === this.generation) return;
      e.used = this.generation;
    }
    this.used++;
  }

  /**
   * An analysis ended: what it did not use goes before the next one is done with it (the cache
   * stays within twice the size of one document, and is swept only when it has grown that far).
   */
  rotate(): void {
    if (this.entries.size > 2 * this.used + 64) {
      for (const [k, e] of this.entries) if (e.used !== this.generation) this.entries.delete(k);
    }
    this.generation++;
    this.used = 0;
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
  private citationTable: object | undefined;
  private citations = new LineCache<unknown>();

  /** Citations of each line, by its text, as found with this reference table (references/scan.ts). */
  citationLines(table: object): LineCache<unknown> {
    if (table !== this.citationTable) {
      this.citationTable = table;
      this.citations = new LineCache();
    }
    return this.citations;
  }

  /** Findings of line-local rules by rule and locale (rules/lineFindings.ts). */
  private readonly byRule = new Map<string, { readonly found: LineCache<unknown>; readonly placed: LineCache<unknown, number> }>();
  /**
   * The model's finding for each emitted finding (analyze.ts): an emitted finding handed out
   * again (rules/lineFindings.ts) becomes the same model finding, whose diagnostic the server
   * has converted already.
   */
  readonly findings = new WeakMap<object, unknown>();

  /** A line-local rule's findings: by the line's key, and as placed on each line number. */
  lineFindings(code: string, locale: string): { readonly found: LineCache<unknown>; readonly placed: LineCache<unknown, number> } {
    const name = `${code}|${locale}`;
    let kept = this.byRule.get(name);
    if (!kept) this.byRule.set(name, (kept = { found: new LineCache(), placed: new LineCache() }));
    return kept;
  }

  /** Called by `analyze` when it is done. */
  rotate(): void {
    this.figures.rotate();
    this.placedFigures.rotate();
    for (const kept of this.byRule.values()) {
      kept.found.rotate();
      kept.placed.rotate();
    }
    for (const c of this.lineClasses) c.rotate();
    this.citations.rotate();
  }
}
