/**
 * One analysis per document version: every feature (symbols, folding, diagnostics, …) asks
 * here and shares the same model. Entries go when the document closes.
 */
import { analyze, AnalysisCache, type AnalyzeOptions, type ReportModel } from '../core';

export class DocumentCache {
  private readonly entries = new Map<string, { version: number; model: ReportModel }>();
  /** Line-local work of each document's last analysis: a keystroke re-does one line's work. */
  private readonly lineCaches = new Map<string, AnalysisCache>();

  constructor(private readonly options: () => AnalyzeOptions) {}

  get(uri: string, version: number, text: () => string): ReportModel {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) return hit.model;
    let cache = this.lineCaches.get(uri);
    if (!cache) this.lineCaches.set(uri, (cache = new AnalysisCache()));
    const model = analyze(text(), { ...this.options(), cache });
    this.entries.set(uri, { version, model });
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
