// Runs VS Code extension integration tests (the @vscode/test-electron kind: extensionDevelopmentPath +
// extensionTestsPath, mocha inside the extension host) in code-server's real VS Code, headless.
// The browser only hosts the workbench; the extension and its tests run in the remote (Node) extension host.
// Usage: node run-ext-tests.mjs [extDevPath] [testsPath(no .js)] [workspaceDir]
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { E2E, startCodeServer, launchChromium, writeUserSettings } from './lib.mjs';

const devPath = path.resolve(process.argv[2] || path.join(E2E, 'ext'));
const testsPath = path.resolve(process.argv[3] || path.join(devPath, 'dist/test/suite/index'));
const fixture = path.resolve(process.argv[4] || path.join(devPath, 'fixtures'));
const NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|Canceled: Canceled)/;
const TIMEOUT = Number(process.env.EXT_TEST_TIMEOUT_MS || 300000);
fs.mkdirSync(path.join(E2E, 'runs'), { recursive: true });
const WORK = fs.mkdtempSync(path.join(E2E, 'runs/it-'));
const ud = path.join(WORK, 'user-data'),
  exts = path.join(WORK, 'extensions'),
  ws = path.join(WORK, 'workspace');
fs.cpSync(fixture, ws, { recursive: true });
fs.mkdirSync(exts, { recursive: true });
writeUserSettings(ud);

const t0 = Date.now();
const cs = await startCodeServer({
  userDataDir: ud,
  extensionsDir: exts,
  logFile: path.join(WORK, 'code-server.log'),
  // Without this the built workbench ignores the ?payload= URL parameter (extensionDevelopmentPath etc.).
  extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
});
const authority = `127.0.0.1:${cs.port}`;
const remote = (p) => `vscode-remote://${authority}${p}`;
const payload = [
  ['extensionDevelopmentPath', remote(devPath)],
  ['extensionTestsPath', remote(testsPath)],
  ['skipWelcome', 'true'],
];
// Environment for the extension host (visible to the tests as process.env)
const env = {};
for (const k of Object.keys(process.env)) if (k.startsWith('GOVREPORT_') || k === 'CI') env[k] = process.env[k];
payload.push(['extensionEnvironment', JSON.stringify(env)]);
const url = `${cs.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

const browser = await launchChromium();
let code = 1;
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  const done = new Promise((resolve) => {
    // The workbench calls these when it runs extension tests (same hooks @vscode/test-web uses).
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...args);
      fs.appendFileSync(path.join(WORK, 'automation.log'), `[${type}] ${text}\n`);
      // The workbench's own chatter arrives on the same channel as the extension host's console; hide the known lines.
      if (!process.env.VERBOSE && NOISE.test(text)) return;
      (type === 'error' ? console.error : console.log)(text);
    });
    page.exposeFunction('codeAutomationExit', (c) => resolve(c));
  });
  await page.goto(url);
  const timeout = new Promise((resolve) =>
    setTimeout(() => {
      console.error(`TIMEOUT after ${TIMEOUT} ms`);
      resolve(124);
    }, TIMEOUT),
  );
  code = await Promise.race([done, timeout]);
  if (code !== 0) await page.screenshot({ path: path.join(WORK, 'exit.png') }).catch(() => {});
} catch (e) {
  console.error('FATAL', e);
} finally {
  await browser.close();
  await cs.stop();
}
// A green run leaves nothing behind (KEEP_RUNS=1 keeps it); a red one keeps its logs for reading.
const keep = code !== 0 || process.env.KEEP_RUNS;
if (!keep) fs.rmSync(WORK, { recursive: true, force: true });
console.error(`extension tests exited with ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s${keep ? ` (logs: ${WORK})` : ''}`);
process.exit(code);
