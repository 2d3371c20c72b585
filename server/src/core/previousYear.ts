/**
 * Last year's report of the same body, looked up beside the document through the injected
 * `ReportFiles` (the hover compares each figure with last year's value). Analyses of the
 * neighbours are kept per URI and stamp: an unchanged file is not read or analysed again.
 */
import { analyze, type AnalyzeOptions } from './analyze';
import type { ReportModel } from './model';
import type { ReportFiles } from './reportFiles';

/** The body a report is about: its title without years and the words every title shares. */
export function bodyKey(m: ReportModel): string {
  const title = m.header.title?.text ?? '';
  return title.replace(/[0-9０-９]{4}\s*年?度?/g, '').replace(/关于|情况|工作|年度|的|报告|\s/g, '');
}

export class PreviousYearFinder {
  private readonly analyses = new Map<string, { stamp: string; model: ReportModel }>();

  constructor(private readonly files: ReportFiles) {}

  /** The report beside `uri` whose year is the model's year − 1 and whose title names the same body. */
  find(uri: string, model: ReportModel, options: AnalyzeOptions): ReportModel | undefined {
    if (model.year === null) return undefined;
    const key = bodyKey(model);
    if (!key) return undefined;
    for (const other of this.files.siblings(uri)) {
      if (other === uri) continue;
      const m = this.load(other, options);
      if (m && m.year === model.year - 1 && bodyKey(m) === key) return m;
    }
    return undefined;
  }

  private load(uri: string, options: AnalyzeOptions): ReportModel | undefined {
    const stamp = this.files.stamp(uri);
    if (stamp === undefined) return undefined;
    const hit = this.analyses.get(uri);
    if (hit && hit.stamp === stamp) return hit.model;
    const text = this.files.read(uri);
    if (text === undefined) return undefined;
    try {
      const model = analyze(text, { ...options, cache: undefined });
      this.analyses.set(uri, { stamp, model });
      return model;
    } catch {
      return undefined; // a neighbour that breaks the analysis is no reason to fail the hover
    }
  }
}
