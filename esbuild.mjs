// Bundles the extension (client), the language server, the CLI and the tests with esbuild.
// One tool for all outputs: fast, no tsc emit step; `tsc --noEmit` does the type check.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

function listTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    // test/integration runs inside VS Code (npm run test:integration), not under node --test
    e.isDirectory() ? (e.name === 'integration' ? [] : listTests(join(dir, e.name))) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

const builds = [
  { entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  { entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The web extension (vscode.dev): browser client (CommonJS for the web-worker extension host) and the
  // server as a self-contained worker script; platform 'browser' picks the packages' browser entries.
  { entryPoints: { extension: 'client/src/browserExtension.ts' }, outdir: 'dist/web', platform: 'browser', target: 'es2022', external: ['vscode'] },
  { entryPoints: { server: 'server/src/browserServer.ts' }, outdir: 'dist/web', platform: 'browser', target: 'es2022', format: 'iife' },
  // `govreport check --jobs N` runs this in worker threads, next to dist/cli.js.
  { entryPoints: { checkWorker: 'server/src/cli/checkWorker.ts' }, outdir: 'dist' },
];
if (!production) {
  // Start from an empty out/test: a bundle left by a deleted or renamed test would still run.
  rmSync('out/test', { recursive: true, force: true });
  const tests = listTests('test');
  if (tests.length) builds.push({ entryPoints: tests, outdir: 'out/test', outbase: 'test', external: ['vscode'] });
  const itests = existsSync('test/integration')
    ? readdirSync('test/integration').filter((f) => f.endsWith('.test.ts')).map((f) => join('test/integration', f))
    : [];
  if (itests.length) {
    // Extension-host suite: mocha stays external (loaded from node_modules by the extension host).
    builds.push({ entryPoints: ['test/integration/index.ts', ...itests], outdir: 'out/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] });
  }
  if (existsSync('scripts')) {
    const scripts = readdirSync('scripts').filter((f) => f.endsWith('.ts')).map((f) => join('scripts', f));
    if (scripts.length) builds.push({ entryPoints: scripts, outdir: 'out/scripts' });
  }
  if (existsSync('bench')) builds.push({ entryPoints: ['bench/bench.ts', 'bench/profile.ts'], outdir: 'out/bench' });
}

await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
