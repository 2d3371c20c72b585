// Installing the product: engines.node is true for what it ships, the npm package holds the command
// line only, and `npm install -g .` puts a working `govreport` on the PATH (in a temporary prefix).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import semver from 'semver';

const ROOT = resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }>;
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('engines.node is true: every runtime dependency accepts every Node the package declares, and this Node is one', () => {
  const declared = pkg.engines.node;
  assert.ok(semver.satisfies(process.version, declared), `${process.version} outside ${declared}`);
  const wrong: string[] = [];
  for (const [path, p] of Object.entries(lock.packages)) {
    const range = !path || Array.isArray(p.engines) ? undefined : p.engines?.node;
    if (!range) continue;
    // Runtime dependencies must run on all of the declared range; development tools on the Node that runs them.
    if (p.dev ? !semver.satisfies(process.version, range) : !semver.subset(declared, range)) wrong.push(`${path}@${p.version}: ${range}`);
  }
  assert.deepEqual(wrong, [], `declared ${declared}`);
});

test('npm pack ships the command line only: its bundles, no extension, no sources, no maps', () => {
  const r = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
  for (const f of [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'dist/cli.js',
    'dist/checkWorker.js',
    'dist/intake.js',
    'dist/docx.js',
    'dist/pdfjs/pdf.mjs',
  ])
    assert.ok(files.includes(f), `${f} not packed`);
  assert.deepEqual(
    files.filter((f) => /^(server|client|test|out|scripts)\/|\.map$|^dist\/(extension|server)\.js$|^dist\/web\//.test(f)),
    [],
  );
});

test('npm install -g . in a temporary prefix gives a govreport command that runs', () => {
  const prefix = mkdtempSync(join(tmpdir(), 'govreport-prefix-'));
  const r = spawnSync(npm, ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '.'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const bin = join(prefix, 'bin', 'govreport');
  assert.ok(existsSync(bin), 'no govreport in the prefix');
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  assert.equal(v.status, 0, v.stderr);
  assert.equal(v.stdout.trim(), pkg.version);
  const c = spawnSync(bin, ['check', join(ROOT, 'examples', 'example.report.txt'), '--summary'], { encoding: 'utf8' });
  assert.equal(c.status, 1, c.stderr); // the example lacks a mandatory part on purpose
  assert.match(c.stdout, /example\.report\.txt {2}必备部分 3\/4/);
});
