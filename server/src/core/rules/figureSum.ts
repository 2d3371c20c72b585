/** `figure-sum`: a total and its itemised parts disagree (672件，其中 269件+172件+261件 = 702件). */
import { t } from '../messages';
import type { Emitted, Rule } from './rule';
import { checkTables, readTableRows, type TableProblem } from '../figures/tables';
import type { Locale } from '../model';
import { fmt, type ItemGroup } from './figureRelations';
import { emitGroupFindings, figureFindingsMemo } from './figureFindings';

/** The findings about totals and items, kept by the figures they are about (figureFindings.ts). */
const KEPT = figureFindingsMemo('figure-sum');

export const figureSum: Rule = {
  code: 'figure-sum',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '合计与分项不符（含政府信息公开表格的算术）',
    en: 'A total and its items disagree (and the disclosure tables’ arithmetic)',
  },
  docs: {
    finds:
      "a total and its itemised parts (after 其中) disagree; for 政府信息公开 reports, the tables' own arithmetic (see [Figures](#figures))",
  },
  run(ctx, emit) {
    emitGroupFindings(ctx, KEPT, groupFinding, emit);
    // Tables with their own arithmetic (政府信息公开: new + carried over = decided + carried forward).
    if (!ctx.profile.tables) return;
    for (const p of checkTables(readTableRows(ctx.lines), ctx.profile.tables)) {
      emit({
        range: ctx.index.range(ctx.index.lineStart(p.row.firstLine), ctx.index.lineEnd(p.row.lastLine)),
        message: t(ctx.locale, 'figure-sum.table', { detail: tableDetail(ctx.locale, p) }),
        data: { table: p.kind, ...(p.kind === 'row' ? {} : { column: p.column }) },
      });
    }
  },
};

/** The finding of a total whose items do not add up to it, if they do not. */
function groupFinding(locale: Locale, g: ItemGroup): Emitted | undefined {
  if (g.items.length < 2 || g.total.approximate || g.items.some((i) => i.approximate)) return undefined;
  const sum = g.items.reduce((s, i) => s + i.value, 0);
  if (Math.abs(sum - g.total.value) < 1e-9) return undefined;
  // Items that add up to less may be a selection (其中 A 13家, B 37家 of 199家); only shares adding
  // up to 100% say the list is complete.
  const shareSum = [...g.shares.values()].reduce((s, f) => s + f.value, 0);
  const complete = g.shares.size === g.items.length && Math.abs(shareSum - 100) <= 1;
  if (sum < g.total.value && !complete) return undefined;
  const unit = g.total.unit;
  return {
    range: g.total.range,
    message: t(locale, 'figure-sum', {
      label: g.total.label,
      total: fmt(g.total.value),
      unit,
      items: g.items.map((i) => fmt(i.value)).join(' + '),
      sum: fmt(sum),
    }),
    data: { total: g.total.value, sum, items: g.items.map((i) => i.value) },
  };
}

function tableDetail(locale: Locale, p: TableProblem): string {
  switch (p.kind) {
    case 'row':
      return t(locale, 'figure-sum.table.row', { row: p.row.name, sum: p.sum, total: p.total });
    case 'equation':
      return t(locale, 'figure-sum.table.equation', {
        column: p.column,
        left: p.left,
        leftSum: p.leftSum,
        right: p.right,
        rightSum: p.rightSum,
      });
    case 'column':
      return t(locale, 'figure-sum.table.column', { column: p.column, row: p.row.name, sum: p.sum, total: p.total });
  }
}
