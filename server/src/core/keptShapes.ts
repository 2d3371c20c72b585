/**
 * One instance of each class made anew at every analysis, made at load and kept for its shape.
 *
 * V8 gives the objects of a class the map their constructor's assignments lead to, and holds that
 * map only through the objects that have it (the constructor's first map keeps its transitions
 * weakly). When every instance is garbage at a full collection — after an analysis whose model the
 * caller dropped, as the command line does file after file — the map dies, and with it every
 * optimised function that checked for it ("marking dependent code … weak objects" in
 * `--trace-deopt`): compiled again during the next analyses, on another core, while the first ones
 * run unoptimised. One instance kept keeps the map, and the compiled code with it
 * (docs/performance.md, round 15; test/compiledCodeKept.test.ts).
 */
const kept: object[] = [];

/** Keeps `example` alive for as long as the process lives; returns it. */
export function keepShape<T extends object>(example: T): T {
  kept.push(example);
  return example;
}
