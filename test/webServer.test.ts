// The web extension's server bundle (vscode.dev): loads in a worker and answers LSP over the port.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { dedent } from './support/render';
import { startWebWorkerServer, WEB_SERVER_PATH, type WebServerHandle } from './support/webWorkerServer';

const REPORT = dedent(`
  关于2024年法治政府建设情况的报告
  一、2024年主要举措和成效
  （一）强化领导。一是健全机制。二是加强考核。
  二、存在的不足和原因
  内容。
  三、2025年工作安排
  内容。
`);

// The timeout only keeps a broken bundle (a handler throwing inside the worker) from hanging the run.
describe('browser build of the language server in a worker', { timeout: 30000 }, () => {
  let server: WebServerHandle;
  before(async () => {
    server = await startWebWorkerServer({ locale: 'en' });
  });
  after(async () => {
    await server.stop();
  });

  test('publishes missing-part for a report opened over the worker port', async () => {
    const diagnostics = await server.open('vscode-vfs://github/org/repo/a.govreport', REPORT);
    const missing = diagnostics.filter((d) => d.code === 'missing-part');
    assert.deepEqual(
      missing.map((d) => [d.range.start.line, d.data]),
      [[0, { part: 'first-responsible' }]],
    );
    assert.match(missing[0].message, /^Missing mandatory part: /);
  });

  test('answers document symbols with the heading tree', async () => {
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: 'vscode-vfs://github/org/repo/a.govreport' },
    });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['一、2024年主要举措和成效', '二、存在的不足和原因', '三、2025年工作安排'],
    );
    assert.deepEqual(
      symbols[0].children?.[0].children?.map((c) => c.name),
      ['一是健全机制', '二是加强考核'],
    );
  });
});

test('the browser bundles name no Node module', () => {
  for (const file of [WEB_SERVER_PATH, resolve(WEB_SERVER_PATH, '..', 'extension.js')]) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /require\("(node:|fs"|path"|child_process"|net"|os")/, file);
  }
});

test('package.json points the browser entry at the web client', () => {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
  assert.equal(pkg.browser, './dist/web/extension.js');
});
