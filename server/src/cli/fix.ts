/**
 * `govreport check --fix` and `--fix-dry-run`: the safe fixes of a report (the editor's Fix All,
 * from the core) applied to its text. `--fix` writes the file back in its own encoding (a BOM kept);
 * `--fix-dry-run` writes nothing and gives a unified diff. Only text files are fixed: a Word, PDF or
 * web page is read through intake and cannot be written back, so it is said and left alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import iconv from 'iconv-lite';
import { applyEdits, safeFixEdits, type ReportModel } from '../core';
import { isSourceFile } from '../intake/sourceFormats';

export type FixMode = 'write' | 'dry-run';

export interface FixOutcome {
  /** Edits applied (or that would be). */
  readonly edits: number;
  /** The text after the fixes. */
  readonly text: string;
  /** `--fix-dry-run`: the unified diff (empty when nothing would change). */
  readonly diff?: string;
  /** Why the file was left as it was, when it was. */
  readonly skipped?: string;
}

const BOMS: readonly [string, readonly number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** The bytes to write: the text in the encoding it was read in, with the BOM it had. */
function encode(path: string, text: string, encoding: string): Buffer | undefined {
  const head = readFileSync(path).subarray(0, 3);
  const bom = BOMS.find(([enc, bytes]) => enc === encoding && bytes.every((b, i) => head[i] === b));
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
  // A character the legacy code page cannot hold would be written as '?': refuse rather than change a word.
  if (encoding !== 'utf-8' && iconv.decode(body, encoding) !== text) return undefined;
  return bom ? Buffer.concat([Buffer.from(bom[1]), body]) : body;
}

/** Applies (or, dry, computes) the safe fixes of `model`, the analysis of `text` read from `path`. */
export function fixFile(path: string, shown: string, text: string, encoding: string, model: ReportModel, mode: FixMode): FixOutcome {
  const edits = safeFixEdits(model.findings);
  if (edits.length === 0) return { edits: 0, text, ...(mode === 'dry-run' ? { diff: '' } : {}) };
  if (path !== '-' && isSourceFile(path))
    return { edits: 0, text, skipped: `${shown}：--fix 只修改文本文件，未修改 (only text files are fixed; left as it is)` };
  const fixed = applyEdits(text, edits);
  if (mode === 'dry-run')
    return { edits: edits.length, text: fixed, diff: createTwoFilesPatch(shown, shown, text, fixed, '', '', { context: 1 }) };
  const bytes = encode(path, fixed, encoding);
  if (!bytes)
    return {
      edits: 0,
      text,
      skipped: `${shown}：修复后的文字无法按 ${encoding.toUpperCase()} 保存，未修改 (the fixed text does not fit its encoding; left as it is)`,
    };
  writeFileSync(path, bytes);
  return { edits: edits.length, text: fixed };
}
