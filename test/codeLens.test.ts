// Code lenses on the title and the server commands behind them (insert a missing part through
// workspace/applyEdit, reveal a part through window/showDocument), and the new-report skeleton.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ApplyWorkspaceEditParams, CodeLens, ShowDocumentParams, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/core';
import { applyEdits } from './support/edits';
import { startServer, type ServerHandle } from './support/lspClient';
import { dedent, missingCodes } from './support/render';
import { runCli } from './support/cli';

const DRAFT = dedent(`
  关于2023年依法行政工作情况的报告
  一、工作开展情况
  办理复议案件。
  二、下步计划
  加强培训。
`);

/** The lenses on the title (they come first); part headings carry figure counts. */
const onTitle = (lenses: CodeLens[]) => lenses.filter((l) => l.range.start.line === lenses[0]?.range.start.line);

describe('code lens and commands over stdio', () => {
  let server: ServerHandle;
  const applied: ApplyWorkspaceEditParams[] = [];
  const shown: ShowDocumentParams[] = [];
  before(async () => {
    server = await startServer();
    server.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied.push(p);
      return { applied: true };
    });
    server.connection.onRequest('window/showDocument', (p: ShowDocumentParams) => {
      shown.push(p);
      return { success: true };
    });
  });
  after(async () => {
    await server.stop();
  });

  test('the title carries the count of mandatory parts and one lens per missing part', async () => {
    const uri = 'file:///lens1.govreport';
    await server.open(uri, DRAFT);
    const lenses = onTitle(await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }));
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [0, '法治政府建设年度报告 · 必备部分 2/4', 'govreport.revealLine', [{ uri, line: 1 }]],
        [0, '缺少：推进法治政府建设存在的不足和原因', 'govreport.insertPart', [{ uri, part: 'shortcomings' }]],
        [0, '缺少：党政主要负责人履行推进法治建设第一责任人职责情况', 'govreport.insertPart', [{ uri, part: 'first-responsible' }]],
      ],
    );
    assert.ok(server.capabilities.executeCommandProvider?.commands.includes('govreport.insertPart'));
  });

  test('each part heading carries its figure count; a click goes to the first figure', async () => {
    const uri = 'file:///lens5.govreport';
    const text =
      '关于2024年法治政府建设情况的报告\n一、工作开展情况\n全年办理行政复议案件12件，调解成功率达99.39%。\n二、下步计划\n加强培训。\n';
    await server.open(uri, text);
    const lenses = (await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).filter(
      (l) => l.range.start.line > 0,
    );
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [1, '数据 2 项', 'govreport.revealLine', [{ uri, line: 2 }]],
        [3, '没有数据', '', undefined],
      ],
    );
  });

  test('clicking a missing part inserts it through workspace/applyEdit, numbered, for this version', async () => {
    const uri = 'file:///lens2.govreport';
    await server.open(uri, DRAFT, 'govreport', 3);
    const before = applied.length;
    const ok = await server.request<boolean>('workspace/executeCommand', {
      command: 'govreport.insertPart',
      arguments: [{ uri, part: 'first-responsible' }],
    });
    assert.equal(ok, true);
    assert.equal(applied.length, before + 1);
    const change = applied[before].edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 3 });
    const text = applyEdits(DRAFT, change.edits as never);
    assert.equal(
      text,
      dedent(`
      关于2023年依法行政工作情况的报告
      一、工作开展情况
      办理复议案件。
      二、2023年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况
      一是……二是……三是……
      三、下步计划
      加强培训。
    `),
    );
    assert.deepEqual(missingCodes(analyze(text)), ['shortcomings']);
  });

  test('clicking the count reveals the first part through window/showDocument', async () => {
    const uri = 'file:///lens3.govreport';
    await server.open(uri, DRAFT);
    const ok = await server.request<boolean>('workspace/executeCommand', {
      command: 'govreport.revealLine',
      arguments: [{ uri, line: 1 }],
    });
    assert.equal(ok, true);
    assert.deepEqual(shown[shown.length - 1], {
      uri,
      takeFocus: true,
      selection: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
    });
  });

  test('a complete report: one lens, 4/4; English when the client is English', async () => {
    const text = await server.request<string>('workspace/executeCommand', {
      command: 'govreport.skeleton',
      arguments: [{ body: '某县司法局', year: 2024, addressee: '县委、县政府' }],
    });
    const uri = 'file:///lens4.govreport';
    await server.open(uri, text);
    const lenses = onTitle(await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }));
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['法治政府建设年度报告 · 必备部分 4/4'],
    );
    const en = await startServer({ locale: 'en' });
    try {
      await en.open(uri, DRAFT);
      const enLenses = onTitle(await en.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }));
      assert.equal(enLenses[0].command?.title, 'Annual report on building rule-of-law government · mandatory parts 2/4');
      assert.equal(enLenses[1].command?.title, 'Missing: Shortcomings and their causes');
    } finally {
      await en.stop();
    }
  });

  test('new report: the options and the skeleton come from the server, ready to check', async () => {
    const options = await server.request<{ addressees: string[]; year: number }>('workspace/executeCommand', {
      command: 'govreport.skeletonOptions',
      arguments: [],
    });
    assert.ok(options.addressees.includes('县委、县政府'));
    assert.equal(options.year, new Date().getFullYear() - 1);
    const text = await server.request<string>('workspace/executeCommand', {
      command: 'govreport.skeleton',
      arguments: [{ body: '某县司法局', year: '2024', addressee: '县委、县政府' }],
    });
    const m = analyze(text);
    assert.equal(m.year, 2024);
    assert.equal(m.header.addressee?.text, '县委、县政府：');
    assert.match(m.header.lead?.text ?? '', /^2024年，某县司法局/);
    assert.deepEqual(missingCodes(m), []);
    assert.ok(m.outline.some((n) => n.name === '四、2025年推进法治政府建设的主要安排'));
  });
});

test('cli: govreport new prints the same skeleton, with every mandatory part', () => {
  const r = runCli(['new', '--body', '某县司法局', '--year', '2023', '--addressee', '县委、县政府']);
  assert.equal(r.status, 0, r.stderr);
  const m = analyze(r.stdout);
  assert.equal(m.year, 2023);
  assert.equal(m.header.addressee?.text, '县委、县政府：');
  assert.deepEqual(missingCodes(m), []);
  assert.ok(m.outline.some((n) => n.name === '四、2024年推进法治政府建设的主要安排'));
  const bad = runCli(['new', '--year', '24']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /四位数字/);
});
