/**
 * Last year's report of the same body, looked up next to the document (the LSP layer may read
 * files; the core may not). Analyses are cached by path and modification time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyEvidence, bodyKeyOf } from '../core/similarity/body';
import { analyze, type AnalyzeOptions, type PreviousReport, type PreviousReportSource, type ReportModel } from '../core';

const REPORT_FILE = /\.(govreport|txt)$/i;
const cache = new Map<string, { mtime: number; model: ReportModel; report: PreviousReport }>();

/** The body a report is about: its title without years and the words every title shares. */
export function bodyKey(m: ReportModel): string {
  return bodyKeyOf(bodyEvidence(m));
}


export function findPreviousYear(uri: string, model: ReportModel, options: AnalyzeOptions): ReportModel | undefined {
  return findEntry(uri, model.year, bodyKey(model), options)?.model;
}

/**
 * For the analysis of the document at `uri`: a source the core asks once it knows the report's
 * year and title; it answers with the text of last year's report of the same body, if any.
 */
export function previousReportFor(uri: string, options: () => AnalyzeOptions): PreviousReportSource {
  return (report) => findEntry(uri, report.year, bodyKeyOf(report), { ...options(), previous: undefined })?.report;
}

function findEntry(uri: string, year: number | null, key: string, options: AnalyzeOptions) {
  if (year === null || !uri.startsWith('file:') || !key) return undefined;
  let self: string;
  let names: string[];
  try {
    self = fileURLToPath(uri);
    names = readdirSync(dirname(self)).filter((n) => REPORT_FILE.test(n));
  } catch {
    return undefined;
  }
  for (const name of names) {
    const path = join(dirname(self), name);
    if (path === self) continue;
    const other = load(path, options);
    if (other && other.model.year === year - 1 && bodyKey(other.model) === key) return other;
  }
  return undefined;
}

function load(path: string, options: AnalyzeOptions) {
  try {
    const st = statSync(path);
    if (st.size > 2_000_000) return undefined;
    const hit = cache.get(path);
    if (hit && hit.mtime === st.mtimeMs) return hit;
    const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
    const entry = { mtime: st.mtimeMs, model: analyze(text, { ...options, previous: undefined }), report: { name: basename(path), text } };
    cache.set(path, entry);
    return entry;
  } catch {
    return undefined;
  }
}
