/**
 * `govreport review draft.docx [-o draft.reviewed.docx] [--author 名字] [--quiet]`: the clerk's own
 * .docx back with every finding as a Word comment (批注) on the words it is about, the rest of the file
 * untouched (server/src/export/review). Findings as `check` finds them: the same profile, severities,
 * `.govreport.json` and last year's report; `--quiet` comments errors only.
 * Exit 0 written (whatever was found: the comments are the answer), 2 bad usage or an unreadable file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyze } from '../../core';
import { parseFlags, localeOption, UsageError, usageHint, type Io } from '../args';
import { analysisOptions } from '../batch';
import { InputError, readAnyReport } from '../files';
import { previousFor } from '../lastYearInFolder';
import { printable } from '../printable';
import { CONFIG_FLAGS, NO_CONFIG_FLAG, readWorkspaceFile, workspaceFileFor } from '../workspaceFile';

/** draft.docx → draft.reviewed.docx */
export function reviewedName(file: string): string {
  return basename(file).replace(/\.docx$/i, '') + '.reviewed.docx';
}

export async function review(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, flags } = parseFlags(
    argv,
    ['--out', '--author', '--locale', '--profile', '--previous', ...CONFIG_FLAGS],
    ['--quiet', '--force', NO_CONFIG_FLAG],
  );
  if (positionals.length !== 1) throw new UsageError(`review 需要一个 .docx 文件 (give one .docx file)\n${usageHint('review')}`);
  const [file] = positionals;
  if (!/\.docx$/i.test(file)) throw new UsageError(`review 只处理 Word .docx 文件 (review works on .docx files): ${file}`);
  const target = flags.get('--out') ?? join(dirname(file), reviewedName(file));
  if (resolve(target) === resolve(file))
    throw new InputError(`${file}：不能覆盖原文件 (would overwrite the clerk's file; give another -o)`);
  if (existsSync(target) && !flags.has('--force')) throw new InputError(`${target} 已存在，用 --force 覆盖 (exists; --force replaces it)`);
  const locale = localeOption(flags);
  const workspaceFile = workspaceFileFor(flags, file);
  const options = analysisOptions({ locale, profile: flags.get('--profile'), workspaceFile });
  const author = flags.get('--author') ?? (workspaceFile ? readWorkspaceFile(workspaceFile).reviewer : undefined);
  const { text, notes } = await readAnyReport(file);
  for (const note of notes ?? []) io.err(note);
  const model = analyze(text, { ...options, previous: await previousFor(file, flags.get('--previous')) });
  const findings = flags.has('--quiet') ? model.findings.filter((f) => f.severity === 'error') : model.findings;
  const { reviewDocx, ReviewError } = await import('../../export/review');
  let result;
  try {
    result = reviewDocx(readFileSync(file), text, findings, { author, locale });
  } catch (e) {
    if (e instanceof ReviewError) throw new InputError(`${file}：${e.message}`);
    throw e;
  }
  try {
    writeFileSync(target, result.bytes);
  } catch (e) {
    throw new InputError(`无法写入 ${target}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (cannot write)`);
  }
  const kept = result.kept ? (locale === 'en' ? `, ${result.kept} kept` : `，保留原有批注 ${result.kept} 条`) : '';
  io.out(
    printable(
      locale === 'en' ? `Wrote ${target}: ${result.comments} comments${kept}` : `已写入 ${target}：批注 ${result.comments} 条${kept}`,
    ),
  );
  return 0;
}
