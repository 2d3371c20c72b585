/**
 * `stale-figures`: a paragraph repeated from last year's report (as `reused-text` finds it) whose
 * figures are last year's too — every count and rate in it stands, as written, in last year's
 * paragraph. Reuse compares text with every digit run as one symbol, so a paragraph copied with
 * its numbers updated is reused text only; one copied with the numbers left is this finding, on
 * its figures: the year's work reported with the year before's numbers.
 */
import { t } from '../messages';
import { reportReuse } from '../similarity/lastYearReuse';
import type { Rule } from './rule';

export const staleFigures: Rule = {
  code: 'stale-figures',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '与上年报告重复的段落中，数字也与上年完全相同（可能未更新）',
    en: 'A paragraph repeated from last year’s report still has last year’s figures',
  },
  docs: {
    finds:
      "a paragraph repeated from the same body's report on the year before (as `reused-text` finds it) in which every figure (count, amount, rate) stands as written in last year's paragraph: the figures were not updated. On the figures, naming last year's file and line",
  },
  costly: true,
  run(ctx, emit) {
    const reuse = reportReuse(ctx);
    if (!reuse || !ctx.previous) return;
    const at = ctx.figures.map((f) => ctx.index.offsetAt(f.range.start));
    for (const r of reuse.reused) {
      const inside = ctx.figures.filter((_, i) => at[i] >= r.paragraph.start && at[i] < r.paragraph.end);
      if (inside.length === 0 || !inside.every((f) => r.previous.text.includes(f.text))) continue;
      const first = inside[0];
      const last = inside[inside.length - 1];
      emit({
        range: { start: first.range.start, end: last.range.end },
        message: t(ctx.locale, 'stale-figures', {
          figures: inside.map((f) => f.text).join(ctx.locale === 'en' ? ', ' : '、'),
          file: ctx.previous.name,
          line: r.previous.line + 1,
        }),
        data: { file: ctx.previous.name, line: r.previous.line + 1, figures: inside.map((f) => f.text) },
      });
    }
  },
};
