/** `figure-rate`: a rate over 100% (覆盖率达100%以上), or a success count above its total (排查50件，化解60件). */
import { t } from '../messages';
import { vocab } from '../figures/data';
import type { Figure, Locale } from '../model';
import type { Emitted, Rule } from './rule';
import { describe, isRate, verbOf } from './figureRelations';

/**
 * The finding emitted for a figure, kept with the figure object (issue 27). A figure object is
 * immutable and kept by the next analysis where its line did not change (figures/placement.ts), so
 * the same figure — for a count, against the same total — in the same locale emits the same object
 * again: a keystroke formats no message for the figures it did not touch, and rules/run.ts hands out
 * the model finding it made from that object (the varied 1 MB has 251 of these findings).
 */
const emittedFor = new WeakMap<Figure, { readonly locale: Locale; readonly total: Figure | undefined; readonly emitted: Emitted }>();

function once(f: Figure, total: Figure | undefined, locale: Locale, make: () => Emitted): Emitted {
  const kept = emittedFor.get(f);
  if (kept !== undefined && kept.locale === locale && kept.total === total) return kept.emitted;
  const emitted = make();
  emittedFor.set(f, { locale, total, emitted });
  return emitted;
}

export const figureRate: Rule = {
  code: 'figure-rate',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '比率超过100%，或结果数超过总数',
    en: 'A rate over 100%, or an outcome count above its total',
  },
  docs: {
    finds: 'a rate over 100% (覆盖率达100%以上), or an outcome count above its total',
  },
  run(ctx, emit) {
    for (const f of ctx.figures) {
      const above = f.value > 100 || (f.value >= 100 && !!f.modifier && vocab.moreThan.has(f.modifier));
      if (isRate(f) && above) {
        emit(
          once(f, undefined, ctx.locale, () => ({
            range: f.range,
            message: t(ctx.locale, 'figure-rate.over', { rate: describe(ctx.locale, f) }),
            data: { value: f.value },
          })),
        );
        continue;
      }
      if (f.subjectFrom === undefined || f.approximate || f.unit === '%') continue;
      const total = ctx.figures[f.subjectFrom];
      const verb = verbOf(f);
      if (total.unit !== f.unit || total.approximate || f.value <= total.value || !vocab.outcomeVerbs.some((v) => verb.includes(v)))
        continue;
      emit(
        once(f, total, ctx.locale, () => ({
          range: f.range,
          message: t(ctx.locale, 'figure-rate.count', { count: describe(ctx.locale, f), total: describe(ctx.locale, total) }),
          data: { value: f.value, total: total.value },
        })),
      );
    }
  },
};
