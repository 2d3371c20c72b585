/**
 * Which lines of an analysis read as a line of the last analysis of the document did, and line-local
 * results kept by them: a keystroke's line-local rule work is the edited lines', not the document's
 * (issue 27). The lines are compared once per analysis, for every rule that keeps results this way.
 */
import type { CleanLine } from '../lines/cleanLines';
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
    changes = { previous: last.lines, dirty: dirtyLines(ctx.lines, last.lines, ordinals, last.ordinals, old, first), now, old };
  }
  last.index = ctx.index;
  last.lines = ctx.lines;
  last.ordinals = ordinals;
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
  for (let i = 0; i < n; i++) {
    const j = old(i);
    if (j < 0 || j >= previous.length) dirty.push(i);
    else if (lines[i] !== previous[j] && !sameReading(lines[i], previous[j])) dirty.push(i);
    else if ((ordinals.has(i) || before.has(j) || ordinals.heading(i) || before.heading(j)) && !sameOrdinals(ordinals, i, before, j))
      dirty.push(i);
  }
  // The first line of the edit reads anew even when the edit only removed lines: the lines between two
  // changed ones all moved alike. (The last line stays the last unless the edit reached it: the lines
  // after an edit are the last analysis's, as many.)
  return withLine(dirty, first, n);
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
 * Visits, in line order, every line's results. `compute` reads one line alone (its reading, its
 * ordinals and heading flag, whether it is the last line; anything else goes into `variant`) and
 * gives its results relative to the line; `place` puts them on a line number. With a cache, only
 * the lines that changed since the last analysis are computed; the others hand out the last
 * analysis's results, placed again where the line moved — no walk over the unchanged lines.
 */
export function eachLineResult<T, P>(
  ctx: AnalysisContext,
  store: PerLineMemo<T, P>,
  variant: string,
  compute: (cl: CleanLine) => readonly T[],
  place: (found: readonly T[], line: number) => P,
  visit: (placed: P) => void,
): void {
  const slot = ctx.cache?.document(store.memo);
  const changes = slot && lineChanges(ctx);
  const last = slot?.last;
  const next: Kept<T, P> = { variant, lines: ctx.lines, at: [], found: [], placed: [] };
  const add = (line: number, found: readonly T[], placed: P) => {
    next.at.push(line);
    next.found.push(found);
    next.placed.push(placed);
    visit(placed);
  };
  const computed = (line: number) => {
    const found = compute(ctx.lines[line]);
    if (found.length > 0) add(line, found, place(found, line));
  };
  if (changes === undefined || last === undefined || last.lines !== changes.previous || last.variant !== variant) {
    for (let i = 0; i < ctx.lines.length; i++) computed(i);
  } else {
    const dirty = changes.dirty;
    let d = 0;
    for (let k = 0; k < last.at.length; k++) {
      const j = last.at[k];
      const i = changes.now(j);
      if (i < 0) continue;
      while (d < dirty.length && dirty[d] < i) computed(dirty[d++]);
      if (d < dirty.length && dirty[d] === i) continue; // read anew when its turn comes
      add(i, last.found[k], i === j ? last.placed[k] : place(last.found[k], i));
    }
    while (d < dirty.length) computed(dirty[d++]);
  }
  if (slot) slot.last = next;
}
