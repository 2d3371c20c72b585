/**
 * The figures of a document's last analysis, line by line, and a keystroke's figures spliced from
 * them (issue 27): when every line kept its number, only the lines that changed, and those on which
 * the outline changed around them (outlineChanges.ts), are read and placed again; the other lines'
 * figures stand as they were, without a walk over the document's lines or figures. The figure rules
 * then re-check only the figures that changed (`figureChanges`, rules/figureFindings.ts).
 */
import type { CleanLine } from '../lines/cleanLines';
import type { Figure, OutlineNode } from '../model';
import { documentMemo, type AnalysisCache } from '../text/lineCache';
import type { TextIndex } from '../text/lineIndex';
import type { FigureSource, LineFigures } from './draft';
import { outlineLines } from '../document/outlineLines';
import { changedSpans } from './outlineChanges';
import { placeLine, type SectionTable } from './placement';

/** An analysis's figures by line. The arrays are the analysis's own; a splice updates them in place for the next one. */
export interface LastFigures {
  /** The analysis's line index: a splice is only made against `cache.index`'s analysis. */
  index: TextIndex;
  lines: readonly CleanLine[];
  outline: readonly OutlineNode[];
  figures: readonly Figure[];
  /** What each line was read as; undefined for a line not read on its own (debris, no content, a joined paragraph's). */
  readonly locals: (LineFigures | undefined)[];
  /** The index of each line's first figure (length: lines + 1; the last is the figure count). */
  readonly first: Int32Array;
  /** The sentence number each line starts at (length: lines + 1). */
  readonly sentence: Int32Array;
  /** Whether a paragraph was read over several lines (hard-wrapped text: lines are not read alone). */
  readonly joined: boolean;
}

const LAST = documentMemo<{ last?: LastFigures }>('lastFigures', () => ({}));

/** The document's last figures, kept by `extractFigures` (with a cache). */
export function lastFigures(cache: AnalysisCache): { last?: LastFigures } {
  return cache.document(LAST);
}

/**
 * How an analysis's figures differ from the last one's, when a splice made them: as many figures,
 * and the same objects at every index outside `ranges` (flat [from, to) pairs, ascending, whole lines).
 */
export interface FigureChanges {
  readonly previous: readonly Figure[];
  readonly ranges: readonly number[];
}

const changesOf = new WeakMap<readonly Figure[], FigureChanges>();

/** How `figures` differ from the analysis before (undefined: not known, compare them all). */
export function figureChanges(figures: readonly Figure[]): FigureChanges | undefined {
  return changesOf.get(figures);
}

/**
 * How an analysis's figures, read line by line, stand to the last analysis's when no splice made
 * them (lines added or removed, a line's figure count changed): a line that reads as a line of the
 * last analysis did (the same reading, from the line memo) has the same figures, moved to its new
 * line and indexes; only the other lines' figures need checking again (rules/figureFindings.ts).
 */
export interface FigureMoves {
  readonly previous: readonly Figure[];
  /** For each figure of the last analysis, its index now when its line reads as it did, else -1. */
  readonly now: Int32Array;
  /** The figures [from, to) of the lines that do not read as a line of the last analysis did (flat pairs, ascending, whole lines). */
  readonly ranges: readonly number[];
}

const movesOf = new WeakMap<readonly Figure[], FigureMoves>();

/** How `figures`, read in full, stand to the analysis before (undefined: not known, or spliced: see figureChanges). */
export function figureMoves(figures: readonly Figure[]): FigureMoves | undefined {
  return movesOf.get(figures);
}

/**
 * Notes how the figures of a full reading (`next`) stand to the last one's, line by line through the
 * cache's shift. Only when `last` is the analysis the shift is counted from, and neither read a
 * paragraph over several lines (a joined paragraph's figures are not one line's).
 */
export function noteMoves(cache: AnalysisCache, last: LastFigures, next: LastFigures): void {
  if (last.index !== cache.index || last.joined || next.joined) return;
  const now = new Int32Array(last.figures.length).fill(-1);
  const ranges: number[] = [];
  const n = next.lines.length;
  for (let i = 0; i < n; i++) {
    const from = next.first[i];
    const to = next.first[i + 1];
    const j = cache.oldLine(i);
    const local = next.locals[i];
    if (j >= 0 && j < last.lines.length && local !== undefined && local === last.locals[j]) {
      // The same reading: as many figures, each the one of the last analysis at the line's old base.
      const base = last.first[j];
      for (let k = 0; k < to - from; k++) now[base + k] = from + k;
    } else if (to > from) {
      if (ranges.length > 0 && ranges[ranges.length - 1] === from) ranges[ranges.length - 1] = to;
      else ranges.push(from, to);
    }
  }
  // Only the newest figures name their previous ones (as a splice's do): a chain of entries, each
  // naming the figures before, would keep every older array alive.
  forget(last.figures);
  movesOf.set(next.figures, { previous: last.figures, now, ranges });
}

/** What `figures` named of the analysis before them, forgotten. */
function forget(figures: readonly Figure[]): void {
  changesOf.delete(figures);
  movesOf.delete(figures);
}

/** How many analyses with a cache spliced their figures and how many read every line, since load (tests and the bench read it). */
export const spliceCounts = { spliced: 0, full: 0 };

/**
 * The figures of this analysis spliced from the last one's, or undefined when a splice cannot be
 * made (then every line is read, as without a cache): lines were added or removed, a paragraph is
 * read over lines, or a line that changed has another figure count or sentence count than it had
 * (every figure after it then has another index or sentence). `read` reads one line as the full
 * pass does (undefined: a line that is not read).
 */
export function splicedFigures(
  src: FigureSource,
  cache: AnalysisCache,
  last: LastFigures,
  sections: SectionTable,
  read: (cl: CleanLine, line: number) => LineFigures | undefined,
  repeatLast: () => void,
): readonly Figure[] | undefined {
  const lines = src.lines;
  const n = lines.length;
  const shift = cache.shift;
  if (last.index !== cache.index || last.joined || (src.joins !== undefined && src.joins.size > 0)) return undefined;
  if (n !== last.lines.length || shift.newTail !== shift.oldTail || !Number.isFinite(shift.newTail)) return undefined;
  // The lines to read again, as [from, to] spans: the edited ones, those whose reading is another object
  // (classified anew), and those where the outline changed around them.
  const spans: number[] = [shift.first, shift.newTail - 1];
  const before = last.lines;
  for (let i = 0; i < n; i++) if (lines[i] !== before[i]) spans.push(i, i);
  if (last.outline !== src.outline) {
    // Lines with figures where the sections may differ, and lines whose ordinals differ (what a line is read with).
    const first = last.first;
    changedSpans(
      last.outline,
      src.outline,
      spans,
      (from, to) => first[Math.min(n, Math.max(0, to) + 1)] > first[Math.min(n, Math.max(0, from))],
    );
    outlineLines(src.outline, n).differing(outlineLines(last.outline, n), n, spans);
  }
  const dirty = mergedSpans(spans, n);
  // The line memo takes this analysis's lines as the last one's (the same numbers), but for those read below.
  repeatLast();
  const locals: (LineFigures | undefined)[] = [];
  for (let s = 0; s < dirty.length; s += 2) {
    for (let i = dirty[s]; i <= dirty[s + 1]; i++) {
      const local = read(lines[i], i);
      const count = local === undefined ? 0 : local.figures.length;
      const sentences = local === undefined ? 1 : local.sentences + 1;
      if (count !== last.first[i + 1] - last.first[i] || sentences !== last.sentence[i + 1] - last.sentence[i]) return undefined;
      locals.push(local);
    }
  }
  // Every line keeps its figure indexes and sentence numbers: the changed lines' figures are placed again.
  const old = last.figures;
  let out: Figure[] | undefined;
  const ranges: number[] = [];
  let k = 0;
  for (let s = 0; s < dirty.length; s += 2) {
    for (let i = dirty[s]; i <= dirty[s + 1]; i++, k++) {
      const local = locals[k];
      if (local === undefined || local.figures.length === 0) continue;
      const base = last.first[i];
      const end = last.first[i + 1];
      out ??= old.slice();
      placeLine(out, local, base, last.sentence[i], i, sections, old, last.locals[i]);
      let changed = false;
      for (let f = base; f < end && !changed; f++) changed = out[f] !== old[f];
      if (!changed) continue;
      if (ranges.length > 0 && ranges[ranges.length - 1] === base) ranges[ranges.length - 1] = end;
      else ranges.push(base, end);
    }
  }
  // The next analysis splices from this one: the kept arrays become this analysis's.
  k = 0;
  for (let s = 0; s < dirty.length; s += 2) for (let i = dirty[s]; i <= dirty[s + 1]; i++) last.locals[i] = locals[k++];
  const figures = out !== undefined && ranges.length > 0 ? out : old;
  if (figures !== old) {
    // Only the newest figures name their previous ones: a chain of entries would keep every older array alive.
    forget(old);
    changesOf.set(figures, { previous: old, ranges });
  }
  last.index = src.index;
  last.lines = lines;
  last.outline = src.outline;
  last.figures = figures;
  spliceCounts.spliced++;
  return figures;
}

/** [from, to] spans (pairs, in any order), clipped to the `n` lines, sorted and merged. */
function mergedSpans(spans: number[], n: number): number[] {
  const pairs: [number, number][] = [];
  for (let k = 0; k < spans.length; k += 2) {
    const from = Math.max(0, spans[k]);
    const to = Math.min(n - 1, spans[k + 1]);
    if (from <= to) pairs.push([from, to]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of pairs) {
    if (out.length > 0 && from <= out[out.length - 1] + 1) out[out.length - 1] = Math.max(out[out.length - 1], to);
    else out.push(from, to);
  }
  return out;
}
