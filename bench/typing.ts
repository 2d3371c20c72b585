/**
 * Issue 16: what a keystroke costs on varied text. A fresh analysis and a re-analysis after one
 * keystroke (in process), and the round trip an editor sees through the stdio server: one
 * character typed mid-document, the time until that version's diagnostics arrive. Every figure
 * is printed beside the raw-scan floor of the same text, measured in the same run, and as its
 * ratio to it (the ratio holds up better than the wall time on a shared machine).
 */
import { readFileSync } from 'node:fs';
import { analyze, AnalysisCache } from '../server/src/core';
import { startServer } from '../test/support/lspClient';
import { sources } from './inputs';
import { summarize, time, timeAsync, timePair, type Stat } from './stats';
import { variedText } from './varied';

export type RowFn = (measure: string, s: Stat | null, unit: string, target?: string, ok?: boolean | null) => void;

const KB = 1024;
const MB = 1024 * 1024;

/** One pass touching every character: what no analysis can beat. */
export function rawScan(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

const fixed = (x: number): Stat => ({ median: x, p95: x, runs: 1 });

/** Where the benchmark types: the middle of a long paragraph line near the middle of the text. */
export function typingSpot(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let l = lines.length >> 1; l < lines.length; l++) {
    if (lines[l].length >= 40 && !/^\s*[（(0-9一二三四五六七八九十]/.test(lines[l])) return { line: l, character: lines[l].length >> 1 };
  }
  return { line: lines.length >> 1, character: 0 };
}

function offsetOf(text: string, at: { line: number; character: number }): number {
  let offset = 0;
  for (let l = 0; l < at.line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + at.character;
}

interface Input {
  readonly name: string;
  readonly text: string;
  /** Round-trip p95 target in ms. */
  readonly target: number;
  readonly stretch?: number;
}

function inputs(): Input[] {
  const seed000 = sources()[1];
  const varied = variedText(MB);
  const out: Input[] = [];
  if (seed000) out.push({ name: `seed 000 (${(Buffer.byteLength(seed000) / KB).toFixed(1)} KB)`, text: seed000, target: 5 });
  out.push({ name: 'varied 10 KB', text: variedText(10 * KB).text, target: 5 });
  out.push({ name: 'varied 1 MB', text: varied.text, target: 15, stretch: 10 });
  if (varied.repeatedLines) process.stderr.write(`varied 1 MB: ${varied.repeatedLines} repeated lines (expected none)\n`);
  return out;
}

/** The in-process figures: fresh analysis, and re-analysis after one keystroke with the document's cache. */
function inProcess(row: RowFn, input: Input, floor: Stat, runs: number) {
  const { text, name } = input;
  const [fresh, , cpu] = timePair(
    () => analyze(text),
    () => rawScan(text),
    runs,
  );
  const big = text.length > 100 * KB;
  row(`fresh analysis ${name}`, fresh, 'ms', big ? '≤ 60 ms' : '', big ? fresh.median <= 60 : null);
  row(`fresh analysis ${name}, CPU time`, cpu, 'ms');
  row(`fresh analysis / floor ${name}`, fixed(fresh.median / floor.median), '×');
  // One keystroke at a time, alternately typed and deleted: the text never drifts far.
  const cache = new AnalysisCache();
  const at = offsetOf(text, typingSpot(text));
  const typed = text.slice(0, at) + '法' + text.slice(at);
  analyze(text, { cache });
  let flip = false;
  const cpu0 = process.cpuUsage();
  const again = time(() => analyze((flip = !flip) ? typed : text, { cache }), runs * 2, 0);
  const cpuEach = cpuMs(process.cpuUsage(cpu0)) / (runs * 2);
  row(`keystroke re-analysis ${name}`, again, 'ms');
  row(`keystroke re-analysis ${name}, CPU time (mean)`, fixed(cpuEach), 'ms');
  row(`keystroke re-analysis / floor ${name}`, fixed(again.median / floor.median), '×');
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** CPU time a process has used so far, ms (from /proc: user + system clock ticks, 100 per second). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** The round trip through the stdio server, as an editor sees it. */
async function roundTrip(row: RowFn, input: Input, floor: Stat, runs: number) {
  const s = await startServer();
  try {
    const uri = `file:///bench/typing/${input.name.replace(/\W+/g, '-')}.report.txt`;
    await s.open(uri, input.text);
    const big = input.text.length > 100 * KB;
    if (big) row(`server RSS, ${input.name} open`, fixed(rssOf(s.process.pid!)), 'MB', '≤ 150 MB', rssOf(s.process.pid!) <= 150);
    const at = typingSpot(input.text);
    let version = 1;
    let flip = false;
    let cpuBefore = 0;
    const st = await timeAsync(() => {
      if (version === 1 + Math.min(5, runs)) cpuBefore = cpuOf(s.process.pid!); // after the warm-up
      version++;
      // Typed, then deleted again: one character's edit each time, the document stays the same size.
      const change = (flip = !flip)
        ? { range: { start: at, end: at }, text: '法' }
        : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
      return s.change(uri, version, [change]);
    }, runs);
    const target = `p95 ≤ ${input.target} ms${input.stretch ? ` (stretch ${input.stretch})` : ''}`;
    row(`round trip ${input.name}`, st, 'ms', target, st.p95 <= input.target);
    // The server's own CPU time per keystroke: what the wall time would be on an idle machine, less the client's share.
    row(`server CPU per keystroke ${input.name} (mean)`, fixed((cpuOf(s.process.pid!) - cpuBefore) / runs), 'ms');
    row(`round trip / floor ${input.name}`, { median: st.median / floor.median, p95: st.p95 / floor.median, runs: st.runs }, '×');
    // After the keystrokes the heap also holds garbage not yet collected (V8 grows it lazily).
    if (big) row(`server RSS, ${input.name} open, after typing`, fixed(rssOf(s.process.pid!)), 'MB');
    await s.close(uri);
  } finally {
    await s.stop();
  }
}

export async function typingBench(row: RowFn): Promise<void> {
  for (const input of inputs()) {
    const big = input.text.length > 100 * KB;
    const floor = summarize(Array.from({ length: 50 }, () => time(() => rawScan(input.text), 1, 1).median));
    row(`raw-scan floor ${input.name}`, floor, 'ms');
    inProcess(row, input, floor, big ? 15 : 100);
    await roundTrip(row, input, floor, big ? 60 : 200);
  }
}
