/**
 * Finds report files under the given paths (files, folders searched recursively, glob
 * patterns), honouring `.govreportignore` files, and reads them as text (UTF-8, or GB18030/GBK
 * as Word exports often are).
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import iconv from 'iconv-lite';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { isSourceFile, SOURCE_EXTENSIONS } from '../intake/formats';
import { loadIntake } from './intakeLoader';

/** Plain-text reports, then the formats intake reads (Word, PDF, web pages; .doc/.wps to say how to convert). */
export const REPORT_EXTENSIONS = ['.govreport', '.report.txt', '.txt', ...SOURCE_EXTENSIONS];
/** gitignore syntax, read in every searched folder (and the working directory), like .gitignore. */
export const IGNORE_FILE = '.govreportignore';

export class InputError extends Error {}

function isReportFile(name: string): boolean {
  return REPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

interface IgnoreScope {
  readonly base: string;
  readonly rules: Ignore;
}

function ignoreScope(dir: string): IgnoreScope | null {
  const file = join(dir, IGNORE_FILE);
  return existsSync(file) ? { base: dir, rules: ignore().add(readFileSync(file, 'utf8')) } : null;
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
export function collectFiles(paths: readonly string[], cwd = process.cwd()): string[] {
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
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!ignored(inScope, p, true)) walk(p, inScope, accept);
      } else if (e.isFile() && isReportFile(e.name) && accept(p) && !ignored(inScope, p, false)) add(p);
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
      throw new InputError(`找不到文件或文件夹：${p} (no such file or folder)`);
    }
    if (st.isDirectory()) walk(p, rootScopes, () => true);
    else add(p);
  }
  return out;
}

export interface DecodedReport {
  readonly text: string;
  /**
   * `utf-8`; `utf-16le`/`utf-16be` when a UTF-16 BOM says so (Notepad's "Unicode"); or `gb18030`
   * when the bytes were not UTF-8 but decode cleanly as GB18030/GBK.
   */
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** Set when the text was read out of a Word, PDF or HTML file. */
  readonly format?: 'docx' | 'pdf' | 'html';
}

/** Decodes a report's bytes: UTF-8 (BOM dropped), else GB18030 (a superset of GBK), else null. */
export function decodeReport(bytes: Uint8Array): DecodedReport | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  let encoding: DecodedReport['encoding'] = 'utf-8';
  const utf16 = buffer[0] === 0xff && buffer[1] === 0xfe ? 'utf-16le' : buffer[0] === 0xfe && buffer[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    text = iconv.decode(buffer, utf16); // iconv-lite drops the BOM
    if (text.includes('\ufffd')) return null;
    encoding = utf16;
  }
  // isUtf8 validates without decoding (much faster than a fatal TextDecoder).
  else if (isUtf8(buffer)) text = buffer.toString('utf8');
  else {
    // GB18030 maps almost every byte pair somewhere; a replacement character or a NUL byte
    // means these bytes are not GB text either (binary, UTF-16, another code page).
    text = iconv.decode(buffer, 'gb18030');
    if (text.includes('\ufffd') || text.includes('\0')) return null;
    encoding = 'gb18030';
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`无法读取 ${path}：${(e as Error).message} (cannot read)`);
  }
}

/**
 * Reads any report file: Word, PDF and HTML through intake (their report text), anything else as
 * plain text. Ranges in findings refer to this text (what `govreport text` prints).
 */
export async function readAnyReport(path: string): Promise<DecodedReport> {
  if (!isSourceFile(path)) return readReport(path);
  const { readSource, SourceError } = await loadIntake();
  try {
    const { text, format } = await readSource(path, readBytes(path));
    return { text, encoding: 'utf-8', format };
  } catch (e) {
    if (e instanceof SourceError) throw new InputError(e.message);
    throw e;
  }
}

/** Reads a plain-text report file. Unreadable or undecodable input is an InputError, not a crash. */
export function readReport(path: string): DecodedReport {
  const bytes = readBytes(path);
  const decoded = decodeReport(bytes);
  if (!decoded) throw new InputError(`${path} 不是 UTF-8 编码的文本，也无法按 GB18030/GBK 解码，请另存为 UTF-8 (neither UTF-8 nor GB18030 text)`);
  return decoded;
}
