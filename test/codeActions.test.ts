// Quick fixes through the real server: ask for the actions of a diagnostic, apply the returned
// WorkspaceEdit, re-open the result: the finding is gone and nothing else changed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from './support/edits';
import { startServer, type ServerHandle } from './support/lspClient';
import { dedent } from './support/render';

const TEXT = dedent(`
  关于2024年法治政府建设情况的报告
  [bookmark: _GoBack]
  一、2024年主要举措和成效
  (一)强化领导。全年学法12次。
  (二)规范执法。全年执法30次。
  二、党政主要负责人履行推进法治建设第一责任人职责情况
  主要负责人带头学法。
  四、存在的不足和原因
  普法形式单一，主要原因是投入不足。
  五、2025年工作安排
  继续加强普法。
  语音播报

  某镇人民政府
  2025年1月20日
`);

const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}`;

describe('code actions over stdio', () => {
  let server: ServerHandle;
  let version = 1;
  const uri = 'file:///fix.govreport';
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  async function actionsFor(d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], ...(only ? { only } : {}) },
    });
  }

  /** Applies an action to `text`, re-checks through the server, returns the new text and diagnostics. */
  async function apply(text: string, edit: WorkspaceEdit): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const fixed = applyEdits(text, edit.changes![uri] as TextEdit[]);
    version++;
    const diagnostics = await server.change(uri, version, [{ text: fixed }]);
    return { text: fixed, diagnostics };
  }

  test('one debris line: preferred quick fix removes the line and its break, nothing else', async () => {
    const diagnostics = await server.open(uri, TEXT, 'govreport', version);
    const bookmark = diagnostics.find((d) => d.code === 'debris' && d.range.start.line === 1)!;
    const actions = await actionsFor(bookmark);
    const quick = actions.find((a) => a.isPreferred)!;
    assert.equal(quick.title, '删除残留内容');
    assert.equal(quick.kind, 'quickfix');
    assert.deepEqual(quick.diagnostics, [bookmark]);
    const r = await apply(TEXT, quick.edit!);
    assert.equal(r.text, TEXT.replace('[bookmark: _GoBack]\n', ''));
    // Everything else is still reported, one line up below line 1.
    const moved = diagnostics
      .filter((d) => d !== bookmark)
      .map((d) => ({
        ...d,
        range: {
          start: { ...d.range.start, line: d.range.start.line - (d.range.start.line > 1 ? 1 : 0) },
          end: { ...d.range.end, line: d.range.end.line - (d.range.end.line > 1 ? 1 : 0) },
        },
      }));
    assert.deepEqual(r.diagnostics.map(key).sort(), moved.map(key).sort());
  });

  test('fix all of a kind: every debris in the file goes, only debris', async () => {
    version++;
    const diagnostics = await server.change(uri, version, [{ text: TEXT }]);
    const d = diagnostics.find((x) => x.code === 'debris')!;
    const all = (await actionsFor(d)).find((a) => a.title === '删除本文件中所有残留内容')!;
    const r = await apply(TEXT, all.edit!);
    assert.equal(r.text, TEXT.replace('[bookmark: _GoBack]\n', '').replace('语音播报\n', ''));
    assert.deepEqual(
      r.diagnostics.filter((x) => x.code === 'debris'),
      [],
    );
  });

  test('heading-style: normalise one, or all; heading-sequence: renumber the level', async () => {
    version++;
    const diagnostics = await server.change(uri, version, [{ text: TEXT }]);
    const style = diagnostics.filter((x) => x.code === 'heading-style');
    assert.deepEqual(
      style.map((x) => x.range.start.line),
      [3, 4],
    );
    const actions = await actionsFor(style[0]);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['改为“（一）”', '规范本文件中所有标题序号的写法'],
    );
    const r = await apply(TEXT, actions[1].edit!);
    assert.equal(r.text, TEXT.replace('(一)', '（一）').replace('(二)', '（二）'));
    assert.deepEqual(
      r.diagnostics.filter((x) => x.code === 'heading-style'),
      [],
    );

    const seq = r.diagnostics.find((x) => x.code === 'heading-sequence')!;
    assert.equal(seq.range.start.line, 7);
    assert.equal(seq.message, '序号不连续：“四、”处应为“三”');
    const renumber = (await actionsFor(seq)).find((a) => a.isPreferred)!;
    const r2 = await apply(r.text, renumber.edit!);
    assert.equal(r2.text, r.text.replace('四、存在', '三、存在').replace('五、2025', '四、2025'));
    assert.deepEqual(
      r2.diagnostics.filter((x) => x.code === 'heading-sequence'),
      [],
    );
  });

  test('two missing parts on the same title line each get their own insertion', async () => {
    const text = '关于2024年法治政府建设情况的报告\n一、2024年主要举措和成效\n全年学法12次。\n二、2025年工作安排\n继续普法。\n';
    version++;
    const diagnostics = (await server.change(uri, version, [{ text }])).filter((d) => d.code === 'missing-part');
    assert.equal(diagnostics.length, 2);
    for (const d of diagnostics) {
      const [fix] = await actionsFor(d);
      assert.equal(fix.title, `插入“${d.message.replace('缺少必备部分：', '')}”部分`);
    }
    // The key finds the finding, not the message text. The first finding at a code and range is found
    // by them (its data has no key); the second carries its key (rank 1) in its data. With b's key
    // written into a's data, a gets b's fix; with a key the model lacks, none.
    const [a, b] = diagnostics;
    const keyOf = (d: Diagnostic) => (d.data as { findingKey?: string } | undefined)?.findingKey;
    assert.equal(keyOf(a), undefined);
    assert.equal(keyOf(b), 'missing-part@0:0-0:18#1');
    const [swapped] = await actionsFor({ ...a, data: { ...(a.data as object), findingKey: keyOf(b) } });
    assert.equal(swapped.title, `插入“${b.message.replace('缺少必备部分：', '')}”部分`);
    assert.deepEqual(await actionsFor({ ...a, data: { findingKey: 'missing-part@9:0-9:1#0' } }), []);
    // Without the key (as a's is sent), a's code and range at rank 0 find a's own fix.
    const [own] = await actionsFor({ ...a, data: undefined });
    assert.equal(own.title, `插入“${a.message.replace('缺少必备部分：', '')}”部分`);
  });

  test('source.fixAll applies every fixable kind at once', async () => {
    version++;
    const diagnostics = await server.change(uri, version, [{ text: TEXT }]);
    const [action] = await actionsFor(diagnostics[0], ['source.fixAll']);
    assert.equal(action.kind, 'source.fixAll.govreport');
    const r = await apply(TEXT, action.edit!);
    assert.deepEqual(
      r.diagnostics.map((x) => x.code).filter((c) => c === 'debris' || c === 'heading-style'),
      [],
    );
  });

  test('renumber command: the server applies a WorkspaceEdit numbering every level; a second run changes nothing', async () => {
    const text = dedent(`
      关于2024年法治政府建设情况的报告
      一、2024年主要举措和成效
      （二）强化领导。
      （二）规范执法。
      三、存在的不足和原因
      普法不足，原因是投入少。
    `);
    version++;
    await server.change(uri, version, [{ text }]);
    const applied = new Promise<WorkspaceEdit>((res) =>
      server.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
        res(p.edit);
        return { applied: true };
      }),
    );
    const result = await server.request<{ applied: boolean }>('workspace/executeCommand', {
      command: 'govreport.renumber',
      arguments: [uri],
    });
    assert.equal(result.applied, true);
    const r = await apply(text, await applied);
    assert.equal(r.text, text.replace('（二）强化', '（一）强化').replace('三、存在', '二、存在'));
    assert.deepEqual(
      r.diagnostics.filter((x) => x.code === 'heading-sequence'),
      [],
    );
    const again = await server.request<{ applied: boolean; edits: number }>('workspace/executeCommand', {
      command: 'govreport.renumber',
      arguments: [uri],
    });
    assert.deepEqual(again, { applied: true, edits: 0 });
  });
});
