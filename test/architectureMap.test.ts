// ARCHITECTURE.md's code map is complete: every source file is named in it, or sits in a folder the
// map declares "one file per rule / feature / command" (their file names say what they are).
// A newcomer looking for where X lives finds it in the map, and a file added without a line there
// fails here, naming the file.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '..', '..');
const MAPPED_DIRS = ['server/src', 'client', 'scripts', 'bench'];
/** Folders of one file per rule, LSP feature or CLI command: the map describes the folder. */
const ONE_PER_FILE = ['server/src/core/rules/', 'server/src/lsp/features/', 'server/src/cli/commands/'];
const SOURCE = /\.(ts|mjs|js)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' ? [] : files(join(dir, e.name))) : SOURCE.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Source files the map does not name (by file name). */
export function unmapped(map: string, paths: readonly string[]): string[] {
  return paths.filter((p) => !ONE_PER_FILE.some((d) => p.startsWith(d)) && !map.includes(p.slice(p.lastIndexOf('/') + 1)));
}

test('ARCHITECTURE.md names every source file (except folders of one rule, feature or command per file)', () => {
  const map = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const paths = MAPPED_DIRS.flatMap((d) => files(join(ROOT, d))).map((f) => relative(ROOT, f).split(sep).join('/'));
  assert.ok(paths.length > 100, 'the source tree was found');
  assert.deepEqual(unmapped(map, paths), []);
  // The check itself: a file the map does not name is reported; one in a one-per-file folder is not.
  assert.deepEqual(unmapped('`a.ts`', ['server/src/x/a.ts', 'server/src/x/b.ts', 'server/src/core/rules/c.ts']), ['server/src/x/b.ts']);
});
