// `govreport export` as users run it: a child process writing .docx files, its messages and exit code.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { readDocx } from './support/docxReader';
import { needsSeeds, SEEDS_DIR } from './support/seeds';
import { runCli } from './support/cli';

const ROOT = resolve(__dirname, '..', '..');
const FULL = join(ROOT, 'test', 'fixtures', 'export', 'full.report.txt');

function cli(...args: string[]) {
  const r = runCli(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('cli export: -o writes one file; next to the report by default; the message names what is missing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-export-'));
  const out = join(dir, 'out.docx');
  const r = cli('export', FULL, '-o', out);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), `已导出 ${out}；还有 1 个警告`);
  const docx = await readDocx(readFileSync(out));
  assert.equal(docx.sectPr.pgSz['w:w'], '11906');

  // A draft without two mandatory parts still exports, and says so (English on request).
  writeFileSync(
    join(dir, 'draft.report.txt'),
    '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n全年组织学法12次。\n二、2025年工作安排\n继续加强普法。\n',
  );
  const d = cli('export', join(dir, 'draft.report.txt'), '--locale', 'en');
  assert.equal(d.code, 0, d.stderr);
  assert.ok(existsSync(join(dir, 'draft.docx')));
  assert.match(
    d.stdout,
    /^Exported .*draft\.docx; missing mandatory parts: .+; missing: addressee, signature \(issuing body\), date; 2 errors remain$/m,
  );
});

test(
  'cli export: --out-dir for folders; a second run does not take the .docx it wrote for a report; bad usage exits 2',
  { skip: needsSeeds },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-export-'));
    const r = cli('export', SEEDS_DIR, '--out-dir', join(dir, 'out'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.docx')).length, 5);
    assert.match(
      r.stdout,
      /001_.*缺少必备部分：党政主要负责人履行推进法治建设第一责任人职责情况；缺少主送机关、落款、成文日期；还有 1 个错误、9 个警告/,
    );
    // Issue 25: a report with only warnings says how many, not a plain 已导出.
    assert.match(r.stdout, /002_.*；缺少主送机关、落款、成文日期；还有 \d+ 个警告$/m);

    const own = mkdtempSync(join(tmpdir(), 'govreport-export-'));
    copyFileSync(FULL, join(own, 'a.report.txt'));
    assert.equal(cli('export', own).code, 0);
    const again = cli('export', own);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(
      again.stdout
        .trim()
        .split('\n')
        .filter((l) => l.includes('a.docx')).length,
      1,
      again.stdout,
    );

    assert.equal(cli('export', SEEDS_DIR, '-o', join(dir, 'x.docx')).code, 2, 'one -o for five files');
    assert.equal(cli('export').code, 2);
  },
);

test('cli export: a file it did not write is never replaced without --force; a missing -o folder is one line and exit 2 (issue 21)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-export-'));
  copyFileSync(FULL, join(dir, 'report.txt'));
  // A clerk's own report.docx beside report.txt.
  writeFileSync(join(dir, 'report.docx'), 'my own document');
  const r = cli('export', join(dir, 'report.txt'));
  assert.equal(r.code, 2, r.stdout);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /report\.docx：文件已存在且不是本工具导出的，未覆盖；要覆盖请加 --force/);
  assert.equal(readFileSync(join(dir, 'report.docx'), 'utf8'), 'my own document');
  // --force replaces it; then a later export replaces its own file without asking.
  assert.equal(cli('export', join(dir, 'report.txt'), '--force').code, 0);
  assert.equal((await readDocx(readFileSync(join(dir, 'report.docx')))).sectPr.pgSz['w:w'], '11906');
  const again = cli('export', join(dir, 'report.txt'));
  assert.equal(again.code, 0, again.stderr);
  // -o into a folder that is not there: one line, no stack trace, exit 2.
  const missing = cli('export', join(dir, 'report.txt'), '-o', join(dir, 'no', 'such', 'out.docx'));
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
  assert.match(missing.stderr, /目录不存在 \(no such folder\)/);
  assert.doesNotMatch(missing.stderr, /at .*\.js:\d+/);
});
