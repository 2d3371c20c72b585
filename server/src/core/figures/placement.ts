/**
 * Where a line's figures go in the model: indexes, line, sentence and sections made absolute.
 * A line whose text, figure index, sentence number and sections are as in the last analysis
 * hands out the same (immutable) figure objects, so a keystroke allocates only the edited line's
 * figures. A joined paragraph's figures (wrapped.ts) are mapped back onto the lines they stand on.
 */
import { slotMemo, type AnalysisCache } from '../text/lineCache';
import type { Figure, OutlineNode } from '../model';
import { nodesAtLine } from '../document/outlineWalk';
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
 * A line's figures as the model holds them. A line whose text, figure index, sentence number
 * and sections are as in the last analysis hands out the same (immutable) figure objects, so a
 * keystroke allocates only the edited line's figures.
 */
export function placeLine(
  local: LineFigures,
  base: number,
  sentence: number,
  line: number,
  outline: readonly OutlineNode[],
  cache?: AnalysisCache,
): readonly Figure[] {
  const slots = cache?.slots(PLACED_FIGURES);
  const last = slots?.last(line);
  const same = !!last && last.local === local && last.base === base && last.sentence === sentence;
  if (same && allInPlace(local, last.figures, outline, line)) {
    // Every figure as it was: the last placement stands as it is (no new array or placement made).
    slots!.set(line, last);
    return last.figures;
  }
  const figures = local.figures.map((d, k) => {
    const chain = nodesAtLine(outline, line, d.at);
    const before = same ? last!.figures[k] : undefined;
    return before && sameSections(before, chain) ? before : place(d, base, sentence, line, chain);
  });
  slots?.set(line, { local, base, sentence, figures });
  return figures;
}

/** Whether each figure placed last time still stands in the same sections (loops, not callbacks: every figure of every keystroke). */
function allInPlace(local: LineFigures, placed: readonly Figure[], outline: readonly OutlineNode[], line: number): boolean {
  for (let k = 0; k < local.figures.length; k++)
    if (!sameSections(placed[k], nodesAtLine(outline, line, local.figures[k].at))) return false;
  return true;
}

function sameSections(f: Figure, chain: readonly OutlineNode[]): boolean {
  const parts = chain[0]?.parts ?? [];
  if (f.section.length !== chain.length || f.parts.length !== parts.length) return false;
  for (let i = 0; i < chain.length; i++) if (chain[i].name !== f.section[i]) return false;
  for (let i = 0; i < parts.length; i++) if (parts[i] !== f.parts[i]) return false;
  return true;
}

/** A figure of a joined paragraph: its range mapped back onto the lines it stands on. */
export function placeJoined(d: LineDraft, base: number, sentence: number, joined: JoinedLines, src: FigureSource): Figure {
  const start = src.index.positionAt(joined.offsets[d.range.start.character]);
  const end = src.index.positionAt(joined.offsets[d.range.end.character - 1] + 1);
  const at = src.index.positionAt(joined.offsets[d.at]);
  const f = place(d, base, sentence, start.line, nodesAtLine(src.outline, at.line, at.character));
  return { ...f, range: { start, end } };
}

/** A line's figure as the model holds it: indexes, line, sentence and section made absolute. */
export function place(d: LineDraft, base: number, sentenceBase: number, line: number, chain: readonly OutlineNode[]): Figure {
  // The draft's fields in the draft's order (the model reads the same with or without a cache).
  const f: Mutable<Figure> = {
    index: d.index + base,
    value: d.value,
    unit: d.unit,
    label: d.label,
    approximate: d.approximate,
    ...(d.modifier !== undefined ? { modifier: d.modifier } : {}),
    text: d.text,
    range: { start: { line, character: d.range.start.character }, end: { line, character: d.range.end.character } },
    line,
    section: chain.map((n) => n.name),
    parts: chain[0]?.parts ?? [],
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
