// The CLI's exit codes (README "Guarantees"): 0 checked and clean, 1 an error-level finding,
// 2 bad usage, unreadable input, or a file not analysed because it is over the size ceiling.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { MAX_TEXT_LENGTH } from '../server/src/core';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const CLEAN =
  '关于2024年法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n全年办理案件12件。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n带头学法。\n三、2024年推进法治政府建设存在的不足和原因\n基层力量不足，主要原因是编制紧张。\n四、2025年推进法治政府建设的主要安排\n继续推进。\n某县人民政府\n2025年1月20日\n';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'govreport-exit-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(d, name), content);
  return d;
}

test('exit 0: checked, no error-level finding', () => {
  const r = cli('check', join(dir({ 'a.txt': CLEAN }), 'a.txt'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('exit 1: an error-level finding (a mandatory part missing)', () => {
  const r = cli('check', join(dir({ 'a.txt': '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n内容。\n' }), 'a.txt'));
  assert.equal(r.status, 1);
});

test('exit 2: a file over the analysis ceiling was not checked (too-large), even beside a clean one', () => {
  const d = dir({ 'a.txt': CLEAN, 'big.txt': CLEAN + '法'.repeat(MAX_TEXT_LENGTH) });
  const r = cli('check', d, '--format', 'json');
  assert.equal(r.status, 2);
  const codes = JSON.parse(r.stdout).flatMap((f: { diagnostics: { code: string }[] }) => f.diagnostics.map((x) => x.code));
  assert.ok(codes.includes('too-large'));
});

test('exit 2: bad usage, and a path that does not exist', () => {
  assert.equal(cli('check', '--format', 'yaml', 'x.txt').status, 2);
  assert.equal(cli('check', join(tmpdir(), 'govreport-no-such-file.txt')).status, 2);
});

test('--help names the exit codes, on stdout with exit 0 (also after a command); no arguments at all is bad usage', () => {
  for (const args of [['--help'], ['-h'], ['check', '--help'], ['figures', '-h']]) {
    const r = cli(...args);
    assert.equal(r.status, 0, args.join(' '));
    assert.match(r.stdout, /退出码 \(exit codes\): 0 .*1 .*2 /, args.join(' '));
  }
  const none = cli();
  assert.equal(none.status, 2);
  assert.match(none.stderr, /用法 \(usage\)/);
});
