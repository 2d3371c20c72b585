// Batch checking as users run it: globs, .govreportignore, --jobs, SARIF, --summary, GBK files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { progressBar } from '../server/src/cli/progress';
import { runCli } from './support/cli';

function cli(args: string[], cwd?: string) {
  const r = runCli(args, { cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-batch-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const COMPLETE =
  '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n全年办理案件128件。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n三、存在的不足和原因\n四、2025年工作安排\n';
const PARTIAL = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n二、存在的问题\n';

/** The files `--summary` lists, relative to `dir`, in order. */
function listed(stdout: string, dir: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(dir))
    .map((l) => l.slice(dir.length + 1).split('  ')[0]);
}

test('batch: a glob pattern matches below its fixed prefix; folders are searched recursively', () => {
  const dir = tmp({
    'a.report.txt': COMPLETE,
    'sub/b.txt': COMPLETE,
    'sub/c.govreport': COMPLETE,
    'sub/deep/d.txt': COMPLETE,
    'notes.md': 'x',
  });
  assert.deepEqual(listed(cli(['check', `${dir}/sub/*.txt`, '--summary']).stdout, dir), ['sub/b.txt']);
  assert.deepEqual(listed(cli(['check', `${dir}/**/*.txt`, '--summary']).stdout, dir), ['a.report.txt', 'sub/b.txt', 'sub/deep/d.txt']);
  assert.deepEqual(listed(cli(['check', dir, '--summary']).stdout, dir), [
    'a.report.txt',
    'sub/b.txt',
    'sub/c.govreport',
    'sub/deep/d.txt',
  ]);
});

test('batch: .govreportignore (gitignore syntax) in the folder, in subfolders and in the working directory', () => {
  const dir = tmp({
    '.govreportignore': 'drafts/\n*.old.txt\n',
    'a.txt': COMPLETE,
    'a.old.txt': COMPLETE,
    'drafts/x.txt': COMPLETE,
    'sub/.govreportignore': 'skip.txt\n',
    'sub/skip.txt': COMPLETE,
    'sub/keep.txt': COMPLETE,
  });
  assert.deepEqual(listed(cli(['check', dir, '--summary']).stdout, dir), ['a.txt', 'sub/keep.txt']);
  // From the folder itself (its ignore file is then the working directory's).
  const here = cli(['check', '.', '--summary'], dir)
    .stdout.split('\n')
    .filter((l) => l.includes('.txt'))
    .map((l) => l.split('  ')[0]);
  assert.deepEqual(here, ['a.txt', 'sub/keep.txt']);
  // A file named explicitly is checked even when an ignore file lists it.
  assert.deepEqual(listed(cli(['check', join(dir, 'a.old.txt'), '--summary']).stdout, dir), ['a.old.txt']);
});

test('batch: --jobs 2 gives the same output, in the same order, as one thread', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`r${String(i).padStart(2, '0')}.txt`] = i % 3 ? COMPLETE : PARTIAL;
  const dir = tmp(files);
  const one = cli(['check', dir, '--format', 'json', '--jobs', '1']);
  const two = cli(['check', dir, '--format', 'json', '--jobs', '2']);
  assert.equal(one.code, 1);
  assert.equal(two.code, 1);
  assert.deepEqual(JSON.parse(two.stdout), JSON.parse(one.stdout));
  assert.equal(JSON.parse(two.stdout).length, 40);
  const bad = cli(['check', dir, '--jobs', '0']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--jobs/);
});

test('batch: SARIF 2.1.0 — tool, rules, results with level, message and 1-based regions', () => {
  const dir = tmp({ 'ok.txt': COMPLETE, 'p.txt': PARTIAL });
  const r = cli(['check', '.', '--format', 'sarif'], dir);
  assert.equal(r.code, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  assert.equal(sarif.runs.length, 1);
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'govreport');
  // Other rules may report too: the rule list is exactly the codes found, sorted.
  const codes = [...new Set(run.results.map((x: { ruleId: string }) => x.ruleId))].sort();
  assert.deepEqual(
    run.tool.driver.rules.map((x: { id: string }) => x.id),
    codes,
  );
  assert.deepEqual(
    run.artifacts.map((a: { location: { uri: string } }) => a.location.uri),
    ['ok.txt', 'p.txt'],
  );
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const missing = run.results.filter((x: { ruleId: string }) => x.ruleId === 'missing-part');
  assert.equal(missing.length, 2);
  const [first] = missing;
  assert.equal(run.tool.driver.rules[first.ruleIndex].id, 'missing-part');
  // Rule metadata comes from the rule itself: its description in the report's language, its default level.
  assert.deepEqual(run.tool.driver.rules[first.ruleIndex].shortDescription, { text: '缺少报告类型要求的必备部分' });
  assert.equal(run.tool.driver.rules[first.ruleIndex].defaultConfiguration.level, 'error');
  assert.match(run.tool.driver.rules[first.ruleIndex].fullDescription.text, /mandatory part of the profile/);
  assert.equal(first.level, 'error');
  assert.match(first.message.text, /^缺少必备部分：/);
  assert.deepEqual(first.properties, { part: 'first-responsible' });
  const loc = first.locations[0].physicalLocation;
  assert.deepEqual(loc.artifactLocation, { uri: 'p.txt', uriBaseId: '%SRCROOT%', index: 1 });
  // The title is 18 characters; SARIF's endColumn is the column after the region.
  assert.deepEqual(loc.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 19 });
  for (const x of run.results) assert.ok(['error', 'warning', 'note'].includes(x.level));
  assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
});

test('batch: a GBK/GB18030 file (as Word exports it) is decoded and checked; undecodable bytes are reported', () => {
  const dir = tmp({ 'gbk.txt': iconv.encode(COMPLETE, 'gbk'), 'bad.txt': Buffer.from([0xb9, 0xd8, 0x00, 0xff, 0xfe, 0x0a]) });
  const json = cli(['check', join(dir, 'gbk.txt'), '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const [file] = JSON.parse(json.stdout);
  assert.equal(file.title, '关于2024年法治政府建设情况的报告');
  assert.equal(file.outline.length, 4);
  assert.match(cli(['check', join(dir, 'gbk.txt')]).stdout, /按 GB18030 解码/);
  // UTF-16 with a BOM (Notepad's "Unicode"), both byte orders.
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(COMPLETE, 'utf-16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(COMPLETE, 'utf-16be')]);
  const utf16 = tmp({ 'le.txt': le, 'be.txt': be });
  const both16 = cli(['check', utf16, '--summary', '--format', 'json']);
  assert.equal(both16.code, 0, both16.stderr);
  assert.deepEqual(
    JSON.parse(both16.stdout).files.map((f: { encoding: string; partsMissing: string[] }) => [f.encoding, f.partsMissing]),
    [
      ['utf-16be', []],
      ['utf-16le', []],
    ],
  );
  const both = cli(['check', dir, '--summary']);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /bad\.txt 不是 UTF-8 编码的文本，也无法按 GB18030\/GBK、Big5 等编码解码/);
  assert.match(both.stdout, /共 1 个文件（另有 1 个无法读取）/);
});

test('batch: text output ends each file with a summary and the run with a total; --summary --format json', () => {
  const dir = tmp({ 'ok.txt': COMPLETE, 'p.txt': PARTIAL });
  // Expected counts come from the JSON output, so other rules' findings do not matter here.
  const files = JSON.parse(cli(['check', dir, '--format', 'json']).stdout) as { diagnostics: { severity: string }[] }[];
  const count = (i: number, sev: string) => files[i].diagnostics.filter((d) => d.severity === sev).length;
  const counts = (i: number) =>
    `errors ${count(i, 'error')}, warnings ${count(i, 'warning')}, info ${count(i, 'information')}, hints ${count(i, 'hint')}`;
  const text = cli(['check', dir, '--locale', 'en']);
  assert.ok(text.stdout.includes(`Summary: mandatory parts 4/4 · findings: ${counts(0)}`), text.stdout);
  assert.ok(
    text.stdout.includes(
      `Summary: mandatory parts 2/4 (missing Leaders' duty as first responsible person, Next year's main plans) · findings: ${counts(1)}`,
    ),
  );
  const sum = (sev: string) => count(0, sev) + count(1, sev);
  assert.ok(
    text.stdout.endsWith(
      `2 files: 1 with errors, 1 missing a mandatory part · findings: errors ${sum('error')}, warnings ${sum('warning')}, info ${sum('information')}, hints ${sum('hint')} · figures: 1\n`,
    ),
    text.stdout,
  );
  const json = JSON.parse(cli(['check', dir, '--summary', '--format', 'json']).stdout);
  assert.deepEqual(json.files[1].partsMissing, ['first-responsible', 'next-year']);
  assert.deepEqual(json.total, {
    files: 2,
    unreadable: 0,
    filesWithErrors: 1,
    filesMissingParts: 1,
    findings: { error: sum('error'), warning: sum('warning'), information: sum('information'), hint: sum('hint') },
    figures: json.total.figures,
  });
});

test('batch: the progress bar redraws only when the figure changes and clears itself', () => {
  const out: string[] = [];
  const bar = progressBar(200, (s) => out.push(s));
  bar.update(1);
  bar.update(1);
  bar.update(2);
  bar.update(200);
  bar.clear();
  assert.deepEqual(out, [`\r[${'.'.repeat(30)}] 1/200`, `\r[${'.'.repeat(30)}] 2/200`, `\r[${'#'.repeat(30)}] 200/200`, '\r\x1b[K']);
});
