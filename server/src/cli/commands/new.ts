/** `govreport new`: prints a new report's skeleton (the same text as the editor's New report command). */
import { defaultProfile, newReport, resolveProfile } from '../../core';
import { parseFlags, USAGE, UsageError, type Io } from '../args';
import { analysisOptions } from '../batch';
import { CONFIG_FLAGS, NO_CONFIG_FLAG, workspaceFileFor } from '../workspaceFile';

export function newCommand(argv: readonly string[], io: Io): number {
  const { positionals, flags } = parseFlags(argv, ['--body', '--year', '--addressee', '--profile', ...CONFIG_FLAGS], [NO_CONFIG_FLAG]);
  if (positionals.length) throw new UsageError(`多余的参数 (unexpected argument): ${positionals[0]}\n${USAGE}`);
  const year = flags.get('--year');
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError(`年份应为四位数字 (a year of four digits): ${year}\n${USAGE}`);
  // The profile as for check: --profile, else the .govreport.json of the current folder, else the default.
  const options = analysisOptions({ locale: 'zh-cn', profile: flags.get('--profile'), workspaceFile: workspaceFileFor(flags, '.') });
  const profile = resolveProfile(undefined, options.profile) ?? defaultProfile();
  const d = new Date();
  const today = { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
  io.out(newReport(profile, { body: flags.get('--body'), year, addressee: flags.get('--addressee') }, today).replace(/\n$/, ''));
  return 0;
}
