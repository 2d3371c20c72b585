/**
 * Where a line's figures go in the model: indexes, line, sentence and sections made absolute.
 * A line whose text, figure index, sentence number and sections are as in the last analysis
 * hands out the same (immutable) figure objects, so a keystroke allocates only the edited line's
 * figures. A joined paragraph's figures (wrapped.ts) are mapped back onto the lines they stand on.
 */
import { documentMemo, type AnalysisCache } from '../text/lineCache';
import type { Figure, OutlineNode } from '../model';
import { nodeAt, nodesAtLine } from '../document/outlineWalk';
import type { FigureSource, LineDraft, LineFigures, Mutable } from './draft';
import type { JoinedLines } from './wrapped';

/**
 * The sections a figure stands in: the names of the outline nodes containing it, outermost first,
 * and the parts of the outermost. Figures in one innermost node share one (immutable) pair of
 * arrays, and the document's analyses hand out the same pair wherever the names and parts read the
 * same: a placed figure is still in place when its arrays are the ones found now (one comparison,
 * where the chain of nodes was made and its names compared for every figure of every keystroke).
 */
interface Sections {
  readonly names: readonly string[];
  readonly parts: readonly string[];
}

const NO_SECTIONS: Sections = Object.freeze({ names: Object.freeze([]), parts: Object.freeze([]) });

/** The sections of the positions of one outline (one model's), found by the innermost node there. */
export class SectionTable {
  private readonly byNode = new Map<OutlineNode, Sections>();

  constructor(
    private readonly outline: readonly OutlineNode[],
    /**
     * The pairs handed out by the document's analyses, by what they say (with a cache; else this
     * table's own). Kept across analyses, as a figure a keystroke did not re-place still holds the
     * pair it was placed with, many analyses ago.
     */
    private readonly byText: Map<string, Sections>,
  ) {}

  at(line: number, character: number): Sections {
    const node = nodeAt(this.outline, line, character);
    if (node === undefined) return NO_SECTIONS;
    let s = this.byNode.get(node);
    if (s === undefined) {
      // Once per node and analysis: the chain to the node is the same wherever the node is hit.
      const chain = nodesAtLine(this.outline, line, character);
      const names = chain.map((n) => n.name);
      const parts = chain[0].parts;
      const text = `${names.join('\u0000')}\u0001${parts.join('\u0000')}`;
      s = this.byText.get(text);
      if (s === undefined) this.byText.set(text, (s = { names, parts }));
      this.byNode.set(node, s);
    }
    return s;
  }
}

/**
 * The document's pairs by what they say. Only a bound on memory: past it the map starts again, and
 * a figure placed with a forgotten pair is placed anew (an equal figure, a new object) when checked.
 */
const KNOWN_SECTIONS = documentMemo<{ byText: Map<string, Sections> }>('figureSections', () => ({ byText: new Map() }));
const MAX_KNOWN_SECTIONS = 20_000;
const tables = new WeakMap<readonly OutlineNode[], SectionTable>();

/** The section table of an outline, made once per outline. */
export function sectionTable(outline: readonly OutlineNode[], cache?: AnalysisCache): SectionTable {
  let table = tables.get(outline);
  if (table === undefined) {
    const known = cache?.document(KNOWN_SECTIONS);
    if (known && known.byText.size > MAX_KNOWN_SECTIONS) known.byText = new Map();
    table = new SectionTable(outline, known?.byText ?? new Map());
    tables.set(outline, table);
  }
  return table;
}

/**
 * Places a line's figures into `out` at `base` onward. `before`: the figures as the line was placed
 * last time, at the same indexes, with the same base, sentence number and line number (the caller
 * checks), read then as `previous` with as many figures. A figure whose draft reads as its old one (the
 * same object, or every field the model's figure is made of equal: a line typed into away from its
 * numbers) and that stands in the same sections is handed out again as it is (figures are immutable),
 * so a keystroke allocates only the figures that changed.
 */
export function placeLine(
  out: Figure[],
  local: LineFigures,
  base: number,
  sentence: number,
  line: number,
  sections: SectionTable,
  before: readonly Figure[] | undefined,
  previous: LineFigures | undefined,
): void {
  const drafts = local.figures;
  const olds = previous !== undefined && previous.figures.length === drafts.length ? previous.figures : undefined;
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k];
    const s = sections.at(line, d.at);
    const was = before !== undefined && olds !== undefined && sameDraft(d, olds[k]) ? before[base + k] : undefined;
    out[base + k] = was !== undefined && was.section === s.names && was.parts === s.parts ? was : place(d, base, sentence, line, s);
  }
}

/** Whether two drafts of a line make the same model figure at the same base, sentence, line and sections. */
function sameDraft(a: LineDraft, b: LineDraft): boolean {
  return (
    a === b ||
    (a.value === b.value &&
      a.unit === b.unit &&
      a.label === b.label &&
      a.approximate === b.approximate &&
      a.modifier === b.modifier &&
      a.text === b.text &&
      a.start === b.start &&
      a.end === b.end &&
      a.sentence === b.sentence &&
      a.subject === b.subject &&
      a.subjectFrom === b.subjectFrom &&
      a.shareOf === b.shareOf &&
      a.partOf === b.partOf)
  );
}

/** A figure of a joined paragraph: its range mapped back onto the lines it stands on. */
export function placeJoined(
  d: LineDraft,
  base: number,
  sentence: number,
  joined: JoinedLines,
  src: FigureSource,
  sections: SectionTable,
): Figure {
  const start = src.index.positionAt(joined.offsets[d.start]);
  const end = src.index.positionAt(joined.offsets[d.end - 1] + 1);
  const at = src.index.positionAt(joined.offsets[d.at]);
  const f = place(d, base, sentence, start.line, sections.at(at.line, at.character));
  return { ...f, range: { start, end } };
}

/** A line's figure as the model holds it: indexes, line, sentence and section made absolute. */
function place(d: LineDraft, base: number, sentenceBase: number, line: number, s: Sections): Figure {
  // The draft's fields in the draft's order (the model reads the same with or without a cache). Two
  // literals, not one with the modifier spread into it: a spread made every figure in the runtime's
  // slow path, field by field (issue 27: a line deleted re-places every figure after it).
  const range = { start: { line, character: d.start }, end: { line, character: d.end } };
  const index = d.index + base;
  const sentence = d.sentence + sentenceBase;
  const f: Mutable<Figure> =
    d.modifier !== undefined
      ? {
          index,
          value: d.value,
          unit: d.unit,
          label: d.label,
          approximate: d.approximate,
          modifier: d.modifier,
          text: d.text,
          range,
          line,
          section: s.names,
          parts: s.parts,
          sentence,
        }
      : {
          index,
          value: d.value,
          unit: d.unit,
          label: d.label,
          approximate: d.approximate,
          text: d.text,
          range,
          line,
          section: s.names,
          parts: s.parts,
          sentence,
        };
  // labelFigure sets subject and subjectFrom together, then relate one of shareOf / partOf.
  if (d.subjectFrom !== undefined) {
    f.subject = d.subject;
    f.subjectFrom = d.subjectFrom + base;
  }
  if (d.shareOf !== undefined) f.shareOf = d.shareOf + base;
  if (d.partOf !== undefined) f.partOf = d.partOf + base;
  return f;
}
