// `npm test`'s first step: the type check, lint and format check, two at a time (the machine CI runs
// on has two cores; one after another they took ~21 s, side by side ~12 s). Each one's output is
// printed whole when it ends; the step fails if any of them fails, naming it.
import { spawn } from 'node:child_process';

const CHECKS = ['typecheck', 'lint', 'format:check'];
const PARALLEL = 2;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      process.stdout.write(
        `── npm run ${script}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${out}${out && !out.endsWith('\n') ? '\n' : ''}`,
      );
      resolve(code === 0 ? null : script);
    });
  });
}

const queue = [...CHECKS];
const failed = [];
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const f = await run(s);
      if (f) failed.push(f);
    }
  }),
);
if (failed.length) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
