/** Finds and reads the `.govreport.json` in or above the checked folder (the nearest one wins). */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkWorkspaceConfig, WORKSPACE_FILE, type WorkspaceConfig } from '../config/workspaceConfig';
import { readRegularFile, ReportFileError } from '../files/reportFile';
import { CONFIG_FILE_BYTES, InputError } from './files';

export function findWorkspaceFile(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    return undefined;
  }
  for (;;) {
    const candidate = join(dir, WORKSPACE_FILE);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
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
