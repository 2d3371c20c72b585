/**
 * Findings that depend on one line alone (its text, plus whatever else the caller puts in the
 * key, e.g. the ordinals on it): computed once per line text and kept by the analysis cache, so a
 * keystroke re-checks the edited line only. Positions are kept relative to the line and placed on
 * its current line number; a line whose findings and line number are as in the last analysis
 * hands out the same finding objects (the server then reuses their converted diagnostics).
 */
import type { AnalysisContext } from './context';
import type { CleanLine } from '../lines/cleanLines';
import type { Fix } from '../model';
import { lineMemo, slotMemo } from '../text/lineCache';
import type { Emitted } from './rule';
import { eachLineResult, perLineMemo, type PerLineMemo } from './lineChanges';

export interface LineFinding {
  /** Characters of the line: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
  /** The fixes for the line where the finding now is, built when asked (edits on that line only). */
  readonly fixes?: (line: number) => readonly Fix[];
}

interface Placed {
  readonly found: readonly LineFinding[];
  readonly emitted: readonly Emitted[];
}

/** A line-local rule's findings by the line's key, and as placed on each line number; one variant per rule and locale. */
const LINE_FINDINGS = lineMemo<readonly LineFinding[]>('lineFindings');
const PLACED_LINE_FINDINGS = slotMemo<Placed>('placedLineFindings');

/**
 * Emits the findings `compute(cl)` gives for the line `cl`, and returns them (see lineEmitter).
 * `compute` is made once per analysis, not per line: a keystroke makes no closure for the lines it finds kept.
 */
export type LineEmitter = (cl: CleanLine, key: string, compute: (cl: CleanLine) => readonly LineFinding[]) => readonly LineFinding[];

/**
 * The emitter of a line-local rule for one analysis. `key` must name everything `compute` reads
 * (the line's text and anything else); the locale is kept apart by the cache, and so is `kind` (lines a
 * rule reads differently, e.g. heading lines, kept apart without a key string made per line).
 */
export function lineEmitter(ctx: AnalysisContext, code: string, emit: (f: Emitted) => void, kind = ''): LineEmitter {
  const variant = kind ? `${code}|${ctx.locale}|${kind}` : `${code}|${ctx.locale}`;
  const kept = ctx.cache && { found: ctx.cache.line(LINE_FINDINGS, variant), placed: ctx.cache.slots(PLACED_LINE_FINDINGS, variant) };
  if (!kept) {
    return (cl, _key, compute) => {
      const found = compute(cl);
      for (const f of found) emit(place(f, cl.line.index));
      return found;
    };
  }
  return (cl, key, compute) => {
    const line = cl.line.index;
    const found = kept.found.lookup(key, line) ?? kept.found.store(key, line, compute(cl));
    if (found.length === 0) return found;
    const last = kept.placed.last(line);
    const emitted = last && last.found === found ? last.emitted : found.map((f) => place(f, line));
    kept.placed.set(line, { found, emitted });
    for (const e of emitted) emit(e);
    return found;
  };
}

function place(f: LineFinding, line: number): Emitted {
  const fixes = f.fixes;
  return {
    range: { start: { line, character: f.start }, end: { line, character: f.end } },
    message: f.message,
    ...(f.data ? { data: f.data } : {}),
    ...(fixes ? { fixes: () => fixes(line) } : {}),
  };
}

/** Each line-local rule's findings kept by line (lineChanges.ts), one store per rule code. */
const KEPT = new Map<string, PerLineMemo<LineFinding, readonly Emitted[]>>();

const placeAll = (found: readonly LineFinding[], line: number): readonly Emitted[] => found.map((f) => place(f, line));

/**
 * Emits a line-local rule's findings, line by line in order: `compute(cl)` gives one line's (none
 * for a line the rule skips). It may read the line's reading, its ordinals and heading flag and
 * whether it is the last line, and the locale; with a cache only the lines that changed since the
 * last analysis are computed, and a line that kept its number hands out the same emitted objects.
 */
export function emitLineFindings(
  ctx: AnalysisContext,
  code: string,
  emit: (f: Emitted) => void,
  compute: (cl: CleanLine) => readonly LineFinding[],
): void {
  let store = KEPT.get(code);
  if (store === undefined) KEPT.set(code, (store = perLineMemo(`lineFindings|${code}`)));
  eachLineResult(ctx, store, ctx.locale, compute, placeAll, (placed) => {
    for (const e of placed) emit(e);
  });
}
