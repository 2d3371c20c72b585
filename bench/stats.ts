/** Timing helpers for the benchmark: repeated runs, median and p95. */
import { performance } from 'node:perf_hooks';

export interface Stat {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

export function summarize(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), runs: s.length };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured (ms). */
export function time(fn: () => void, runs: number, warmup = Math.min(5, runs)): Stat {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = Math.min(5, runs)): Promise<Stat> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

/**
 * Times two functions in alternation, so both see the same machine load (the ratio of their
 * medians stays meaningful on a busy machine).
 */
export function timePair(a: () => void, b: () => void, runs: number, warmup = Math.min(3, runs)): [Stat, Stat, Stat] {
  for (let i = 0; i < warmup; i++) (a(), b());
  const sa: number[] = [];
  const sb: number[] = [];
  // CPU time of `a` as well: on a machine shared with other work it stays near the idle wall time.
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    let t = performance.now();
    a();
    sa.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
    t = performance.now();
    b();
    sb.push(performance.now() - t);
  }
  return [summarize(sa), summarize(sb), summarize(cpu)];
}
