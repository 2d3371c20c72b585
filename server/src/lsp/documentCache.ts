/**
 * One analysis per document version: every feature (symbols, folding, diagnostics, …) asks
 * here and shares the same model. Entries go when the document closes.
 */
import { analyze, type AnalyzeOptions, type ReportModel } from '../core';

export class DocumentCache {
  private readonly entries = new Map<string, { version: number; model: ReportModel }>();

  constructor(private readonly options: () => AnalyzeOptions) {}

  get(uri: string, version: number, text: () => string): ReportModel {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) return hit.model;
    const model = analyze(text(), this.options());
    this.entries.set(uri, { version, model });
    return model;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
