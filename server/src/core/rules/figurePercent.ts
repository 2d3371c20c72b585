/**
 * `figure-percent`: a stated percentage that does not match the counts it is about, allowing for
 * rounding: shares of an itemised total (269件，占比36% of 672件), and a rate after its two counts
 * (排查572件，化解551件，化解成功率96%: 551/572 = 96.3%, fine).
 */
import { t } from '../messages';
import type { Rule } from './rule';
import { decimals, describe, fmt, isRate, itemGroups, percentMatches, spanning, verbOf } from './figureRelations';

export const figurePercent: Rule = {
  code: 'figure-percent',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '占比或比率与其数量不符',
    en: 'A share or rate that does not match its counts',
  },
  docs: {
    finds: 'a stated share or rate that does not match the counts it is about, rounding allowed',
  },
  run(ctx, emit) {
    const figs = ctx.figures;
    for (const g of itemGroups(figs)) {
      if (g.shares.size === 0 || g.total.value <= 0 || g.total.approximate) continue;
      const rows = g.items
        .filter((i) => g.shares.has(i.index))
        .map((i) => {
          const share = g.shares.get(i.index)!;
          const exact = (i.value / g.total.value) * 100;
          return { item: i, share, exact, ok: i.approximate || percentMatches(share, exact) };
        });
      if (rows.every((r) => r.ok)) continue;
      const shares = rows.map((r) => r.share);
      emit({
        range: spanning(shares[0].range, shares[shares.length - 1].range),
        message: t(ctx.locale, 'figure-percent.shares', {
          total: describe(ctx.locale, g.total),
          items: rows
            .map((r) =>
              t(ctx.locale, 'figure-percent.item', {
                item: describe(ctx.locale, r.item),
                exact: fmt(r.exact, decimals(r.share) + 1),
                stated: r.share.text,
              }),
            )
            .join(t(ctx.locale, 'figure.list')),
        }),
        data: {
          total: g.total.value,
          items: rows.map((r) => ({ value: r.item.value, stated: r.share.value, exact: Math.round(r.exact * 100) / 100 })),
        },
      });
    }
    for (const rate of figs) {
      if (!isRate(rate)) continue;
      const done = lastCountBefore(figs, rate.index);
      if (!done || done.subjectFrom === undefined || done.approximate) continue;
      const whole = figs[done.subjectFrom];
      const verb = verbOf(done);
      if (whole.unit !== done.unit || whole.approximate || whole.value <= 0 || verb.length < 2 || !rate.label.startsWith(verb)) continue;
      if (done.value > whole.value) continue; // figure-rate says that
      const exact = (done.value / whole.value) * 100;
      if (percentMatches(rate, exact)) continue;
      emit({
        range: rate.range,
        message: t(ctx.locale, 'figure-percent.rate', {
          rate: describe(ctx.locale, rate),
          part: describe(ctx.locale, done),
          whole: describe(ctx.locale, whole),
          exact: fmt(exact, decimals(rate) + 1),
        }),
        data: { stated: rate.value, exact: Math.round(exact * 100) / 100, part: done.value, whole: whole.value },
      });
    }
  },
};

/** The count just before a figure in its sentence. */
function lastCountBefore(figs: readonly import('../model').Figure[], index: number) {
  for (let k = index - 1; k >= 0 && figs[k].sentence === figs[index].sentence; k--) if (figs[k].unit !== '%') return figs[k];
  return undefined;
}
