/**
 * The report's paragraphs against last year's report, once per analysis (the rule and the
 * model's summary share it).
 */
import type { CleanLine } from '../lines/cleanLines';
import type { ReuseSummary } from '../model';
import type { TextIndex } from '../text/lineIndex';
import type { BodyEvidence } from './body';
import { paragraphsOfLines } from './paragraphs';
import { compareParagraphs, type PreviousReport, type Reuse } from './paragraphReuse';

/** Where the previous report comes from: given, or asked for once the report's year and title are known. */
export type PreviousReportSource =
  PreviousReport | ((report: { readonly year: number | null } & BodyEvidence) => PreviousReport | undefined);

export function resolvePrevious(
  source: PreviousReportSource | undefined,
  year: number | null,
  body: BodyEvidence,
): PreviousReport | undefined {
  if (typeof source !== 'function') return source;
  try {
    return source({ year, ...body });
  } catch {
    return undefined; // a failing lookup means no comparison, never a failed analysis
  }
}

/** What the comparison reads of an analysis (its context): the report's lines and last year's report. */
export interface ReuseSource {
  readonly lines: readonly CleanLine[];
  /** Where each line starts (the lines hold no offsets). */
  readonly index: TextIndex;
  readonly previous?: PreviousReport;
}

const memo = new WeakMap<ReuseSource, Reuse>();

export function reportReuse(ctx: ReuseSource): Reuse | undefined {
  if (!ctx.previous) return undefined;
  let r = memo.get(ctx);
  if (!r) memo.set(ctx, (r = compareParagraphs(paragraphsOfLines(ctx.lines, ctx.index), ctx.previous)));
  return r;
}

export function reuseSummary(ctx: ReuseSource): ReuseSummary | undefined {
  const r = reportReuse(ctx);
  if (!r || !ctx.previous) return undefined;
  return {
    file: ctx.previous.name,
    share: Math.round(r.share * 100) / 100,
    paragraphs: r.reused.length,
    firstLine: r.reused[0]?.paragraph.line ?? null,
  };
}
