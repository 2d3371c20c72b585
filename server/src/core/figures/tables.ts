/**
 * The arithmetic of exported tables (政府信息公开 reports, DOMAIN.md §5). Rows are read from
 * `|`-separated lines, tab-separated lines, or one cell a line (label cells, then number cells);
 * what must add up is profile data (`tables`), reported by the figure-sum rule.
 */
import type { CleanLine } from '../lines/cleanLines';
import type { TableArithmetic } from '../document/profile';

export interface TableRow {
  /** The last label cells joined (a row may sit under a header cell: （三）不予公开 1.属于国家秘密). */
  readonly label: string;
  /** The row's own label cell, for messages. */
  readonly name: string;
  readonly numbers: readonly number[];
  readonly firstLine: number;
  readonly lastLine: number;
}

export type TableProblem =
  | { readonly kind: 'row'; readonly row: TableRow; readonly sum: number; readonly total: number }
  | {
      readonly kind: 'equation';
      readonly row: TableRow;
      readonly column: number;
      readonly left: string;
      readonly leftSum: number;
      readonly right: string;
      readonly rightSum: number;
    }
  | { readonly kind: 'column'; readonly row: TableRow; readonly column: number; readonly sum: number; readonly total: number };

const NUMBER = /^[0-9０-９]+$/;
const RULE_CELL = /^[-:：\s]*$/;
const LABEL_CELLS = 2;

const toNumber = (s: string) => Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

export function readTableRows(lines: readonly CleanLine[]): TableRow[] {
  const rows: TableRow[] = [];
  let label: string[] = [];
  let numbers: number[] = [];
  let first = -1;
  let last = -1;
  const close = () => {
    if (numbers.length)
      rows.push({ label: label.join(''), name: label[label.length - 1] ?? '', numbers, firstLine: first, lastLine: last });
    label = [];
    numbers = [];
    first = -1;
  };
  for (const cl of lines) {
    if (cl.isDebris) continue;
    const text = cl.line.text.slice(cl.contentStart, cl.contentEnd).trim();
    const multi = /[|｜\t]/.test(text);
    const cells = (multi ? text.split(/[|｜\t]/) : [text]).map((c) => c.trim()).filter((c) => c && !RULE_CELL.test(c));
    // A table line is a row; one without numbers is a header whose label the next row inherits.
    if (multi && numbers.length) close();
    for (const cell of cells) {
      if (NUMBER.test(cell)) {
        numbers.push(toNumber(cell));
      } else {
        if (numbers.length) close();
        label = [...label, cell].slice(-LABEL_CELLS);
      }
      if (first < 0) first = cl.line.index;
      last = cl.line.index;
    }
    if ((multi && numbers.length) || cells.length === 0) close();
  }
  close();
  return rows;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function checkTables(rows: readonly TableRow[], spec: TableArithmetic): TableProblem[] {
  const out: TableProblem[] = [];
  const groups = spec.totalColumnEvery ?? [];
  for (const row of rows) {
    const g = groups.find((size) => row.numbers.length >= size && row.numbers.length % size === 0);
    if (!g) continue;
    for (let k = 0; k < row.numbers.length; k += g) {
      const cells = row.numbers.slice(k, k + g);
      const s = sum(cells.slice(0, -1));
      if (s !== cells[g - 1]) out.push({ kind: 'row', row, sum: s, total: cells[g - 1] });
    }
  }
  const find = (re: string, from = 0) => rows.slice(from).find((r) => new RegExp(re).test(r.label));
  for (const eq of spec.rowEquations ?? []) {
    const left = eq.left.map((re) => find(re));
    const right = eq.right.map((re) => find(re));
    const all = [...left, ...right];
    if (all.some((r) => !r) || new Set(all.map((r) => r!.numbers.length)).size !== 1) continue;
    const width = left[0]!.numbers.length;
    for (let c = 0; c < width; c++) {
      const ls = sum(left.map((r) => r!.numbers[c]));
      const rs = sum(right.map((r) => r!.numbers[c]));
      if (ls !== rs) {
        out.push({
          kind: 'equation',
          row: right[0]!,
          column: c + 1,
          left: left.map((r) => r!.name).join(' + '),
          leftSum: ls,
          right: right.map((r) => r!.name).join(' + '),
          rightSum: rs,
        });
      }
    }
  }
  for (const cs of spec.columnSums ?? []) {
    const start = rows.findIndex((r) => new RegExp(cs.after).test(r.label));
    if (start < 0) continue;
    const end = rows.findIndex((r, i) => i > start && new RegExp(cs.total).test(r.label));
    if (end < 0) continue;
    const total = rows[end];
    // The header row may carry the first item's numbers (三、本年度办理结果 | （一）予以公开 | 5 …).
    const items = rows.slice(start, end).filter((r) => r.numbers.length === total.numbers.length);
    for (let c = 0; c < total.numbers.length; c++) {
      const s = sum(items.map((r) => r.numbers[c]));
      if (s !== total.numbers[c]) out.push({ kind: 'column', row: total, column: c + 1, sum: s, total: total.numbers[c] });
    }
  }
  return out;
}
