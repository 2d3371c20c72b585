/**
 * One analysis per document version: every feature (symbols, folding, diagnostics, …) asks
 * here and shares the same model. Entries go when the document closes.
 * If the analysis itself throws (a bug outside any rule), that version gets an empty model —
 * no outline, no findings — and the error is reported once: every feature then answers with an
 * empty result instead of an error on each request, and stale diagnostics are cleared.
 */
import { analyze, type AnalyzeOptions, type ReportModel } from '../core';

export type Analyzer = (text: string, options: AnalyzeOptions) => ReportModel;

export class DocumentCache {
  private readonly entries = new Map<string, { version: number; model: ReportModel }>();

  constructor(
    private readonly options: () => AnalyzeOptions,
    private readonly onError: (uri: string, error: unknown) => void = () => {},
    private readonly run: Analyzer = analyze,
  ) {}

  get(uri: string, version: number, text: () => string): ReportModel {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) return hit.model;
    const options = this.options();
    let model: ReportModel;
    try {
      model = this.run(text(), options);
    } catch (error) {
      this.onError(uri, error);
      model = analyze('', { ...options, rules: [] });
    }
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
