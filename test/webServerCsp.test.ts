// The web build under a strict Content-Security-Policy (issue 12): vscode.dev's worker may refuse
// eval and new Function. The worker bundle runs in a context with code generation from strings
// and WebAssembly compilation switched off — exactly what a CSP without 'unsafe-eval' forbids —
// and still initializes, publishes diagnostics, answers symbols and applies a workspace profile
// (validated by the precompiled validators, its new pattern proven safe by recheck in the worker).
import assert from 'node:assert/strict';
import { createContext, runInContext } from 'node:vm';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { NOTIFICATIONS } from '../server/src/protocol';
import { dedent } from './support/render';
import { startWebWorkerServer, type WebServerHandle } from './support/webWorkerServer';

const REPORT = dedent(`
  关于2024年法治政府建设情况的报告
  一、2024年主要举措和成效
  全年学法12次。
  二、下一步工作打算
  继续加强普法。
`);

const profile = (extraHeading: string) => ({
  id: 'csp-profile',
  name: { 'zh-cn': '本单位报告', en: 'Our report' },
  parts: [
    { id: 'measures', name: { 'zh-cn': '主要举措和成效', en: 'Measures' }, mandatory: true, headings: ['举措'] },
    { id: 'plan', name: { 'zh-cn': '下一步打算', en: 'Plan' }, mandatory: true, headings: [extraHeading] },
    { id: 'training', name: { 'zh-cn': '法治培训', en: 'Training' }, mandatory: true, headings: ['培训(?:情况|工作)'] },
  ],
});

const missingParts = (d: { code?: unknown; data?: unknown }[]) =>
  d
    .filter((x) => x.code === 'missing-part')
    .map((x) => (x.data as { part: string }).part)
    .sort();

test('the sandbox is strict: eval and new Function throw EvalError there', () => {
  const context = createContext({}, { codeGeneration: { strings: false, wasm: false } });
  assert.throws(() => runInContext('eval("1 + 1")', context), { name: 'EvalError' });
  assert.throws(() => runInContext('new Function("return 1")', context), { name: 'EvalError' });
});

describe('the web worker server under a CSP without unsafe-eval', { timeout: 120000 }, () => {
  let server: WebServerHandle;
  const logs: string[] = [];
  const shown: string[] = [];
  let crashed: Error | undefined;
  const uri = 'vscode-vfs://github/org/repo/csp.govreport';
  before(async () => {
    server = await startWebWorkerServer({ locale: 'en', csp: true });
    server.worker.on('error', (e) => (crashed = e));
    server.connection.onNotification('window/logMessage', (m: { message: string }) => logs.push(m.message));
    server.connection.onNotification('window/showMessage', (m: { message: string }) => shown.push(m.message));
  });
  after(async () => {
    await server.stop();
    assert.equal(crashed, undefined);
    assert.deepEqual(
      logs.filter((m) => /EvalError|code generation|unsafe-eval/i.test(m)),
      [],
    );
  });

  test('initializes, publishes diagnostics and answers document symbols', async () => {
    assert.ok(server.capabilities.documentSymbolProvider);
    const d = await server.open(uri, REPORT);
    assert.deepEqual(missingParts(d), ['first-responsible', 'shortcomings']);
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['一、2024年主要举措和成效', '二、下一步工作打算'],
    );
  });

  test('a workspace profile of its own applies: validated and its patterns checked without eval', async () => {
    await server.connection.sendNotification(NOTIFICATIONS.workspaceConfig, {
      config: { profile: profile('(?:下一步|明年)(?:工作)?打算') },
    });
    const d = await server.until(uri, (ds) => missingParts(ds).join() === 'training');
    assert.deepEqual(missingParts(d), ['training']);
    assert.deepEqual(shown, []);
  });

  test('an unsafe pattern is refused there too, with the message, and the built-in profile applies', async () => {
    const message = new Promise<string>((res) =>
      server.connection.onNotification('window/showMessage', (m: { message: string }) => res(m.message)),
    );
    await server.connection.sendNotification(NOTIFICATIONS.workspaceConfig, { config: { profile: profile('(a+)+$') } });
    assert.match(await message, /"\(a\+\)\+\$".*catastrophic backtracking/);
    const d = await server.until(uri, (ds) => missingParts(ds).includes('first-responsible'));
    assert.deepEqual(missingParts(d), ['first-responsible', 'shortcomings']);
  });
});
