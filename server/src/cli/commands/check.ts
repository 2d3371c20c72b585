/** `govreport check`: outline and findings for files and folders. Exit 1 on an error-level finding. */
import { resolveOptions } from '../../config/workspaceConfig';
import { analyze, findProfile } from '../../core';
import { parseFlags, USAGE, UsageError, type Io } from '../args';
import { collectFiles, InputError, readReport } from '../files';
import { toJson, toText, type FileResult } from '../format';
import { findWorkspaceFile, readWorkspaceFile } from '../workspaceFile';

export function check(argv: readonly string[], io: Io): number {
  const { positionals, flags } = parseFlags(argv, ['--format', '--locale', '--profile']);
  const format = flags.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`未知格式 (unknown format): ${format}\n${USAGE}`);
  if (positionals.length === 0) throw new UsageError(`没有指定文件 (no files given)\n${USAGE}`);
  const locale = flags.get('--locale') ?? process.env.GOVREPORT_LOCALE ?? 'zh-cn';
  const profileFlag = flags.get('--profile');
  if (profileFlag && !findProfile(profileFlag)) throw new UsageError(`未知配置 (unknown profile): ${profileFlag}\n${USAGE}`);
  // A .govreport.json in or above the first checked path sets the profile and severities; --profile wins.
  const wsPath = findWorkspaceFile(positionals[0]);
  const fromFile = resolveOptions({}, wsPath ? readWorkspaceFile(wsPath) : undefined);
  const options = { ...fromFile, ...(profileFlag ? { profile: profileFlag } : {}), locale };
  const files = collectFiles(positionals);
  if (files.length === 0) throw new InputError(`没有找到报告文件 (no report files found) in: ${positionals.join(' ')}`);
  const results: FileResult[] = [];
  let unreadable = false;
  for (const file of files) {
    try {
      results.push({ file, model: analyze(readReport(file), options) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.err(e.message);
      unreadable = true;
    }
  }
  if (format === 'json') io.out(JSON.stringify(results.map(toJson), null, 2));
  else io.out(results.map((r) => toText(r, io.color)).join('\n\n'));
  if (unreadable) return 2;
  return results.some((r) => r.model.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
