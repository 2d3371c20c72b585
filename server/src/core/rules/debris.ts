/**
 * `debris`: Word bookmarks, web-page chrome and page numbers left in the text. The fix removes
 * exactly the debris: a debris line goes with its line break, an inline span goes alone, and
 * nothing that can be report text goes at all.
 */
import { withoutInlineDebris } from '../debris';
import { wholeLineRange } from '../fixes';
import { canBeReportText } from '../reportText';
import { t } from '../messages';
import type { DebrisKind, Range } from '../model';
import type { Rule } from './rule';

export const debris: Rule = {
  code: 'debris',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '残留的 Word 书签、网页文字或页码',
    en: 'Word bookmarks, web-page text or page numbers left in the text',
  },
  docs: {
    finds:
      'Word `[bookmark: …]`; web-page chrome (`data.kind` `web`: breadcrumbs, reading tools, share widgets, counters, footers; `metadata`: 索引号/发布机构 … blocks; `template`: template-site boilerplate and watermark lines); PDF page numbers and running headers (`page-number`, `running-header`); chrome run into a flattened page (see [Plain text as it arrives](#plain-text-as-it-arrives-web-pastes-pdf-text-lost-line-breaks-lost-numbering))',
    fix: 'remove it, one or all: a debris line goes with its line break, an inline span alone; a line that can be report text is never debris',
  },
  fixAll: { title: 'debris.fixAll' },
  run(ctx, emit) {
    // The fix removes only what cannot be report text (reportText.ts), judged on the whole line:
    // whatever recognised the debris, the writer's own sentence is never deleted.
    const report = (range: Range, remove: () => Range, text: string, kind: DebrisKind, removable: boolean) =>
      emit({
        range,
        message: t(ctx.locale, `debris.${kind}`, { text: text.length > 30 ? text.slice(0, 30) + '…' : text }),
        data: { kind },
        fixes: () =>
          removable ? [{ title: t(ctx.locale, 'debris.fix'), edits: [{ range: remove(), newText: '' }], preferred: true }] : [],
      });
    for (const cl of ctx.lines) {
      if (cl.debris.length === 0) continue;
      const base = cl.line.start;
      if (cl.isDebris) {
        // The whole line is debris: one finding, and the fix takes the line with its break.
        const first = Math.min(...cl.debris.map((d) => d.start));
        const last = Math.max(...cl.debris.map((d) => d.end));
        const main = cl.debris.find((d) => d.wholeLine) ?? cl.debris[0];
        report(
          ctx.index.range(base + first, base + last),
          () => wholeLineRange(ctx.index, cl.line.index),
          cl.line.text.slice(first, last).trim(),
          main.kind,
          !canBeReportText(withoutInlineDebris(cl.line.text)),
        );
        continue;
      }
      for (const d of cl.debris) {
        const r = ctx.index.range(base + d.start, base + d.end);
        report(r, () => r, cl.line.text.slice(d.start, d.end), d.kind, !canBeReportText(cl.line.text.slice(d.start, d.end)));
      }
    }
  },
};
