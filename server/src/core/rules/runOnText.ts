/**
 * `run-on-text`: a line that lost its line breaks (DOMAIN.md §7: title, lead, headings and
 * paragraphs run together). The structure is read anyway (runOn.ts); the fix inserts a line break
 * before each heading inside the line (and after the title and the addressee), and changes nothing
 * else: every character stays.
 */
import { t } from '../messages';
import type { Rule } from './rule';

export const runOnText: Rule = {
  code: 'run-on-text',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '一行中连写了标题、段落和下级标题（换行丢失）',
    en: 'A line that lost its line breaks: title, headings and paragraphs run together',
  },
  docs: {
    finds:
      'a line that lost its line breaks, so title, lead, headings and paragraphs run together (a paste from a web page or a PDF); the structure is read anyway',
    fix: 'insert a line break before each heading inside the line (and after the title and the addressee), one or all; every character stays',
  },
  fixAll: { title: 'run-on-text.fixAll' },
  run(ctx, emit) {
    const index = ctx.index;
    const eol = () => index.lineBreak;
    for (const [line, ro] of ctx.runOn) {
      const base = ctx.index.lineStart(line);
      const at = base + ro.firstHeading;
      const headings = ro.headings;
      const range = ctx.index.range(at, Math.min(at + 2, ctx.index.lineEnd(line)));
      emit({
        range,
        message: t(ctx.locale, 'run-on-text', { count: headings }),
        data: { breaks: ro.breaks.length, headings },
        fixes: () => [
          {
            title: t(ctx.locale, 'run-on-text.fix'),
            edits: ro.breaks.map((b) => {
              const p = ctx.index.positionAt(base + b);
              return { range: { start: p, end: p }, newText: eol() };
            }),
            preferred: true,
          },
        ],
      });
    }
  },
};
