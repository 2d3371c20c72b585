/**
 * What the figure extraction keeps of a line while it reads it and between analyses: the drafts
 * of its figures, with positions on line 0 and indexes and sentences counted from the line's first
 * (placement.ts makes them absolute).
 */
import type { Figure } from '../model';

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
