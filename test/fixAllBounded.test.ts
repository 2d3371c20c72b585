// Fix-all on a document with more edits than one message should carry (issue 12): the code
// action carries the govreport.fixAll command instead of its edits, and the server applies the
// edits through workspace/applyEdit in chunks of at most 10,000, from the end of the document.
// Driven over stdio by a client that applies each chunk and reports the change, as an editor does.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { MAX_QUICK_FIX_DIAGNOSTICS } from '../server/src/lsp/features/codeActions';
import { applyEdits } from './support/edits';
import { startServer, type ServerHandle } from './support/lspClient';

const LINES = 3000; // five half-width marks a line: 15,000 edits
const body = Array.from({ length: LINES }, (_, i) => `第${i + 1}项工作,推进依法行政,完成任务${i + 2}件;加强监督,落实责任${i % 7}项;`);
const TEXT = ['关于2024年法治政府建设情况的报告', '一、2024年主要举措和成效', ...body, '二、存在的不足和原因', '投入不足。', ''].join('\n');
const FIXED = TEXT.replace(/,/g, '，').replace(/;/g, '；');

describe('fix-all past 10,000 edits is applied by the server in chunks', () => {
  let server: ServerHandle;
  const uri = 'file:///huge-fix.govreport';
  let text = TEXT;
  let version = 1;
  /** What the client does with each applyEdit: the test sets it per case. */
  let onApply: (edit: WorkspaceEdit) => Promise<boolean> = async () => false;
  const warnings: string[] = [];

  before(async () => {
    server = await startServer();
    server.connection.onRequest('workspace/applyEdit', async (p: { edit: WorkspaceEdit }) => ({ applied: await onApply(p.edit) }));
    server.connection.onNotification('window/showMessage', (p: { message: string }) => warnings.push(p.message));
  });
  after(async () => {
    await server.stop();
  });

  /** Applies an edit as an editor does: the text changes, didChange goes out, then the answer. */
  async function clientApplies(edit: WorkspaceEdit): Promise<number> {
    const edits = edit.changes![uri] as TextEdit[];
    text = applyEdits(text, edits);
    version++;
    await server.change(uri, version, [{ text }]);
    return edits.length;
  }

  const actions = (d: Diagnostic | undefined, only?: string[]) =>
    server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: d ? [d] : [], ...(only ? { only } : {}) },
    });

  test('the actions carry the command, not 15,000 edits; the responses stay small', async () => {
    const diagnostics = await server.open(uri, TEXT, 'govreport', version);
    const punct = diagnostics.filter((d) => d.code === 'punctuation-width');
    assert.equal(punct.length, LINES);
    const source = await actions(undefined, ['source.fixAll']);
    assert.equal(source.length, 1);
    assert.equal(source[0].edit, undefined);
    assert.equal(source[0].command?.command, 'govreport.fixAll');
    assert.deepEqual(source[0].command?.arguments, [{ uri, version, code: '*' }]);
    assert.ok(JSON.stringify(source).length < 2000, 'a source.fixAll response is a few hundred bytes');
    const quick = await actions(punct[10]);
    const line = quick.find((a) => a.edit)!;
    assert.equal(line.edit!.changes![uri].length, 5, 'the one-line fix keeps its edits');
    const all = quick.find((a) => a.command)!;
    assert.deepEqual(all.command!.arguments, [{ uri, version, code: 'punctuation-width' }]);
    assert.ok(JSON.stringify(quick).length < 5000);
  });

  test('executing it sends two chunks (10,000 + 5,000), the end of the document first; the result is the whole fix', async () => {
    const sizes: number[] = [];
    const firstLines: number[] = [];
    onApply = async (edit) => {
      firstLines.push((edit.changes![uri] as TextEdit[])[0].range.start.line);
      sizes.push(await clientApplies(edit));
      return true;
    };
    const r = await server.request<{ applied: boolean; edits: number; chunks: number }>('workspace/executeCommand', {
      command: 'govreport.fixAll',
      arguments: [{ uri, version, code: 'punctuation-width' }],
    });
    assert.deepEqual(r, { applied: true, edits: 15000, chunks: 2 });
    assert.deepEqual(sizes, [10000, 5000]);
    assert.ok(firstLines[0] > firstLines[1], 'the chunk at the end of the document goes first');
    assert.equal(text, FIXED);
    const diagnostics = await server.diagnostics(uri, version);
    assert.equal(diagnostics.filter((d) => d.code === 'punctuation-width').length, 0);
  });

  test('a writer typing before the edited part between chunks stops the fix, with a message; an old version applies nothing', async () => {
    text = TEXT;
    version++;
    await server.change(uri, version, [{ text }]);
    const offered = version;
    let sent = 0;
    onApply = async (edit) => {
      sent++;
      await clientApplies(edit);
      // The writer types on the title line before the client answers.
      text = '（草稿）' + text;
      version++;
      await server.change(uri, version, [{ text }]);
      return true;
    };
    const r = await server.request<{ applied: boolean; edits: number; stopped?: string }>('workspace/executeCommand', {
      command: 'govreport.fixAll',
      arguments: [{ uri, version: offered, code: '*' }],
    });
    assert.equal(sent, 1);
    assert.deepEqual(r, { applied: true, edits: 10000, chunks: 1, stopped: 'changed' });
    assert.match(warnings.at(-1)!, /已被改动.*10000/);
    const stale = await server.request<{ applied: boolean }>('workspace/executeCommand', {
      command: 'govreport.fixAll',
      arguments: [{ uri, version: offered, code: '*' }],
    });
    assert.equal(stale.applied, false);
    assert.equal(sent, 1, 'nothing sent for a version that is gone');
    assert.equal(warnings.length, 2);
  });
});

describe('quick fixes for a selection over 10,000 diagnostics', () => {
  test("answered in seconds (was 118 s: each diagnostic recomputed every finding's key), at most 1,000 one-line fixes plus the fix-all", async () => {
    const server = await startServer();
    try {
      const lines = Array.from({ length: 10_500 }, (_, i) => `第${i + 1}项,推进依法行政工作${i % 89}件。`);
      const uri = 'file:///many-quick-fixes.govreport';
      const doc = ['关于2024年法治政府建设情况的报告', '一、2024年主要举措和成效', ...lines, '二、存在的不足和原因', '投入不足。', ''].join(
        '\n',
      );
      const diagnostics = await server.open(uri, doc);
      const punct = diagnostics.filter((d) => d.code === 'punctuation-width');
      assert.equal(punct.length, 10_000, 'the per-rule cap of findings');
      const started = Date.now();
      const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: lines.length + 4, character: 0 } },
        context: { diagnostics },
      });
      // Generous: the broken path took two minutes, this one takes about a second.
      assert.ok(Date.now() - started < 30_000, `${Date.now() - started} ms`);
      // One-line fixes name their diagnostic; fix-all titles are those of the rules (修正本文件中所有…).
      const fixAllTitles = new Set(actions.filter((a) => a.command || (a.edit?.changes?.[uri].length ?? 0) > 5).map((a) => a.title));
      const quick = actions.filter((a) => a.kind === 'quickfix' && !fixAllTitles.has(a.title));
      const fixed = new Set(quick.map((a) => JSON.stringify(a.diagnostics![0])));
      assert.equal(fixed.size, MAX_QUICK_FIX_DIAGNOSTICS);
      assert.ok(fixAllTitles.size >= 1, 'the fix-all of punctuation-width is offered');
      assert.ok(JSON.stringify(actions).length < 2_000_000, `${JSON.stringify(actions).length} bytes`);
    } finally {
      await server.stop();
    }
  });
});
