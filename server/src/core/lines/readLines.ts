/**
 * The first stage of an analysis: the text's line index and what each line is (debris, chrome,
 * content). With a cache, both are updated from the last analysis of the document: the index by
 * the edited region only, each unchanged line's class by one lookup.
 */
import type { Debris } from '../model';
import type { AnalysisCache, LineShift } from '../text/lineCache';
import { TextIndex } from '../text/lineIndex';
import { updatedIndex } from '../text/indexUpdate';
import { scanDebris, type CleanLine } from './cleanLines';

export interface ReadLines {
  readonly index: TextIndex;
  readonly lines: CleanLine[];
}

export function readLines(text: string, cache: AnalysisCache | undefined): ReadLines {
  const shift: LineShift = { first: 0, oldTail: 0, newTail: Infinity };
  const index = cache?.index ? updatedIndex(cache.index, text, shift) : new TextIndex(text);
  cache?.begin(index.lineCount, cache.index ? shift : undefined);
  return { index, lines: scanDebris(index.lines, cache, index) };
}

/**
 * Each line's debris as the model lists it, kept by the line's object: a line an edit did not touch
 * keeps its object however far the edit moved it (text/lineIndex.ts), and its spans' positions are
 * relative to it, so it lists the same (immutable) objects again. Only lines whose spans lie within
 * their text are kept: such a span's range does not depend on where the line starts.
 */
const listed = new WeakMap<CleanLine, readonly Debris[]>();

/** The debris of the lines as the model lists it (ranges in the text). */
export function debrisOf(index: TextIndex, lines: readonly CleanLine[]): Debris[] {
  const debris: Debris[] = [];
  for (const cl of lines) {
    if (cl.debris.length === 0) continue;
    let own = listed.get(cl);
    if (own === undefined) {
      const at = index.lineStart(cl.line.index);
      const text = cl.line.text;
      own = cl.debris.map((d) => ({
        kind: d.kind,
        text: text.slice(d.start, d.end),
        range: index.range(at + d.start, at + d.end),
        wholeLine: d.wholeLine,
      }));
      if (cl.debris.every((d) => d.start >= 0 && d.end <= text.length)) listed.set(cl, own);
    }
    for (const d of own) debris.push(d);
  }
  return debris;
}
