/** What the figure rules share: the itemised groups, percentages compared with rounding, wording. */
import type { Figure, Locale, Range } from '../model';
import { t } from '../messages';
import { vocab } from '../figures/data';

export interface ItemGroup {
  readonly total: Figure;
  readonly items: readonly Figure[];
  /** Share (percentage) stated for an item, by item index. */
  readonly shares: ReadonlyMap<number, Figure>;
}

/** Totals with their itemised parts (…672件，其中 A269件 … B172件 …), in document order. */
export function itemGroups(figures: readonly Figure[]): readonly ItemGroup[] {
  let groups = groupsOf.get(figures);
  if (!groups) groupsOf.set(figures, (groups = groupsIn(figures, 0, figures.length)));
  return groups;
}

/** Each model's groups, found once for the rules that read them (figure-sum, figure-percent). */
const groupsOf = new WeakMap<readonly Figure[], readonly ItemGroup[]>();

/**
 * The groups of the figures [from, to), ordered by their first item (a group's total, items and
 * shares are figures of one line: whole lines' figures hold whole groups). No array or map is made
 * for figures without items or shares (most of them).
 */
export function groupsIn(figures: readonly Figure[], from: number, to: number): ItemGroup[] {
  let byTotal: Map<number, Figure[]> | undefined;
  let shares: Map<number, Figure> | undefined;
  for (let k = from; k < to; k++) {
    const f = figures[k];
    if (f.partOf !== undefined) {
      const items = (byTotal ??= new Map()).get(f.partOf);
      if (items) items.push(f);
      else byTotal.set(f.partOf, [f]);
    }
    if (f.shareOf !== undefined) (shares ??= new Map()).set(f.shareOf, f);
  }
  if (byTotal === undefined) return [];
  const groups: ItemGroup[] = [];
  for (const [total, items] of byTotal) {
    const own = new Map<number, Figure>();
    if (shares) for (const i of items) if (shares.has(i.index)) own.set(i.index, shares.get(i.index)!);
    groups.push({ total: figures[total], items, shares: own });
  }
  return groups;
}

/** Decimal places written in a figure (99.39% → 2). */
export function decimals(f: Figure): number {
  const m = /[.．]([0-9０-９]+)/.exec(f.text);
  return m ? m[1].length : 0;
}

/** True when a stated percentage is the exact one rounded (or cut) to the places written; 98%以上 means at least. */
export function percentMatches(stated: Figure, exact: number): boolean {
  const step = 10 ** -decimals(stated);
  const eps = 1e-9;
  if (stated.approximate && stated.modifier && vocab.moreThan.has(stated.modifier)) return exact >= stated.value - step / 2 - eps;
  return Math.abs(stated.value - exact) <= step / 2 + eps || (exact >= stated.value && exact < stated.value + step);
}

/**
 * A rate (成功率, 覆盖率) rather than a change (提升10%) or a share. No `some` with a closure: the
 * closure's context (it holds `f`) was made at every call, for every figure, whether or not it was a
 * percentage — with figure-rate's, ~0.6 MB of garbage per fresh analysis of the varied 1 MB.
 */
export function isRate(f: Figure): boolean {
  return f.unit === '%' && f.label.includes(vocab.rateWord) && !CHANGE_WORD.test(f.label);
}

/**
 * Any of the change words, anywhere: one native call where a call of `includes` per word (17) was
 * most of figure-rate's and figure-percent's time (both alone over the varied 1 MB, 4 pairs: 0.93-1.02 → 0.49-0.52 ms).
 */
const CHANGE_WORD = new RegExp(vocab.changeWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** 化解 in 化解矛盾纠纷 when 矛盾纠纷 was borrowed from an earlier figure. */
export function verbOf(f: Figure): string {
  return f.subject && f.label.endsWith(f.subject) ? f.label.slice(0, f.label.length - f.subject.length) : '';
}

export function fmt(n: number, places = 0): string {
  return places > 0 ? n.toFixed(places) : String(Math.round(n * 100) / 100);
}

/** A figure as users read it: 行政许可269件 / 行政许可 269 件. */
export function describe(locale: Locale, f: Figure, value: string = f.text): string {
  return t(locale, 'figure.describe', { label: f.label, value, unit: f.unit === '%' ? '' : f.unit });
}

export function spanning(a: Range, b: Range): Range {
  return a.start.line === b.end.line ? { start: a.start, end: b.end } : a;
}
