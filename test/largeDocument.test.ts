// The large-document guard: above govreport.maxDocumentSize, costly checks are skipped and one
// information diagnostic says so; the structure and the cheap checks still run. And stale work:
// closed documents and cancelled requests cost nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/core';
import { rules } from '../server/src/core/rules';
import type { Rule } from '../server/src/core/rules/rule';
import { startServer, type ServerHandle } from './support/lspClient';

const REPORT = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n内容。\n二、存在的不足和原因\n内容。\n';
/** What the document gets without any limit (missing parts and whatever else the rules find). */
const BASE = analyze(REPORT).findings.map((f) => f.code);

describe('large-document guard in the core', () => {
  test('below the limit: no large-document finding', () => {
    const codes = analyze(REPORT, { maxDocumentSize: REPORT.length }).findings.map((f) => f.code);
    assert.deepEqual(codes, BASE);
    assert.equal(BASE.filter((c) => c === 'missing-part').length, 2);
  });

  test('above the limit: one information finding on the title line; missing-part still reported', () => {
    const m = analyze(REPORT, { maxDocumentSize: 10, locale: 'en' });
    const large = m.findings.filter((f) => f.code === 'large-document');
    assert.equal(large.length, 1);
    assert.equal(large[0].severity, 'information');
    assert.deepEqual(large[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } });
    assert.deepEqual(large[0].data, { size: REPORT.length, max: 10 });
    assert.match(large[0].message, new RegExp(`^Large document \\(${REPORT.length} characters, above the limit of 10`));
    // This text has nothing for the costly rules to find: the rest is reported, the guard's finding last.
    assert.deepEqual(
      m.findings.map((f) => f.code),
      [...BASE, 'large-document'],
    );
    assert.deepEqual(
      analyze(REPORT, { maxDocumentSize: 10, severities: { 'large-document': 'off' } }).findings.map((f) => f.code),
      BASE,
    );
  });

  test('the per-character scans (punctuation-width, unbalanced-pair) are the costly ones', () => {
    const text = REPORT.replace('内容。', '内容,说明“未闭合。');
    const codes = (max: number) => analyze(text, { maxDocumentSize: max }).findings.map((f) => f.code);
    assert.ok(codes(1000).includes('punctuation-width'));
    assert.ok(codes(1000).includes('unbalanced-pair'));
    assert.ok(!codes(10).includes('punctuation-width'));
    assert.ok(!codes(10).includes('unbalanced-pair'));
    assert.ok(codes(10).includes('missing-part'));
  });

  test('a rule marked costly runs below the limit and is skipped above it', () => {
    const costly: Rule = {
      code: 'test-costly',
      defaultSeverity: 'hint',
      description: { 'zh-cn': '测试规则', en: 'A test rule' },
      docs: { finds: 'nothing: a test rule' },
      costly: true,
      run: (ctx, emit) => emit({ message: 'x', range: ctx.index.lineRange(0) }),
    };
    const list = rules as Rule[];
    list.push(costly);
    try {
      assert.ok(analyze(REPORT, { maxDocumentSize: 1000 }).findings.some((f) => f.code === 'test-costly'));
      assert.ok(!analyze(REPORT, { maxDocumentSize: 10 }).findings.some((f) => f.code === 'test-costly'));
    } finally {
      list.splice(list.indexOf(costly), 1);
    }
  });
});

describe('large-document guard through the server', () => {
  let server: ServerHandle;
  // What the editor's `govreport` settings say; the server pulls them (workspace/configuration).
  let maxDocumentSize = 20;
  before(async () => {
    server = await startServer({ configuration: () => ({ maxDocumentSize }) });
  });
  after(async () => {
    await server.stop();
  });

  test('govreport.maxDocumentSize from the settings; a settings change re-publishes without an edit', async () => {
    const uri = 'file:///large.govreport';
    await server.open(uri, REPORT);
    const diagnostics = await server.until(uri, (ds) => ds.some((d) => d.code === 'large-document'));
    const large = diagnostics.filter((d) => d.code === 'large-document');
    assert.equal(large.length, 1);
    assert.equal(large[0].severity, 3); // Information
    assert.match(large[0].message, /^文档较大（\d+ 个字符，超过上限 20/);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      [...BASE, 'large-document'],
    );
    // The outline is still there.
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['一、主要举措和成效', '二、存在的不足和原因'],
    );

    maxDocumentSize = 1_000_000;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const republished = await server.until(uri, (ds) => !ds.some((d) => d.code === 'large-document'));
    assert.deepEqual(
      republished.map((d) => d.code),
      BASE,
    );
  });

  test('a document closed before its analysis ran: cleared, and nothing published after the clear', async () => {
    const uri = 'file:///closed.govreport';
    const published: { version?: number; n: number }[] = [];
    const record = (): Promise<void> =>
      server.nextDiagnostics(uri).then((p) => {
        published.push({ version: p.version, n: p.diagnostics.length });
        return record();
      });
    void record();
    // Open and close back to back, without waiting for the first diagnostics.
    void server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'govreport', version: 1, text: REPORT },
    });
    await server.close(uri);
    // A barrier: once another document's diagnostics and a request are answered, deferred work has run.
    await server.open('file:///other.govreport', REPORT);
    await server.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///other.govreport' } });
    assert.ok(published.length >= 1);
    assert.deepEqual(published[published.length - 1], { version: undefined, n: 0 });
  });
});

describe('LSP cancellation', () => {
  let server: ServerHandle;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  test('a request cancelled before the server reached it gets RequestCancelled, not a result', async () => {
    const big = 'file:///busy.govreport';
    const small = 'file:///small.govreport';
    await server.open(small, REPORT);
    // Keep the server busy (a large document's symbols), so the next request and its
    // cancellation both wait in its queue.
    void server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: big, languageId: 'govreport', version: 1, text: REPORT.repeat(20000) },
    });
    const busy = server.request('textDocument/documentSymbol', { textDocument: { uri: big } });
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: small } }, source.token);
    source.cancel();
    await assert.rejects(pending, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
    await busy;
    // Not cancelled: answered as usual.
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: small } });
    assert.equal(symbols.length, 2);
  });
});
