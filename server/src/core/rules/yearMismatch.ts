/**
 * `year-mismatch`: the report year (from the title) against the years in the part headings
 * (a `current` part names the report year, a `next` part the year after — profile data), and
 * the 成文日期: before the report year is over is a warning; after a profile deadline (report
 * upward, publish) is information.
 */
import { t } from '../messages';
import { localized } from '../document/profile';
import type { Rule } from './rule';

const YEARS = /((?:19|20)\d{2})\s*年/g;

export const yearMismatch: Rule = {
  code: 'year-mismatch',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '标题中的年份或成文日期与报告年度不符',
    en: 'A heading year or the date does not fit the report year',
  },
  docs: {
    finds:
      'a part heading naming the wrong year (measures: the report year; next-year: the year after); a 成文日期 before the report year is over (warning) or after a profile deadline — 1 March report upward, 1 April publish (information)',
  },
  run(ctx, emit) {
    const year = ctx.year;
    if (year === null) return;
    for (const n of ctx.outline) {
      const years = [...n.title.matchAll(YEARS)].map((m) => Number(m[1]));
      if (years.length === 0) continue;
      for (const id of n.parts) {
        const part = ctx.profile.parts.find((p) => p.id === id);
        if (!part?.year) continue;
        const expected = part.year === 'next' ? year + 1 : year;
        if (years.includes(expected)) continue;
        emit({
          range: n.selectionRange,
          message: t(ctx.locale, 'year-mismatch.heading', {
            found: years.join('、'),
            year,
            expected,
            part: localized(part.name, ctx.locale),
          }),
          data: { part: id, expected, found: years },
        });
        break;
      }
    }
    const date = ctx.signature?.date;
    if (!date) return;
    const stamp = date.year * 10000 + date.month * 100 + date.day;
    if (date.year < year || (date.year === year && date.month < 12)) {
      emit({ range: date.range, message: t(ctx.locale, 'year-mismatch.early', { date: date.text, year }), data: { date: date.text } });
      return;
    }
    // Deadlines fall in the year after the report year; the first one missed is reported.
    for (const d of ctx.profile.deadlines ?? []) {
      if (stamp <= (year + 1) * 10000 + d.month * 100 + d.day) continue;
      emit({
        range: date.range,
        severity: 'information',
        message: t(ctx.locale, 'year-mismatch.deadline', {
          date: date.text,
          deadline: localized(d.name, ctx.locale),
          month: d.month,
          day: d.day,
        }),
        data: { date: date.text, deadline: d.id },
      });
      return;
    }
  },
};
