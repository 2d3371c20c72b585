/**
 * `govreport check`: outline and findings for files, folders and glob patterns, across worker
 * threads for big folders, as text (with a summary per file and in total), JSON or SARIF.
 * Exit 1 on an error-level finding, 2 on bad usage, unreadable input or a file too large to analyse.
 */
import { version } from '../../../../package.json';
import { toLocale, TOO_LARGE } from '../../core';
import { parseFlags, USAGE, UsageError, type Io } from '../args';
import { analysisOptions, checkAll, defaultJobs, type CheckInput } from '../batch';
import { collectFiles, InputError } from '../files';
import { toJson, toText, type FileResult } from '../format';
import { outJson } from '../jsonOut';
import { readPrevious } from '../lastYearInFolder';
import { progressBar } from '../progress';
import { toSarif } from '../sarif';
import { fileLine, summarize, total, totalLine } from '../summary';
import { printable } from '../printable';
import { CONFIG_FLAGS, NO_CONFIG_FLAG, workspaceFileFor } from '../workspaceFile';

const FORMATS = ['text', 'json', 'sarif'];

export async function check(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, flags } = parseFlags(
    argv,
    ['--format', '--locale', '--profile', '--jobs', '--previous', ...CONFIG_FLAGS],
    ['--summary', NO_CONFIG_FLAG],
  );
  const format = flags.get('--format') ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`未知格式 (unknown format): ${format}\n${USAGE}`);
  if (positionals.length === 0) throw new UsageError(`没有指定文件 (no files given)\n${USAGE}`);
  const jobsFlag = flags.get('--jobs');
  const jobs = jobsFlag === undefined ? undefined : Number(jobsFlag);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    throw new UsageError(`--jobs 需要一个正整数 (needs a positive integer): ${jobsFlag}\n${USAGE}`);
  const locale = flags.get('--locale') ?? process.env.GOVREPORT_LOCALE ?? 'zh-cn';
  const profileFlag = flags.get('--profile');
  // A .govreport.json in or above the first checked path sets the profile and severities; --profile wins.
  const previous = flags.get('--previous');
  if (previous) await readPrevious(previous); // unreadable: exit 2 now, not once per file
  const input: CheckInput = { locale, profile: profileFlag, workspaceFile: workspaceFileFor(flags, positionals[0]), previous };
  analysisOptions(input); // an invalid workspace file is reported now, once, not by every worker
  if (input.workspaceFile && format === 'text') io.err(`配置 (configuration): ${input.workspaceFile}`);
  // A missing path or an unreadable folder is reported with the unreadable files; the rest is checked.
  const missing: { file: string; message: string }[] = [];
  const files = collectFiles(positionals, undefined, (message, file) => {
    missing.push({ file, message });
    io.err(message);
  });
  if (files.length === 0 && missing.length === 0)
    throw new InputError(`没有找到报告文件 (no report files found) in: ${positionals.join(' ')}`);

  const bar = io.progress && files.length > 1 ? progressBar(files.length, io.progress) : undefined;
  const checked = await checkAll(files, input, jobs ?? defaultJobs(files.length), (done) => bar?.update(done));
  bar?.clear();

  const results: FileResult[] = [];
  const unreadable: { file: string; message: string }[] = [...missing];
  for (const c of checked) {
    for (const note of c.notes ?? []) io.err(note);
    if (c.model) results.push({ file: c.file, model: c.model, encoding: c.encoding });
    else {
      unreadable.push({ file: c.file, message: c.error! });
      io.err(c.error!);
    }
  }
  const loc = toLocale(locale);
  const summaries = results.map((r) => summarize(r.file, r.model, r.encoding));
  if (flags.has('--summary')) {
    // A separate view: the public `--format json` shape is not touched by it.
    if (format === 'json') outJson(io, { files: summaries, total: total(summaries, unreadable.length) });
    else
      io.out(
        [...summaries.map((s) => printable(`${s.file}  ${fileLine(s, loc)}`)), totalLine(total(summaries, unreadable.length), loc)].join(
          '\n',
        ),
      );
  } else if (format === 'json') outJson(io, results.map(toJson));
  else if (format === 'sarif') outJson(io, toSarif(results, unreadable, version));
  else {
    const blocks = results.map((r) => toText(r, io.color));
    if (results.length + unreadable.length > 1) blocks.push(totalLine(total(summaries, unreadable.length), loc));
    io.out(blocks.join('\n\n'));
  }
  return exitCode(results, unreadable.length);
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
