// One bad file never stops a batch (issue 21): a hostile or unreadable file is that file's message and
// exit 2 while the good reports are still printed, in every command, with and without --jobs; CSV
// output carries no formula; folder scans skip what is not a report and count one report once.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './support/cli';

function cli(args: string[], cwd?: string) {
  const r = runCli(args, { cwd, env: { ...process.env, GOVREPORT_LOCALE: undefined } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-fail-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const REPORT = (body: string) =>
  [
    `关于2024年${body}法治政府建设情况的报告`,
    '一、主要举措和成效',
    `${body}全年组织学法12次，覆盖干部300人，办理行政复议案件15件，行政诉讼应诉案件8件。`,
    '二、党政主要负责人履行推进法治建设第一责任人职责情况',
    '主要负责人带头学法，专题研究法治政府建设工作4次。',
    '三、存在的不足和原因',
    '普法形式单一，主要原因是投入不足，基层法治力量薄弱。',
    '四、2025年工作安排',
    '继续加强普法，提升执法水平，推进依法行政。',
    '',
    `${body}人民政府`,
    '2025年1月20日',
    '',
  ].join('\n');

/** Not a PDF a reader can open: the header says PDF, the rest is noise. */
const HOSTILE_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0xa5)]);
const NOT_A_DOCX = Buffer.from('PK\x03\x04 this is no zip package');

test('one bad file in a folder: check, similar, figures, export and text go on with the others and exit 2, with and without --jobs', () => {
  const dir = tmp({
    'a.report.txt': REPORT('甲镇'),
    'b.report.txt': REPORT('甲镇'),
    'broken.pdf': HOSTILE_PDF,
    'broken2.docx': NOT_A_DOCX,
  });
  const runs: [string, string[], RegExp][] = [
    ['check', ['check', dir], /a\.report\.txt {2}\[/],
    ['check --jobs 2', ['check', dir, '--jobs', '2'], /b\.report\.txt {2}\[/],
    ['check json', ['check', dir, '--format', 'json'], /"file": ".*a\.report\.txt"/],
    ['check --jobs 2 json', ['check', dir, '--jobs', '2', '--format', 'json'], /"file": ".*b\.report\.txt"/],
    ['similar', ['similar', dir], /a\.report\.txt {2}↔ {2}.*b\.report\.txt/],
    ['figures', ['figures', dir], /a\.report\.txt,measures/],
    ['export', ['export', dir, '--out-dir', join(dir, 'out')], /已导出|Exported/],
  ];
  for (const [name, args, good] of runs) {
    const r = cli(args);
    assert.equal(r.code, 2, `${name}: exit ${r.code}\n${r.stderr}`);
    assert.match(r.stdout, good, `${name}: the good reports were not printed`);
    assert.match(r.stderr, /broken2\.docx/, `${name}: the bad file is not named`);
  }
  assert.ok(existsSync(join(dir, 'out', 'a.docx')) && existsSync(join(dir, 'out', 'b.docx')));
  const text = cli(['text', join(dir, 'broken2.docx')]);
  assert.equal(text.code, 2);
  assert.match(text.stderr, /broken2\.docx/);
});

test('similar exits 2 when a file could not be read (as check does), 0 when every file was read', () => {
  const dir = tmp({ 'a.report.txt': REPORT('甲镇'), 'b.report.txt': REPORT('乙镇') });
  assert.equal(cli(['similar', dir]).code, 0);
  writeFileSync(join(dir, 'c.docx'), NOT_A_DOCX);
  const r = cli(['similar', dir, '--format', 'json']);
  assert.equal(r.code, 2, r.stderr);
  assert.ok(Array.isArray(JSON.parse(r.stdout)));
  assert.equal(cli(['similar', dir, join(dir, 'missing.txt')]).code, 2);
});

test('CSV output escapes what a spreadsheet would run as a formula (OWASP): file names starting with = + - @', () => {
  const dir = tmp({
    '=HYPERLINK("x","y").report.txt': REPORT('甲镇'),
    '@SUM(A1).report.txt': REPORT('甲镇'),
    '-2+3.report.txt': REPORT('乙镇'),
  });
  const csv = cli(['similar', '.', '--format', 'csv'], dir);
  assert.equal(csv.code, 0, csv.stderr);
  const rows = csv.stdout.trim().split('\n').slice(1);
  assert.ok(rows.length >= 1);
  for (const row of rows) assert.doesNotMatch(row, /(^|,)[=+\-@]/, row);
  assert.match(csv.stdout, /"'@SUM\(A1\)\.report\.txt"/);
  const figures = cli(['figures', '.', '--format', 'csv'], dir);
  assert.equal(figures.code, 0, figures.stderr);
  for (const row of figures.stdout.trim().split('\n').slice(1)) assert.doesNotMatch(row, /(^|,)[=+\-@]/, row);
  assert.match(figures.stdout, /^"'=HYPERLINK\(""x"",""y""\)\.report\.txt",/m);
});

test('folder scans: a .txt that is not a report (the editor’s detection) is listed as skipped; a named one is checked', () => {
  const dir = tmp({
    'a.txt': REPORT('甲镇'),
    'notes.txt': '会议记录\n明天上午九点开会，请各科室准时参加。\n',
    'readme.report.txt': '说明\n',
  });
  const r = cli(['check', dir, '--summary']);
  assert.match(r.stderr, /跳过 .*notes\.txt：看起来不是年度报告/);
  assert.doesNotMatch(r.stdout, /notes\.txt/);
  assert.match(r.stdout, /a\.txt {2}必备部分 4\/4/);
  assert.match(r.stdout, /readme\.report\.txt {2}必备部分 0\/4/, 'a .report.txt is a report by its name');
  assert.match(r.stdout, /跳过 1 个不像报告的 \.txt/);
  const json = JSON.parse(cli(['check', dir, '--summary', '--format', 'json']).stdout) as { total: { skipped?: number } };
  assert.equal(json.total.skipped, 1);
  const named = cli(['check', join(dir, 'notes.txt')]);
  assert.equal(named.code, 1);
  assert.match(named.stdout, /missing-part/);
});

test('similar: a report and its own export (r.txt + r.docx) are one report, not a 100% pair', () => {
  const dir = tmp({ 'r.txt': REPORT('甲镇'), 'other.report.txt': REPORT('乙镇') });
  const exported = cli(['export', join(dir, 'r.txt')]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.ok(existsSync(join(dir, 'r.docx')));
  const r = cli(['similar', dir, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const pairs = JSON.parse(r.stdout) as { a: string; b: string }[];
  assert.ok(!pairs.some((p) => /r\.(txt|docx)$/.test(p.a) && /r\.(txt|docx)$/.test(p.b)), JSON.stringify(pairs));
  assert.match(r.stderr, /跳过 .*r\.docx：与 .*r\.txt 是同一份报告/);
});
