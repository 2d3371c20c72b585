/** `govreport figures`: every figure of the given reports, as CSV (default) or JSON. */
import { analyze, figureRows, toCsv, type FigureRow } from '../../core';
import { parseFlags, USAGE, UsageError, type Io } from '../args';
import { analysisOptions } from '../batch';
import { collectFiles, InputError, readAnyReport } from '../files';
import { outJson } from '../jsonOut';
import { CONFIG_FLAGS, NO_CONFIG_FLAG, workspaceFileFor } from '../workspaceFile';

export async function figures(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, flags } = parseFlags(argv, ['--format', '--locale', '--profile', ...CONFIG_FLAGS], [NO_CONFIG_FLAG]);
  const format = flags.get('--format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`未知格式 (unknown format): ${format}\n${USAGE}`);
  if (positionals.length === 0) throw new UsageError(`没有指定文件 (no files given)\n${USAGE}`);
  const profile = flags.get('--profile');
  const options = analysisOptions({
    locale: flags.get('--locale') ?? 'zh-cn',
    profile,
    workspaceFile: workspaceFileFor(flags, positionals[0]),
  });
  const files = collectFiles(positionals);
  if (files.length === 0) throw new InputError(`没有找到报告文件 (no report files found) in: ${positionals.join(' ')}`);
  const rows: FigureRow[] = [];
  let unreadable = false;
  for (const file of files) {
    try {
      rows.push(...figureRows(file, analyze((await readAnyReport(file)).text, options)));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.err(e.message);
      unreadable = true;
    }
  }
  if (format === 'json') outJson(io, rows);
  else io.out(toCsv(rows).replace(/\r\n$/, ''));
  return unreadable ? 2 : 0;
}
