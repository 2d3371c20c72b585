/**
 * Findings that depend on one line alone (its reading, the ordinals on it): with the analysis cache
 * only the lines that changed are computed again (lineChanges.ts), so a keystroke re-checks the
 * edited line only. Positions are kept relative to the line and placed on its current line number;
 * a line whose findings and line number are as in the last analysis hands out the same finding
 * objects (the server then reuses their converted diagnostics).
 */
import type { AnalysisContext } from './context';
import type { CleanLine } from '../lines/cleanLines';
import type { Finding, Fix } from '../model';
import { emissionOf, type RuleEmission } from './run';
import type { Emitted } from './rule';
import { eachLineResult, perLineMemo, type LineResults, type PerLineMemo } from './lineChanges';
import type { LookedTogether } from './lookedTogether';

export interface LineFinding {
  /** Characters of the line: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
  /** The fixes for the line where the finding now is, built when asked (edits on that line only). */
  readonly fixes?: (line: number) => readonly Fix[];
}

/**
 * The finding placed on a line number. One literal per set of fields, not optional fields spread in: V8
 * gives a spread's result a map reached only through transitions, which dies with the last such object
 * at a full collection and takes the compiled code that checked for it along (keptShapes.ts).
 */
export function place(f: LineFinding, line: number): Emitted {
  const range = { start: { line, character: f.start }, end: { line, character: f.end } };
  const { message, data, fixes } = f;
  if (!fixes) return data ? { range, message, data } : { range, message };
  const lazy = () => fixes(line);
  return data ? { range, message, data, fixes: lazy } : { range, message, fixes: lazy };
}

/** The findings placed on a line number, in order. */
export function placeAll(found: readonly LineFinding[], line: number): Emitted[] {
  const out: Emitted[] = [];
  for (const f of found) out.push(place(f, line));
  return out;
}

/** Each line-local rule's findings kept by line (lineChanges.ts), one store per rule code: emitted objects, or model findings. */
const KEPT = new Map<string, PerLineMemo<LineFinding, readonly Emitted[]>>();
const KEPT_MADE = new Map<string, PerLineMemo<LineFinding, readonly Finding[]>>();

function store<P>(stores: Map<string, PerLineMemo<LineFinding, P>>, name: string): PerLineMemo<LineFinding, P> {
  let s = stores.get(name);
  if (s === undefined) stores.set(name, (s = perLineMemo(name)));
  return s;
}

/**
 * A line-local rule's check of one line: module-level, given the analysis and the rule's own value
 * (`arg`), not a closure made at each analysis (lineChanges.ts `LineResults` says why).
 */
export type LineCheck<A> = (cl: CleanLine, ctx: AnalysisContext, arg: A) => readonly LineFinding[];

/** One rule's run over the lines: what the functions below are given. */
interface LineRun<A> {
  readonly ctx: AnalysisContext;
  readonly check: LineCheck<A>;
  readonly arg: A;
  /** The rule's first look (LineLook): the lines outside it have no findings. */
  readonly look: LineLook | undefined;
  readonly emit: (f: Emitted) => void;
  readonly emission: RuleEmission | undefined;
}

/** Emitted objects handed to `emit` (a caller other than the runner). */
const EMITTED: LineResults<LineFinding, readonly Emitted[], LineRun<unknown>> = {
  compute: (cl, run) => run.check(cl, run.ctx, run.arg),
  candidates: (ctx, run) => lookedAt(ctx, run.look),
  place: placeAll,
  visit(placed, run) {
    for (const e of placed) run.emit(e);
  },
};

/** Model findings, made by the runner's side of `emit` and added whole. */
const MADE: LineResults<LineFinding, readonly Finding[], LineRun<unknown>> = {
  compute: (cl, run) => run.check(cl, run.ctx, run.arg),
  candidates: (ctx, run) => lookedAt(ctx, run.look),
  place(found, line, run) {
    const out: Finding[] = [];
    for (const f of found) out.push(run.emission!.make(place(f, line)));
    return out;
  },
  visit(placed, run) {
    run.emission!.add(placed);
  },
};

/**
 * The lines a line-local rule can find something on, ascending, when every line is computed: those
 * holding a character of one class (a `LookedTogether`), or those the rule lists itself (debris: the
 * lines with debris spans, where asking each of the varied 1 MB's 11,743 lines cost more).
 */
export type LineLook = LookedTogether | ((ctx: AnalysisContext) => readonly number[]);

function lookedAt(ctx: AnalysisContext, look: LineLook | undefined): readonly number[] | undefined {
  return look === undefined ? undefined : typeof look === 'function' ? look(ctx) : look.lines(ctx.index);
}

/**
 * Emits a line-local rule's findings, line by line in order: `check(cl, ctx, arg)` gives one line's
 * (none for a line the rule skips). It may read the line's reading, its ordinals and heading flag and
 * whether it is the last line, the locale and `arg`; with a cache only the lines that changed since
 * the last analysis are computed. Run by the runner (rules/run.ts), a line that kept its number hands
 * out its model findings of the last analysis whole — no lookup per finding; with any other `emit`,
 * the same emitted objects. `look`: the lines outside it have no findings (`check` gives none there):
 * when every line is computed, only its lines are (LineLook).
 */
export function emitLineFindings<A>(
  ctx: AnalysisContext,
  code: string,
  emit: (f: Emitted) => void,
  check: LineCheck<A>,
  arg?: A,
  look?: LineLook,
): void {
  const emission = emissionOf(emit);
  const run: LineRun<unknown> = { ctx, check: check as LineCheck<unknown>, arg, look, emit, emission };
  if (emission === undefined) {
    eachLineResult(ctx, store(KEPT, `lineFindings|${code}`), ctx.locale, EMITTED, run);
    return;
  }
  // The model findings depend on the severity too: another severity is another variant (computed anew).
  eachLineResult(ctx, store(KEPT_MADE, `lineFindings|made|${code}`), `${ctx.locale}|${emission.severity}`, MADE, run);
}
