/**
 * `govreport export <files|folders…> [-o out.docx | --out-dir DIR]`: each report as a GB/T 9704
 * .docx (next to it by default). Findings do not stop the export; what is missing is said per file.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { basename, dirname, join, resolve } from 'node:path';
import { analyze, toLocale } from '../../core';
import { EXPORT_MARK, exportDocx, exportMessage } from '../../export';
import { parseFlags, USAGE, UsageError, type Io } from '../args';
import { analysisOptions } from '../batch';
import { collectFiles, InputError, readAnyReport } from '../files';
import { printable } from '../printable';
import { CONFIG_FLAGS, NO_CONFIG_FLAG, workspaceFileFor } from '../workspaceFile';

/** report.txt, a.report.txt, a.govreport, a.pdf, a.html → a.docx */
export function docxName(file: string): string {
  return basename(file).replace(/(\.report)?\.(txt|govreport|pdf|html?|docx)$/i, '') + '.docx';
}

export async function exportCommand(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, flags } = parseFlags(
    argv.map((a) => (a === '-o' ? '--out' : a)),
    ['--out', '--out-dir', '--locale', '--profile', ...CONFIG_FLAGS],
    [NO_CONFIG_FLAG, '--force', '--letterhead'],
  );
  const force = flags.has('--force');
  const letterhead = flags.has('--letterhead');
  if (positionals.length === 0) throw new UsageError(`没有指定文件 (no files given)\n${USAGE}`);
  const out = flags.get('--out');
  const outDir = flags.get('--out-dir');
  if (out && outDir) throw new UsageError(`-o 与 --out-dir 只能选一个 (use -o or --out-dir, not both)\n${USAGE}`);
  const profile = flags.get('--profile');
  const locale = toLocale(flags.get('--locale') ?? 'zh-cn');
  const options = analysisOptions({ locale, profile, workspaceFile: workspaceFileFor(flags, positionals[0]) });
  const found = collectFiles(positionals);
  // A folder searched twice holds last run's .docx beside its text: that file is an output, not a report to export.
  const outputs = new Set(found.filter((f) => !/\.docx$/i.test(f)).map((f) => resolve(dirname(f), docxName(f))));
  const files = found.filter((f) => !(/\.docx$/i.test(f) && outputs.has(resolve(f))));
  if (files.length === 0) throw new InputError(`没有找到报告文件 (no report files found) in: ${positionals.join(' ')}`);
  if (out && files.length > 1)
    throw new UsageError(`-o 只能用于一个文件，多个文件请用 --out-dir (-o takes one file; use --out-dir for ${files.length})\n${USAGE}`);
  if (out && !isDirectory(dirname(resolve(out)))) throw new InputError(`${dirname(out)}：目录不存在 (no such folder)`);
  if (outDir) {
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (e) {
      throw new InputError(`${outDir}：无法创建目录 (cannot create the folder): ${(e as Error).message}`);
    }
  }
  let unreadable = false;
  for (const file of files) {
    try {
      const target = out ?? join(outDir ?? dirname(file), docxName(file));
      if (resolve(target) === resolve(file))
        throw new InputError(`${file}：导出会覆盖原文件，请用 --out-dir 或 -o (the export would overwrite its input)`);
      if (!force && existsSync(target) && !writtenByUs(target))
        throw new InputError(
          `${target}：文件已存在且不是本工具导出的，未覆盖；要覆盖请加 --force (exists and was not written by govreport export; --force overwrites it)`,
        );
      const { text } = await readAnyReport(file);
      const result = await exportDocx(text, analyze(text, options), { letterhead });
      try {
        writeFileSync(target, result.bytes);
      } catch (e) {
        throw new InputError(`${target}：无法写入 (cannot write): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      io.out(printable(exportMessage(result, target, locale)));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.err(e.message);
      unreadable = true;
    }
  }
  return unreadable ? 2 : 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether an existing file is a .docx this command wrote (its custom property says so): such a
 * file is written over again; any other file — a clerk's own report.docx — is not, without --force.
 */
function writtenByUs(path: string): boolean {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > 200 * 1024 * 1024) return false;
    const parts = unzipSync(readFileSync(path), { filter: (f) => f.name === 'docProps/custom.xml' });
    const custom = parts['docProps/custom.xml'];
    return !!custom && strFromU8(custom).includes(`name="${EXPORT_MARK}"`);
  } catch {
    return false;
  }
}
