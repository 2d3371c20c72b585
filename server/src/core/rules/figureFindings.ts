/**
 * A figure rule's findings kept from one analysis of a document to the next (issue 27): a figure
 * finding is about the figures of one line (a total, its items and their shares, a rate and its
 * counts are read within a sentence, which never runs over a line end), so when an analysis's
 * figures were spliced from the last one's (figures/kept.ts), only the figures that changed are
 * checked again and every other finding is the same object as before — no message formatted, and
 * rules/run.ts hands out the model finding it made from it. When the figures were read in full
 * (lines added or removed, a line's figure count changed), a line that reads as a line of the last
 * analysis did keeps its findings too, moved to its line now (`noteMoves`, figures/kept.ts): the
 * ~330 figure findings after a line deleted from the varied 1 MB are no longer checked again.
 */
import type { Figure, Locale } from '../model';
import { figureChanges, figureMoves, type FigureMoves } from '../figures/kept';
import { keepShape } from '../keptShapes';
import { documentMemo, type DocumentMemo } from '../text/lineCache';
import type { AnalysisContext } from './context';
import type { Emitted } from './rule';
import { movedFinding } from './movedFinding';
import { groupsIn, itemGroups, type ItemGroup } from './figureRelations';

/** The findings of one analysis, each with the index of the figure it is ordered by, ascending. */
interface Kept {
  readonly figures: readonly Figure[];
  readonly locale: Locale;
  readonly at: readonly number[];
  readonly found: readonly Emitted[];
}

/** How many kept findings were moved with their figures instead of checked again, since load (tests read it). */
export const movedFindingCounts = { moved: 0 };

/** Where one rule keeps its findings, declared beside it (`figureFindingsMemo('figure-sum')`). */
export type FigureFindingsMemo = DocumentMemo<{ kept?: Kept }>;

export const figureFindingsMemo = (name: string): FigureFindingsMemo => documentMemo(`figureFindings|${name}`, () => ({}));

/** Where a check puts each finding, with the index of the figure that orders it. */
export interface FigureFindingSink {
  add(at: number, e: Emitted): void;
}

/**
 * Checks the figures [from, to) — whole lines' figures — and adds each finding to `out`. A module-level
 * function with what it needs passed in (`ctx`, `arg`), not a closure made at each analysis: V8 keeps a
 * closure's optimised code only while a closure of it lives, so a closure made per analysis is compiled
 * again after every full collection (docs/performance.md, round 15).
 */
export type FigureCheck<A> = (ctx: AnalysisContext, from: number, to: number, out: FigureFindingSink, arg: A) => void;

/** Findings emitted as they are added (no cache: nothing to keep). */
class EmittingSink implements FigureFindingSink {
  constructor(private readonly emit: (e: Emitted) => void) {}
  add(_at: number, e: Emitted): void {
    this.emit(e);
  }
}

/** Findings collected with the index of their figure, to keep for the next analysis. */
class CollectingSink implements FigureFindingSink {
  readonly at: number[] = [];
  readonly found: Emitted[] = [];
  add(k: number, e: Emitted): void {
    this.at.push(k);
    this.found.push(e);
  }
}

// Made at every analysis: one of each kept for its shape (keptShapes.ts).
keepShape(new EmittingSink(() => undefined));
keepShape(new CollectingSink());

/**
 * Emits a rule's findings over the figures. `check(ctx, from, to, out, arg)` checks the figures
 * [from, to) — whole lines' figures — and adds each finding with the index of the figure that orders
 * it (a finding's figures lie within the range; `at` ascending in the order of a check of every
 * figure). With a cache, only the figures that changed since the last analysis are checked.
 */
export function emitFigureFindings<A>(
  ctx: AnalysisContext,
  memo: FigureFindingsMemo,
  check: FigureCheck<A>,
  arg: A,
  emit: (e: Emitted) => void,
): void {
  const figures = ctx.figures;
  const slot = ctx.cache?.document(memo);
  if (slot === undefined) {
    check(ctx, 0, figures.length, new EmittingSink(emit), arg);
    return;
  }
  const last = slot.kept;
  if (last !== undefined && last.locale === ctx.locale && last.figures === figures) {
    // The same figures: the same findings.
    for (const e of last.found) emit(e);
    return;
  }
  const out = new CollectingSink();
  const changes = figureChanges(figures);
  const moves = changes === undefined ? figureMoves(figures) : undefined;
  const moved =
    last !== undefined && last.locale === ctx.locale && moves?.previous === last.figures ? movedFindings(last, moves, figures) : undefined;
  if (moved !== undefined) {
    // Lines added or removed (or a figure count changed): the findings of the lines that read as they did,
    // moved with their figures; those of the other lines' figures checked again, in order.
    const ranges = moves!.ranges;
    let j = 0;
    for (let r = 0; r < ranges.length; r += 2) {
      const from = ranges[r];
      for (; j < moved.at.length && moved.at[j] < from; j++) out.add(moved.at[j], moved.found[j]);
      check(ctx, from, ranges[r + 1], out, arg);
    }
    for (; j < moved.at.length; j++) out.add(moved.at[j], moved.found[j]);
    movedFindingCounts.moved += moved.at.length;
  } else if (last !== undefined && last.locale === ctx.locale && changes !== undefined && changes.previous === last.figures) {
    // The kept findings outside the ranges that changed, those of the ranges checked again, in order.
    const ranges = changes.ranges;
    let j = 0;
    for (let r = 0; r < ranges.length; r += 2) {
      const from = ranges[r];
      const to = ranges[r + 1];
      for (; j < last.at.length && last.at[j] < from; j++) out.add(last.at[j], last.found[j]);
      while (j < last.at.length && last.at[j] < to) j++;
      check(ctx, from, to, out, arg);
    }
    for (; j < last.at.length; j++) out.add(last.at[j], last.found[j]);
  } else check(ctx, 0, figures.length, out, arg);
  slot.kept = { figures, locale: ctx.locale, at: out.at, found: out.found };
  for (const e of out.found) emit(e);
}

/**
 * The kept findings whose figures read as they did, each at its figure's index now with its range
 * moved to the figure's line now, in order; undefined when one carries fixes (edits at absolute
 * places: the whole list is checked again instead). A figure finding's range lies on the line of the
 * figure that orders it (a total's items and shares, a rate and its counts are read on one line).
 */
function movedFindings(last: Kept, moves: FigureMoves, figures: readonly Figure[]): { at: number[]; found: Emitted[] } | undefined {
  const at: number[] = [];
  const found: Emitted[] = [];
  for (let j = 0; j < last.at.length; j++) {
    const k = moves.now[last.at[j]];
    if (k < 0) continue;
    const e = last.found[j];
    if (e.fixes !== undefined) return undefined;
    const lines = figures[k].line - last.figures[last.at[j]].line;
    at.push(k);
    found.push(lines === 0 ? e : movedFinding(e, lines));
  }
  return { at, found };
}

/** Emits the finding of each item group that has one (figure-sum, figure-percent's shares), kept as above, ordered by the group's first item. */
export function emitGroupFindings(
  ctx: AnalysisContext,
  memo: FigureFindingsMemo,
  finding: (locale: Locale, g: ItemGroup) => Emitted | undefined,
  emit: (e: Emitted) => void,
): void {
  emitFigureFindings(ctx, memo, checkGroups, finding, emit);
}

/** Emits the finding of each figure that has one (figure-rate, figure-percent's rates), kept as above, ordered by the figure. */
export function emitEachFigureFinding(
  ctx: AnalysisContext,
  memo: FigureFindingsMemo,
  finding: (locale: Locale, figures: readonly Figure[], f: Figure) => Emitted | undefined,
  emit: (e: Emitted) => void,
): void {
  emitFigureFindings(ctx, memo, checkEach, finding, emit);
}

function checkEach(
  ctx: AnalysisContext,
  from: number,
  to: number,
  out: FigureFindingSink,
  finding: (locale: Locale, figures: readonly Figure[], f: Figure) => Emitted | undefined,
): void {
  const figs = ctx.figures;
  for (let k = from; k < to; k++) {
    const e = finding(ctx.locale, figs, figs[k]);
    if (e) out.add(k, e);
  }
}

function checkGroups(
  ctx: AnalysisContext,
  from: number,
  to: number,
  out: FigureFindingSink,
  finding: (locale: Locale, g: ItemGroup) => Emitted | undefined,
): void {
  const figs = ctx.figures;
  for (const g of from === 0 && to === figs.length ? itemGroups(figs) : groupsIn(figs, from, to)) {
    const e = finding(ctx.locale, g);
    if (e) out.add(g.items[0].index, e);
  }
}
