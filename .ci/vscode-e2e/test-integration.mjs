// `npm run test:integration`: the extension-host mocha suite (out/integration, built by esbuild.mjs) against
// this extension, in a workspace of test/integration/fixtures plus one seed report when ../shared/seeds exists.
// Runner: @vscode/test-electron when a VS Code build is given (env VSCODE_EXECUTABLE), otherwise code-server's
// VS Code driven by headless chromium (run-ext-tests.mjs; tools from install-tools.sh). It says which one ran.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const E2E = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.resolve(E2E, '../..');
const TESTS = path.join(ROOT, 'out/integration/index');
if (!fs.existsSync(`${TESTS}.js`)) throw new Error(`${TESTS}.js is missing: run node esbuild.mjs first`);

// Workspace: the fixtures, plus seed 000 as seed.report.txt (the .report.txt suffix makes it a govreport document).
fs.mkdirSync(path.join(E2E, 'runs'), { recursive: true });
const ws = fs.mkdtempSync(path.join(E2E, 'runs/ws-'));
fs.cpSync(path.join(ROOT, 'test/integration/fixtures'), ws, { recursive: true });
const seeds = path.resolve(ROOT, '../shared/seeds');
const seed = fs.existsSync(seeds) && fs.readdirSync(seeds).find((f) => f.startsWith('000_'));
if (seed) fs.copyFileSync(path.join(seeds, seed), path.join(ws, 'seed.report.txt'));

let code;
if (process.env.VSCODE_EXECUTABLE) {
  console.log(`runner: @vscode/test-electron with VSCODE_EXECUTABLE=${process.env.VSCODE_EXECUTABLE}`);
  const { runTests } = createRequire(path.join(ROOT, 'package.json'))('@vscode/test-electron');
  try {
    code = await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: TESTS,
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } catch (e) {
    console.error(e);
    code = 1;
  }
} else {
  const tools = process.env.TOOLS || path.join(process.env.HOME, '.cache/vscode-e2e-tools');
  if (!fs.existsSync(path.join(tools, 'cs/node_modules/.bin/code-server'))) {
    console.error(
      `code-server is not installed in ${tools}: run  bash .ci/vscode-e2e/install-tools.sh  (≈ 2 min), or set VSCODE_EXECUTABLE`,
    );
    process.exit(1);
  }
  console.log(`runner: code-server (VS Code server build + headless chromium) from ${tools}`);
  code = spawnSync(process.execPath, [path.join(E2E, 'run-ext-tests.mjs'), ROOT, TESTS, ws], { stdio: 'inherit' }).status ?? 1;
}
fs.rmSync(ws, { recursive: true, force: true });
process.exit(code);
