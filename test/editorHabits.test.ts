// The editor's habits, through the protocol (issue 24): the status bar's line for the active report
// (govreport/status) and "check every report in the workspace folder" (govreport.checkFolder), which
// publishes diagnostics for the reports that are not open and clears them when one opens.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { REQUESTS, SERVER_COMMANDS } from '../server/src/protocol';
import { useServer } from './support/serverSuite';

const REPORT = [
  '关于2024年法治政府建设情况的报告',
  '一、主要举措和成效',
  '全年组织学法12次,覆盖干部300人。',
  '二、存在的不足和原因',
  '普法形式单一，主要原因是投入不足。',
  '三、2025年工作安排',
  '继续加强普法。',
  '',
].join('\n');

describe('status bar and workspace check through the server', () => {
  const s = useServer();

  test('govreport/status words the active report: profile, 必备部分 3/4, errors and warnings; null for no report', async () => {
    const uri = s.uri('status');
    const diagnostics = await s.server.open(uri, REPORT);
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    const warnings = diagnostics.filter((d) => d.severity === 2).length;
    const status = await s.server.request<{
      text: string;
      tooltip: string;
      present: number;
      total: number;
      errors: number;
      warnings: number;
    }>(REQUESTS.status, { uri });
    assert.deepEqual([status.present, status.total, status.errors, status.warnings], [3, 4, errors, warnings]);
    assert.equal(status.text, `法治政府建设年度报告 · 必备部分 3/4 · ${errors} 个错误 · ${warnings} 个警告`);
    assert.match(status.tooltip, /点击打开“问题”面板/);
    assert.equal(await s.server.request(REQUESTS.status, { uri: 'file:///not-open.govreport' }), null);
    assert.equal(await s.server.request(REQUESTS.status, {}), null);
  });

  test('govreport.checkFolder publishes the findings of every report under the folder that is not open; opening one clears them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-ws-'));
    mkdirSync(join(dir, 'county'));
    writeFileSync(join(dir, 'a.report.txt'), REPORT);
    writeFileSync(join(dir, 'county', 'b.txt'), REPORT);
    writeFileSync(join(dir, 'notes.txt'), '会议记录\n明天上午九点开会。\n');
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, '.hidden', 'c.report.txt'), REPORT);
    const a = pathToFileURL(join(dir, 'a.report.txt')).href;
    const b = pathToFileURL(join(dir, 'county', 'b.txt')).href;
    const published = Promise.all([s.server.nextDiagnostics(a), s.server.nextDiagnostics(b)]);
    const result = await s.server.request<{ reports: number; open: number; errors: number; warnings: number; message: string }>(
      'workspace/executeCommand',
      { command: SERVER_COMMANDS.checkFolder, arguments: [{ uri: pathToFileURL(dir).href }] },
    );
    const [pa, pb] = await published;
    assert.equal(result.reports, 2);
    assert.equal(result.open, 0);
    assert.ok(pa.diagnostics.some((d) => d.code === 'missing-part'));
    assert.deepEqual(
      pb.diagnostics.map((d) => d.code),
      pa.diagnostics.map((d) => d.code),
    );
    assert.equal(result.errors, pa.diagnostics.filter((d) => d.severity === 1).length * 2);
    assert.match(result.message, /^已检查 2 份报告/);
    assert.equal(s.server.published(pathToFileURL(join(dir, 'notes.txt')).href), 0, 'a .txt that is no report is left out');
    assert.equal(s.server.published(pathToFileURL(join(dir, '.hidden', 'c.report.txt')).href), 0);
    // Opened, the document's own diagnostics take over: the folder's are cleared first.
    const cleared = s.server.until(a, (d) => d.length === 0);
    await s.server.open(a, REPORT, 'govreport');
    await cleared;
  });
});

describe('ignore this finding in this workspace (a client that has govreport.ignoreFinding)', () => {
  const s = useServer({ initializationOptions: { clientCommands: ['govreport.ignoreFinding'] } });

  test('a quick fix per finding names the client command with the rule and its line; an ignore entry hides the finding', async () => {
    const uri = s.uri('ignore');
    const diagnostics = await s.server.open(uri, REPORT);
    const d = diagnostics.find((x) => x.code === 'punctuation-width')!;
    const actions = await s.server.request<{ title: string; command?: { command: string; arguments: unknown[] } }[]>(
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      },
    );
    const ignore = actions.find((a) => a.command?.command === 'govreport.ignoreFinding')!;
    assert.equal(ignore.title, '在本工作区忽略此问题（punctuation-width）');
    assert.deepEqual(ignore.command!.arguments, [{ rule: 'punctuation-width', text: '全年组织学法12次,覆盖干部300人。' }]);
    const hidden = s.server.until(
      uri,
      (ds) => !ds.some((x) => x.code === 'punctuation-width') && ds.some((x) => x.code === 'missing-part'),
    );
    await s.server.connection.sendNotification('govreport/workspaceConfig', { config: { ignore: ignore.command!.arguments } });
    await hidden;
  });
});

describe('a client without govreport.ignoreFinding gets no such quick fix', () => {
  const s = useServer();
  test('no ignore action', async () => {
    const uri = s.uri('plain');
    const diagnostics = await s.server.open(uri, REPORT);
    const actions = await s.server.request<{ command?: { command: string } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.ok(!actions.some((a) => a.command?.command === 'govreport.ignoreFinding'));
  });
});
