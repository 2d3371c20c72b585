/**
 * Where a report cites the references of the table: every match in the words of the text
 * (debris left out), overlapping matches resolved in favour of the longer one.
 */
import type { ReportModel } from '../model';
import { documentMemo, type AnalysisCache } from '../text/lineCache';
import type { CleanLine } from '../lines/cleanLines';
import { contentSegments } from '../lines/segments';
import { skipSpaces, trimEndIndex } from '../text/lineIndex';
import { keepShape } from '../keptShapes';
import { unitTable } from '../text/unitTable';
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
export function citationsInLine(table: ReferenceTable, cl: CleanLine, line: number): readonly Citation[] {
  let out: Citation[] | undefined;
  // A line without debris spans is one piece, its content (most lines): no array of pieces, no slice of it.
  if (cl.debris.length === 0) {
    if (!cl.isDebris && cl.contentStart < cl.contentEnd)
      out = inPiece(table, line, cl.contentStart, cl.content ?? cl.line.text.slice(cl.contentStart, cl.contentEnd), out);
  } else for (const [from, to] of contentSegments(cl)) out = inPiece(table, line, from, cl.line.text.slice(from, to), out);
  // Most lines cite nothing: nothing to sort, no list made.
  if (out === undefined) return NONE;
  // Longest first, then keep only what does not overlap a kept one.
  out.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Citation[] = [];
  for (const c of out) if (!kept.some((k) => c.start < k.end && c.end > k.start)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/** The matches in the content piece `seg` that starts at `from`, added to `out` (made at the first). */
function inPiece(table: ReferenceTable, line: number, from: number, seg: string, out: Citation[] | undefined): Citation[] | undefined {
  const may = table.filter.groupsIn(seg);
  if (may === 0) return out;
  const entries = table.entries;
  // The bits named, lowest first (entry k has bit k, the 31st entry on share bit 30), not every entry
  // asked for its bit: the scan alone over the varied 1 MB's lines 3.59 → 3.39 ms (4 pairs).
  for (let bits = may; bits !== 0; bits &= bits - 1) {
    const k = 31 - Math.clz32(bits & -bits);
    const last = k === 30 ? entries.length - 1 : k;
    for (let e = k; e <= last; e++) out = matches(entries[e], line, from, seg, out);
  }
  return out;
}

/** The matches of one entry in the piece, added to `out` (made at the first). */
function matches(ref: Reference, line: number, from: number, seg: string, out: Citation[] | undefined): Citation[] | undefined {
  ref.re.lastIndex = 0;
  for (let m = ref.re.exec(seg); m; m = ref.re.exec(seg)) {
    if (m[0].length === 0) {
      ref.re.lastIndex++;
      continue;
    }
    (out ??= []).push({ ref, line, start: from + m.index, end: from + m.index + m[0].length, text: m[0], groups: m.slice(1) });
  }
  return out;
}

/** What citations are read from (an analysis's context): its lines, and the cache of the last analysis. */
export interface CitationSource {
  readonly lines: readonly CleanLine[];
  readonly cache?: AnalysisCache;
}

/**
 * Citations by line text, for the document: a line without debris spans reads its text from the
 * first to the last non-space character, so its words are its text. A line is scanned when its text
 * is new; a new 成文日期 or report year — every line judged again — reads them all from here. What
 * edited lines leave behind is dropped when the map has grown to twice the document's lines.
 */
interface Known {
  table: ReferenceTable | undefined;
  readonly byText: Map<string, readonly Citation[]>;
}
const KNOWN = documentMemo<Known>('citations', () => ({ table: undefined, byText: new Map() }));

/**
 * One analysis's lines' citations by line number, for the second rule that asks: a line is scanned
 * once per analysis. Only the last analysis's (the rules of one analysis ask one after the other).
 */
let shared:
  | { readonly lines: readonly CleanLine[]; readonly table: ReferenceTable; readonly byLine: (readonly Citation[] | undefined)[] }
  | undefined;

const NONE: readonly Citation[] = [];

/**
 * How one rule reads the citations of the analysis's lines, one line at a time, line-relative
 * (`line` is 0): the rules keep their findings by line (rules/lineChanges.ts) and ask only for the
 * lines that changed, both rules for the same lines, each line scanned once. With a cache, a line's
 * text seen before is not scanned again.
 */
export function citationReader(ctx: CitationSource, table: ReferenceTable): CitationReader {
  return new CitationReader(ctx, table);
}

/** A class, not a closure made at each analysis: its method keeps its optimised code across full collections (rules/lineChanges.ts). */
export class CitationReader {
  private readonly known: Known | undefined;
  private readonly limit: number;
  constructor(
    private readonly ctx: CitationSource,
    private readonly table: ReferenceTable,
  ) {
    const known = ctx.cache?.document(KNOWN);
    if (known && known.table !== table) {
      known.table = table;
      known.byText.clear();
    }
    this.known = known;
    this.limit = 2 * ctx.lines.length + 64;
  }

  /** The line's citations, line-relative (`line` is 0). */
  read(cl: CleanLine): readonly Citation[] {
    if (cl.isDebris || cl.contentStart >= cl.contentEnd) return NONE;
    const { known, table, ctx } = this;
    const text = cl.line.text;
    if (known && cl.debris.length === 0 && cl.contentStart === skipSpaces(text) && cl.contentEnd === trimEndIndex(text)) {
      let found = known.byText.get(text);
      if (found === undefined) {
        if (known.byText.size > this.limit) known.byText.clear();
        known.byText.set(text, (found = scanned(table, cl)));
      }
      return found;
    }
    const i = cl.line.index;
    if (ctx.lines[i] !== cl) return scanned(table, cl);
    if (shared === undefined || shared.lines !== ctx.lines || shared.table !== table) shared = { lines: ctx.lines, table, byLine: [] };
    return (shared.byLine[i] ??= scanned(table, cl));
  }

  /**
   * The lines, ascending, that cite something, every line of the analysis read (each once per analysis,
   * as `read` reads it): the rules that compute every line compute these only (rules/citationLines.ts).
   * The first asks and reads them all in one loop; the second is given the same list. `holding`: the
   * lines, ascending, holding a character of the table's `rare` class — no other line cites, and only
   * these are read (2,182 of the varied 1 MB's 11,743 lines for the built-in table).
   */
  citingLines(holding?: readonly number[]): readonly number[] {
    const lines = this.ctx.lines;
    if (citing !== undefined && citing.lines === lines && citing.table === this.table) return citing.at;
    const at: number[] = [];
    if (holding === undefined) {
      for (let i = 0; i < lines.length; i++) if (this.read(lines[i]).length > 0) at.push(i);
    } else for (const i of holding) if (i < lines.length && this.read(lines[i]).length > 0) at.push(i);
    citing = { lines, table: this.table, at };
    return at;
  }
}

/** The last analysis's lines that cite something (CitationReader.citingLines). */
let citing: { readonly lines: readonly CleanLine[]; readonly table: ReferenceTable; readonly at: readonly number[] } | undefined;

// Made at every analysis: one kept for its shape (keptShapes.ts).
keepShape(new CitationReader({ lines: [] }, {} as ReferenceTable));

/** A line's citations, line-relative; none as one shared empty list. */
function scanned(table: ReferenceTable, cl: CleanLine): readonly Citation[] {
  const found = citationsInLine(table, cl, 0);
  return found.length === 0 ? NONE : found;
}

/** A number per reference table (tables are compiled once per list): part of the key of findings kept by line. */
const tableNumbers = new WeakMap<ReferenceTable, number>();
let tables = 0;

export function tableNumber(table: ReferenceTable): number {
  let n = tableNumbers.get(table);
  if (n === undefined) tableNumbers.set(table, (n = tables++));
  return n;
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

/**
 * The marks that end a sentence (。！？；!?;), by unit: two rules ask for every citation's sentence on
 * every analysis, reading the line around it a character at a time (a table read, where a set's lookup
 * was a fifth of outdated-reference's own time).
 */
const SENTENCE_END = unitTable('。！？；!?;');

/** The sentence of a line around [start, end): line-relative bounds. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && SENTENCE_END[text.charCodeAt(a - 1)] === 0) a--;
  let b = end;
  while (b < text.length && SENTENCE_END[text.charCodeAt(b)] === 0) b++;
  return [a, b];
}
