/**
 * `figure-percent`: a stated percentage that does not match the counts it is about, allowing for
 * rounding: shares of an itemised total (269件，占比36% of 672件), and a rate after its two counts
 * (排查572件，化解551件，化解成功率96%: 551/572 = 96.3%, fine).
 */
import { t } from '../messages';
import type { Figure, Locale } from '../model';
import type { Emitted, Rule } from './rule';
import { decimals, describe, fmt, isRate, percentMatches, spanning, verbOf, type ItemGroup } from './figureRelations';
import { emitEachFigureFinding, emitGroupFindings, figureFindingsMemo } from './figureFindings';

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
    // Shares of itemised totals first, then rates, as two lists kept apart (figureFindings.ts).
    emitGroupFindings(ctx, SHARES, sharesFinding, emit);
    emitEachFigureFinding(ctx, RATES, rateFinding, emit);
  },
};

/** The findings about shares and rates, kept by the figures they are about (figureFindings.ts). */
const SHARES = figureFindingsMemo('figure-percent|shares');
const RATES = figureFindingsMemo('figure-percent|rates');

/** The finding of a total's items whose stated shares do not match them, if any does not. */
function sharesFinding(locale: Locale, g: ItemGroup): Emitted | undefined {
  if (g.shares.size === 0 || g.total.value <= 0 || g.total.approximate) return undefined;
  const rows = g.items
    .filter((i) => g.shares.has(i.index))
    .map((i) => {
      const share = g.shares.get(i.index)!;
      const exact = (i.value / g.total.value) * 100;
      return { item: i, share, exact, ok: i.approximate || percentMatches(share, exact) };
    });
  if (rows.every((r) => r.ok)) return undefined;
  const shares = rows.map((r) => r.share);
  return {
    range: spanning(shares[0].range, shares[shares.length - 1].range),
    message: t(locale, 'figure-percent.shares', {
      total: describe(locale, g.total),
      items: rows
        .map((r) =>
          t(locale, 'figure-percent.item', {
            item: describe(locale, r.item),
            exact: fmt(r.exact, decimals(r.share) + 1),
            stated: r.share.text,
          }),
        )
        .join(t(locale, 'figure.list')),
    }),
    data: {
      total: g.total.value,
      items: rows.map((r) => ({ value: r.item.value, stated: r.share.value, exact: Math.round(r.exact * 100) / 100 })),
    },
  };
}

/** The finding of a rate that does not match the two counts before it, if it does not. */
function rateFinding(locale: Locale, figs: readonly Figure[], rate: Figure): Emitted | undefined {
  if (!isRate(rate)) return undefined;
  const done = lastCountBefore(figs, rate.index);
  if (!done || done.subjectFrom === undefined || done.approximate) return undefined;
  const whole = figs[done.subjectFrom];
  const verb = verbOf(done);
  if (whole.unit !== done.unit || whole.approximate || whole.value <= 0 || verb.length < 2 || !rate.label.startsWith(verb))
    return undefined;
  if (done.value > whole.value) return undefined; // figure-rate says that
  const exact = (done.value / whole.value) * 100;
  if (percentMatches(rate, exact)) return undefined;
  return {
    range: rate.range,
    message: t(locale, 'figure-percent.rate', {
      rate: describe(locale, rate),
      part: describe(locale, done),
      whole: describe(locale, whole),
      exact: fmt(exact, decimals(rate) + 1),
    }),
    data: { stated: rate.value, exact: Math.round(exact * 100) / 100, part: done.value, whole: whole.value },
  };
}

/** The count just before a figure in its sentence. */
function lastCountBefore(figs: readonly Figure[], index: number): Figure | undefined {
  for (let k = index - 1; k >= 0 && figs[k].sentence === figs[index].sentence; k--) if (figs[k].unit !== '%') return figs[k];
  return undefined;
}
