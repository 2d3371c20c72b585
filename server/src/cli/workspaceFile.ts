/**
 * Finds and reads the `.govreport.json` that applies to a CLI run. Like the editor's workspace trust,
 * a file found on its own is read only inside the current directory tree (the folder the user runs
 * from): a report checked elsewhere (a downloaded folder, /tmp) brings no configuration with it
 * unless `--config FILE` names one; `--no-config` reads none.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { checkWorkspaceConfig, WORKSPACE_FILE, type WorkspaceConfig } from '../config/workspaceConfig';
import { readRegularFile, ReportFileError } from '../files/reportFile';
import { CONFIG_FILE_BYTES, InputError } from './files';

/** The configuration flags every command that analyses accepts. */
export const CONFIG_FLAGS = ['--config'] as const;
export const NO_CONFIG_FLAG = '--no-config';

/** The file a run uses: `--no-config` none, `--config FILE` that one, else the nearest one found in the current directory tree. */
export function workspaceFileFor(flags: ReadonlyMap<string, string>, start: string | undefined, cwd = process.cwd()): string | undefined {
  if (flags.has(NO_CONFIG_FLAG)) return undefined;
  const named = flags.get('--config');
  if (named !== undefined) return named;
  return start === undefined ? undefined : findWorkspaceFile(start, cwd);
}

/** Whether `dir` is `root` or lies below it. */
function inside(dir: string, root: string): boolean {
  const rel = relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The nearest `.govreport.json` in or above `start`, looking no higher than `root` (and nowhere when `start` is outside it). */
export function findWorkspaceFile(start: string, root = process.cwd()): string | undefined {
  const top = resolve(root);
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    return undefined;
  }
  for (;;) {
    if (!inside(dir, top)) return undefined;
    const candidate = join(dir, WORKSPACE_FILE);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * The `.govreport.json` the run would have used but did not, because it lies outside the current
 * directory tree (undefined when none, or when `--config`/`--no-config` decided): said on stderr,
 * so a user who expected it knows why it was not read.
 */
export function skippedWorkspaceFile(
  flags: ReadonlyMap<string, string>,
  start: string | undefined,
  cwd = process.cwd(),
): string | undefined {
  if (flags.has(NO_CONFIG_FLAG) || flags.has('--config') || start === undefined) return undefined;
  if (findWorkspaceFile(start, cwd) !== undefined) return undefined;
  return findWorkspaceFile(start, '/');
}

/** The parsed, validated file; an invalid file is an input error naming what is wrong. */
export function readWorkspaceFile(path: string): WorkspaceConfig {
  let data: unknown;
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, CONFIG_FILE_BYTES);
  } catch (e) {
    if (e instanceof ReportFileError) throw new InputError(e.message);
    throw e;
  }
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new InputError(`${path}：不是有效的 JSON (not valid JSON): ${(e as Error).message}`);
  }
  const checked = checkWorkspaceConfig(data);
  if (!checked.ok) throw new InputError(`${path}：配置无效 (invalid): ${checked.errors.join('; ')}`);
  return checked.value;
}
