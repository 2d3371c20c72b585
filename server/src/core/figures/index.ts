/** Figures (DOMAIN.md §4): extraction lives here; the checks are rules (rules/figure*.ts). */
export { extractFigures, type FigureSource } from './extract';
export { parseChineseNumber, numberAt } from './number';
export { cleanLabel, splitVerb } from './label';
export { vocab } from './data';
export { figureRows, toCsv, FIGURE_COLUMNS, type FigureRow } from './export';
export { figureHover } from './hover';
