/**
 * Which lines of an analysis read as a line of the last analysis of the document did, and line-local
 * results kept by them: a keystroke's line-local rule work is the edited lines', not the document's
 * (issue 27). The lines are compared once per analysis, for every rule that keeps results this way.
 */
import type { CleanLine } from '../lines/cleanLines';
import type { OutlineNode } from '../model';
import { outlineLines, type OutlineLines } from '../document/outlineLines';
import { documentMemo, type DocumentMemo } from '../text/lineCache';
import type { TextIndex } from '../text/lineIndex';
import type { AnalysisContext } from './context';

/** How the lines of an analysis stand to the last analysis's. */
export interface LineChanges {
  /** The last analysis's lines (`ctx.lines`), which these changes are measured from. */
  readonly previous: readonly CleanLine[];
  /**
   * The lines, ascending, that do not read as the line they were: new or edited, classified anew,
   * an ordinal or heading on them changed, and the first line of the edit. Every other line reads
   * as its old line did — its text, debris, content bounds, ordinals and heading flag are the same.
   */
  readonly dirty: readonly number[];
  /** The number the last analysis's line `old` has now; -1 when it was edited or removed. */
  now(old: number): number;
  /** The number line `line` had in the last analysis; -1 for a line of the edited region. */
  old(line: number): number;
  /**
   * Whether the outline reads as it did, line for line: as many lines as before, and no changed line
   * (`dirty`) carries, or carried, a heading or an ordinal, or follows a line that does (a heading may
   * run on into the next line). Then every heading and item stands on the line it stood on, with the
   * same ordinal, title and place in the tree — only the sections' ends and offsets may differ.
   * Computed on first ask, once per analysis.
   */
  outlineAlike(): boolean;
  /**
   * Whether the outline's ordinals read as they did, line for line: `outlineAlike`, but a changed line
   * may carry a heading or item whose ordinal, and all before it on the line, read as before (a heading
   * renamed). Every heading and item stands where it stood with the same ordinal (text, style, value,
   * variants, range) and place in the tree; titles may differ, except those of headings that lost their
   * ordinal (they have no ordinal text of their own to compare).
   */
  ordinalsAlike(): boolean;
}

/**
 * What the last analysis that asked read: the next one compares its lines with these. Its changes
 * are kept here too, computed once per analysis — and only the last analysis's: changes hold the
 * lines before them, so changes kept by their lines (a WeakMap) would keep every older version alive.
 */
interface Reading {
  index?: TextIndex;
  lines?: readonly CleanLine[];
  ordinals?: OutlineLines;
  outline?: readonly OutlineNode[];
  changes?: LineChanges;
}
const LAST_READING = documentMemo<Reading>('lastReading', () => ({}));

/**
 * The changes since the last analysis of the document, or undefined when they are not known (no
 * cache, the first analysis, or a last analysis that did not ask — then the cache's line shift
 * is not from the lines kept here).
 */
export function lineChanges(ctx: AnalysisContext): LineChanges | undefined {
  const cache = ctx.cache;
  if (cache === undefined) return undefined;
  const last = cache.document(LAST_READING);
  if (last.lines === ctx.lines) return last.changes;
  const ordinals = outlineLines(ctx.outline, ctx.lines.length);
  const shift = cache.shift;
  let changes: LineChanges | undefined;
  // The cache's shift maps the lines of its last index to these: only valid when that index is the
  // one whose lines were kept here.
  if (last.index !== undefined && last.index === cache.index && last.lines && last.ordinals) {
    const { first, oldTail, newTail } = shift;
    // No tail (newTail Infinity: the edit reached the end of the text): only the lines before it are kept.
    const old = (line: number) => (line < first ? line : line >= newTail ? line - newTail + oldTail : -1);
    const now = (line: number) => (line < first ? line : line >= oldTail && newTail !== Infinity ? line - oldTail + newTail : -1);
    const dirty = dirtyLines(ctx.lines, last.lines, ordinals, last.ordinals, old, first);
    const before = last.ordinals;
    const outline = ctx.outline;
    const previousOutline = last.outline ?? [];
    const count = ctx.lines.length;
    const previous = last.lines;
    let alike: boolean | undefined;
    let ordinalsAlike: boolean | undefined;
    const reading = { lines: ctx.lines, ordinals, outline };
    const was = { lines: previous, ordinals: before, outline: previousOutline };
    changes = {
      previous,
      dirty,
      now,
      old,
      outlineAlike: () => (alike ??= count === previous.length && outlineAlike(dirty, reading, was, false)),
      ordinalsAlike: () => (ordinalsAlike ??= count === previous.length && outlineAlike(dirty, reading, was, true)),
    };
  }
  last.index = ctx.index;
  last.lines = ctx.lines;
  last.ordinals = ordinals;
  last.outline = ctx.outline;
  last.changes = changes;
  return changes;
}

function dirtyLines(
  lines: readonly CleanLine[],
  previous: readonly CleanLine[],
  ordinals: OutlineLines,
  before: OutlineLines,
  old: (line: number) => number,
  first: number,
): number[] {
  const n = lines.length;
  const dirty: number[] = [];
  // One index for both outlines (outlineLines.ts shares it when no ordinal moved) and the lines where they
  // were: no line's ordinals changed, and only the lines themselves are compared.
  const sameOrdinalsEverywhere = ordinals === before && n === previous.length;
  for (let i = 0; i < n; i++) {
    const j = old(i);
    if (j < 0 || j >= previous.length) dirty.push(i);
    else if (lines[i] !== previous[j] && !sameReading(lines[i], previous[j])) dirty.push(i);
    else if (sameOrdinalsEverywhere) continue;
    else if ((ordinals.has(i) || before.has(j) || ordinals.heading(i) || before.heading(j)) && !sameOrdinals(ordinals, i, before, j))
      dirty.push(i);
  }
  // The first line of the edit reads anew even when the edit only removed lines: the lines between two
  // changed ones all moved alike. (The last line stays the last unless the edit reached it: the lines
  // after an edit are the last analysis's, as many.)
  return withLine(dirty, first, n);
}

/** One analysis's lines, outline, and the outline's ordinals by line. */
interface OutlineReading {
  readonly lines: readonly CleanLine[];
  readonly ordinals: OutlineLines;
  readonly outline: readonly OutlineNode[];
}

/**
 * Whether no changed line carries or carried a heading or an ordinal (lines as many as before: a
 * changed line's old self stood on its number) — with `renamed`, unless its ordinals and all before
 * them read as before — and the heading before each changed line, if any, reads as it did: a heading
 * may run on into the next line (outline.ts `headingContinuation`).
 */
function outlineAlike(dirty: readonly number[], now: OutlineReading, before: OutlineReading, renamed: boolean): boolean {
  const a = now.ordinals;
  const b = before.ordinals;
  for (const i of dirty) {
    if (a.has(i) || a.heading(i) || b.has(i) || b.heading(i)) {
      if (!renamed || !sameOrdinalsOn(now, before, i)) return false;
    } else if (i > 0 && (a.has(i - 1) || b.has(i - 1)) && !sameHead(now, before, i - 1)) return false;
  }
  return true;
}

/**
 * Whether the line's ordinals are as before: the same spans, heading flag, and text up to the end of
 * the last span (its indentation and the ordinals' text, which give their style, value and variants).
 * A heading that lost its ordinal (an empty span) is read from its title: not as before.
 */
function sameOrdinalsOn(now: OutlineReading, before: OutlineReading, line: number): boolean {
  const a = now.ordinals;
  const b = before.ordinals;
  if (a.heading(line) !== b.heading(line) || a.key(line) !== b.key(line)) return false;
  const spans = a.spans(line);
  if (spans === undefined) return false;
  let end = 0;
  for (const [s, e] of spans) {
    if (e <= s) return false;
    end = Math.max(end, e);
  }
  const x = now.lines[line].line.text;
  const y = before.lines[line].line.text;
  return x.length >= end && y.length >= end && x.startsWith(y.slice(0, end));
}

/** Whether one node, the same in both outlines (kind, name, title, where its heading ends), starts on the line. */
function sameHead(now: OutlineReading, before: OutlineReading, line: number): boolean {
  if (!now.ordinals.single(line) || !before.ordinals.single(line)) return false;
  const x = nodeOnLine(now.outline, line);
  const y = nodeOnLine(before.outline, line);
  if (x === undefined || y === undefined) return false;
  if (x === y) return true;
  const r = x.selectionRange;
  const q = y.selectionRange;
  return (
    x.kind === y.kind &&
    x.name === y.name &&
    x.title === y.title &&
    r.start.line === q.start.line &&
    r.start.character === q.start.character &&
    r.end.line === q.end.line &&
    r.end.character === q.end.character
  );
}

/** The node starting on `line`: siblings stand in line order, so each level is searched by halves. */
function nodeOnLine(outline: readonly OutlineNode[], line: number): OutlineNode | undefined {
  let level = outline;
  for (;;) {
    let lo = 0;
    let hi = level.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (level[mid].line <= line) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return undefined;
    const n = level[lo - 1];
    if (n.line === line) return n;
    level = n.children;
  }
}

/** `sorted` with `line` added (when in range), ascending, once. */
function withLine(sorted: number[], line: number, n: number): number[] {
  if (line < 0 || line >= n || sorted.includes(line)) return sorted;
  let k = sorted.length;
  while (k > 0 && sorted[k - 1] > line) k--;
  sorted.splice(k, 0, line);
  return sorted;
}

/** Two lines that read alike: the same text, debris spans (the same objects) and content bounds. */
function sameReading(a: CleanLine, b: CleanLine): boolean {
  return (
    a.line.text === b.line.text &&
    a.debris === b.debris &&
    a.isDebris === b.isDebris &&
    a.contentStart === b.contentStart &&
    a.contentEnd === b.contentEnd
  );
}

function sameOrdinals(a: OutlineLines, i: number, b: OutlineLines, j: number): boolean {
  return a.heading(i) === b.heading(j) && a.key(i) === b.key(j);
}

/** One user's line-local results of the last analysis: the lines that had some, ascending, what each had and as placed on it. */
interface Kept<T, P> {
  readonly variant: string;
  readonly lines: readonly CleanLine[];
  readonly at: number[];
  readonly found: (readonly T[])[];
  readonly placed: P[];
}

/** Where one user of `eachLineResult` keeps its results, declared beside it (`perLineMemo('punctuation-width')`). */
export interface PerLineMemo<T, P> {
  readonly memo: DocumentMemo<{ last?: Kept<T, P> }>;
}

export const perLineMemo = <T, P>(name: string): PerLineMemo<T, P> => ({ memo: documentMemo(name, () => ({})) });

/**
 * What `eachLineResult` does with a line, as module-level functions given one shared value (`arg`):
 * `compute` reads one line alone (its reading, its ordinals and heading flag, whether it is the last
 * line; anything else goes into the variant) and gives its results relative to the line; `place`
 * puts them on a line number; `visit` takes each line's placed results in line order. Not closures
 * made at each analysis: V8 keeps a closure's optimised code only while a closure of it lives, so one
 * made per analysis was compiled again after every full collection (docs/performance.md, round 15).
 */
export interface LineResults<T, P, A> {
  compute(cl: CleanLine, arg: A): readonly T[];
  /**
   * The lines, ascending, that may have results, when every line is to be computed (the others have
   * none: `compute` would give none); undefined for all of them. Asked only then: a keystroke's few
   * lines are computed without it.
   */
  candidates?(ctx: AnalysisContext, arg: A): readonly number[] | undefined;
  place(found: readonly T[], line: number, arg: A): P;
  visit(placed: P, arg: A): void;
}

/**
 * Visits, in line order, every line's results (`how`, given `arg`). With a cache, only the lines that
 * changed since the last analysis are computed; the others hand out the last analysis's results,
 * placed again where the line moved — no walk over the unchanged lines.
 */
export function eachLineResult<T, P, A>(
  ctx: AnalysisContext,
  store: PerLineMemo<T, P>,
  variant: string,
  how: LineResults<T, P, A>,
  arg: A,
): void {
  const slot = ctx.cache?.document(store.memo);
  const changes = slot && lineChanges(ctx);
  const last = slot?.last;
  const next: Kept<T, P> = { variant, lines: ctx.lines, at: [], found: [], placed: [] };
  if (changes === undefined || last === undefined || last.lines !== changes.previous || last.variant !== variant) {
    const only = how.candidates?.(ctx, arg);
    if (only === undefined) for (let i = 0; i < ctx.lines.length; i++) computed(ctx, how, arg, next, i);
    else for (const i of only) computed(ctx, how, arg, next, i);
  } else {
    const dirty = changes.dirty;
    let d = 0;
    for (let k = 0; k < last.at.length; k++) {
      const j = last.at[k];
      const i = changes.now(j);
      if (i < 0) continue;
      while (d < dirty.length && dirty[d] < i) computed(ctx, how, arg, next, dirty[d++]);
      if (d < dirty.length && dirty[d] === i) continue; // read anew when its turn comes
      added(how, arg, next, i, last.found[k], i === j ? last.placed[k] : how.place(last.found[k], i, arg));
    }
    while (d < dirty.length) computed(ctx, how, arg, next, dirty[d++]);
  }
  if (slot) slot.last = next;
}

/** One line's results computed, kept and visited when it has some. */
function computed<T, P, A>(ctx: AnalysisContext, how: LineResults<T, P, A>, arg: A, next: Kept<T, P>, line: number): void {
  const found = how.compute(ctx.lines[line], arg);
  if (found.length > 0) added(how, arg, next, line, found, how.place(found, line, arg));
}

function added<T, P, A>(how: LineResults<T, P, A>, arg: A, next: Kept<T, P>, line: number, found: readonly T[], placed: P): void {
  next.at.push(line);
  next.found.push(found);
  next.placed.push(placed);
  how.visit(placed, arg);
}
