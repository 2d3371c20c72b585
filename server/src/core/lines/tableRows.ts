/**
 * Table rows in text that lost its line breaks (DOMAIN.md §5: parts 二 to 四 of a 政府信息公开 report
 * are tables). A row label numbered like a heading (一、本年新收政府信息公开申请数量, （一）予以公开,
 * 1.属于国家秘密) with its number cells after it on the same line is a row, not a heading; the number
 * cell a flattened table ends on may stand right before the next part's heading (…\t0三、收到和处理…).
 * runOn.ts asks these before it breaks a run-on line at an ordinal; headingShapes.ts before it calls a
 * line (or a piece of a run-on line) a heading.
 */

/**
 * Words a part heading ends on (…情况, …成效, …原因, …安排): a table row's label holds none of them.
 * runOn.ts cuts a run-on heading's title after them.
 */
export const PART_WORD = /情况|成效|原因|安排|打算|举措|措施|不足|问题|思路|目标|计划|亮点|事项|做法|成绩|经验/;

/** What parts table cells in flattened text: a tab, a `|`, spaces. */
const CELL_GAP = /[\t|｜ \u3000]/;
const TAB_GAP = /[\t|｜]/;
export const ARABIC = /[0-9０-９]/;
const CELL_CHAR = /[0-9０-９.,%％]/;
/** A row label is short and no clause: a sentence or clause mark ends the search for its cells. */
const NOT_IN_ROW_LABEL = /[。！？!?；;：:，,\n]/;
/** What may follow the last cell of a row flattened with nothing between: the next row's ordinal. */
const NEXT_ROW = /^(?:[、.．（(]|[一二三四五六七八九十]{1,3}、)/;
const MAX_ROW_LABEL = 40;

/** Right after a number cell of a flattened table (a number with a tab, `|` or space before it). */
export function afterCell(text: string, from: number, at: number): boolean {
  let k = at;
  while (k > from && CELL_CHAR.test(text[k - 1])) k--;
  return k < at && k > from && ARABIC.test(text[k]) && CELL_GAP.test(text[k - 1]);
}

/**
 * True when the words from `at` (after an ordinal) are a table row's label followed by its number
 * cells, as a table flattened into one line has them: two cells (…数量\t10\t2…, …数量 10 2…), one set
 * off by a tab or `|` on both sides, or the cells run together up to the next row's ordinal
 * (…继续办理3100004四、…; not at the end, where a heading may end on a number). Words that end a part's title (情况, 事项, 问题 …) make it a heading with its
 * body (总体情况2024年…); another level-1 ordinal or a clause mark ends the label.
 */
export function isRowLabel(text: string, at: number, to: number): boolean {
  const end = Math.min(to, at + MAX_ROW_LABEL);
  for (let p = at; p < end; p++) {
    const ch = text[p];
    if (NOT_IN_ROW_LABEL.test(ch)) return false;
    if (ch === '、' && /[一二三四五六七八九十]/.test(text[p - 1])) return false;
    if (!ARABIC.test(ch)) continue;
    let q = p;
    while (q < to && ARABIC.test(text[q])) q++;
    if (p > at && PART_WORD.test(text.slice(at, p))) return false;
    if (p > at && !CELL_GAP.test(text[p - 1])) {
      // Cells run together: up to the next row's ordinal (one digit before 1. would be an item's number).
      const next = text.slice(q, q + 4);
      if (NEXT_ROW.test(next) && (q - p >= 2 || !/^[.．、]/.test(next))) return true;
    } else if (p > at && cellsFrom(text, p - 1, to) >= 2) return true;
    p = q - 1;
  }
  return false;
}

/** How many number cells (up to two) start at the gap at `p`; one set off by tabs or `|` counts two. */
function cellsFrom(text: string, p: number, to: number): number {
  let cells = 0;
  let q = p;
  while (q < to && cells < 2) {
    const gap = q;
    while (q < to && CELL_GAP.test(text[q])) q++;
    if (q === gap || q >= to || !ARABIC.test(text[q])) break;
    const tabbed = TAB_GAP.test(text.slice(gap, q));
    while (q < to && CELL_CHAR.test(text[q])) q++;
    if (q < to && !CELL_GAP.test(text[q])) {
      // A number run into the next words is a cell only after others (the row's last: …0\t12二、…).
      if (cells > 0) cells++;
      break;
    }
    cells += tabbed && (q >= to || TAB_GAP.test(text[q])) ? 2 : 1;
  }
  return cells;
}
