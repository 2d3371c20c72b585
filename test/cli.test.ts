// The CLI as users run it: its output and its exit code. The built dist/cli.js runs in this process
// (test/support/cli.ts); the first test spawns it as a child process, as test/exitCodes.test.ts does throughout.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, runCli } from './support/cli';
import { needsSeeds, SEEDS_DIR } from './support/seeds';

function cli(...args: string[]) {
  return cliIn(undefined, ...args);
}

/** The CLI run from `cwd` (a found .govreport.json is read only inside the current directory tree). */
function cliIn(cwd: string | undefined, ...args: string[]) {
  const r = runCli(args, { cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const COMPLETE = [
  '关于2024年法治政府建设情况的报告',
  '一、主要举措和成效',
  '全年组织学法12次。',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '主要负责人带头学法。',
  '三、存在的不足和原因',
  '普法形式单一，主要原因是投入不足。',
  '四、2025年工作安排',
  '继续加强普法。',
  '',
  '某镇人民政府',
  '2025年1月20日',
  '',
].join('\n');

test('cli: a complete report exits 0 and prints its outline', () => {
  const dir = tmp({ 'a.report.txt': COMPLETE });
  const r = spawnSync(process.execPath, [CLI, 'check', join(dir, 'a.report.txt'), '--outline'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /   2  一、主要举措和成效  — 必备部分：推进法治政府建设的主要举措和成效/);
  assert.match(r.stdout, /未发现问题/);
});

test('cli: json shape — file, profile, title, year, outline, diagnostics, parts; exit 1 on an error finding', () => {
  const dir = tmp({ 'b.report.txt': '\ufeff关于2023年法治政府建设情况的报告\r\n一、主要举措和成效\r\n（一）学法\r\n' });
  const r = cli('check', dir, '--format', 'json');
  assert.equal(r.code, 1);
  const [file] = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(file), ['file', 'profile', 'title', 'year', 'outline', 'diagnostics', 'parts']);
  assert.equal(file.profile, 'fzzf-annual');
  assert.equal(file.title, '关于2023年法治政府建设情况的报告');
  assert.equal(file.year, 2023);
  assert.equal(file.outline[0].name, '一、主要举措和成效');
  assert.equal(file.outline[0].level, 1);
  assert.equal(file.outline[0].children[0].level, 2);
  assert.deepEqual(file.outline[0].range, { start: { line: 1, character: 0 }, end: { line: 2, character: 5 } });
  const missing = file.diagnostics.filter((d: { code: string }) => d.code === 'missing-part');
  assert.deepEqual(
    missing.map((d: { data: { part: string } }) => d.data.part),
    ['shortcomings', 'first-responsible', 'next-year'],
  );
  // The BOM was stripped by the CLI, so the title starts at character 0.
  assert.deepEqual(file.diagnostics[0].range.start, { line: 0, character: 0 });
  assert.deepEqual(file.parts[0], {
    id: 'measures',
    name: '推进法治政府建设的主要举措和成效',
    mandatory: true,
    present: true,
    line: 1,
    inferred: false,
    mentionedAt: null,
  });
});

test('cli: bad usage and unreadable input exit 2 with a clear message', () => {
  assert.equal(cli().code, 2);
  const unknown = cli('check', '--format', 'xml', 'x.txt');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /未知格式/);
  const missing = cli('check', '/no/such/file.txt');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /找不到文件/);
  const dir = tmp({ 'gbk.txt': Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0xff, 0xfe, 0x0a]) });
  const binary = cli('check', join(dir, 'gbk.txt'));
  assert.equal(binary.code, 2);
  assert.match(binary.stderr, /不是 UTF-8/);
});

test('cli: the seeds folder — 001 and 004 have missing parts, so exit 1', { skip: needsSeeds }, () => {
  const r = cli('check', SEEDS_DIR, '--format', 'json');
  assert.equal(r.code, 1);
  const files = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string; data: { part: string } }[] }[];
  const missing = files.map((f) => f.diagnostics.filter((d) => d.code === 'missing-part').map((d) => d.data.part));
  assert.deepEqual(missing, [[], ['first-responsible'], [], [], ['shortcomings', 'first-responsible']]);
});

test('cli: --profile chooses the profile; an unknown one is bad usage', () => {
  const dir = tmp({ 'a.report.txt': COMPLETE });
  const r = cli('check', join(dir, 'a.report.txt'), '--profile', 'xxgk-annual', '--format', 'json');
  const [file] = JSON.parse(r.stdout);
  assert.equal(file.profile, 'xxgk-annual');
  assert.equal(r.code, 1, 'the six xxgk parts are missing');
  const bad = cli('check', join(dir, 'a.report.txt'), '--profile', 'nope');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /未知配置/);
});

test('cli: a .govreport.json above the checked folder sets severities and profile; an invalid one is reported', () => {
  const dir = tmp({ '.govreport.json': JSON.stringify({ rules: { debris: 'off', 'missing-part': 'hint' } }) });
  const sub = join(dir, 'drafts');
  mkdirSync(sub);
  writeFileSync(
    join(sub, 'b.report.txt'),
    '[bookmark: _GoBack]\n' + COMPLETE.replace('三、存在的不足和原因\n普法形式单一，主要原因是投入不足。\n', ''),
  );
  const r = cliIn(dir, 'check', sub, '--format', 'json');
  assert.equal(r.code, 0, 'missing-part is only a hint now');
  const [file] = JSON.parse(r.stdout);
  assert.deepEqual(
    file.diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`),
    ['missing-part:hint', 'heading-sequence:warning'],
  );
  writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ rules: { debris: 'loud' } }));
  const bad = cliIn(dir, 'check', sub);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /配置无效.*\/rules\/debris/);
});

test('cli: .govreport.json is trusted only inside the current directory tree; --config names one, --no-config reads none', () => {
  const dir = tmp({ '.govreport.json': JSON.stringify({ rules: { 'missing-part': 'hint' } }) });
  const sub = join(dir, 'drafts');
  mkdirSync(sub);
  writeFileSync(join(sub, 'b.report.txt'), COMPLETE.replace('三、存在的不足和原因\n普法形式单一，主要原因是投入不足。\n', ''));
  const severity = (r: { stdout: string }) =>
    JSON.parse(r.stdout)[0].diagnostics.find((d: { code: string }) => d.code === 'missing-part')?.severity;
  // Run from the folder above: the file is in the current directory tree and applies; text output names it.
  assert.equal(severity(cliIn(dir, 'check', sub, '--format', 'json')), 'hint');
  const text = cliIn(dir, 'check', sub);
  assert.match(text.stderr, new RegExp(`配置 \\(configuration\\): .*\\.govreport\\.json`));
  // Run from the report's own folder (below the file): the file is outside the tree, so it is not read.
  assert.equal(severity(cliIn(sub, 'check', '.', '--format', 'json')), 'error');
  // Run from elsewhere: not read either, unless --config names it.
  const elsewhere = tmp({});
  assert.equal(severity(cliIn(elsewhere, 'check', sub, '--format', 'json')), 'error');
  assert.equal(severity(cliIn(elsewhere, 'check', sub, '--format', 'json', '--config', join(dir, '.govreport.json'))), 'hint');
  // --no-config: nothing read, even from inside the tree.
  assert.equal(severity(cliIn(dir, 'check', sub, '--format', 'json', '--no-config')), 'error');
  assert.match(cli('--help').stdout + cli('--help').stderr, /--no-config/);
});

test('cli: a missing path is reported and the rest of the batch is still checked (exit 2)', () => {
  const dir = tmp({ 'a.report.txt': COMPLETE });
  const r = cli('check', '/no/such/folder', join(dir, 'a.report.txt'), '--format', 'json');
  assert.equal(r.code, 2, 'something was not checked');
  assert.match(r.stderr, /找不到文件或文件夹：\/no\/such\/folder/);
  assert.deepEqual(
    JSON.parse(r.stdout).map((f: { file: string }) => f.file),
    [join(dir, 'a.report.txt')],
  );
  const sarif = JSON.parse(cli('check', '/no/such/folder', join(dir, 'a.report.txt'), '--format', 'sarif').stdout);
  assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
});
