// Safe in an untrusted workspace: no network, no code from data, limited-trust support declared.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { checkWorkspaceConfig } from '../server/src/config/workspaceConfig';

const ROOT = resolve(__dirname, '..', '..');
/** Every bundle we ship: desktop and web extension, servers, workers, CLI. */
function bundles(dir = join(ROOT, 'dist')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? bundles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

/** Network APIs. `net` is absent on purpose: vscode-jsonrpc uses it for the local IPC pipe only. */
const NETWORK = /require\(["'](?:node:)?(?:https?|http2|tls|dgram|dns|undici)["']\)|\bfetch\(|XMLHttpRequest|new WebSocket/g;

test('the extension, server, web and CLI bundles make no network request', () => {
  const all = bundles();
  assert.ok(all.some((b) => b.endsWith('server.js')) && all.some((b) => b.endsWith('extension.js')), 'the bundles were found');
  for (const bundle of all) {
    const code = readFileSync(bundle, 'utf8');
    assert.deepEqual(code.match(NETWORK) ?? [], [], `${bundle} uses a network API`);
  }
});

test('the network check catches fetch, http and https', () => {
  for (const bad of ['fetch("x")', 'require("https")', "require('node:http')", 'new WebSocket(u)'])
    assert.match(bad, new RegExp(NETWORK.source));
  assert.doesNotMatch('require("net")', new RegExp(NETWORK.source));
});

test('package.json declares limited support for untrusted workspaces, with a description in both languages', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  const key = /^%(.+)%$/.exec(pkg.capabilities.untrustedWorkspaces.description)![1];
  for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
    assert.match(JSON.parse(readFileSync(join(ROOT, nls), 'utf8'))[key], /\.govreport\.json/, nls);
  }
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

test('no code is ever built from data: no eval, no Function constructor, no dynamic require or import', () => {
  // loadSchema: ajv would fetch a schema a workspace file names; ours are all bundled.
  const CODE_FROM_DATA =
    /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]|require\(\s*[^'"\s)]|import\(\s*[^'"\s)]|vm\.run|runInNewContext|loadSchema/;
  const offenders = [...sources(join(ROOT, 'server', 'src')), ...sources(join(ROOT, 'client', 'src'))].filter((f) =>
    CODE_FROM_DATA.test(readFileSync(f, 'utf8')),
  );
  assert.deepEqual(offenders, []);
});

test('profiles are data: built-in ones are plain JSON; a workspace file may not point at paths or carry code', () => {
  for (const f of readdirSync(join(ROOT, 'profiles')).filter((n) => n.endsWith('.json')))
    JSON.parse(readFileSync(join(ROOT, 'profiles', f), 'utf8'));
  for (const profile of ['../../etc/passwd', '/etc/passwd', 'C:\\\\profiles\\\\x.json', 'file:///tmp/p.json', './my-profile.json']) {
    assert.equal(checkWorkspaceConfig({ profile }).ok, false, profile);
  }
  assert.equal(checkWorkspaceConfig({ profile: 'fzzf-annual', run: 'rm -rf /' }).ok, false);
  assert.equal(checkWorkspaceConfig({ profile: 'fzzf-annual', extends: '../other.json' }).ok, false);
  assert.equal(checkWorkspaceConfig({ profile: 'fzzf-annual' }).ok, true);
});
