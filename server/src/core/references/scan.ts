/**
 * Where a report cites the references of the table: every match in the words of the text
 * (debris left out), overlapping matches resolved in favour of the longer one.
 */
import type { ReportModel } from '../model';
import { lineMemo, slotMemo, type AnalysisCache } from '../text/lineCache';
import type { CleanLine } from '../lines/cleanLines';
import { contentSegments } from '../lines/segments';
import type { Reference, ReferenceTable } from './table';

export interface Citation {
  readonly ref: Reference;
  readonly line: number;
  /** Line-relative [start, end). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The match's groups (a name's replacement may refer to them). */
  readonly groups: readonly (string | undefined)[];
}

/** The citations in one line's words. */
export function citationsInLine(table: ReferenceTable, cl: CleanLine, line: number): Citation[] {
  const out: Citation[] = [];
  for (const [from, to] of contentSegments(cl)) {
    const seg = cl.line.text.slice(from, to);
    if (!table.any.test(seg)) continue;
    for (const ref of table.entries) {
      ref.re.lastIndex = 0;
      for (let m = ref.re.exec(seg); m; m = ref.re.exec(seg)) {
        if (m[0].length === 0) {
          ref.re.lastIndex++;
          continue;
        }
        out.push({ ref, line, start: from + m.index, end: from + m.index + m[0].length, text: m[0], groups: m.slice(1) });
      }
    }
  }
  // Longest first, then keep only what does not overlap a kept one.
  out.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Citation[] = [];
  for (const c of out) if (!kept.some((k) => c.start < k.end && c.end > k.start)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/** What citations are read from (an analysis's context): its lines, and the cache of the last analysis. */
export interface CitationSource {
  readonly lines: readonly CleanLine[];
  readonly cache?: AnalysisCache;
}

/** A line's citations by its text, and as placed on each line number; one variant per reference table. */
const CITATIONS = lineMemo<readonly Citation[]>('citations');
const PLACED_CITATIONS = slotMemo<{ readonly local: readonly Citation[]; readonly placed: readonly Citation[] }>('placedCitations');

/** The citations of the last call per analysis (two rules read them). */
const found = new WeakMap<CitationSource, { readonly table: ReferenceTable; readonly citations: Citation[] }>();

/**
 * Every citation of the document, in reading order. A line's citations depend on its text alone
 * (a debris line has none): with a cache, an unchanged line's come from the last analysis.
 */
export function citations(ctx: CitationSource, table: ReferenceTable): Citation[] {
  const known = found.get(ctx);
  if (known && known.table === table) return known.citations;
  const kept = ctx.cache && { found: ctx.cache.line(CITATIONS, table), placed: ctx.cache.slots(PLACED_CITATIONS, table) };
  const out: Citation[] = [];
  ctx.lines.forEach((cl, i) => {
    if (cl.isDebris || cl.contentStart >= cl.contentEnd) return;
    if (!kept) {
      out.push(...citationsInLine(table, cl, i));
      return;
    }
    const local = kept.found.get(cl.line.text, () => citationsInLine(table, cl, 0), i);
    if (local.length === 0) return;
    // Placed on the same line number as in the last analysis: the same (immutable) objects.
    const last = kept.placed.last(i);
    const here = last && last.local === local ? last : { local, placed: local.map((c) => ({ ...c, line: i })) };
    kept.placed.set(i, here);
    for (const c of here.placed) out.push(c);
  });
  found.set(ctx, { table, citations: out });
  return out;
}

/**
 * The day the report speaks from, YYYYMMDD: its 成文日期, else the last day of its report year;
 * null when it has neither.
 */
export function referenceDay(ctx: Pick<ReportModel, 'signature' | 'year'>): number | null {
  const d = ctx.signature?.date;
  if (d) return d.year * 10000 + d.month * 100 + d.day;
  return ctx.year === null ? null : ctx.year * 10000 + 1231;
}

/** The marks that end a sentence (。！？；!?;), by character code: two rules ask for every citation's sentence on every analysis. */
const SENTENCE_END = new Set([...'。！？；!?;'].map((c) => c.charCodeAt(0)));

/** The sentence of a line around [start, end): line-relative bounds. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !SENTENCE_END.has(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && !SENTENCE_END.has(text.charCodeAt(b))) b++;
  return [a, b];
}
