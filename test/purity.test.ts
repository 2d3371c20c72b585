// Architecture invariant: the core imports no LSP, no VS Code and no Node built-ins.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const CORE = resolve(__dirname, '..', '..', 'server', 'src', 'core');
const BANNED = /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:[^'"]+|vscode(?:-[\w-]+)?|fs|path|os|child_process|worker_threads|util|url|crypto)(?:\/[^'"]*)?['"]/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

test('core stays pure: no Node built-ins, no LSP, no vscode imports', () => {
  const offenders = files(CORE).filter((f) => BANNED.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
  assert.ok(files(CORE).length > 5, 'the core was found');
});

test('the purity check catches a banned import', () => {
  assert.ok(BANNED.test("import { readFileSync } from 'node:fs';"));
  assert.ok(BANNED.test("import { x } from 'vscode-languageserver';"));
  assert.ok(!BANNED.test("import { analyze } from './index';"));
});
