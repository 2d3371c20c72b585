/** Figures as rows for export (CLI `govreport figures`, the editor's Export figures command). */
import type { ReportModel } from '../model';
import { csvCell } from '../text/csv';

export interface FigureRow {
  readonly file: string;
  /** Part ids joined with +. */
  readonly part: string;
  /** Section path joined with › . */
  readonly section: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly approximate: boolean;
  readonly text: string;
  /** 1-based, as editors show it. */
  readonly line: number;
}

export const FIGURE_COLUMNS: readonly (keyof FigureRow)[] = [
  'file',
  'part',
  'section',
  'label',
  'value',
  'unit',
  'approximate',
  'text',
  'line',
];

export function figureRows(file: string, model: ReportModel): FigureRow[] {
  return model.figures.map((f) => ({
    file,
    part: f.parts.join('+'),
    section: f.section.join(' › '),
    label: f.label,
    value: f.value,
    unit: f.unit,
    approximate: f.approximate,
    text: f.text,
    line: f.line + 1,
  }));
}

/** RFC 4180 CSV with a header row; no cell a spreadsheet would run as a formula (text/csv.ts). */
export function toCsv(rows: readonly FigureRow[]): string {
  return [FIGURE_COLUMNS.join(','), ...rows.map((r) => FIGURE_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}
