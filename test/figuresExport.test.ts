// Export: `govreport figures` (CSV and JSON) and the server's govreport/figures request.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startServer } from './support/lspClient';
import { needsSeeds, SEEDS_DIR } from './support/seeds';
import { runCli } from './support/cli';

const cli = (...args: string[]) => runCli(args);

const REPORT = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n（一）普法,宣传\n发放宣传资料1万余份，培训骨干12人。\n';

function tmpReport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-figures-'));
  writeFileSync(join(dir, 'a.report.txt'), REPORT);
  return dir;
}

test('cli figures: CSV with a header, quoted fields, 1-based lines; JSON rows with the same fields', () => {
  const dir = tmpReport();
  const csv = cli('figures', dir);
  assert.equal(csv.status, 0, csv.stderr);
  const file = join(dir, 'a.report.txt');
  assert.deepEqual(csv.stdout.trimEnd().split('\r\n'), [
    'file,part,section,label,value,unit,approximate,text,line',
    `${file},measures,"一、主要举措和成效 › （一）普法,宣传",发放宣传资料,10000,份,true,1万余份,4`,
    `${file},measures,"一、主要举措和成效 › （一）普法,宣传",培训骨干,12,人,false,12人,4`,
  ]);
  const json = cli('figures', join(dir, 'a.report.txt'), '--format', 'json');
  const rows = JSON.parse(json.stdout);
  assert.deepEqual(rows[0], {
    file,
    part: 'measures',
    section: '一、主要举措和成效 › （一）普法,宣传',
    label: '发放宣传资料',
    value: 10000,
    unit: '份',
    approximate: true,
    text: '1万余份',
    line: 4,
  });
  assert.equal(cli('figures', dir, '--format', 'xml').status, 2);
});

test('cli figures on the seeds: every file, the known figures', { skip: needsSeeds }, () => {
  const r = cli('figures', SEEDS_DIR, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const rows: { file: string; text: string; label: string }[] = JSON.parse(r.stdout);
  assert.equal(new Set(rows.map((x) => x.file)).size, 5);
  for (const text of ['293条', '672件', '826件', '99.39%', '1万余份', '800余人次'])
    assert.ok(
      rows.some((x) => x.text === text),
      text,
    );
});

test("server: govreport/figures returns the open report's figures as CSV", async () => {
  const server = await startServer();
  try {
    await server.open('file:///dir/r.govreport', REPORT);
    const r = await server.request<{ csv: string; count: number }>('govreport/figures', { uri: 'file:///dir/r.govreport' });
    assert.equal(r.count, 2);
    assert.match(r.csv, /^file,part,section,label,value,unit,approximate,text,line\r\nr\.govreport,measures,/);
    assert.equal(await server.request('govreport/figures', { uri: 'file:///dir/unknown.govreport' }), null);
  } finally {
    await server.stop();
  }
});
