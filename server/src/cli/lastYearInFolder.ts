/**
 * Where `govreport check` finds last year's report for reused-text: `--previous FILE` when given,
 * else the report's own folder — the report of the same body (title without years, else the
 * issuing bodies) on year − 1. A folder is indexed once per process from the top of each report
 * (title, bodies and year are there), so checking a folder does not analyse every file twice.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { reportIdentity, type PreviousReport } from '../core';
import { isSourceFile } from '../intake/sourceFormats';
import { isReportFileName } from '../files/reportFile';
import { InputError, readAnyReport } from './files';

const texts = new Map<string, Promise<PreviousReport>>();
const folders = new Map<string, Promise<Folder>>();

interface Folder {
  /** `key|year` → path. */
  readonly byKeyYear: Map<string, string>;
  /** path → `key|year` of that file. */
  readonly ofPath: Map<string, { key: string; year: number }>;
}

/** How the user sees a path: relative to the working directory when below it. */
export function shownPath(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : path;
}

/** A previous report, read once (Word, PDF, HTML or text); unreadable: an InputError. */
export function readPrevious(path: string): Promise<PreviousReport> {
  const full = resolve(path);
  let p = texts.get(full);
  if (!p) {
    p = readAnyReport(full).then((r) => ({ name: shownPath(full), text: r.text }));
    texts.set(full, p);
  }
  return p;
}

async function index(dir: string): Promise<Folder> {
  const byKeyYear = new Map<string, string>();
  const ofPath = new Map<string, { key: string; year: number }>();
  let names: string[] = [];
  try {
    names = readdirSync(dir)
      .filter((n) => isReportFileName(n) || isSourceFile(n))
      .sort();
  } catch {
    // an unreadable folder has no previous report
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const { key, year } = reportIdentity((await readAnyReport(path)).text);
      if (!key || year === null) continue;
      ofPath.set(path, { key, year });
      if (!byKeyYear.has(`${key}|${year}`)) byKeyYear.set(`${key}|${year}`, path);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  return { byKeyYear, ofPath };
}

/** Last year's report for checking `file`: the `--previous` file, else one found in the file's folder. */
export async function previousFor(file: string, previous: string | undefined): Promise<PreviousReport | undefined> {
  if (previous) return readPrevious(previous);
  const self = resolve(file);
  const dir = dirname(self);
  let f = folders.get(dir);
  if (!f) folders.set(dir, (f = index(dir)));
  const folder = await f;
  const me = folder.ofPath.get(self);
  const path = me && folder.byKeyYear.get(`${me.key}|${me.year - 1}`);
  if (!path || path === self) return undefined;
  try {
    return await readPrevious(path);
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}
