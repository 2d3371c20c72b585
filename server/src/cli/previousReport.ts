/**
 * Where `govreport check` finds last year's report for reused-text: `--previous FILE` when given,
 * else the report's own folder — the report of the same body (title without years) on year − 1.
 * A folder is read once per process (title and year of each report file), then looked up.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { analyze, bodyEvidence, bodyKeyOf, type PreviousReport, type PreviousReportSource } from '../core';
import { InputError, readReport, REPORT_EXTENSIONS } from './files';

const explicit = new Map<string, PreviousReport>();
const folders = new Map<string, Map<string, string>>();

/** How the user sees a path: relative to the working directory when below it. */
export function shownPath(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : path;
}

/** The `--previous` file, read once; an unreadable one is an input error (exit 2). */
export function readPrevious(path: string): PreviousReport {
  const full = resolve(path);
  let p = explicit.get(full);
  if (!p) explicit.set(full, (p = { name: shownPath(full), text: readReport(full).text }));
  return p;
}

/** Report files of a folder by `body key|year`. */
function folderIndex(dir: string): Map<string, string> {
  let ix = folders.get(dir);
  if (ix) return ix;
  ix = new Map();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => REPORT_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)));
  } catch {
    // an unreadable folder has no previous report
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const m = analyze(readReport(path).text, { rules: [] });
      const key = bodyKeyOf(bodyEvidence(m));
      if (key && m.year !== null && !ix.has(`${key}|${m.year}`)) ix.set(`${key}|${m.year}`, path);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  folders.set(dir, ix);
  return ix;
}

/** The previous-report source for checking `file`. */
export function previousSource(file: string, previous: string | undefined): PreviousReportSource {
  if (previous) return readPrevious(previous);
  const self = resolve(file);
  return (report) => {
    const key = bodyKeyOf(report);
    if (report.year === null || !key) return undefined;
    const path = folderIndex(dirname(self)).get(`${key}|${report.year - 1}`);
    return path && path !== self ? readPrevious(path) : undefined;
  };
}
