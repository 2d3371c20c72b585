/**
 * `npm run bench:profile [fresh|keystroke] [varied|headings|seeds|web]`: a CPU profile of the analysis
 * of a bench input (the varied 1 MB by default; keystrokes typed as people type, test/support/typist.ts), summarised by self time per function and per file. Run by hand to see
 * where the time goes; writes the raw profile to bench/profile.cpuprofile (open it in Chrome
 * DevTools or VS Code for the call tree).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join, resolve } from 'node:path';
import { analyze, AnalysisCache } from '../server/src/core';
import { Typist } from '../test/support/typist';
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
  // The input: `varied` (1 MB, the default), `headings` (300 KB of nothing but headings), `seeds`, `web`.
  const input = process.argv[3] ?? 'varied';
  const text =
    input === 'headings'
      ? headingHeavy(300 * 1024)
      : input === 'seeds'
        ? (seedsShifted(1024 * 1024) ?? variedText(1024 * 1024).text)
        : input === 'web'
          ? webPaste(1024 * 1024)
          : variedText(1024 * 1024).text;
  const cache = new AnalysisCache();
  // Keystrokes that accumulate (test/support/typist.ts), the texts made before the profiler starts.
  const typist = new Typist(text);
  const texts = Array.from({ length: 25 }, () => (typist.next(), typist.text()));
  const run = mode === 'keystroke' ? (i: number) => analyze(texts[i], { cache }) : () => analyze(text);
  analyze(text, { cache });
  for (let i = 0; i < 5; i++) run(i); // warm up (and fill the cache)
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  const cpu = process.cpuUsage();
  for (let i = 5; i < 25; i++) run(i);
  const used = process.cpuUsage(cpu);
  const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
  writeFileSync(join(ROOT, 'bench', 'profile.cpuprofile'), JSON.stringify(profile));
  console.log(
    `${mode}: 20 analyses of the ${input} input (${text.length} characters), ${((used.user + used.system) / 1000 / 20).toFixed(1)} ms CPU time each (profiler on)\n`,
  );
  console.log(summarise(profile));
}

void main();
