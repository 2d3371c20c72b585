/**
 * previousYear.ts for the browser build (esbuild swaps a module for its `.browser.ts` sibling):
 * a web worker cannot list or read the files next to the document, so there is no previous
 * year's report to compare with.
 */
import type { AnalyzeOptions, PreviousReportSource, ReportModel } from '../core';

export function findPreviousYear(_uri: string, _model: ReportModel, _options: AnalyzeOptions): ReportModel | undefined {
  return undefined;
}

export function previousReportFor(_uri: string, _options: () => AnalyzeOptions): PreviousReportSource | undefined {
  return undefined;
}
