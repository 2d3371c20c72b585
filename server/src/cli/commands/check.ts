/**
 * `govreport check`: findings for files, folders, glob patterns and standard input (`-`), across
 * worker threads for big folders, as text (per file in line order, with a summary per file and in
 * total), JSON or SARIF; `--fix` applies the safe fixes in place, `--fix-dry-run` shows them as a diff.
 * Exit 1 on an error-level finding (or more warnings than --max-warnings), 2 on bad usage,
 * unreadable input or a file too large to analyse.
 */
import { version } from '../../../../package.json';
import { TOO_LARGE, type ReportModel } from '../../core';
import { decodeReport } from '../../files/reportFile';
import { localeOption, parseFlags, USAGE, UsageError, type Io } from '../args';
import { analysisOptions, checkAll, checkText, defaultJobs, type CheckInput, type Checked } from '../batch';
import { collectFiles, InputError } from '../files';
import type { FixMode } from '../fix';
import { toJson, toText, type FileResult } from '../format';
import { outJson } from '../jsonOut';
import { readPrevious } from '../lastYearInFolder';
import { progressBar } from '../progress';
import { toSarif } from '../sarif';
import { writeAssessorPage } from '../assessorPageFile';
import { fileLine, summarize, total, totalLine } from '../summary';
import { printable } from '../printable';
import { CONFIG_FLAGS, NO_CONFIG_FLAG, skippedWorkspaceFile, workspaceFileFor } from '../workspaceFile';

const FORMATS = ['text', 'json', 'sarif', 'html'];
/** How standard input is named in the output. */
export const STDIN_NAME = '<stdin>';

export async function check(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, flags } = parseFlags(
    argv,
    ['--format', '--locale', '--profile', '--jobs', '--previous', '--max-warnings', '--reuse-warning', '--out', ...CONFIG_FLAGS],
    ['--summary', '--outline', '--quiet', '--fix', '--fix-dry-run', NO_CONFIG_FLAG],
  );
  const format = flags.get('--format') ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`未知格式 (unknown format): ${format}\n${USAGE}`);
  // -o writes the assessor's page; the other formats go to standard output (redirect them), never silently dropped.
  if (flags.has('--out') && format !== 'html')
    throw new UsageError(
      '-o 只用于 --format html；其他格式请重定向标准输出 (-o is for --format html; redirect standard output for the others)',
    );
  if (positionals.length === 0) throw new UsageError(`没有指定文件 (no files given)\n${USAGE}`);
  const jobsFlag = flags.get('--jobs');
  const jobs = jobsFlag === undefined ? undefined : Number(jobsFlag);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    throw new UsageError(`--jobs 需要一个正整数 (needs a positive integer): ${jobsFlag}\n${USAGE}`);
  const maxFlag = flags.get('--max-warnings');
  const maxWarnings = maxFlag === undefined ? undefined : Number(maxFlag);
  if (maxWarnings !== undefined && !(/^\d+$/.test(maxFlag!) && Number.isSafeInteger(maxWarnings)))
    throw new UsageError(`--max-warnings 需要一个非负整数 (needs a whole number ≥ 0): ${maxFlag}`);
  if (flags.has('--fix') && flags.has('--fix-dry-run'))
    throw new UsageError('--fix 与 --fix-dry-run 只能选一个 (use one of --fix and --fix-dry-run)');
  const fix: FixMode | undefined = flags.has('--fix') ? 'write' : flags.has('--fix-dry-run') ? 'dry-run' : undefined;
  const stdin = positionals.includes('-');
  if (stdin && fix === 'write')
    throw new UsageError('--fix 不能写回标准输入，请用 --fix-dry-run 查看修复 (--fix cannot write to standard input; use --fix-dry-run)');
  if (stdin && !io.stdin) throw new UsageError('没有可读取的标准输入 (no standard input to read)');
  const locale = localeOption(flags);
  const profileFlag = flags.get('--profile');
  // A .govreport.json in or above the first checked path sets the profile and severities; --profile wins.
  const previous = flags.get('--previous');
  if (previous) await readPrevious(previous); // unreadable: exit 2 now, not once per file
  const reuseFlag = flags.get('--reuse-warning');
  const reuseWarning = reuseFlag === undefined ? undefined : Number(reuseFlag.replace(/%$/, '')) / (reuseFlag.endsWith('%') ? 100 : 1);
  if (reuseWarning !== undefined && !(reuseWarning >= 0 && reuseWarning <= 1))
    throw new UsageError(`--reuse-warning 需要 0 到 1 之间的数（或百分数） (needs a share 0–1, or a percentage): ${reuseFlag}`);
  const paths = positionals.filter((p) => p !== '-');
  const input: CheckInput = {
    locale,
    profile: profileFlag,
    workspaceFile: workspaceFileFor(flags, paths[0] ?? '.'),
    previous,
    reuseWarning,
    fix,
    named: paths,
  };
  const options = analysisOptions(input); // an invalid workspace file is reported now, once, not by every worker
  if (input.workspaceFile && format === 'text') io.err(`配置 (configuration): ${input.workspaceFile}`);
  const outside = skippedWorkspaceFile(flags, paths[0] ?? '.');
  if (outside)
    io.err(
      `未读取 ${outside}：它在当前文件夹之外，用 --config 指定才会读取 (not read: it lies outside the current folder; name it with --config to use it)`,
    );
  // A missing path or an unreadable folder is reported with the unreadable files; the rest is checked.
  const missing: { file: string; message: string }[] = [];
  const files = collectFiles(paths, undefined, (message, file) => {
    missing.push({ file, message });
    io.err(message);
  });
  if (files.length === 0 && missing.length === 0 && !stdin)
    throw new InputError(`没有找到报告文件 (no report files found) in: ${positionals.join(' ')}`);

  const checked: Checked[] = [];
  if (stdin) checked.push(await checkStdin(io, options, previous, fix));
  const bar = io.progress && files.length > 1 ? progressBar(files.length, io.progress) : undefined;
  checked.push(...(await checkAll(files, input, jobs ?? defaultJobs(files.length), (done) => bar?.update(done))));
  bar?.clear();

  const results: FileResult[] = [];
  const unreadable: { file: string; message: string }[] = [...missing];
  const diffs: string[] = [];
  let skipped = 0;
  for (const c of checked) {
    if (c.skipped) {
      skipped++;
      io.err(`跳过 ${c.file}：看起来不是年度报告 (skipped: does not look like a report)`);
      continue;
    }
    for (const note of c.notes ?? []) io.err(note);
    if (c.fix?.skipped) io.err(c.fix.skipped);
    if (c.fix?.diff) diffs.push(c.fix.diff);
    if (c.model) results.push({ file: c.file === '-' ? STDIN_NAME : c.file, model: c.model, encoding: c.encoding, fixed: c.fix?.edits });
    else {
      unreadable.push({ file: c.file, message: c.error! });
      io.err(c.error!);
    }
  }
  // --max-warnings counts what the rules found, before --quiet hides it (as ESLint does).
  const warnings = results.reduce((n, r) => n + r.model.findings.filter((f) => f.severity === 'warning').length, 0);
  const shown = flags.has('--quiet') ? results.map(errorsOnly) : results;
  const summaries = shown.map((r) => summarize(r.file, r.model, r.encoding));
  // The diff first (what --fix would change), then the findings left after it.
  if (diffs.length && format === 'text') io.out(diffs.join('\n'));
  if (flags.has('--summary')) {
    // A separate view: the public `--format json` shape is not touched by it.
    if (format === 'json') outJson(io, { files: summaries, total: total(summaries, unreadable.length, skipped) });
    else
      io.out(
        [
          ...summaries.map((s) => printable(`${s.file}  ${fileLine(s, locale)}`)),
          totalLine(total(summaries, unreadable.length, skipped), locale),
        ].join('\n'),
      );
  } else if (format === 'json') outJson(io, shown.map(toJson));
  else if (format === 'sarif') outJson(io, toSarif(shown, unreadable, version));
  else if (format === 'html') await writeAssessorPage(io, flags.get('--out'), shown, files, unreadable, locale);
  else {
    const blocks = shown.map((r) => toText(r, { color: io.color, outline: flags.has('--outline'), dryRun: fix === 'dry-run' }));
    if (shown.length + unreadable.length + skipped > 1) blocks.push(totalLine(total(summaries, unreadable.length, skipped), locale));
    if (blocks.length) io.out(blocks.join('\n\n'));
  }
  const code = exitCode(results, unreadable.length);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.err(`警告 ${warnings} 个，超过 --max-warnings ${maxWarnings} (too many warnings: ${warnings}, maximum ${maxWarnings})`);
    return code === 2 ? 2 : 1;
  }
  return code;
}

/** `-`: the report text from standard input (decoded as a file is), checked in this thread. */
async function checkStdin(
  io: Io,
  options: ReturnType<typeof analysisOptions>,
  previous: string | undefined,
  fix: FixMode | undefined,
): Promise<Checked> {
  const decoded = decodeReport(await io.stdin!());
  if (!decoded)
    return {
      file: STDIN_NAME,
      error: `${STDIN_NAME} 不是 UTF-8 编码的文本，也无法按 GB18030/GBK、Big5 等编码解码 (not text in a known encoding)`,
    };
  return checkText('-', decoded.text, decoded.encoding, undefined, options, previous, fix);
}

/** `--quiet`: a result showing its error-level findings only. */
function errorsOnly(r: FileResult): FileResult {
  const model: ReportModel = { ...r.model, findings: r.model.findings.filter((f) => f.severity === 'error') };
  return { ...r, model };
}

/**
 * 0 checked and clean (no error-level finding), 1 an error-level finding, 2 something was not
 * checked: unreadable input, or a file over the analysis ceiling (too-large: nothing analysed,
 * so a 0 would claim a check that did not happen). Usage errors exit 2 in main.ts.
 */
export function exitCode(results: readonly FileResult[], unreadable: number): 0 | 1 | 2 {
  if (unreadable > 0 || results.some((r) => r.model.findings.some((f) => f.code === TOO_LARGE))) return 2;
  return results.some((r) => r.model.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
