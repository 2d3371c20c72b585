// The web extension's server (dist/web/server.js) in a real browser worker: headless chromium starts it as a
// dedicated Worker and talks LSP over postMessage, as the browser client does in vscode.dev. (@vscode/test-web
// cannot run here: it downloads a VS Code web build.) Exit code 0 when the worker answers with the outline and the
// missing-part diagnostic of test/integration/fixtures/missing-part.report.txt. It runs twice: in a blank page, and
// in a page whose Content-Security-Policy forbids eval (no 'unsafe-eval'; a blob worker inherits it), as vscode.dev's
// may — there the worker also applies a workspace profile of its own and refuses an unsafe pattern (issue 12).
import fs from 'node:fs';
import path from 'node:path';
import { E2E, launchChromium } from './lib.mjs';

const ROOT = path.resolve(E2E, '../..');
const bundle = fs.readFileSync(path.join(ROOT, 'dist/web/server.js'), 'utf8');
const text = fs.readFileSync(path.join(ROOT, 'test/integration/fixtures/missing-part.report.txt'), 'utf8');

const browser = await launchChromium();
let failed = 0,
  passed = 0;
const CSP = "default-src 'none'; script-src 'self' blob:; worker-src blob:";
const check = (name, ok, got) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: got ${JSON.stringify(got)}`}`);
  ok ? passed++ : failed++;
};

/** Starts the worker from a blob URL in `page`, opens the fixture, optionally sends workspace configurations; what it answered. */
async function drive(page, configs) {
  return page.evaluate(
    async ({ bundle, text, configs }) => {
      // Is eval refused in a worker of this page? (It must be under the CSP, so the check below means something.)
      const probe = new Worker(
        URL.createObjectURL(
          new Blob(['try { new Function("return 1")(); postMessage("allowed"); } catch (e) { postMessage(e.name); }'], {
            type: 'text/javascript',
          }),
        ),
      );
      const evalInWorker = await new Promise((resolve) => (probe.onmessage = ({ data }) => resolve(data)));
      probe.terminate();
      const worker = new Worker(URL.createObjectURL(new Blob([bundle], { type: 'text/javascript' })));
      const errors = [];
      // A worker that dies (an EvalError while loading, under the CSP) fails the run with its message instead of a hang.
      const died = new Promise((_, reject) => (worker.onerror = (e) => reject(new Error(`the worker failed: ${e.message}`))));
      let nextId = 0;
      const pending = new Map();
      const waiting = new Map();
      const shown = [];
      worker.onmessage = ({ data }) => {
        if (data.id !== undefined && pending.has(data.id)) pending.get(data.id)(data);
        else if (data.method === 'textDocument/publishDiagnostics') waiting.get(data.params.uri)?.(data.params.diagnostics);
        else if (data.method === 'window/showMessage') shown.push(data.params.message);
        else if (data.method === 'window/logMessage' && /EvalError|unsafe-eval/.test(data.params.message)) errors.push(data.params.message);
      };
      // Opens a document and resolves with its first diagnostics (notifications are handled in order).
      const open = (uri) => {
        const diagnostics = new Promise((resolve) => waiting.set(uri, resolve));
        notify('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text } });
        return Promise.race([diagnostics, died]);
      };
      const request = (method, params) =>
        Promise.race([
          new Promise((resolve) => {
            const id = ++nextId;
            pending.set(id, resolve);
            worker.postMessage({ jsonrpc: '2.0', id, method, params });
          }),
          died,
        ]);
      const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
      const uri = 'vscode-vfs://github/example/reports/missing-part.report.txt';
      const init = await request('initialize', {
        processId: null,
        rootUri: null,
        locale: 'en',
        capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
      });
      notify('initialized', {});
      const diags = await open(uri);
      const symbols = await request('textDocument/documentSymbol', { textDocument: { uri } });
      const missing = (ds) =>
        ds
          .filter((d) => d.code === 'missing-part')
          .map((d) => d.data.part)
          .sort()
          .join();
      const afterConfigs = [];
      for (const [i, config] of configs.entries()) {
        notify('govreport/workspaceConfig', { config });
        afterConfigs.push(missing(await open(`${uri}?config=${i}`)));
      }
      worker.terminate();
      return {
        evalInWorker,
        errors,
        shown,
        afterConfigs,
        server: init.result.serverInfo,
        diags: diags.map((d) => `${d.code}@${d.range.start.line}`),
        symbols: symbols.result.map((s) => s.name),
      };
    },
    { bundle, text, configs },
  );
}

/** The outline and diagnostics every run must show. */
function checkAnswer(label, answer) {
  console.log(`web worker${label}: ${answer.server.name} ${answer.server.version} in ${browser.version()}`);
  check('missing-part diagnostic on the title line', answer.diags.includes('missing-part@2'), answer.diags);
  check(
    'document symbols list the three parts',
    answer.symbols.join('|') === '一、2024年推进法治政府建设的主要举措和成效|二、存在的问题|三、2025年工作打算',
    answer.symbols,
  );
  check('no worker error, no EvalError logged', answer.errors.length === 0, answer.errors);
}

// A profile of the workspace's own: the fixture has measures and next-year, not a training part.
const profile = (planHeading) => ({
  id: 'csp-profile',
  name: { 'zh-cn': '本单位报告', en: 'Our report' },
  parts: [
    { id: 'measures', name: { 'zh-cn': '主要举措和成效', en: 'Measures' }, mandatory: true, headings: ['举措'] },
    { id: 'plan', name: { 'zh-cn': '工作打算', en: 'Plan' }, mandatory: true, headings: [planHeading] },
    { id: 'training', name: { 'zh-cn': '法治培训', en: 'Training' }, mandatory: true, headings: ['培训(?:情况|工作)'] },
  ],
});

try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  checkAnswer('', await drive(page, []));

  const strict = await browser.newPage();
  strict.on('pageerror', (e) => console.log('[pageerror]', e.message));
  strict.on('crash', () => console.log('[crash] the page crashed'));
  strict.on('console', (m) => console.log('[console]', m.text()));
  await strict.setContent(`<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>csp</title>`);
  const answer = await drive(strict, [{ profile: profile('(?:20\\d\\d年)?工作打算') }, { profile: profile('(a+)+$') }]);
  checkAnswer(' under a CSP without unsafe-eval', answer);
  check('the CSP refuses eval in a worker of that page', answer.evalInWorker === 'EvalError', answer.evalInWorker);
  check(
    'a workspace profile of its own applies there (only its training part is missing)',
    answer.afterConfigs[0] === 'training',
    answer.afterConfigs,
  );
  check(
    'an unsafe pattern is refused there with a message, and the built-in profile applies again',
    answer.shown.some((m) => m.includes('"(a+)+$"')) && answer.afterConfigs[1] === 'first-responsible',
    { shown: answer.shown, afterConfigs: answer.afterConfigs },
  );
} catch (e) {
  console.log('FATAL', e);
  failed++;
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
