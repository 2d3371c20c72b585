/**
 * What the figure extraction keeps of a line while it reads it and between analyses: the drafts
 * of its figures, with positions on line 0 and indexes and sentences counted from the line's first
 * (placement.ts makes them absolute).
 */
import type { CleanLine } from '../lines/cleanLines';
import type { Figure, OutlineNode } from '../model';
import type { TextIndex } from '../text/lineIndex';

/** What figures are read from: the analysis's lines and outline. */
export interface FigureSource {
  readonly index: TextIndex;
  readonly lines: readonly CleanLine[];
  readonly outline: readonly OutlineNode[];
  /** Line-relative [start, end) content pieces of a line (debris left out). */
  segments(cl: CleanLine): [number, number][];
  /** Hard-wrapped text (lines/hardWrap.ts): line → the line its sentence goes on on; such lines are read as one. */
  readonly joins?: ReadonlyMap<number, number>;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the extractor knows about a figure while it reads the sentence. */
export interface Draft extends Mutable<Figure> {
  /** Text between the previous figure of the sentence (or the clause start) and this one. */
  lead: string;
}

/** The figures of one line: positions on line 0, indexes and sentences counted from the line's first. */
export interface LineFigures {
  readonly figures: readonly LineDraft[];
  /** Sentence ends inside the line (the line end is not counted). */
  readonly sentences: number;
}

export interface LineDraft extends Draft {
  /** Where the number itself starts (its section is looked up there). */
  at: number;
}
