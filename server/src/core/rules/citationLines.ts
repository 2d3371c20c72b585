/**
 * Findings about citations (dated-reference, outdated-reference) kept by line (lineChanges.ts): a
 * line's findings depend on its words and on what the report says once — its day, year, locale and
 * reference table — so a keystroke reads the edited line's citations only (issue 27), and a new
 * 成文日期 or report year reads every line again.
 */
import type { Fix } from '../model';
import { citationReader, referenceDay, tableNumber, type Citation, type CitationReader } from '../references/scan';
import { referenceTable } from '../references/table';
import { LookedTogether } from './lookedTogether';
import type { AnalysisContext } from './context';
import { eachLineResult, type LineResults, type PerLineMemo } from './lineChanges';
import { place } from './lineFindings';
import type { Emitted } from './rule';

/** A finding on a citation, relative to its line. */
export interface CitationFinding {
  /** Characters of the line: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** The fixes for the line where the finding now is (edits on that line only). */
  readonly fixes?: (line: number) => readonly Fix[];
}

/** The finding placed on a line number. */
export function placed(f: CitationFinding, line: number): Emitted {
  return place(f, line);
}

/** What every line's findings depend on besides the line itself (the key of the kept findings, with the rule). */
function variant(ctx: AnalysisContext): string {
  return `${tableNumber(ctx.references)}|${ctx.locale}|${referenceDay(ctx)}|${ctx.year}|${ctx.signature?.date?.text ?? ''}`;
}

const NONE: readonly never[] = [];

/**
 * What a rule does with each line's citations, as module-level functions given the rule's own value
 * (`arg`): `compute` reads one line's citations (line-relative) and its text, and may read the
 * report's day, year and locale, nothing else; `place` puts its findings on a line number; `visit`
 * takes them in line order (not closures made at each analysis: rules/lineChanges.ts says why).
 */
export interface CitationLines<T, P, A> {
  compute(citations: readonly Citation[], text: string, arg: A): readonly T[];
  place(found: readonly T[], line: number, arg: A): P;
  visit(placed: P, arg: A): void;
}

interface CitationRun<T, P, A> {
  readonly reader: CitationReader;
  readonly how: CitationLines<T, P, A>;
  readonly arg: A;
}

/** The built-in reference table (a report without workspace references reads with it). */
const BUILTIN = referenceTable();
/**
 * The lines holding a character every built-in citation holds (ReferenceTable.rare), looked for with
 * the line rules' classes in their one pass (lookedTogether.ts): the lines that cite are looked for
 * among these only, 2,182 of the varied 1 MB's 11,743 (with the three line rules over it, fresh
 * contexts, 4 pairs: 5.33–6.42 → 4.58–4.90 ms).
 */
const RARE = BUILTIN.rare === null ? undefined : new LookedTogether(BUILTIN.rare);

const CITED: LineResults<unknown, unknown, CitationRun<unknown, unknown, unknown>> = {
  compute(cl, run) {
    const citations = run.reader.read(cl);
    return citations.length === 0 ? NONE : run.how.compute(citations, cl.line.text, run.arg);
  },
  // A line that cites nothing has no findings: when every line is computed, the lines that cite are
  // (489 of the varied 1 MB's 11,743; the second rule is handed the list the first read).
  candidates: (ctx, run) => run.reader.citingLines(RARE !== undefined && ctx.references === BUILTIN ? RARE.lines(ctx.index) : undefined),
  place: (found, line, run) => run.how.place(found, line, run.arg),
  visit: (placed, run) => run.how.visit(placed, run.arg),
};

/**
 * Visits, in line order, each line's findings about its citations (`how`, given `arg`); with a cache
 * only the lines that changed are computed (rules/lineChanges.ts).
 */
export function eachCitationLine<T, P, A>(ctx: AnalysisContext, store: PerLineMemo<T, P>, how: CitationLines<T, P, A>, arg: A): void {
  const run: CitationRun<T, P, A> = { reader: citationReader(ctx, ctx.references), how, arg };
  eachLineResult(ctx, store, variant(ctx), CITED as unknown as LineResults<T, P, CitationRun<T, P, A>>, run);
}
