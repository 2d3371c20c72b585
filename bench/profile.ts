/**
 * `npm run bench:profile [fresh|keystroke|kinds] [varied|varied10|headings|seeds|web] [word|heading|paragraph|delete-line]`: a CPU profile of the analysis
 * of a bench input (the varied 1 MB by default; keystrokes typed as people type, server/src/lsp/typist.ts), summarised by self time per function and per file. Run by hand to see
 * where the time goes; writes the raw profile to bench/profile.cpuprofile (open it in Chrome
 * DevTools or VS Code for the call tree). `kinds` times 200 keystrokes by what they are part of (the
 * p95 of a bench is its costliest kind); `keystroke … <kind>` profiles only the keystrokes of that kind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze, AnalysisCache } from '../server/src/core';
import { Typist, type Keystroke } from '../server/src/lsp/typist';
import { summarize } from './stats';
import { headingHeavy, seedsShifted, webPaste } from './typingInputs';
import { variedText } from './varied';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const ROOT = resolve(__dirname, '..', '..');

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((res, rej) => session.post(method, params ?? {}, (err, out) => (err ? rej(err) : res(out as T))));
}

/** The source file of each line of the bundle (esbuild marks each module with a `// path` line). */
function sourceOfLine(bundle: string): (line: number) => string {
  const starts: [number, string][] = [];
  bundle.split('\n').forEach((l, i) => {
    const m = /^\/\/ ((?:server|bench|test|node_modules)\/\S+)$/.exec(l);
    if (m) starts.push([i, m[1]]);
  });
  return (line) => {
    let file = '(bundle)';
    for (const [at, f] of starts)
      if (at <= line) file = f;
      else break;
    return file;
  };
}

/** The source file behind a bundle's line, for every bundle the profile names. */
function sources(): (url: string, line: number) => string {
  const bundles = new Map<string, (line: number) => string>();
  return (url, line) => {
    if (!url) return '(native)';
    if (!url.endsWith('.js') || url.startsWith('node:')) return url;
    let map = bundles.get(url);
    if (!map) {
      let text = '';
      try {
        text = readFileSync(url.replace(/^file:\/\//, ''), 'utf8');
      } catch {
        /* not a file: named by its url */
      }
      bundles.set(url, (map = text ? sourceOfLine(text) : () => url));
    }
    return map(line);
  };
}

export function summarise(p: Profile, top = 25): string {
  const source = sources();
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const us = self.get(n.id) ?? 0;
    total += us;
    const file = source(n.callFrame.url, n.callFrame.lineNumber);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${file}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  return `total ${(total / 1000).toFixed(0)} ms\n\nby function (self time)\n${list(byFn)}\n\nby file\n${list(byFile)}\n`;
}

async function main() {
  const mode = process.argv[2] ?? 'fresh';
  // `summary <file.cpuprofile>`: summarise a profile taken elsewhere (e.g. the server's, node --cpu-prof).
  if (mode === 'summary') {
    console.log(summarise(JSON.parse(readFileSync(process.argv[3], 'utf8')) as Profile));
    return;
  }
  // The input: `varied` (1 MB, the default), `varied10` (10 KB), `headings` (300 KB of nothing but headings), `seeds`, `web`.
  const input = process.argv[3] ?? 'varied';
  const text =
    input === 'varied10'
      ? variedText(10 * 1024).text
      : input === 'headings'
        ? headingHeavy(300 * 1024)
        : input === 'seeds'
          ? (seedsShifted(1024 * 1024) ?? variedText(1024 * 1024).text)
          : input === 'web'
            ? webPaste(1024 * 1024)
            : variedText(1024 * 1024).text;
  const cache = new AnalysisCache();
  analyze(text, { cache });
  // Keystrokes that accumulate (server/src/lsp/typist.ts), the texts made before the profiler starts.
  const typist = new Typist(text);
  if (mode === 'kinds') return kinds(typist, cache);
  // A kind of keystroke (typist.ts), or `first-char`: the first character typed into a new empty line.
  const only = process.argv[4] as Keystroke['kind'] | 'first-char' | undefined;
  const texts: string[] = [];
  // Every keystroke is analysed (the cache must see each version), only those of `only` in the profile.
  const measured: boolean[] = [];
  // Small inputs analyse in about a millisecond: more of them, for as many samples as a large one gives.
  const count = text.length < 100_000 ? 500 : 25;
  let previous: Keystroke | undefined;
  for (let n = 0; n < count;) {
    const k = typist.next();
    texts.push(typist.text());
    measured.push(!only || k.kind === only || (only === 'first-char' && previous?.text === '\n' && k.kind === 'paragraph'));
    previous = k;
    if (measured[measured.length - 1]) n++;
  }
  const run = mode === 'keystroke' ? (i: number) => analyze(texts[i], { cache }) : () => analyze(text);
  let i = 0;
  for (let n = 0; n < 5; i++) if ((run(i), measured[i])) n++; // warm up (and fill the cache)
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  const cpu = process.cpuUsage();
  // The measured keystrokes' spans on the profiler's clock (CLOCK_MONOTONIC µs, as process.hrtime's).
  const windows: [number, number][] = [];
  for (; i < texts.length; i++) {
    const t = Number(process.hrtime.bigint() / 1000n);
    run(i);
    if (measured[i]) windows.push([t, Number(process.hrtime.bigint() / 1000n)]);
  }
  const runs = windows.length;
  const used = process.cpuUsage(cpu);
  const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
  writeFileSync(join(ROOT, 'bench', 'profile.cpuprofile'), JSON.stringify(profile));
  console.log(
    `${mode}: ${runs} analyses of the ${input} input (${text.length} characters)${only ? `, ${only} keystrokes only` : ''}, ${((used.user + used.system) / 1000 / runs).toFixed(1)} ms CPU time each (profiler on${only ? ', the other keystrokes included' : ''})\n`,
  );
  // Only the samples within the analyses: the profiler's own stop call (2–7 % of a profile, named `dispatch`) is left out.
  console.log(summarise(within(profile, windows)));
}

/** The profile with only the samples taken within `windows` (the others' time given to none). */
function within(p: Profile, windows: readonly [number, number][]): Profile {
  let at = p.startTime;
  let w = 0;
  const timeDeltas = p.timeDeltas.map((d) => {
    at += d;
    while (w < windows.length && windows[w][1] < at) w++;
    return w < windows.length && windows[w][0] <= at ? d : 0;
  });
  return { ...p, timeDeltas };
}

/** 200 keystrokes timed one by one, by kind: median, p95 and max wall time, and how many. */
function kinds(typist: Typist, cache: AnalysisCache) {
  const by = new Map<string, number[]>();
  for (let i = 0; i < 230; i++) {
    const k = typist.next();
    const next = typist.text();
    const t = performance.now();
    analyze(next, { cache });
    if (i >= 30) by.set(k.kind, [...(by.get(k.kind) ?? []), performance.now() - t]);
  }
  const all = [...by.values()].flat();
  for (const [kind, ms] of [...by, ['all', all] as const]) {
    const s = summarize(ms);
    console.log(
      `${kind.padEnd(12)} ${String(ms.length).padStart(4)}  median ${s.median.toFixed(2).padStart(7)}  p95 ${s.p95.toFixed(2).padStart(7)}  max ${Math.max(
        ...ms,
      )
        .toFixed(2)
        .padStart(7)} ms`,
    );
  }
}

void main();
