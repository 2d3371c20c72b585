// The one report-file reader (server/src/files/reportFile.ts) refuses what is not a regular file
// and checks the size before reading: a FIFO (opening it would block) or a link to /dev/zero (it
// never ends) beside a report, named on the command line or posing as .govreport.json, must not
// wedge the hover (through the real server) nor the CLI. Generous bounds only: a wedged reader
// shows as a test timeout, not as a timing assertion.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { analyze, createLanguageService, type ReportFiles } from '../server/src/core';
import { readReportFile, ReportFileError } from '../server/src/files/reportFile';
import { startServer, type ServerHandle } from './support/lspClient';
import { dedent } from './support/render';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
const POSIX = process.platform !== 'win32';
const BOUND = 60_000;

const REPORT = dedent(`
  关于2024年某镇法治政府建设情况的报告
  一、2024年主要举措和成效
  全年排查矛盾纠纷572件，化解551件。
  二、存在的不足和原因
  一是学习不够深入，原因是培训少。
  三、2025年工作安排
  继续努力。
`);
const LAST_YEAR = REPORT.replace(/2024/g, '2023').replace(/2025/g, '2024').replace('551件', '450件');

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  assert.equal(r.status, 0, `mkfifo ${path}: ${r.stderr}`);
}

/** A folder with this year's report, last year's (GBK, as Word exports it), a FIFO and a link to /dev/zero. */
function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-hostile-'));
  writeFileSync(join(dir, '2024.report.txt'), REPORT);
  writeFileSync(join(dir, '2023.report.txt'), iconv.encode(LAST_YEAR, 'gbk'));
  mkfifo(join(dir, 'a-fifo.report.txt'));
  symlinkSync('/dev/zero', join(dir, 'b-zero.report.txt'));
  symlinkSync('/dev/zero', join(dir, 'c-zero.txt'));
  mkdirSync(join(dir, 'd-folder.txt'));
  return dir;
}

const cli = (args: string[], cwd?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: BOUND, cwd });

describe('hostile files beside a report', { skip: !POSIX }, () => {
  let server: ServerHandle;
  let dir: string;
  before(async () => {
    dir = hostileFolder();
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  test('hover through the server: answers, with last year read from the GBK neighbour', { timeout: BOUND }, async () => {
    const uri = pathToFileURL(join(dir, '2024.report.txt')).href;
    await server.open(uri, REPORT);
    const h = await server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 15 } });
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /^\*\*化解矛盾纠纷\*\* — 551件/);
    assert.match(md, /上年 450件/);
    // And the server still answers afterwards.
    const again = await server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 15 } });
    assert.ok(again);
  });

  test('CLI: a FIFO or a link to /dev/zero named on the command line is refused with a message, exit 2', { timeout: BOUND }, () => {
    for (const name of ['a-fifo.report.txt', 'b-zero.report.txt']) {
      const r = cli(['check', join(dir, name)]);
      assert.equal(r.error, undefined, `${name}: ${r.error}`);
      assert.equal(r.status, 2, `${name}: ${r.stderr}`);
      assert.match(r.stderr, /不是普通文件，未读取 \(not a regular file\)/);
    }
  });

  test('CLI: a folder holding them checks the real reports and skips the rest', { timeout: BOUND }, () => {
    const r = cli(['check', dir, '--format', 'json']);
    assert.equal(r.error, undefined, String(r.error));
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file.replace(dir, ''));
    assert.deepEqual(files, ['/2023.report.txt', '/2024.report.txt']);
  });

  test('CLI: a .govreport.json that is a FIFO or a link to /dev/zero is refused, not read', { timeout: BOUND }, () => {
    for (const make of [mkfifo, (p: string) => symlinkSync('/dev/zero', p)]) {
      const folder = mkdtempSync(join(tmpdir(), 'govreport-hostile-config-'));
      writeFileSync(join(folder, 'r.report.txt'), REPORT);
      make(join(folder, '.govreport.json'));
      const r = cli(['check', folder], folder); // run from the folder: a found .govreport.json is read only inside the current directory tree
      assert.equal(r.error, undefined, String(r.error));
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /\.govreport\.json 不是普通文件/);
    }
  });
});

describe('the shared reader', () => {
  test('checks the size before reading, and decodes UTF-8, UTF-8 with BOM and GBK', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-reader-'));
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(1000));
    assert.throws(
      () => readReportFile(join(dir, 'big.txt'), 999),
      (e: Error) => e instanceof ReportFileError && /过大/.test(e.message),
    );
    assert.equal(readReportFile(join(dir, 'big.txt'), 1000).text.length, 1000);
    writeFileSync(join(dir, 'bom.txt'), '\ufeff报告');
    assert.deepEqual(readReportFile(join(dir, 'bom.txt')), { text: '报告', encoding: 'utf-8' });
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode('年度报告', 'gbk'));
    assert.deepEqual(readReportFile(join(dir, 'gbk.txt')), { text: '年度报告', encoding: 'gb18030' });
    assert.throws(() => readReportFile(join(dir, 'missing.txt')), ReportFileError);
    assert.throws(() => readReportFile(dir), /不是普通文件/);
  });
});

test('last year’s report through injected files: no file system needed, unchanged files analysed once', () => {
  const texts = new Map([
    ['mem:/2024.txt', REPORT],
    ['mem:/2023.txt', LAST_YEAR],
    ['mem:/other.txt', LAST_YEAR.replace(/某镇/g, '别镇')],
  ]);
  let reads = 0;
  const files: ReportFiles = {
    siblings: () => [...texts.keys()],
    stamp: (uri) => (texts.has(uri) ? 'v1' : undefined),
    read: (uri) => (reads++, texts.get(uri)),
  };
  const service = createLanguageService({ files });
  const m = analyze(REPORT);
  const previous = service.previousYear('mem:/2024.txt', m, {});
  assert.equal(previous?.year, 2023);
  assert.equal(previous?.header.title?.text, '关于2023年某镇法治政府建设情况的报告');
  const first = reads;
  assert.equal(service.previousYear('mem:/2024.txt', m, {}), previous);
  assert.equal(reads, first, 'stamps unchanged: nothing read again');
  assert.equal(createLanguageService().previousYear('mem:/2024.txt', m, {}), undefined, 'no files injected: no lookup');
});
