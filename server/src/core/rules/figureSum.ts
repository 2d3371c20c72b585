/** `figure-sum`: a total and its itemised parts disagree (672件，其中 269件+172件+261件 = 702件). */
import { t } from '../messages';
import type { Rule } from './rule';
import { fmt, itemGroups } from './figureRelations';

export const figureSum: Rule = {
  code: 'figure-sum',
  defaultSeverity: 'warning',
  run(ctx, emit) {
    for (const g of itemGroups(ctx.figures)) {
      if (g.items.length < 2 || g.total.approximate || g.items.some((i) => i.approximate)) continue;
      const sum = g.items.reduce((s, i) => s + i.value, 0);
      if (Math.abs(sum - g.total.value) < 1e-9) continue;
      // Items that add up to less may be a selection (其中 A 13家, B 37家 of 199家); only shares adding
      // up to 100% say the list is complete.
      const shareSum = [...g.shares.values()].reduce((s, f) => s + f.value, 0);
      const complete = g.shares.size === g.items.length && Math.abs(shareSum - 100) <= 1;
      if (sum < g.total.value && !complete) continue;
      const unit = g.total.unit;
      emit({
        range: g.total.range,
        message: t(ctx.locale, 'figure-sum', {
          label: g.total.label, total: fmt(g.total.value), unit,
          items: g.items.map((i) => fmt(i.value)).join(' + '), sum: fmt(sum),
        }),
        data: { total: g.total.value, sum, items: g.items.map((i) => i.value) },
      });
    }
  },
};
