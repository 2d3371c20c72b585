// The web extension's server (dist/web/server.js) in a real browser worker: headless chromium starts it as a
// dedicated Worker and talks LSP over postMessage, as the browser client does in vscode.dev. (@vscode/test-web
// cannot run here: it downloads a VS Code web build.) Exit code 0 when the worker answers with the outline and the
// missing-part diagnostic of test/integration/fixtures/missing-part.report.txt.
import fs from 'node:fs';
import path from 'node:path';
import { E2E, launchChromium } from './lib.mjs';

const ROOT = path.resolve(E2E, '../..');
const bundle = fs.readFileSync(path.join(ROOT, 'dist/web/server.js'), 'utf8');
const text = fs.readFileSync(path.join(ROOT, 'test/integration/fixtures/missing-part.report.txt'), 'utf8');

const browser = await launchChromium();
let failed = 0,
  passed = 0;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  const answer = await page.evaluate(
    async ({ bundle, text }) => {
      const worker = new Worker(URL.createObjectURL(new Blob([bundle], { type: 'text/javascript' })));
      let nextId = 0;
      const pending = new Map();
      let onDiagnostics;
      const diagnostics = new Promise((resolve) => (onDiagnostics = resolve));
      worker.onmessage = ({ data }) => {
        if (data.id !== undefined && pending.has(data.id)) pending.get(data.id)(data);
        else if (data.method === 'textDocument/publishDiagnostics') onDiagnostics(data.params);
      };
      const request = (method, params) =>
        new Promise((resolve) => {
          const id = ++nextId;
          pending.set(id, resolve);
          worker.postMessage({ jsonrpc: '2.0', id, method, params });
        });
      const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
      const uri = 'vscode-vfs://github/example/reports/missing-part.report.txt';
      const init = await request('initialize', {
        processId: null,
        rootUri: null,
        locale: 'en',
        capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
      });
      notify('initialized', {});
      notify('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text } });
      const diags = await diagnostics;
      const symbols = await request('textDocument/documentSymbol', { textDocument: { uri } });
      worker.terminate();
      return { server: init.result.serverInfo, diags: diags.diagnostics, symbols: symbols.result.map((s) => s.name) };
    },
    { bundle, text },
  );
  console.log(`web worker: ${answer.server.name} ${answer.server.version} in ${browser.version()}`);
  const check = (name, ok, got) => {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: got ${JSON.stringify(got)}`}`);
    ok ? passed++ : failed++;
  };
  const codes = answer.diags.map((d) => `${d.code}@${d.range.start.line}`);
  check('missing-part diagnostic on the title line', codes.includes('missing-part@2'), codes);
  check(
    'document symbols list the three parts',
    answer.symbols.join('|') === '一、2024年推进法治政府建设的主要举措和成效|二、存在的问题|三、2025年工作打算',
    answer.symbols,
  );
} catch (e) {
  console.log('FATAL', e);
  failed++;
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
