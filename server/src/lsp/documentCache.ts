/**
 * One analysis per document version: every feature (symbols, folding, diagnostics, …) asks
 * here and shares the same model. Entries go when the document closes.
 * If the analysis itself throws (a bug outside any rule), that version gets an empty model —
 * no outline, no findings — and the error is reported once: every feature then answers with an
 * empty result instead of an error on each request, and stale diagnostics are cleared.
 *
 * A document's first analysis (when it opens, or after new settings) is a fresh one, without the
 * line-local memo its keystrokes use: filling that memo costs a fresh analysis of the varied 1 MB
 * half as much again (round 21, docs/performance.md), and a report opened to be read never needs
 * it. The memo is made by `prime` (the server calls it once the client is quiet after an open,
 * lsp/priming.ts) or else by the document's next analysis, the first keystroke's.
 */
import { analyze, AnalysisCache, type AnalyzeOptions, type ReportModel } from '../core';

export type Analyzer = (text: string, options: AnalyzeOptions) => ReportModel;

export class DocumentCache {
  private readonly entries = new Map<string, { version: number; text: string; model: ReportModel }>();
  /** Line-local work of each document's last analysis: a keystroke re-does one line's work. */
  private readonly lineCaches = new Map<string, AnalysisCache>();

  constructor(
    /** The options for analysing the document at `uri` (last year's report is per document). */
    private readonly options: (uri: string) => AnalyzeOptions,
    private readonly onError: (uri: string, error: unknown) => void = () => {},
    private readonly run: Analyzer = analyze,
  ) {}

  get(uri: string, version: number, text: () => string): ReportModel {
    const hit = this.entries.get(uri);
    // The version and the text: a didChange that repeats a version still changes the text
    // (the same string object when nothing changed, so the usual check costs nothing).
    const current = text();
    if (hit && hit.version === version && hit.text === current) return hit.model;
    // The first analysis of the document is fresh; from the second on, through its line cache.
    let cache = this.lineCaches.get(uri);
    if (!cache && hit) this.lineCaches.set(uri, (cache = new AnalysisCache()));
    const options = this.options(uri);
    let model: ReportModel;
    try {
      model = this.run(current, cache ? { ...options, cache } : options);
    } catch (error) {
      // Start the next analysis from scratch rather than from a half-finished one's cache.
      this.lineCaches.delete(uri);
      this.onError(uri, error);
      model = analyze('', { ...options, rules: [] });
    }
    this.entries.set(uri, { version, text: current, model });
    return model;
  }

  /**
   * Fills the line cache of a document analysed only afresh, from the version analysed last, so that
   * its first keystroke re-does one line's work. The model this makes is not handed out: the one of the
   * fresh analysis stays that version's (the same findings and outline). False when there is nothing to
   * do: the document is not analysed, or has its cache already.
   */
  prime(uri: string): boolean {
    const hit = this.entries.get(uri);
    if (!hit || this.lineCaches.has(uri)) return false;
    const cache = new AnalysisCache();
    this.lineCaches.set(uri, cache);
    try {
      this.run(hit.text, { ...this.options(uri), cache });
    } catch (error) {
      // The fresh analysis of this text did not throw: a bug of the incremental path, reported once.
      this.lineCaches.delete(uri);
      this.onError(uri, error);
    }
    return true;
  }

  /** Whether the document has a line cache (primed, or typed into). */
  primed(uri: string): boolean {
    return this.lineCaches.has(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.lineCaches.delete(uri);
  }

  clear(): void {
    this.entries.clear();
    this.lineCaches.clear();
  }
}
