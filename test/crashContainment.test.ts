// One broken rule, or one broken request, never takes the rest down.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/core';
import { rules } from '../server/src/core/rules';
import type { Rule } from '../server/src/core/rules/rule';
import { DocumentCache } from '../server/src/lsp/documentCache';
import { logOncePerError, logOncePerRuleError } from '../server/src/lsp/ruleErrors';
import { useServer } from './support/serverSuite';

const DRAFT = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n二、存在的不足和原因\n';

const failing: Rule = {
  code: 'always-throws',
  defaultSeverity: 'error',
  description: { 'zh-cn': '测试规则', en: 'A test rule' },
  docs: { finds: 'nothing: a test rule' },
  run() {
    throw new Error('boom');
  },
};

test('a rule that throws is skipped; the other rules still report; onRuleError hears it', () => {
  const errors: string[] = [];
  const model = analyze(DRAFT, { rules: [failing, ...rules], onRuleError: (code, e) => errors.push(`${code}: ${(e as Error).message}`) });
  assert.deepEqual(errors, ['always-throws: boom']);
  const missing = model.findings.filter((f) => f.code === 'missing-part');
  assert.deepEqual(
    missing.map((f) => f.data?.part),
    ['first-responsible', 'next-year'],
  );
  assert.ok(model.findings.every((f) => f.code !== 'always-throws'));
  assert.equal(model.outline.length, 2);
});

test('a rule that throws midway is skipped whole: what it emitted before the throw is dropped', () => {
  const half: Rule = {
    code: 'half',
    defaultSeverity: 'warning',
    description: { 'zh-cn': '测试规则', en: 'A test rule' },
    docs: { finds: 'nothing: a test rule' },
    run(ctx, emit) {
      emit({ range: ctx.firstContentLineRange(), message: 'first' });
      throw new TypeError('later');
    },
  };
  const model = analyze(DRAFT, { rules: [half, ...rules], onRuleError: () => {} });
  const without = analyze(DRAFT);
  assert.deepEqual(model.findings, without.findings);
});

test('rule errors are logged once per rule and message, not on every keystroke', () => {
  const log: string[] = [];
  const onRuleError = logOncePerRuleError((m) => log.push(m));
  for (let version = 0; version < 50; version++) analyze(DRAFT + '内容'.repeat(version), { rules: [failing, ...rules], onRuleError });
  assert.equal(log.length, 1);
  assert.match(log[0], /rule always-throws failed and was skipped \(logged once\).*boom/s);
  onRuleError('always-throws', new Error('another cause'));
  onRuleError('other-rule', new Error('boom'));
  assert.equal(log.length, 3);
});

describe('malformed requests get an error or an empty answer; the server lives on', () => {
  const suite = useServer();

  const uri = 'file:///contained.govreport';
  const garbage: [string, unknown][] = [
    ['textDocument/documentSymbol', {}],
    ['textDocument/documentSymbol', { textDocument: { uri: 'file:///never-opened.govreport' } }],
    ['textDocument/foldingRange', { textDocument: null }],
    ['textDocument/selectionRange', { textDocument: { uri } }],
    [
      'textDocument/selectionRange',
      { textDocument: { uri }, positions: [{ line: -5, character: -1 }, { line: 1e9, character: 1e9 }, null] },
    ],
    ['textDocument/hover', { textDocument: { uri }, position: { line: 99999, character: 3 } }],
    ['textDocument/completion', { textDocument: { uri }, position: null }],
    ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
    ['textDocument/codeLens', { textDocument: { uri: 42 } }],
    ['textDocument/semanticTokens/full', {}],
    ['workspace/executeCommand', { command: 'govreport.renumber', arguments: [42] }],
    ['workspace/executeCommand', { command: 'govreport.renumber', arguments: [{ uri: { not: 'a string' } }] }],
    ['workspace/executeCommand', { command: 'govreport.renumber' }],
    ['workspace/executeCommand', { command: 'no.such.command', arguments: [uri] }],
  ];

  test('each request settles and the document still answers afterwards', async () => {
    const { server } = suite;
    await server.open(uri, DRAFT);
    for (const [method, params] of garbage) {
      // Either outcome is fine (an error response or an empty result); hanging or dying is not.
      await server.request(method, params).then(
        () => undefined,
        (e: { code?: number }) => assert.equal(typeof e.code, 'number', `${method}: ${String(e)}`),
      );
    }
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['一、主要举措和成效', '二、存在的不足和原因'],
    );
    // Malformed notifications too.
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///nope', version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: null });
    await server.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { govreport: { rules: { 'missing-part': 42, debris: null }, profile: 7 } },
    });
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await server.connection.sendNotification('govreport/workspaceConfig', { config: { profile: { id: 'x', name: 1, parts: 'no' } } });
    await server.connection.sendNotification('govreport/workspaceConfig', { config: 'not an object' });
    await server.connection.sendNotification('govreport/workspaceConfig', null);
    const diagnostics = await server.change(uri, 2, [
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '三、2025年工作安排\n' },
    ]);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'missing-part').map((d) => (d.data as { part: string }).part),
      ['first-responsible'],
    );
    assert.equal(server.process.exitCode, null);
  });
});

test('an analysis that throws outside any rule gives that version an empty model, reported once', () => {
  const errors: string[] = [];
  let broken = true;
  const cache = new DocumentCache(
    () => ({}),
    (uri, e) => errors.push(`${uri}: ${(e as Error).message}`),
    (text, options) => {
      if (broken) throw new Error('parser bug');
      return analyze(text, options);
    },
  );
  const log: string[] = [];
  const once = logOncePerError(
    (m) => log.push(m),
    () => 'analysis failed',
  );
  for (let v = 1; v <= 3; v++) once('analysis', new Error('parser bug'));
  assert.equal(log.length, 1, 'the same analysis failure on every keystroke is logged once');
  const model = cache.get('file:///a', 1, () => DRAFT);
  assert.deepEqual([model.outline, model.findings], [[], []]);
  assert.equal(
    cache.get('file:///a', 1, () => DRAFT),
    model,
    'the failed version is not analysed again',
  );
  assert.deepEqual(errors, ['file:///a: parser bug']);
  broken = false;
  assert.equal(cache.get('file:///a', 2, () => DRAFT).outline.length, 2, 'the next version is analysed normally');
});
