/**
 * What the figure extraction keeps of a line while it reads it and between analyses: the drafts
 * of its figures, with positions in the line and indexes and sentences counted from the line's
 * first (placement.ts makes them absolute).
 */
import type { CleanLine } from '../lines/cleanLines';
import type { OutlineNode } from '../model';
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

/**
 * What the extractor knows about a figure while it reads the sentence: the model figure's own
 * fields (model.ts `Figure`), its place as two offsets in the line (no range, line or sections:
 * placement adds them), and every optional field present from the start, so that all drafts
 * share one shape.
 */
export interface Draft {
  index: number;
  value: number;
  unit: string;
  label: string;
  subject: string | undefined;
  subjectFrom: number | undefined;
  approximate: boolean;
  modifier: string | undefined;
  text: string;
  /** [start, end) of the figure's text in the line (or the joined paragraph). */
  start: number;
  end: number;
  sentence: number;
  partOf: number | undefined;
  shareOf: number | undefined;
  /** Text between the previous figure of the sentence (or the clause start) and this one. */
  lead: string;
  /** Where the number itself starts (its section is looked up there). */
  at: number;
}

/** A line's figure as kept between analyses (read only). */
export type LineDraft = Readonly<Draft>;

/** The figures of one line: positions in the line, indexes and sentences counted from the line's first. */
export interface LineFigures {
  readonly figures: readonly LineDraft[];
  /** Sentence ends inside the line (the line end is not counted). */
  readonly sentences: number;
  /** The heading ordinals the line was read with (outlineLines' key; '' for none): a kept value is for the same ones. */
  readonly ordinals: string;
}
