// Runs one test file (or a few) after building: `npm run test:file -- outline` or
// `npm run test:file -- test/slow/sourcePatterns.test.ts`. Failures point at TypeScript lines (source maps).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: npm run test:file -- <test name or path> [...]   e.g. npm run test:file -- outline');
  process.exit(2);
}
const built = (name) => {
  const slow = name.includes('slow/');
  const file = `${basename(name).replace(/\.test\.[tj]s$/, '')}.test.js`;
  const sub = dirname(name)
    .replace(/^(?:\.\/)?test\/?/, '')
    .replace(/^slow\/?/, '');
  return [slow ? 'out/slow' : 'out/test', sub, file].filter(Boolean).join('/');
};
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const files = names.map(built);
const missing = files.filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`no such test: ${missing.join(', ')}`);
  process.exit(2);
}
const run = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
