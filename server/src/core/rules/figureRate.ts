/** `figure-rate`: a rate over 100% (覆盖率达100%以上), or a success count above its total (排查50件，化解60件). */
import { t } from '../messages';
import { vocab } from '../figures/data';
import type { Figure, Locale } from '../model';
import type { Emitted, Rule } from './rule';
import { describe, isRate, verbOf } from './figureRelations';
import { emitEachFigureFinding, figureFindingsMemo } from './figureFindings';

/**
 * The finding emitted for a figure, kept with the figure object (issue 27). A figure object is
 * immutable and kept by the next analysis where its line did not change (figures/placement.ts), so
 * the same figure — for a count, against the same total — in the same locale emits the same object
 * again: a keystroke formats no message for the figures it did not touch, and rules/run.ts hands out
 * the model finding it made from that object (the varied 1 MB has 251 of these findings).
 */
const emittedFor = new WeakMap<Figure, { readonly locale: Locale; readonly total: Figure | undefined; readonly emitted: Emitted }>();

/** `make(f, total, locale)` once per figure, total and locale (module-level functions: no closure per finding). */
function once<T extends Figure | undefined>(
  f: Figure,
  total: T,
  locale: Locale,
  make: (f: Figure, total: T, locale: Locale) => Emitted,
): Emitted {
  const kept = emittedFor.get(f);
  if (kept !== undefined && kept.locale === locale && kept.total === total) return kept.emitted;
  const emitted = make(f, total, locale);
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
    emitEachFigureFinding(ctx, KEPT, finding, emit);
  },
};

/** The findings, kept by the figures they are about (figureFindings.ts). */
const KEPT = figureFindingsMemo('figure-rate');

/** The finding of a figure: a rate over 100%, or an outcome above its total. */
function finding(locale: Locale, figs: readonly Figure[], f: Figure): Emitted | undefined {
  const above = f.value > 100 || (f.value >= 100 && !!f.modifier && vocab.moreThan.has(f.modifier));
  if (isRate(f) && above) {
    return once(f, undefined, locale, overFinding);
  }
  if (f.subjectFrom === undefined || f.approximate || f.unit === '%') return undefined;
  const total = figs[f.subjectFrom];
  const verb = verbOf(f);
  if (total.unit !== f.unit || total.approximate || f.value <= total.value || !hasOutcomeVerb(verb)) return undefined;
  return once(f, total, locale, countFinding);
}

/**
 * Whether a verb holds an outcome verb (化解, 办结). A function of its own, not `some` with a closure
 * over `verb`: the closure's context was made at every call of `finding`, for every figure.
 */
function hasOutcomeVerb(verb: string): boolean {
  for (const v of vocab.outcomeVerbs) if (verb.includes(v)) return true;
  return false;
}

function overFinding(f: Figure, _total: undefined, locale: Locale): Emitted {
  return { range: f.range, message: t(locale, 'figure-rate.over', { rate: describe(locale, f) }), data: { value: f.value } };
}

function countFinding(f: Figure, total: Figure, locale: Locale): Emitted {
  return {
    range: f.range,
    message: t(locale, 'figure-rate.count', { count: describe(locale, f), total: describe(locale, total) }),
    data: { value: f.value, total: total.value },
  };
}
