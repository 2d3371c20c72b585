/** Figures (DOMAIN.md §4): extraction lives here; the checks are rules (rules/figure*.ts). */
export { extractFigures } from './extract';
export type { FigureSource } from './draft';
export { parseChineseNumber, numberAt } from './number';
export { cleanLabel, splitVerb } from './label';
export { vocab } from './data';
export { figureRows, toCsv, FIGURE_COLUMNS, type FigureRow } from './export';
export { figureHover } from './hover';
