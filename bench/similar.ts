/**
 * `govreport similar` on 10,000 generated reports of 10 KB (issue 15: ≤ 30 s on 2 cores), printed
 * beside the raw-scan floor measured in the same run (reading every file and touching every
 * character once). The reports are varied text: a character bigram chain trained on the
 * example and the seeds (the genre's characters and pairs, no repeated lines), each report its own
 * sample; one in fifty is a near-copy of another under a swapped place name with some paragraphs
 * rewritten, so the pairs to find are known.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sources } from './inputs';
import type { Stat } from './stats';
import { rawScan, type RowFn } from './typing';

const CLI = join(resolve(__dirname, '..', '..'), 'dist', 'cli.js');
const REPORTS = 10_000;
const BYTES = 10 * 1024;
const COPY_EVERY = 50;

/** A small deterministic generator (the bench is reproducible). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** Character bigram chain of the sources' CJK text. */
function chain(): Map<string, string[]> {
  const text = sources()
    .join('')
    .replace(/[^\u4e00-\u9fa5，。、；：]/g, '');
  const next = new Map<string, string[]>();
  for (let i = 0; i + 1 < text.length; i++) {
    const list = next.get(text[i]);
    if (list) list.push(text[i + 1]);
    else next.set(text[i], [text[i + 1]]);
  }
  return next;
}

const PLACES = ['青山', '绿水', '白沙', '红岩', '金竹', '石门', '柳溪', '松林', '梅岭', '桃源', '龙潭', '凤凰'];

function report(next: Map<string, string[]>, random: () => number, n: number): string {
  const keys = [...next.keys()];
  const place = PLACES[n % PLACES.length] + (n % 97) + '镇';
  const lines = [`${place}人民政府`, `关于2024年法治政府建设情况的报告`, '', '县委、县政府：'];
  let size = 0;
  let part = 0;
  while (size < BYTES - 400) {
    if (size === 0 || random() < 0.15) lines.push(`${'一二三四五六七八九'[part++ % 9]}、${place}第${part}项工作`);
    let c = keys[Math.floor(random() * keys.length)];
    let para = '';
    const len = 80 + Math.floor(random() * 200);
    while (para.length < len) {
      para += c;
      if (random() < 0.02) para += String(Math.floor(random() * 1000)) + '件';
      const options = next.get(c);
      c = options ? options[Math.floor(random() * options.length)] : keys[Math.floor(random() * keys.length)];
    }
    lines.push(para + '。');
    size += Buffer.byteLength(para) + 4;
  }
  lines.push('', `${place}人民政府`, '2025年1月20日', '');
  return lines.join('\n');
}

/** A near-copy: another place, every fifth paragraph rewritten. */
function nearCopy(text: string, next: Map<string, string[]>, random: () => number, n: number): string {
  const from = /^(\S+?镇)/.exec(text)![1];
  const to = PLACES[(n + 5) % PLACES.length] + 'X' + n + '镇';
  return text
    .split('\n')
    .map((l, i) => (i > 4 && i % 5 === 0 && l.length > 60 ? (report(next, random, n).split('\n')[6] ?? l) : l))
    .join('\n')
    .replaceAll(from, to);
}

const fixed = (x: number): Stat => ({ median: x, p95: x, runs: 1 });

/** Writes the bench's reports into `dir` (also used to profile by hand). */
export function writeReports(dir: string, count = REPORTS): void {
  const next = chain();
  const random = rng(15);
  let previous = '';
  for (let i = 0; i < count; i++) {
    const text = i % COPY_EVERY === COPY_EVERY - 1 ? nearCopy(previous, next, random, i) : report(next, random, i);
    writeFileSync(join(dir, `r${String(i).padStart(5, '0')}.txt`), text);
    previous = text;
  }
}

export function similarBench(row: RowFn): void {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-similar-bench-'));
  try {
    writeReports(dir);
    // The floor: read every file and touch every character, in this process.
    const f0 = performance.now();
    let h = 0;
    for (const name of readdirSync(dir)) h ^= rawScan(readFileSync(join(dir, name), 'utf8'));
    const floor = (performance.now() - f0) / 1000;
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'similar', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`similar failed: ${r.stderr}`);
    const pairs = JSON.parse(r.stdout) as { similarity: number }[];
    const planted = Math.floor(REPORTS / COPY_EVERY);
    row(`similar ${REPORTS} × 10 KB (wall, whole CLI)`, fixed(seconds), 's', '≤ 30 s', seconds <= 30);
    row(`raw-scan floor ${REPORTS} × 10 KB (read + scan)`, fixed(floor), 's');
    row('similar / floor', fixed(seconds / floor), '×');
    row(`similar: pairs found (${planted} planted near-copies)`, fixed(pairs.length), 'pairs', `${planted}`, pairs.length >= planted);
    if (h === 42) console.log(''); // keeps the scan from being optimised away
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
