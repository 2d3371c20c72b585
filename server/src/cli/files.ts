/** Finds report files under the given paths and reads them as text. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPORT_EXTENSIONS = ['.govreport', '.report.txt', '.txt'];

export class InputError extends Error {}

function isReportFile(name: string): boolean {
  return REPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

/** Files named directly are taken as they are; folders are searched recursively for report files. */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && isReportFile(e.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(`找不到文件或文件夹：${p} (no such file or folder)`);
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a file as UTF-8, dropping a BOM. Undecodable bytes are an input error, not a crash. */
export function readReport(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(`无法读取 ${path}：${(e as Error).message} (cannot read)`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(`${path} 不是 UTF-8 编码的文本，请另存为 UTF-8 (not UTF-8 text)`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
