// Files as the CLI meets them in the wild (issue 12): code pages other than GBK, a 600 MB file,
// file names holding terminal commands. Through the built CLI (run in this process, test/support/cli.ts;
// as another user, a child process).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeReport } from '../server/src/files/reportFile';
import { CLI, runCli } from './support/cli';
import { needsSeeds, seed } from './support/seeds';

const cli = (args: string[]) => {
  const r = runCli(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = () => mkdtempSync(join(tmpdir(), 'govreport-hostile-'));

// A report of Taipei (traditional characters, Big5) and a Japanese one (Shift-JIS, EUC-JP).
const BIG5_TEXT =
  '臺北市政府一一三年度法治政府建設報告\n一、推動依法行政，健全行政決策程序\n本年度共審查法規草案十二件，辦理訴願案件三百二十件，其中撤銷原處分四十五件。\n二、加強行政執法監督\n全年辦理行政執法案件一千二百件。\n';
const SJIS_TEXT =
  '令和五年度 法務行政の取組状況について\n一、行政手続の適正化を推進し、条例案十二件を審査した。\n二、行政不服審査の件数は三百二十件であり、そのうち取消しは四十五件であった。\n';
const KR_TEXT = '2023년도 법치정부 건설 보고서\n행정심판 사건 320건을 처리하였다. 그중 45건은 취소되었다.\n';

test('Big5, Shift-JIS, EUC-JP and EUC-KR files are decoded in their own code page and the CLI says which', () => {
  const d = dir();
  writeFileSync(join(d, 'big5.txt'), iconv.encode(BIG5_TEXT, 'big5'));
  writeFileSync(join(d, 'sjis.txt'), iconv.encode(SJIS_TEXT, 'shift_jis'));
  writeFileSync(join(d, 'eucjp.txt'), iconv.encode(SJIS_TEXT, 'euc-jp'));
  writeFileSync(join(d, 'euckr.txt'), iconv.encode(KR_TEXT, 'euc-kr'));
  // Named, not searched for: none of them names a kind the detection knows (its title words are simplified Chinese).
  const r = cli(['check', ...['big5', 'eucjp', 'euckr', 'sjis'].map((n) => join(d, `${n}.txt`)), '--summary', '--format', 'json']);
  const files = JSON.parse(r.stdout).files as { file: string; encoding: string }[];
  assert.deepEqual(
    files.map((f) => [f.file.slice(d.length + 1), f.encoding]),
    [
      ['big5.txt', 'big5'],
      ['eucjp.txt', 'euc-jp'],
      ['euckr.txt', 'euc-kr'],
      ['sjis.txt', 'shift_jis'],
    ],
  );
  // The text is the original, not GB18030 mojibake.
  assert.equal(cli(['text', join(d, 'big5.txt')]).stdout, BIG5_TEXT + '\n');
  assert.equal(cli(['text', join(d, 'sjis.txt')]).stdout, SJIS_TEXT + '\n');
  assert.match(cli(['check', join(d, 'big5.txt')]).stdout, /按 BIG5 解码/);
  assert.match(cli(['check', join(d, 'sjis.txt'), '--locale', 'en']).stdout, /decoded as SHIFT_JIS/);
});

test('GBK stays GB18030: every seed, whole and cut to 60, 300 and 3,000 characters, decodes to itself', { skip: needsSeeds }, () => {
  for (const n of [0, 1, 2, 3, 4]) {
    const name = `seed ${n}`;
    const text = seed(n).replace(/^\ufeff/, '');
    for (const cut of [60, 300, 3000, text.length]) {
      const part = text.slice(0, cut);
      const decoded = decodeReport(iconv.encode(part, 'gbk'));
      assert.equal(decoded?.encoding, 'gb18030', `${name} at ${cut}`);
      assert.equal(decoded?.text, part, `${name} at ${cut}`);
    }
  }
});

test('a 600 MB file is refused by its size before a byte is read; the rest of the batch is checked (exit 2)', () => {
  const d = dir();
  const huge = join(d, 'huge.txt');
  writeFileSync(huge, '');
  truncateSync(huge, 600 * 1024 * 1024); // sparse: no disk used
  writeFileSync(join(d, 'ok.txt'), '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n全年办理案件128件。\n');
  const r = cli(['check', d, '--summary']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /huge\.txt 过大（629145600 字节，上限 67108864）/);
  assert.doesNotMatch(r.stderr, /ERR_STRING_TOO_LONG|at .*\.js:\d+/);
  assert.match(r.stdout, /ok\.txt/);
  assert.equal(cli(['text', huge]).code, 2);
});

test('file names with control characters are printed escaped on a terminal stream; JSON keeps the name', () => {
  const d = dir();
  const name = 'evil\x1b]0;owned\x07\x1b[2J\rname\u202etxt.txt';
  writeFileSync(join(d, name), '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n全年办理案件128件。\n');
  writeFileSync(join(d, 'bad\x1b[31m.txt'), Buffer.from([0xb9, 0xd8, 0x00, 0xff]));
  const text = cli(['check', d]);
  for (const out of [text.stdout, text.stderr]) {
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f\u202e]/, 'no raw control character reaches the terminal');
  }
  assert.ok(text.stdout.includes('evil\\x1b]0;owned\\x07\\x1b[2J\\x0dname\\u202etxt.txt'), text.stdout);
  assert.ok(text.stderr.includes('bad\\x1b[31m.txt'), text.stderr);
  const summary = cli(['check', d, '--summary']);
  assert.ok(summary.stdout.includes('evil\\x1b'), summary.stdout);
  const json = JSON.parse(cli(['check', join(d, name), '--format', 'json']).stdout) as { file: string }[];
  assert.equal(json[0].file, join(d, name));
});

test('an unreadable subfolder is reported and the rest of the folder is checked (exit 2), also for SARIF', () => {
  const d = dir();
  const report = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n全年办理案件128件。\n';
  mkdirSync(join(d, 'ok'));
  mkdirSync(join(d, 'locked'));
  writeFileSync(join(d, 'ok', 'a.txt'), report);
  writeFileSync(join(d, 'locked', 'b.txt'), report);
  chmodSync(d, 0o755);
  chmodSync(join(d, 'locked'), 0o000);
  // root reads every folder: run the CLI as `nobody` then (setpriv, util-linux).
  const asUser =
    process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
  const run = (...args: string[]) => {
    const r = spawnSync(asUser[0], [...asUser.slice(1), CLI, 'check', d, ...args], { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const text = run('--summary');
  assert.equal(text.code, 2, text.stderr);
  assert.match(text.stderr, /无法读取文件夹：.*locked \(cannot read folder: EACCES\)/);
  assert.match(text.stdout, /ok\/a\.txt/);
  const sarif = JSON.parse(run('--format', 'sarif').stdout) as {
    runs: { results: unknown[]; invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[];
  };
  assert.ok(sarif.runs[0].results.length > 0);
  assert.match(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /locked/);
  chmodSync(join(d, 'locked'), 0o755);
});

test('a few words of GBK, where chardet is sure of nothing, are GB18030', () => {
  for (const words of ['年度报告', '报告', '关于2024年', '法治政府建设年度报告', '一、主要举措']) {
    assert.deepEqual(decodeReport(iconv.encode(words, 'gbk')), { text: words, encoding: 'gb18030' });
  }
});
