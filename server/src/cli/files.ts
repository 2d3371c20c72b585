/**
 * Finds report files under the given paths (files, folders searched recursively, glob
 * patterns), honouring `.govreportignore` files, and reads them as text with the reader the
 * server shares (files/reportFile.ts: UTF-8, or GB18030/GBK as Word exports often are).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import {
  isReportFileName,
  MAX_REPORT_FILE_BYTES,
  readRegularFile,
  readReportFile,
  ReportFileError,
  type DecodedReport,
} from '../files/reportFile';
import { isSourceFile, type SourceFormat } from '../intake/sourceFormats';
import type { DocxComment } from '../intake/docx/comments';
import { loadIntake } from '../files/intakeLoader';

export { REPORT_EXTENSIONS, decodeReport, type DecodedReport } from '../files/reportFile';
/** gitignore syntax, read in every searched folder (and the working directory), like .gitignore. */
export const IGNORE_FILE = '.govreportignore';

export class InputError extends Error {}

/** Ignore and workspace files are small; a larger one (or a FIFO, a device) is not read. */
export const CONFIG_FILE_BYTES = 1024 * 1024;

interface IgnoreScope {
  readonly base: string;
  readonly rules: Ignore;
}

function ignoreScope(dir: string): IgnoreScope | null {
  const file = join(dir, IGNORE_FILE);
  if (!existsSync(file)) return null;
  try {
    return { base: dir, rules: ignore().add(readRegularFile(file, CONFIG_FILE_BYTES).toString('utf8')) };
  } catch (e) {
    if (e instanceof ReportFileError) throw new InputError(e.message);
    throw e;
  }
}

const posix = (p: string) => p.split(sep).join('/');

function ignored(scopes: readonly IgnoreScope[], path: string, isDir: boolean): boolean {
  return scopes.some((s) => {
    const rel = posix(relative(s.base, path));
    return rel !== '' && !rel.startsWith('..') && s.rules.ignores(isDir ? rel + '/' : rel);
  });
}

/**
 * Files named directly are taken as they are; folders are searched recursively for report
 * files; a pattern (`drafts/**\/*.txt`) is matched below its fixed prefix. Ignore files apply
 * to what searching finds, never to a file named explicitly.
 */
/**
 * `onProblem`: a path that does not exist or a folder that cannot be read is handed to it and the
 * rest of the batch goes on; without it, the first such path is an InputError (the whole run stops).
 */
export function collectFiles(paths: readonly string[], cwd = process.cwd(), onProblem?: (message: string, path: string) => void): string[] {
  const problem = (message: string, path: string) => {
    if (!onProblem) throw new InputError(message);
    onProblem(message, path);
  };
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (seen.has(p)) return;
    seen.add(p);
    out.push(p);
  };
  const root = ignoreScope(cwd);
  const walk = (dir: string, scopes: readonly IgnoreScope[], accept: (p: string) => boolean) => {
    const own = ignoreScope(dir);
    const inScope = own && own.base !== root?.base ? [...scopes, own] : scopes;
    let listed;
    try {
      listed = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      return problem(`无法读取文件夹：${dir} (cannot read folder: ${(e as NodeJS.ErrnoException).code ?? String(e)})`, dir);
    }
    const entries = listed.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!ignored(inScope, p, true)) walk(p, inScope, accept);
      } else if (e.isFile() && (isReportFileName(e.name) || isSourceFile(e.name)) && accept(p) && !ignored(inScope, p, false)) add(p);
    }
  };
  const rootScopes = root ? [root] : [];
  for (const p of paths) {
    const scan = picomatch.scan(p);
    if (scan.isGlob) {
      const base = scan.base || '.';
      const match = picomatch(scan.glob, { dot: false });
      if (existsSync(base) && statSync(base).isDirectory()) walk(base, rootScopes, (f) => match(posix(relative(base, f))));
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      problem(`找不到文件或文件夹：${p} (no such file or folder)`, p);
      continue;
    }
    if (st.isDirectory()) walk(p, rootScopes, () => true);
    else add(p);
  }
  return out;
}

/** Reads a report file with the shared reader. Unreadable or undecodable input is an InputError, not a crash. */
export function readReport(path: string): DecodedReport {
  try {
    return readReportFile(path);
  } catch (e) {
    if (e instanceof ReportFileError) throw new InputError(e.message);
    throw e;
  }
}

/**
 * Reads any report file: Word, PDF and HTML through intake (their report text, see `govreport
 * text`), anything else as plain text. Ranges in findings refer to this text.
 */
export async function readAnyReport(path: string): Promise<
  DecodedReport & {
    readonly format?: SourceFormat;
    readonly notes?: readonly string[];
    readonly frame?: readonly string[];
    readonly comments?: readonly DocxComment[];
  }
> {
  if (!isSourceFile(path)) return readReport(path);
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, MAX_REPORT_FILE_BYTES);
  } catch (e) {
    if (e instanceof ReportFileError) throw new InputError(e.message);
    throw e;
  }
  const { readSource, SourceError } = await loadIntake();
  try {
    const { text, format, notes, frame, comments } = await readSource(path, bytes);
    return { text, encoding: 'utf-8', format, notes: notes.map((n) => `${path}: ${n.message}`), frame, comments };
  } catch (e) {
    if (e instanceof SourceError) throw new InputError(e.message);
    // A reader that fails on a hostile file (a stack overflow, a library's own error) fails that file
    // only: the batch goes on with the others.
    throw new InputError(`无法读取 ${path}：${(e as Error)?.message ?? String(e)} (cannot read)`);
  }
}
