/**
 * What the server sends per keystroke (issue 27), through a real client over stdio: pushed
 * diagnostics only when they changed (the client keeps the last ones, still right), and after any
 * run of keystrokes the diagnostics the client holds are those of a fresh server given the text.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, DocumentSymbol, SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver-protocol';
import { analyze, outlineView, type OutlineView } from '../server/src/core';
import { startServer, type ServerHandle } from './support/lspClient';
import { dedent } from './support/render';
import { Typist } from '../server/src/lsp/typist';

const REPORT = dedent(`
  关于2024年法治政府建设情况的报告
  一、2024年主要举措和成效
  （一）强化领导。一是健全机制,落实责任。二是加强考核。
  全年办理行政复议案件12件，纠错2件。
  二、存在的不足和原因
  普法形式较为单一。
  三、2025年工作安排
  继续深化普法。
`);

const plain = (ds: readonly Diagnostic[]) =>
  ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);

describe('per keystroke over stdio', () => {
  let server: ServerHandle;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  test('diagnostics are published when they change, not again when a keystroke changed none of them', async () => {
    const uri = 'file:///keystroke/publish.govreport';
    const first = await server.open(uri, REPORT);
    assert.ok(first.some((d) => d.code === 'missing-part') && first.some((d) => d.code === 'punctuation-width'));
    assert.equal(server.published(uri), 1);
    // A character typed into a line without findings moves none: nothing is sent.
    const quiet = await server.change(uri, 2, [
      { range: { start: { line: 5, character: 2 }, end: { line: 5, character: 2 } }, text: '法' },
    ]);
    assert.equal(server.published(uri), 1, 'unchanged diagnostics are not sent again');
    assert.deepEqual(plain(quiet), plain(first));
    // A character before the half-width comma (一是健全|机制,) moves its finding: sent, for that version.
    const moved = server.nextDiagnostics(uri);
    await server.change(uri, 3, [{ range: { start: { line: 2, character: 12 }, end: { line: 2, character: 12 } }, text: '法' }]);
    const p = await moved;
    assert.equal(p.version, 3);
    assert.equal(server.published(uri), 2);
    const comma = p.diagnostics.find((d) => d.code === 'punctuation-width')!;
    assert.equal(comma.range.start.character, first.find((d) => d.code === 'punctuation-width')!.range.start.character + 1);
    await server.close(uri);
  });

  test('after typing that accumulates, the diagnostics the client holds are a fresh server’s for the same text', async () => {
    const uri = 'file:///keystroke/typed.govreport';
    await server.open(uri, REPORT);
    const typist = new Typist(REPORT);
    let held: Diagnostic[] = [];
    let version = 1;
    for (let i = 0; i < 40; i++) {
      const k = typist.next();
      held = await server.change(uri, ++version, [{ range: k.range, text: k.text }]);
    }
    assert.ok(server.published(uri) < 41, 'some keystrokes sent nothing');
    const fresh = await startServer();
    try {
      assert.deepEqual(plain(held), plain(await fresh.open('file:///keystroke/fresh.govreport', typist.text())));
    } finally {
      await fresh.stop();
    }
    await server.close(uri);
  });

  test('document symbols after typing in a document of headings: the outline a fresh analysis gives the CLI, and the same answer asked twice', async () => {
    const uri = 'file:///keystroke/headings.govreport';
    const lines = ['关于2024年法治政府建设情况的报告'];
    for (const a of ['一', '二', '三'])
      for (const b of ['一', '二']) {
        if (b === '一') lines.push(`${a}、第${a}部分工作`);
        lines.push(`（${b}）第${a}${b}节`, '1.事项甲', '（1）细目甲', '（2）细目乙', '2.事项乙');
      }
    const text = lines.join('\n') + '\n';
    await server.open(uri, text);
    const typist = new Typist(text);
    let version = 1;
    // The CLI's view of the outline, in the fields a document symbol carries.
    const asSymbols = (views: readonly OutlineView[]): unknown[] =>
      views.map((v) => ({
        name: v.name,
        ...(v.detail ? { detail: v.detail } : {}),
        kind: v.kind === 'item' ? 22 : v.level === 1 ? 2 : 3,
        range: v.range,
        selectionRange: v.selectionRange,
        children: asSymbols(v.children),
      }));
    for (let i = 0; i < 40; i++) {
      const k = typist.next();
      await server.change(uri, ++version, [{ range: k.range, text: k.text }]);
      const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols, asSymbols(outlineView(analyze(typist.text()))), `keystroke ${i}`);
      assert.deepEqual(await server.request('textDocument/documentSymbol', { textDocument: { uri } }), symbols);
    }
    await server.close(uri);
  });

  test('semantic tokens: after the first answer a delta from its result id, which applied gives the full tokens', async () => {
    const uri = 'file:///keystroke/tokens.govreport';
    await server.open(uri, REPORT);
    const full = (u: string) => server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: u } });
    let held = await full(uri);
    assert.ok(held.resultId && held.data.length > 0);
    const typist = new Typist(REPORT);
    let version = 1;
    let sentNumbers = 0;
    for (let i = 0; i < 30; i++) {
      const k = typist.next();
      await server.change(uri, ++version, [{ range: k.range, text: k.text }]);
      const delta = await server.request<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
        textDocument: { uri },
        previousResultId: held.resultId,
      });
      assert.ok(delta.resultId && delta.resultId !== held.resultId);
      const data = [...held.data];
      for (const e of [...delta.edits].reverse()) data.splice(e.start, e.deleteCount, ...(e.data ?? []));
      sentNumbers += delta.edits.reduce((n, e) => n + (e.data?.length ?? 0), 0);
      held = { resultId: delta.resultId, data };
      // What a client that asked for everything gets (its result id then becomes the one to delta from).
      const everything = await full(uri);
      assert.deepEqual(data, everything.data, `keystroke ${i}`);
      held = everything;
    }
    assert.ok(sentNumbers < 30 * held.data.length, 'deltas send less than the whole');
    // A result id the server no longer has: the whole tokens again.
    const stale = await server.request<SemanticTokens>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: 'no-such-id',
    });
    assert.deepEqual(stale.data, (await full(uri)).data);
    await server.close(uri);
  });
});
