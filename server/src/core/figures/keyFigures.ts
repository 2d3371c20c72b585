/**
 * The figures an assessor compares across a folder of reports (the assessor's page): per key figure
 * the profile names (profiles/*.json `keyFigures`: 行政复议案件, 行政诉讼案件, 败诉率 …, as data), the
 * figure of the report that states the report's own total of that quantity. A candidate's label
 * contains one of the key figure's words, none of its exclusions, in one of its units, and no figure
 * before it in its sentence counts what `excludeAfter` names (信息公开类行政复议0件，行政诉讼0件: the
 * info-disclosure cases, not the report's). Among the candidates a total (not an itemised category
 * of one, …其中行政许可269件) is preferred, then one naming the quantity in full (`prefer`:
 * 行政诉讼案件, not 行政诉讼 in passing), then the first: a report states the total before its breakdown.
 */
import type { Figure, ReportModel } from '../model';
import type { KeyFigureDefinition } from '../profileTypes';

export interface KeyFigure {
  readonly id: string;
  /** The key figure's name in the model's language. */
  readonly name: string;
  /** The figure found, or undefined when the report states none. */
  readonly found?: {
    readonly value: number;
    readonly unit: string;
    readonly text: string;
    readonly label: string;
    readonly approximate: boolean;
    /** 0-based line. */
    readonly line: number;
  };
}

const hasAny = (s: string, words: readonly string[] | undefined) => (words ?? []).some((w) => s.includes(w));

/** The figure of `figures` (document order) that is the report's `d`, or undefined. */
function pickKeyFigure(figures: readonly Figure[], d: KeyFigureDefinition): Figure | undefined {
  let best: Figure | undefined;
  let bestRank = -1;
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    if (!d.units.includes(f.unit) || !hasAny(f.label, d.labels) || hasAny(f.label, d.exclude)) continue;
    if (d.excludeAfter && listedAfter(figures, i, d.excludeAfter)) continue;
    const rank = (f.partOf === undefined ? 2 : 0) + (hasAny(f.label, d.prefer) ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [f, rank];
  }
  return best;
}

/** Figure i's sentence counts, before it, what one of `words` names (the figures of a sentence are adjacent). */
function listedAfter(figures: readonly Figure[], i: number, words: readonly string[]): boolean {
  for (let j = i - 1; j >= 0 && figures[j].sentence === figures[i].sentence; j--) if (hasAny(figures[j].label, words)) return true;
  return false;
}

export function keyFigures(model: ReportModel): KeyFigure[] {
  const defs = model.compiledProfile.keyFigures ?? [];
  return defs.map((d) => {
    const name = d.name[model.locale] ?? d.name['zh-cn'];
    const f = pickKeyFigure(model.figures, d);
    return f
      ? {
          id: d.id,
          name,
          found: { value: f.value, unit: f.unit, text: f.text, label: f.label, approximate: f.approximate, line: f.range.start.line },
        }
      : { id: d.id, name };
  });
}
