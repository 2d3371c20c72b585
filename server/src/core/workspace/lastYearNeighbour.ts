/**
 * Last year's report of the same body, looked up beside the document through the injected
 * `ReportFiles` (the hover compares each figure with last year's value; reused-text compares the
 * paragraphs). Analyses of the neighbours are kept per URI and stamp: an unchanged file is not
 * read or analysed again, and its `PreviousReport` stays the same object (its paragraph index is
 * kept with it).
 */
import { analyze, type AnalyzeOptions } from '../analyze';
import type { ReportModel } from '../model';
import type { ReportFiles } from './reportFiles';
import { uriFileName } from './uriFileName';
import { bodyEvidence, bodyKeyOf } from '../similarity/body';
import type { PreviousReportSource } from '../similarity/lastYearReuse';
import type { PreviousReport } from '../similarity/paragraphReuse';

/** The body a report is about: its title without years and the words every title shares, else its issuing bodies. */
export function bodyKey(m: ReportModel): string {
  return bodyKeyOf(bodyEvidence(m));
}

interface Neighbour {
  readonly stamp: string;
  readonly model: ReportModel;
  readonly report: PreviousReport;
}

export class PreviousYearFinder {
  private readonly analyses = new Map<string, Neighbour>();

  constructor(private readonly files: ReportFiles) {}

  /** The report beside `uri` whose year is the model's year − 1 and whose title names the same body. */
  find(uri: string, model: ReportModel, options: AnalyzeOptions): ReportModel | undefined {
    return this.neighbour(uri, model.year, bodyKey(model), options)?.model;
  }

  /** A source the analysis of `uri` asks once it knows the report's year and body. */
  source(uri: string, options: () => AnalyzeOptions): PreviousReportSource {
    return (report) => this.neighbour(uri, report.year, bodyKeyOf(report), options())?.report;
  }

  private neighbour(uri: string, year: number | null, key: string, options: AnalyzeOptions): Neighbour | undefined {
    if (year === null || !key) return undefined;
    for (const other of this.files.siblings(uri)) {
      if (other === uri) continue;
      const n = this.load(other, options);
      if (n && n.model.year === year - 1 && bodyKey(n.model) === key) return n;
    }
    return undefined;
  }

  private load(uri: string, options: AnalyzeOptions): Neighbour | undefined {
    const stamp = this.files.stamp(uri);
    if (stamp === undefined) return undefined;
    const hit = this.analyses.get(uri);
    if (hit && hit.stamp === stamp) return hit;
    const text = this.files.read(uri);
    if (text === undefined) return undefined;
    try {
      const model = analyze(text, { ...options, cache: undefined, previous: undefined });
      const name = uriFileName(uri);
      const n = { stamp, model, report: { name, text } };
      this.analyses.set(uri, n);
      return n;
    } catch {
      return undefined; // a neighbour that breaks the analysis is no reason to fail the hover
    }
  }
}
