/**
 * Findings about citations (dated-reference, outdated-reference) kept by line (lineChanges.ts): a
 * line's findings depend on its words and on what the report says once — its day, year, locale and
 * reference table — so a keystroke reads the edited line's citations only (issue 27), and a new
 * 成文日期 or report year reads every line again.
 */
import type { CleanLine } from '../lines/cleanLines';
import type { Fix } from '../model';
import { citationReader, referenceDay, tableNumber, type Citation } from '../references/scan';
import type { AnalysisContext } from './context';
import { eachLineResult, type PerLineMemo } from './lineChanges';
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
  const fixes = f.fixes;
  return {
    range: { start: { line, character: f.start }, end: { line, character: f.end } },
    message: f.message,
    data: f.data,
    ...(fixes ? { fixes: () => fixes(line) } : {}),
  };
}

/** What every line's findings depend on besides the line itself (the key of the kept findings, with the rule). */
function variant(ctx: AnalysisContext): string {
  return `${tableNumber(ctx.references)}|${ctx.locale}|${referenceDay(ctx)}|${ctx.year}|${ctx.signature?.date?.text ?? ''}`;
}

const NONE: readonly never[] = [];

/**
 * Visits, in line order, each line's findings about its citations: `compute` reads one line's
 * citations (line-relative) and its text, and may read the report's day, year and locale, nothing
 * else; with a cache only the lines that changed are computed (rules/lineChanges.ts).
 */
export function eachCitationLine<T, P>(
  ctx: AnalysisContext,
  store: PerLineMemo<T, P>,
  compute: (citations: readonly Citation[], text: string) => readonly T[],
  place: (found: readonly T[], line: number) => P,
  visit: (placed: P) => void,
): void {
  const cite = citationReader(ctx, ctx.references);
  const read = (cl: CleanLine): readonly T[] => {
    const citations = cite(cl);
    return citations.length === 0 ? NONE : compute(citations, cl.line.text);
  };
  eachLineResult(ctx, store, variant(ctx), read, place, visit);
}
