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
import { emissionOf } from './run';
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

function place(f: LineFinding, line: number): Emitted {
  const fixes = f.fixes;
  return {
    range: { start: { line, character: f.start }, end: { line, character: f.end } },
    message: f.message,
    ...(f.data ? { data: f.data } : {}),
    ...(fixes ? { fixes: () => fixes(line) } : {}),
  };
}

/** Each line-local rule's findings kept by line (lineChanges.ts), one store per rule code: emitted objects, or model findings. */
const KEPT = new Map<string, PerLineMemo<LineFinding, readonly Emitted[]>>();
const KEPT_MADE = new Map<string, PerLineMemo<LineFinding, readonly Finding[]>>();

const placeAll = (found: readonly LineFinding[], line: number): readonly Emitted[] => found.map((f) => place(f, line));

function store<P>(stores: Map<string, PerLineMemo<LineFinding, P>>, name: string): PerLineMemo<LineFinding, P> {
  let s = stores.get(name);
  if (s === undefined) stores.set(name, (s = perLineMemo(name)));
  return s;
}

/**
 * Emits a line-local rule's findings, line by line in order: `compute(cl)` gives one line's (none
 * for a line the rule skips). It may read the line's reading, its ordinals and heading flag and
 * whether it is the last line, and the locale; with a cache only the lines that changed since the
 * last analysis are computed. Run by the runner (rules/run.ts), a line that kept its number hands
 * out its model findings of the last analysis whole — no lookup per finding; with any other `emit`,
 * the same emitted objects.
 */
export function emitLineFindings(
  ctx: AnalysisContext,
  code: string,
  emit: (f: Emitted) => void,
  compute: (cl: CleanLine) => readonly LineFinding[],
): void {
  const emission = emissionOf(emit);
  if (emission === undefined) {
    eachLineResult(ctx, store(KEPT, `lineFindings|${code}`), ctx.locale, compute, placeAll, (placed) => {
      for (const e of placed) emit(e);
    });
    return;
  }
  // The model findings depend on the severity too: another severity is another variant (computed anew).
  const make = (found: readonly LineFinding[], line: number): readonly Finding[] => found.map((f) => emission.make(place(f, line)));
  eachLineResult(ctx, store(KEPT_MADE, `lineFindings|made|${code}`), `${ctx.locale}|${emission.severity}`, compute, make, (placed) =>
    emission.add(placed),
  );
}
