/**
 * The seeds written in another format (PDF, .doc, RTF …) checked through the built CLI in one run:
 * each file's title and present parts must be those of its seed's text. Shared by the slow intake tests.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { analyze } from '../../server/src/core';
import { seed } from './seeds';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

/** `files`: a name ending in the seed's number's position `seed<n>…` → the file's path. */
export function assertTitlesAndParts(files: Record<string, string>): void {
  const names = Object.keys(files).sort();
  const r = spawnSync(process.execPath, [CLI, 'check', ...names.map((n) => files[n]), '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const results = JSON.parse(r.stdout) as { file: string; title: string | null; parts: { id: string; present: boolean }[] }[];
  const present = (parts: readonly { id: string; present: boolean }[]) => parts.filter((p) => p.present).map((p) => p.id);
  for (const name of names) {
    const want = analyze(seed(Number(/^seed(\d)/.exec(name)![1])));
    const got = results.find((x) => x.file === files[name]);
    assert.ok(got, `${name}: not in the CLI's answer`);
    assert.equal(got.title, want.header.title?.text ?? null, `${name}: title`);
    assert.deepEqual(present(got.parts), present(want.parts), `${name}: parts`);
  }
}
