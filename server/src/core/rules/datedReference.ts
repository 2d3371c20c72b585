/**
 * `dated-reference`: a citation of an event (congress, plenum, law, campaign — data/references.json)
 * dated after the report's 成文日期, or after the end of its report year when it has no date:
 * a report cannot cite what had not yet happened (a report on 2023 citing 二十届三中全会).
 */
import { t } from '../messages';
import { citations, referenceDay } from '../references/scan';
import { formatDay } from '../references/table';
import type { Rule } from './rule';

const DATED = new Set(['congress', 'plenum', 'event']);

export const datedReference: Rule = {
  code: 'dated-reference',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '引用了晚于成文日期或报告年度的事件',
    en: 'Cites an event dated after the report',
  },
  docs: {
    finds:
      "a citation of an event dated after the report's 成文日期 (or, without one, after the end of its report year): a report on 2023 citing 二十届三中全会 (2024-07-15), 党纪学习教育 before April 2024. Events and dates are data (see [Dated and outdated wording](#dated-and-outdated-wording)); hover on a citation shows its date",
  },
  run(ctx, emit) {
    const day = referenceDay(ctx);
    if (day === null) return;
    const date = ctx.signature?.date;
    for (const c of citations(ctx, ctx.references)) {
      if (!DATED.has(c.ref.kind) || c.ref.day <= day) continue;
      const start = ctx.index.lineStart(ctx.lines[c.line].line.index);
      const happened = formatDay(c.ref.date, ctx.locale);
      emit({
        range: ctx.index.range(start + c.start, start + c.end),
        message: date
          ? t(ctx.locale, 'dated-reference.date', { name: c.text, happened, date: date.text })
          : t(ctx.locale, 'dated-reference.year', { name: c.text, happened, year: ctx.year! }),
        data: { id: c.ref.id, happened: c.ref.date, ...(date ? { date: date.text } : { year: ctx.year }) },
      });
    }
  },
};
