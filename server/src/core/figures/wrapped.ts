/**
 * A paragraph broken over lines (hard-wrapped PDF text, wrap.ts) read as one text for figures:
 * a sentence, a 其中 group, even a number and its unit (1356 / 件) may run across a line end.
 * Keeps, for each character of the joined text, its offset in the document.
 */
import type { OutlineLines } from '../document/outlineLines';
import type { FigureSource } from './draft';

export interface JoinedLines {
  /** The content of the lines, debris left out, without the line breaks. */
  readonly text: string;
  /** Document offset of each character of `text`. */
  readonly offsets: readonly number[];
  /** The last line joined. */
  readonly last: number;
  /** Heading ordinal positions (by line, line-relative) as positions in `text`. */
  skip(ordinals: OutlineLines): Set<number> | undefined;
}

/** Joins line `first` with the lines it goes on on (src.joins), in order. */
export function joinedLines(src: FigureSource, first: number): JoinedLines {
  let text = '';
  const offsets: number[] = [];
  const pieces: { line: number; from: number; at: number; to: number }[] = [];
  let i = first;
  for (;;) {
    const cl = src.lines[i];
    const start = src.index.lineStart(cl.line.index);
    for (const [a, b] of src.segments(cl)) {
      pieces.push({ line: cl.line.index, from: a, at: text.length, to: b });
      text += cl.line.text.slice(a, b);
      for (let k = a; k < b; k++) offsets.push(start + k);
    }
    const next = src.joins?.get(i);
    if (next === undefined) break;
    i = next;
  }
  return {
    text,
    offsets,
    last: i,
    skip(ordinals) {
      let out: Set<number> | undefined;
      for (const p of pieces) {
        const set = ordinals.chars(p.line);
        if (!set) continue;
        for (const c of set) if (c >= p.from && c < p.to) (out ??= new Set()).add(p.at + c - p.from);
      }
      return out;
    },
  };
}
