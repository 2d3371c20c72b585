/**
 * Issue 16: pull diagnostics. A client that announces `textDocument.diagnostic` asks for a
 * document's diagnostics (`textDocument/diagnostic`) and gets a result id; asked again with it,
 * the server answers `unchanged` while the diagnostics are the same (an edit that changes none
 * of them included), and a full report with a new id when they change. Nothing is pushed.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { startServer, type ServerHandle } from './support/lspClient';

const URI = 'file:///pull/report.report.txt';
const TEXT = [
  '关于2024年法治政府建设情况的报告',
  '一、2024年推进法治政府建设的主要举措和成效',
  '全年办理行政执法案件128件,其中行政处罚76件。',
  '群众满意度达到98%。',
].join('\n');

describe('pull diagnostics (textDocument/diagnostic)', () => {
  let s: ServerHandle;
  before(async () => {
    s = await startServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
  });
  after(() => s.stop());

  const pull = (previousResultId?: string) =>
    s.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri: URI },
      ...(previousResultId ? { previousResultId } : {}),
    });

  test('the server offers pull diagnostics to a client that supports them', () => {
    assert.deepEqual(s.capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
  });

  test('a full report with a result id; the same id answers unchanged; a change in the findings gives a new id', async () => {
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'govreport', version: 1, text: TEXT },
    });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    const codes = first.kind === 'full' ? first.items.map((d) => d.code) : [];
    assert.ok(codes.includes('punctuation-width'), `codes: ${codes.join(' ')}`);
    assert.ok(codes.includes('missing-part'));

    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });

    // Words typed after the comma (行政处罚 → 行政处罚案件) change no diagnostic: still unchanged.
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 21 }, end: { line: 2, character: 21 } }, text: '案件' }],
    });
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });

    // The half-width comma made full-width: the punctuation-width diagnostic goes, a new id comes.
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 15 } }, text: '，' }],
    });
    const third = await pull(first.resultId);
    assert.equal(third.kind, 'full');
    assert.notEqual(third.resultId, first.resultId);
    assert.ok(third.kind === 'full' && !third.items.some((d) => d.code === 'punctuation-width'));
    assert.ok(third.kind === 'full' && third.items.some((d) => d.code === 'missing-part'));
    // Its findingKey still leads the code actions to the finding's fix.
    const missing = third.kind === 'full' ? third.items.find((d) => d.code === 'missing-part')! : undefined;
    const actions = await s.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: missing!.range,
      context: { diagnostics: [missing] },
    });
    assert.ok(actions.length > 0);
  });

  test('nothing is pushed to a client that pulls', () => {
    assert.equal(s.published(URI), 0);
  });
});

describe('pull diagnostics after a settings change', () => {
  test('the server asks the client to pull again (workspace/diagnostic/refresh), and the new pull reflects the settings', async () => {
    let rules: Record<string, string> = {};
    const s = await startServer({
      configuration: (section) => (section === 'govreport' ? { rules } : null),
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    });
    try {
      await s.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: URI, languageId: 'govreport', version: 1, text: TEXT },
      });
      const pull = (previousResultId?: string) =>
        s.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
          textDocument: { uri: URI },
          ...(previousResultId ? { previousResultId } : {}),
        });
      const first = await pull();
      assert.ok(first.kind === 'full' && first.items.some((d) => d.code === 'missing-part'));
      // Each settings change asks for a refresh (the settings read at start may still be on their way).
      let refreshes = 0;
      let onRefresh = () => {};
      s.connection.onRequest('workspace/diagnostic/refresh', () => {
        refreshes++;
        onRefresh();
      });
      const nextRefresh = (seen: number) => new Promise<void>((resolve) => (onRefresh = () => refreshes > seen && resolve()));
      rules = { 'missing-part': 'off' };
      let waiting = nextRefresh(refreshes);
      await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      let second = await pull(first.resultId);
      while (second.kind === 'unchanged' || second.items.some((d) => d.code === 'missing-part')) {
        await waiting;
        waiting = nextRefresh(refreshes);
        second = await pull(first.resultId);
      }
      assert.ok(refreshes >= 1);
      assert.notEqual(second.resultId, first.resultId);
      assert.equal(s.published(URI), 0);
    } finally {
      await s.stop();
    }
  });
});
