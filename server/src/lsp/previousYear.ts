/**
 * Last year's report of the same body, looked up next to the document (the LSP layer may read
 * files; the core may not). Analyses are cached by path and modification time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type AnalyzeOptions, type ReportModel } from '../core';

const REPORT_FILE = /\.(govreport|txt)$/i;
const cache = new Map<string, { mtime: number; model: ReportModel }>();

/** The body a report is about: its title without years and the words every title shares. */
export function bodyKey(m: ReportModel): string {
  const title = m.header.title?.text ?? '';
  return title.replace(/[0-9０-９]{4}\s*年?度?/g, '').replace(/关于|情况|工作|年度|的|报告|\s/g, '');
}

export function findPreviousYear(uri: string, model: ReportModel, options: AnalyzeOptions): ReportModel | undefined {
  if (model.year === null || !uri.startsWith('file:')) return undefined;
  const key = bodyKey(model);
  if (!key) return undefined;
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
    if (other && other.year === model.year - 1 && bodyKey(other) === key) return other;
  }
  return undefined;
}

function load(path: string, options: AnalyzeOptions): ReportModel | undefined {
  try {
    const st = statSync(path);
    if (st.size > 2_000_000) return undefined;
    const hit = cache.get(path);
    if (hit && hit.mtime === st.mtimeMs) return hit.model;
    const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
    const model = analyze(text, options);
    cache.set(path, { mtime: st.mtimeMs, model });
    return model;
  } catch {
    return undefined;
  }
}
