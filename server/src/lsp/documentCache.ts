/**
 * One analysis per document version: every feature (symbols, folding, diagnostics, …) asks
 * here and shares the same model. Entries go when the document closes.
 * If the analysis itself throws (a bug outside any rule), that version gets an empty model —
 * no outline, no findings — and the error is reported once: every feature then answers with an
 * empty result instead of an error on each request, and stale diagnostics are cleared.
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
    let cache = this.lineCaches.get(uri);
    if (!cache) this.lineCaches.set(uri, (cache = new AnalysisCache()));
    const options = this.options(uri);
    let model: ReportModel;
    try {
      model = this.run(current, { ...options, cache });
    } catch (error) {
      // Start the next analysis from scratch rather than from a half-finished one's cache.
      this.lineCaches.delete(uri);
      this.onError(uri, error);
      model = analyze('', { ...options, rules: [] });
    }
    this.entries.set(uri, { version, text: current, model });
    return model;
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
