// The real server over stdio, driven by a real JSON-RPC client: what an editor sees.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol, FoldingRange, SelectionRange } from 'vscode-languageserver-protocol';
import { startServer, type ServerHandle } from './support/lspClient';
import { dedent } from './support/render';
import { needsSeeds, seed } from './support/seeds';

const REPORT = dedent(`
  关于2024年法治政府建设情况的报告
  一、2024年主要举措和成效
  （一）强化领导。一是健全机制，落实责任。二是加强考核。
  （二）规范执法
  内容。
  二、存在的不足和原因
  内容。
  三、2025年工作安排
  内容。
`);

function names(symbols: DocumentSymbol[]): unknown[] {
  return symbols.map((s) => (s.children?.length ? [s.name, names(s.children)] : s.name));
}

describe('language server over stdio', () => {
  let server: ServerHandle;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  test('publishes missing-part with source, code, data and range on the title line', async () => {
    const diagnostics = (await server.open('file:///r1.govreport', REPORT)).filter((d) => d.code === 'missing-part');
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d.code, 'missing-part');
    assert.equal(d.source, 'govreport');
    assert.equal(d.severity, 1);
    // The finding's data; no key: the first finding at its code and range is found by them (lsp/convert.ts).
    assert.deepEqual(d.data, { part: 'first-responsible' });
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } });
    assert.equal(d.message, '缺少必备部分：党政主要负责人履行推进法治建设第一责任人职责情况');
  });

  test('document symbols: the heading tree as written, with part details', async () => {
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: 'file:///r1.govreport' },
    });
    assert.deepEqual(names(symbols), [
      ['一、2024年主要举措和成效', [['（一）强化领导', ['一是健全机制', '二是加强考核']], '（二）规范执法']],
      '二、存在的不足和原因',
      '三、2025年工作安排',
    ]);
    assert.equal(symbols[0].detail, '必备部分：推进法治政府建设的主要举措和成效');
    assert.equal(symbols[0].children![0].detail, undefined);
    assert.deepEqual(symbols[0].range, { start: { line: 1, character: 0 }, end: { line: 4, character: 3 } });
  });

  test('folding ranges follow the sections', async () => {
    const folds = await server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: 'file:///r1.govreport' } });
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine]),
      [
        [1, 4],
        [3, 4],
        [5, 6],
        [7, 8],
      ],
    );
  });

  test('selection ranges grow from the line to the section to the document', async () => {
    const [sel] = await server.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri: 'file:///r1.govreport' },
      positions: [{ line: 4, character: 1 }],
    });
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = sel; s; s = s.parent)
      chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    assert.deepEqual(chain, ['4:0-4:3', '3:0-4:3', '1:0-4:3', '0:0-9:0']);
  });

  test('incremental edits: adding the missing part clears the diagnostic for that version', async () => {
    const diagnostics = await server.change('file:///r1.govreport', 2, [
      {
        range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } },
        text: '四、党政主要负责人履行推进法治建设第一责任人职责情况\n',
      },
    ]);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'missing-part'),
      [],
    );
    // Renumber 三 → 五 by a one-character edit and check the outline picked it up.
    await server.change('file:///r1.govreport', 3, [
      { range: { start: { line: 8, character: 0 }, end: { line: 8, character: 1 } }, text: '五' },
    ]);
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: 'file:///r1.govreport' },
    });
    assert.deepEqual(symbols.map((s) => s.name).slice(2), ['四、党政主要负责人履行推进法治建设第一责任人职责情况', '五、2025年工作安排']);
  });

  test('CRLF and a BOM give the same positions as LF (BOM counts one unit on line 0)', async () => {
    const crlf = await server.open('file:///crlf.govreport', REPORT.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } });
    const bom = await server.open('file:///bom.govreport', '\ufeff' + REPORT);
    assert.deepEqual(bom[0].range, { start: { line: 0, character: 1 }, end: { line: 0, character: 19 } });
  });

  test('a plain-text draft that looks like a report is announced; other plain text is not', async () => {
    const announced = new Promise<string>((res) =>
      server.connection.onNotification('govreport/looksLikeReport', (p: { uri: string }) => res(p.uri)),
    );
    await server.open('file:///notes.txt', '购物清单：苹果、梨。', 'plaintext');
    await server.open('file:///draft.txt', REPORT, 'plaintext');
    assert.equal(await announced, 'file:///draft.txt');
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///draft.txt' } });
    assert.deepEqual(symbols, [], 'plain text gets no report features until its language changes');
  });

  test('seed 001 through the server: exactly first-responsible', { skip: needsSeeds }, async () => {
    const diagnostics = (await server.open('file:///seed001.govreport', seed(1))).filter((d) => d.code === 'missing-part');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, (d.data as { part: string }).part]),
      [['missing-part', 'first-responsible']],
    );
  });
});

describe('language server in English', () => {
  test('messages and details follow the client locale', async () => {
    const server = await startServer({ locale: 'en' });
    try {
      const [d] = await server.open('file:///en.govreport', REPORT);
      assert.equal(d.message, "Missing mandatory part: Leaders' duty as first responsible person");
      const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', {
        textDocument: { uri: 'file:///en.govreport' },
      });
      assert.equal(symbols[1].detail, 'Mandatory part: Shortcomings and their causes');
    } finally {
      await server.stop();
    }
  });
});
