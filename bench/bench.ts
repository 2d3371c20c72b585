/**
 * `npm run bench`: how fast the analysis, the server and the batch CLI are, against the
 * targets of issue 7. Prints a table and writes bench/results.json. Not a test: nothing here
 * fails the build; the figures go to the README's Performance section.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../server/src/core';
import { startServer } from '../test/support/lspClient';
import { reportFolder, scaledReport, sources } from './inputs';
import { summarize, timeAsync, timePair, type Stat } from './stats';
import { rawScan, typingBench } from './typing';
import { similarBench } from './similar';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const KB = 1024;
const MB = 1024 * 1024;

interface Row {
  readonly measure: string;
  readonly median: number | null;
  readonly p95: number | null;
  readonly unit: string;
  readonly target: string;
  /** null when there is no target or the figure is not available. */
  readonly ok: boolean | null;
}
const rows: Row[] = [];
const row = (measure: string, s: Stat | null, unit: string, target = '', ok: boolean | null = null) =>
  rows.push({ measure, median: s ? round(s.median) : null, p95: s ? round(s.p95) : null, unit, target, ok: s ? ok : null });
// Two decimals, or two significant digits below 1 (a 10 KB floor is a few microseconds).
const round = (x: number) => (x >= 100 ? Math.round(x) : x >= 1 ? Math.round(x * 100) / 100 : Number(x.toPrecision(2)));
const fixed = (x: number): Stat => ({ median: x, p95: x, runs: 1 });

function sizeName(bytes: number) {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}

function analysis(): Map<number, string> {
  const texts = new Map<number, string>();
  const perSize = new Map<number, Stat>();
  for (const [bytes, runs] of [
    [10 * KB, 300],
    [100 * KB, 60],
    [MB, 15],
    [10 * MB, 5],
  ] as const) {
    const text = scaledReport(bytes);
    texts.set(bytes, text);
    const [a, f, cpu] = timePair(
      () => analyze(text),
      () => rawScan(text),
      runs,
    );
    perSize.set(bytes, a);
    const mbs = Buffer.byteLength(text) / MB / (a.median / 1000);
    const name = sizeName(bytes);
    row(`analysis ${name}`, a, 'ms', bytes === 10 * KB ? '≤ 1 ms' : '', bytes === 10 * KB ? a.median <= 1 : null);
    row(`throughput ${name}`, fixed(mbs), 'MB/s');
    row(`analysis ${name}, CPU time`, cpu, 'ms');
    row(`raw-scan floor ${name}`, f, 'ms');
    const ratio = a.median / Math.max(f.median, 1e-6);
    row(`analysis / floor ${name}`, fixed(ratio), '×', '≤ 10×', ratio <= 10);
  }
  const growth = perSize.get(MB)!.median / perSize.get(100 * KB)!.median;
  row('growth 1 MB / 100 KB', fixed(growth), '×', '≤ 12×', growth <= 12);
  return texts;
}

/** A paragraph line near the middle of the text: where the benchmark types. */
function middleParagraph(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let l = lines.length >> 1; l < lines.length; l++)
    if (lines[l].length >= 40 && !/^[（(0-9一二三四五六七八九十]/.test(lines[l]))
      return { line: l, character: lines[l].search(/\d/) > 0 ? lines[l].search(/\d/) : 1 };
  return { line: lines.length >> 1, character: 0 };
}

async function server(texts: Map<number, string>) {
  const s = await startServer();
  try {
    for (const [bytes, runs] of [
      [10 * KB, 100],
      [MB, 40],
    ] as const) {
      const uri = `file:///bench/typing-${bytes}.report.txt`;
      await s.open(uri, texts.get(bytes)!);
      const at = middleParagraph(texts.get(bytes)!);
      let version = 1;
      const st = await timeAsync(() => {
        version++;
        return s.change(uri, version, [{ range: { start: at, end: at }, text: '法' }]);
      }, runs);
      // The scaled report repeats its paragraphs: the typing benches (typing.ts) hold issue 27's targets.
      row(`keystroke → diagnostics scaled ${sizeName(bytes)} (one spot)`, st, 'ms');
      if (bytes === MB) {
        const sym = await timeAsync(() => s.request('textDocument/documentSymbol', { textDocument: { uri } }), 20, 2);
        row('documentSymbol 1 MB', sym, 'ms');
        // A symbol request right after an edit includes the analysis of the new version.
        const fresh = await timeAsync(
          async () => {
            version++;
            await s.connection.sendNotification('textDocument/didChange', {
              textDocument: { uri, version },
              contentChanges: [{ range: { start: at, end: at }, text: '法' }],
            });
            await s.request('textDocument/documentSymbol', { textDocument: { uri } });
            await s.diagnostics(uri, version);
          },
          15,
          2,
        );
        row('edit + documentSymbol 1 MB', fresh, 'ms');
        if (s.capabilities.hoverProvider) {
          const hov = await timeAsync(() => s.request('textDocument/hover', { textDocument: { uri }, position: at }), 20, 2);
          row('hover 1 MB', hov, 'ms');
        } else row('hover 1 MB (server offers no hover)', null, 'ms');
      }
      await s.close(uri);
    }
  } finally {
    await s.stop();
  }
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function memory() {
  const s = await startServer();
  try {
    const texts = sources();
    const idle = rssOf(s.process.pid!);
    for (let i = 0; i < 100; i++)
      await s.open(`file:///bench/open/r${i}.report.txt`, texts[i % texts.length].replace(/\d+件/, `${i + 1}件`));
    const rss = rssOf(s.process.pid!);
    row('server RSS, idle', fixed(idle), 'MB');
    row('server RSS, 100 reports open', fixed(rss), 'MB', '≤ 100 MB', rss <= 100);
  } finally {
    await s.stop();
  }
}

function batch() {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-bench-'));
  try {
    reportFolder(dir, 1000);
    for (const jobs of [1, 2]) {
      const samples: number[] = [];
      let failed = '';
      for (let i = 0; i < 3 && !failed; i++) {
        const t = performance.now();
        const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json', '--jobs', String(jobs)], {
          stdio: ['ignore', 'ignore', 'pipe'],
          encoding: 'utf8',
        });
        if (r.status === 2 || r.status === null) failed = r.stderr;
        samples.push(performance.now() - t);
      }
      if (failed) process.stderr.write(`check --jobs ${jobs} failed: ${failed}\n`);
      const st = failed ? null : summarize(samples);
      row(
        `check 1,000 reports, ${jobs} worker${jobs > 1 ? 's' : ''}`,
        st && { ...st, median: st.median / 1000, p95: st.p95 / 1000 },
        's',
        '≤ 3 s',
        st ? st.median <= 3000 : null,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function print() {
  const fmt = (x: number | null) => (x === null ? 'n/a' : String(x));
  const table = [
    ['measure', 'median', 'p95', 'unit', 'target', ''],
    ...rows.map((r) => [r.measure, fmt(r.median), fmt(r.p95), r.unit, r.target, r.ok === null ? '' : r.ok ? 'ok' : 'MISSED']),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => [...r[c]].length)));
  for (const r of table) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

async function main() {
  const started = performance.now();
  const loadBefore = loadavg()[0];
  // `npm run bench -- core`: the analysis only; `-- typing [input]`: the typing benches only (issues 16, 27; `-- typing headings`: those inputs); `-- similar`: issue 15.
  const only = process.argv[2];
  if (only === 'similar') similarBench(row);
  else if (only !== 'typing') {
    const texts = analysis();
    if (only !== 'core') {
      await server(texts);
      await memory();
      batch();
    }
  }
  if (only !== 'core' && only !== 'similar') await typingBench(row, only === 'typing' ? process.argv[3] : undefined);
  // `npm run bench -- similar`: govreport similar on 10,000 reports only (issue 15).
  if (only === undefined) similarBench(row);
  print();
  // Other processes skew timings: the load is printed with the figures so they can be judged.
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, loadBefore, loadAfter: loadavg()[0] };
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    machine,
    seconds: Math.round((performance.now() - started) / 1000),
    rows,
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\n${machine.cpus} × ${machine.cpu}; load average ${loadBefore.toFixed(2)} before, ${machine.loadAfter.toFixed(2)} after`);
  console.log(`${results.seconds} s; written to bench/results.json`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
