/**
 * `govreport check <files or folders>` — the same engine as the editor, for whole folders.
 * Exit codes: 0 no error-level finding, 1 an error-level finding exists, 2 bad usage or input.
 */
import { analyze } from '../core';
import { collectFiles, InputError, readReport } from './files';
import { toJson, toText, type FileResult } from './format';

const USAGE = `用法 (usage): govreport check <文件或文件夹 files or folders…> [--format text|json] [--locale zh-cn|en] [--profile ID]`;

interface Options {
  command: string;
  paths: string[];
  format: 'text' | 'json';
  locale: string;
  profile?: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const args = [...argv];
  let command = 'check';
  if (args[0] && !args[0].startsWith('-') && ['check'].includes(args[0])) command = args.shift()!;
  else if (args[0] === '--help' || args[0] === '-h' || args.length === 0) throw new UsageError(USAGE);
  const opts: Options = { command, paths: [], format: 'text', locale: process.env.GOVREPORT_LOCALE ?? 'zh-cn' };
  while (args.length) {
    const a = args.shift()!;
    const value = () => {
      const v = args.shift();
      if (v === undefined) throw new UsageError(`${a} 需要一个值 (needs a value)\n${USAGE}`);
      return v;
    };
    if (a === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`未知格式 (unknown format): ${f}\n${USAGE}`);
      opts.format = f;
    } else if (a === '--locale') opts.locale = value();
    else if (a === '--profile') opts.profile = value();
    else if (a === '--help' || a === '-h') throw new UsageError(USAGE);
    else if (a.startsWith('--')) throw new UsageError(`未知选项 (unknown option): ${a}\n${USAGE}`);
    else opts.paths.push(a);
  }
  if (opts.paths.length === 0) throw new UsageError(`没有指定文件 (no files given)\n${USAGE}`);
  return opts;
}

export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, color = false): number {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    err((e as Error).message);
    return 2;
  }
  let files: string[];
  try {
    files = collectFiles(opts.paths);
  } catch (e) {
    err((e as Error).message);
    return 2;
  }
  if (files.length === 0) {
    err(`没有找到报告文件 (no report files found) in: ${opts.paths.join(' ')}`);
    return 2;
  }
  const results: FileResult[] = [];
  let unreadable = false;
  for (const file of files) {
    try {
      results.push({ file, model: analyze(readReport(file), { locale: opts.locale, profile: opts.profile }) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      err(e.message);
      unreadable = true;
    }
  }
  if (opts.format === 'json') out(JSON.stringify(results.map(toJson), null, 2));
  else out(results.map((r) => toText(r, color)).join('\n\n'));
  if (unreadable) return 2;
  return results.some((r) => r.model.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  // `govreport check … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = run(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'), !!process.stdout.isTTY);
  process.exitCode = code;
}
