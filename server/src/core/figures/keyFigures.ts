/**
 * The figures an assessor compares across a folder of reports (the assessor's page): per key figure
 * the profile names (profiles/*.json `keyFigures`: 行政复议案件, 行政诉讼案件, 败诉率 …, as data), the
 * first figure of the report whose label contains one of its words, none of its exclusions, in one of
 * its units — the first, because a report states the total before its breakdown.
 */
import type { ReportModel } from '../model';

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

export function keyFigures(model: ReportModel): KeyFigure[] {
  const defs = model.compiledProfile.keyFigures ?? [];
  return defs.map((d) => {
    const name = d.name[model.locale] ?? d.name['zh-cn'];
    const f = model.figures.find(
      (g) => d.units.includes(g.unit) && d.labels.some((l) => g.label.includes(l)) && !(d.exclude ?? []).some((x) => g.label.includes(x)),
    );
    return f
      ? {
          id: d.id,
          name,
          found: { value: f.value, unit: f.unit, text: f.text, label: f.label, approximate: f.approximate, line: f.range.start.line },
        }
      : { id: d.id, name };
  });
}
