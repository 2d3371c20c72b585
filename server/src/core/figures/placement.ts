/**
 * Where a line's figures go in the model: indexes, line, sentence and sections made absolute.
 * A line whose text, figure index, sentence number and sections are as in the last analysis
 * hands out the same (immutable) figure objects, so a keystroke allocates only the edited line's
 * figures. A joined paragraph's figures (wrapped.ts) are mapped back onto the lines they stand on.
 */
import { documentMemo, slotMemo, type AnalysisCache } from '../text/lineCache';
import type { Figure, OutlineNode } from '../model';
import { nodeAt, nodesAtLine } from '../document/outlineWalk';
import type { FigureSource, LineDraft, LineFigures, Mutable } from './draft';
import type { JoinedLines } from './wrapped';

/** Where a line's figures were placed in the last analysis, and the figures placed there. */
interface Placement {
  readonly local: LineFigures;
  readonly base: number;
  readonly sentence: number;
  readonly figures: readonly Figure[];
}

/** Figures as placed on each line number. */
const PLACED_FIGURES = slotMemo<Placement>('placedFigures');

/**
 * The sections a figure stands in: the names of the outline nodes containing it, outermost first,
 * and the parts of the outermost. Figures in one innermost node share one (immutable) pair of
 * arrays, and an analysis hands out the last one's pair again where the names and parts read the
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
  /** The pairs handed out, by what they say (for the next analysis of the document). */
  readonly byText = new Map<string, Sections>();

  constructor(
    private readonly outline: readonly OutlineNode[],
    /** The last analysis's pairs by what they say, with a cache. */
    private readonly earlier: ReadonlyMap<string, Sections> | undefined,
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
      s = this.byText.get(text) ?? this.earlier?.get(text) ?? { names, parts };
      this.byText.set(text, s);
      this.byNode.set(node, s);
    }
    return s;
  }
}

/** The last table made with the document's cache: its pairs are handed out again. */
const LAST_SECTIONS = documentMemo<{ table?: SectionTable }>('figureSections', () => ({}));
const tables = new WeakMap<readonly OutlineNode[], SectionTable>();

/** The section table of an outline, made once per outline. */
export function sectionTable(outline: readonly OutlineNode[], cache?: AnalysisCache): SectionTable {
  let table = tables.get(outline);
  if (table === undefined) {
    const last = cache?.document(LAST_SECTIONS);
    table = new SectionTable(outline, last?.table?.byText);
    if (last) last.table = table;
    tables.set(outline, table);
  }
  return table;
}

/**
 * A line's figures as the model holds them. A line whose text, figure index, sentence number
 * and sections are as in the last analysis hands out the same (immutable) figure objects, so a
 * keystroke allocates only the edited line's figures.
 */
export function placeLine(
  local: LineFigures,
  base: number,
  sentence: number,
  line: number,
  sections: SectionTable,
  cache?: AnalysisCache,
): readonly Figure[] {
  const slots = cache?.slots(PLACED_FIGURES);
  const last = slots?.last(line);
  const drafts = local.figures;
  const same = last !== undefined && last.local === local && last.base === base && last.sentence === sentence;
  if (same && allInPlace(drafts, last.figures, sections, line)) {
    // Every figure as it was: the last placement stands as it is (no new array or placement made).
    slots!.set(line, last);
    return last.figures;
  }
  const figures: Figure[] = [];
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k];
    const s = sections.at(line, d.at);
    const before = same ? last.figures[k] : undefined;
    figures.push(
      before !== undefined && before.section === s.names && before.parts === s.parts ? before : place(d, base, sentence, line, s),
    );
  }
  slots?.set(line, { local, base, sentence, figures });
  return figures;
}

/** Whether each figure placed last time still stands in the same sections (loops, not callbacks: every figure of every keystroke). */
function allInPlace(drafts: readonly LineDraft[], placed: readonly Figure[], sections: SectionTable, line: number): boolean {
  for (let k = 0; k < drafts.length; k++) {
    const s = sections.at(line, drafts[k].at);
    if (placed[k].section !== s.names || placed[k].parts !== s.parts) return false;
  }
  return true;
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
  // The draft's fields in the draft's order (the model reads the same with or without a cache).
  const f: Mutable<Figure> = {
    index: d.index + base,
    value: d.value,
    unit: d.unit,
    label: d.label,
    approximate: d.approximate,
    ...(d.modifier !== undefined ? { modifier: d.modifier } : {}),
    text: d.text,
    range: { start: { line, character: d.start }, end: { line, character: d.end } },
    line,
    section: s.names,
    parts: s.parts,
    sentence: d.sentence + sentenceBase,
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
