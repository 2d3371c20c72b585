/**
 * How far the Node server's heap grows before V8 collects it (issue 27). Each keystroke's analysis
 * leaves the last model behind, promoted to the old generation, and V8 lets the old generation grow
 * to up to 4× what was alive before a full collection: with the varied 1 MB open, ~45–55 MB alive
 * and 230–290 MB of RSS after 250 keystrokes, nearly all garbage. A growing factor of 1.5 collects
 * sooner (RSS under 200 MB). Round 7 took a fixed 1.5 out again because it slowed documents of
 * headings by 30–40 %: each symbol answer was then a 4 MB JSON string, garbage that filled the
 * tighter heap at every few keystrokes; written as bytes outside the heap now (lsp/stdioWriter.ts),
 * the same setting costs them ~5 % (docs/performance.md, round 8).
 *
 * The factor is chosen by what is alive after each full collection: 1.5 while less than
 * `TIGHT_BELOW` is, V8's own above (a full collection costs what is alive, so a large live heap
 * collected at every 50 % of growth would spend its time collecting). No limit is lowered: a
 * document that needs more memory gets it as before. Node only (server.ts; the CLI and the web
 * worker do not use it).
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/** The old generation grows to (1 + this / 100) × what was alive after the last full collection… */
export const TIGHT_PERCENT = 50;
/** …while less than this is alive (bytes); above, V8's own factor. */
export const TIGHT_BELOW = 128 * 2 ** 20;

/** The growing percent for a live heap of `live` bytes; 0 is V8's own (the flag's default). */
export function growingPercent(live: number, tightBelow = TIGHT_BELOW): number {
  return live < tightBelow ? TIGHT_PERCENT : 0;
}

let current: number | undefined;

function apply(percent: number): void {
  if (percent === current) return;
  current = percent;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * Sets the factor now (the heap is small at start) and again after every full collection; `tightBelow`
 * for tests. Returns the observer.
 */
export function tuneHeapGrowth(tightBelow = TIGHT_BELOW): PerformanceObserver {
  const choose = () => apply(growingPercent(getHeapStatistics().used_heap_size, tightBelow));
  choose();
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) choose();
  });
  observer.observe({ entryTypes: ['gc'] });
  return observer;
}

/** The percent last set (tests). */
export const currentGrowingPercent = (): number | undefined => current;
