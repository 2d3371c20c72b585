// The server side of issue 14 through the stdio protocol: govreport.exportDocx returns the .docx (base64)
// with what is missing, and govreport/preview lays the open text out on pages, following edits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import mammoth from 'mammoth';
import type { Page } from '../server/src/export';
import type { PreviewResult } from '../server/src/protocol';
import { readDocx } from './support/docxReader';
import { startServer, type ServerHandle } from './support/lspClient';

const ROOT = resolve(__dirname, '..', '..');
const FULL = readFileSync(join(ROOT, 'test', 'fixtures', 'export', 'full.report.txt'), 'utf8');

interface Exported {
  base64: string;
  fileName: string;
  missingParts: { id: string; name: string }[];
  errors: number;
  warnings: number;
  missing: string[];
  replaced: { count: number; lines: number[] };
  problems: string[];
  message: string;
}

describe('server: export and preview over stdio', () => {
  let server: ServerHandle;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  test('govreport.exportDocx is advertised and returns the report as a GB/T 9704 .docx', async () => {
    assert.ok(server.capabilities.executeCommandProvider?.commands.includes('govreport.exportDocx'));
    const uri = 'file:///reports/full.report.txt';
    await server.open(uri, FULL);
    const r = await server.request<Exported>('workspace/executeCommand', { command: 'govreport.exportDocx', arguments: [{ uri }] });
    assert.equal(r.fileName, 'full.docx');
    assert.deepEqual([r.missingParts, r.errors, r.warnings, r.missing], [[], 0, 1, []]);
    assert.equal(r.message, '已导出 full.docx；还有 1 个警告');
    assert.deepEqual(r.problems, ['还有 1 个警告']);
    const bytes = Buffer.from(r.base64, 'base64');
    const docx = await readDocx(bytes);
    assert.equal(docx.sectPr.pgMar['w:top'], '2098');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    assert.match(text, /二、党政主要负责人履行推进法治建设第一责任人职责情况/);
    assert.doesNotMatch(text, /bookmark/);
  });

  test('a draft with findings still exports; the answer names the missing parts and counts the errors', async () => {
    const uri = 'untitled:Untitled-1';
    await server.open(uri, '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n全年组织学法12次。\n');
    const r = await server.request<Exported>('workspace/executeCommand', { command: 'govreport.exportDocx', arguments: [uri] });
    assert.equal(r.fileName, '关于2024年法治政府建设情况的报告.docx');
    assert.deepEqual(r.missingParts.map((p) => p.id).sort(), ['first-responsible', 'next-year', 'shortcomings']);
    assert.equal(r.errors, 3);
    assert.match(r.message, /^已导出 .*；缺少必备部分：.+；缺少主送机关、落款、成文日期；还有 3 个错误$/);
    assert.deepEqual(r.missing, ['addressee', 'signature', 'date']);
    assert.ok(Buffer.from(r.base64, 'base64').subarray(0, 2).equals(Buffer.from('PK')));
  });

  test('characters XML forbids (a C0 control, U+FFFE, U+FFFF) give a well-formed .docx, and the answer says what was replaced (issue 21)', async () => {
    const uri = 'file:///reports/control.report.txt';
    await server.open(uri, FULL.replace('全年办理', '全年\u0001办理\ufffe').replace('主要负责人', '主要\uffff负责人'));
    const r = await server.request<Exported>('workspace/executeCommand', { command: 'govreport.exportDocx', arguments: [{ uri }] });
    assert.deepEqual(r.replaced, { count: 3, lines: [11, 16] });
    assert.match(r.message, /3 个 Word 文档不能容纳的控制字符已替换为 �（第 12、17 行）/);
    const bytes = Buffer.from(r.base64, 'base64');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    assert.match(text, /全年�办理�行政执法案件/);
    assert.match(text, /主要�负责人/);
  });

  test('an unknown document gets null, not an error', async () => {
    assert.equal(
      await server.request('workspace/executeCommand', { command: 'govreport.exportDocx', arguments: [{ uri: 'file:///nope.txt' }] }),
      null,
    );
    assert.equal(await server.request('workspace/executeCommand', { command: 'govreport.exportDocx', arguments: [] }), null);
  });

  test('govreport/preview: pages of 22 lines × 28 characters, the title centred, findings marked, following edits', async () => {
    const uri = 'file:///reports/preview.report.txt';
    await server.open(uri, FULL);
    const p = await server.request<{ version: number; pages: Page[] }>('govreport/preview', { uri });
    assert.equal(p.version, 1);
    const first = p.pages[0].lines;
    assert.deepEqual(
      first.slice(0, 3).map((l) => [l.kind, l.align, l.runs.map((r) => r.text).join('')]),
      [
        ['title', 'center', '某县司法局'],
        ['title', 'center', '关于2024年度法治政府建设工作情况的报告'],
        ['blank', 'left', ''],
      ],
    );
    const debris = first.find((l) => l.source === 10)!;
    assert.equal(debris.severity, 'warning', 'the bookmark line carries its finding');
    assert.ok(!JSON.stringify(p.pages).includes('bookmark'));
    // A longer text runs over pages; every page holds at most 22 lines.
    const long = FULL.replace('全年办理行政执法案件', '全年办理行政执法案件'.repeat(60));
    await server.change(uri, 2, [{ text: long }]);
    const q = await server.request<{ version: number; pages: Page[] }>('govreport/preview', { uri });
    assert.equal(q.version, 2);
    assert.ok(q.pages.length >= 2);
    for (const page of q.pages) assert.ok(page.lines.reduce((n, l) => n + l.height, 0) <= 22);
    assert.equal(q.pages[1].number, 2);
    // The sheet comes with the pages (the webview decides nothing): A4, the 22 × 28 grid, fonts per role, — N —.
    const r = await server.request<PreviewResult>('govreport/preview', { uri });
    assert.deepEqual([r.sheet.widthMm, r.sheet.heightMm, r.sheet.typeArea.widthMm, r.sheet.typeArea.heightMm], [210, 297, 156, 225]);
    assert.ok(Math.abs(r.sheet.linePitchPt * 22 - (225 / 25.4) * 72) < 0.01, 'line pitch: 22 lines fill the type area');
    assert.ok(r.sheet.fontFamily.body.startsWith('"仿宋_GB2312"') && r.sheet.fontFamily.heading1.startsWith('"黑体"'));
    assert.deepEqual(
      r.pages.slice(0, 2).map((p) => p.numberText),
      ['— 1 —', '— 2 —'],
    );
  });
});
