/** `missing-part`: one finding per mandatory part of the profile that no level-1 heading carries. */
import { t } from '../messages';
import { insertPart } from '../edits/skeleton';
import type { Rule } from './rule';

export const missingPart: Rule = {
  code: 'missing-part',
  defaultSeverity: 'error',
  description: {
    'zh-cn': '缺少报告类型要求的必备部分',
    en: 'A mandatory part of the report kind is missing',
  },
  docs: {
    finds: 'a mandatory part of the profile that no level-1 heading carries',
    fix: 'insert the part (heading with the right ordinal and year, skeleton body) where reports put it, renumbering the headings after it',
  },
  run(ctx, emit) {
    const where = ctx.header.title?.range ?? ctx.firstContentLineRange();
    const shape = { outline: ctx.outline, signature: ctx.signature, year: ctx.year, lineCount: ctx.index.lineCount };
    const lines = ctx.index.lines;
    // Plain data, not a getter: an object literal with an accessor gets a map of its own at every
    // analysis, which the literal's first map keeps (weakly) until a full collection — and with it
    // what the getter's closure holds, the whole text (docs/performance.md, round 14).
    const geometry = { lineCount: lines.length, lineLength: (l: number) => lines[l].text.length, eol: '\n' };
    for (const part of ctx.parts) {
      if (!part.mandatory || part.present) continue;
      geometry.eol = ctx.index.lineBreak;
      const message = part.mentionedAt
        ? t(ctx.locale, 'missing-part.mentioned', { part: part.name, line: part.mentionedAt.line + 1, name: part.mentionedAt.name })
        : t(ctx.locale, 'missing-part', { part: part.name });
      emit({
        range: where,
        message,
        data: { part: part.id, ...(part.mentionedAt ? { mentionedAt: part.mentionedAt.line } : {}) },
        fixes: [
          {
            title: t(ctx.locale, 'missing-part.fix', { part: part.name }),
            edits: insertPart(shape, ctx.profile, part.id, geometry).edits,
            preferred: true,
          },
        ],
      });
    }
  },
};
