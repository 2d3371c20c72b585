/**
 * `reused-text`: a paragraph that repeats, verbatim or nearly (≥ 80% of its character 4-grams,
 * punctuation and digits normalised, boilerplate left out), a paragraph of the same body's report
 * on the year before. The previous report is an input (AnalyzeOptions.previous): the editor finds
 * it next to the document, the CLI takes --previous or the report's folder.
 */
import { t } from '../messages';
import { reportReuse } from '../similarity/lastYearReuse';
import type { Rule } from './rule';

/** The reused share of the report above which the findings are warnings (a report mostly copied is sent back). */
export const DEFAULT_REUSE_WARNING = 0.5;

/** Last year's paragraph is carried in the finding (the hover shows it), up to this length. */
const QUOTE = 600;

export const reusedText: Rule = {
  code: 'reused-text',
  defaultSeverity: 'information',
  description: {
    'zh-cn': '段落与同一机关上年报告的段落重复或高度相似',
    en: 'A paragraph repeats one of the same body’s report on the year before',
  },
  docs: {
    finds:
      "a paragraph of at least 30 characters (boilerplate left out) that repeats, verbatim or nearly (≥ 80% of its character 4-grams, digits and punctuation normalised), a paragraph of the same body's report on the year before. The editor takes last year's report from the document's folder (same body, year − 1; as the figures' hover does); `govreport check` takes `--previous FILE`, else the report's own folder. Message and `data` name the file, its line and the similarity; the title's code lens says 与上年报告重复 N%; hover on the paragraph shows last year's. When more than half the report (`reuseWarning` in `.govreport.json`, `--reuse-warning`; compared in whole percents, as shown) is reused, each finding is a warning. See [Similarity](#similarity-reused-text-and-govreport-similar)",
  },
  costly: true,
  run(ctx, emit) {
    const reuse = reportReuse(ctx);
    if (!reuse || !ctx.previous) return;
    const file = ctx.previous.name;
    // Compared as the whole percent the code lens, --summary and the assessor's page show: a share shown as
    // 50% is not above a 50% threshold (0.501 > 0.5 made a report shown as "50%" a warning).
    const shown = (share: number) => Math.round(share * 100);
    const severity = shown(reuse.share) > shown(ctx.reuseWarning ?? DEFAULT_REUSE_WARNING) ? 'warning' : undefined;
    for (const r of reuse.reused) {
      const percent = Math.round(r.similarity * 100);
      const line = r.previous.line + 1;
      emit({
        range: ctx.index.range(r.paragraph.start, r.paragraph.end),
        ...(severity ? { severity } : {}),
        message: t(ctx.locale, 'reused-text', { percent, file, line }),
        data: {
          file,
          line,
          similarity: Math.round(r.similarity * 100) / 100,
          previousText: r.previous.text.length > QUOTE ? r.previous.text.slice(0, QUOTE) + '…' : r.previous.text,
        },
      });
    }
  },
};
