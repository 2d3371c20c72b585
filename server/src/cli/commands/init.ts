/**
 * `govreport init [--force]`: writes a `.govreport.json` in the current folder with `$schema` (so an
 * editor completes and checks it) and the defaults written out — every rule at its default
 * severity — as `eslint --init` and `markdownlint-cli2`'s starter config do. An existing file is kept
 * unless `--force`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { rules } from '../../core';
import { WORKSPACE_FILE } from '../../protocol';
import { parseFlags, UsageError, type Io } from '../args';

/** The schema shipped beside the CLI (dist/../profiles), as a path from `dir` (editors resolve it from the file). */
function schemaFrom(dir: string): string {
  const schema = resolve(__dirname, '..', 'profiles', 'govreport.schema.json');
  const rel = relative(dir, schema).split('\\').join('/');
  return existsSync(schema) ? (rel.startsWith('.') ? rel : `./${rel}`) : 'https://govreport.invalid/govreport.schema.json';
}

/** The defaults as a `.govreport.json` would spell them. */
export function defaultWorkspaceFile(dir: string): Record<string, unknown> {
  return {
    $schema: schemaFrom(dir),
    rules: Object.fromEntries(rules.map((r) => [r.code, r.defaultSeverity])),
  };
}

export function init(argv: readonly string[], io: Io): number {
  const { positionals, flags } = parseFlags(argv, [], ['--force']);
  if (positionals.length) throw new UsageError(`多余的参数 (unexpected argument): ${positionals[0]}`);
  const file = join(process.cwd(), WORKSPACE_FILE);
  if (existsSync(file) && !flags.has('--force')) {
    io.err(`${WORKSPACE_FILE} 已存在，未改动；用 --force 覆盖 (already exists, left as it is; --force replaces it)`);
    return 2;
  }
  writeFileSync(file, JSON.stringify(defaultWorkspaceFile(process.cwd()), null, 2) + '\n');
  io.err(`已写入 ${file} (written)`);
  return 0;
}
