/** `missing-part`: one finding per mandatory part of the profile that no level-1 heading carries. */
import { t } from '../messages';
import type { Rule } from './rule';

export const missingPart: Rule = {
  code: 'missing-part',
  defaultSeverity: 'error',
  run(ctx, emit) {
    const where = ctx.header.title?.range ?? ctx.firstContentLineRange();
    for (const part of ctx.parts) {
      if (!part.mandatory || part.present) continue;
      const message = part.mentionedAt
        ? t(ctx.locale, 'missing-part.mentioned', { part: part.name, line: part.mentionedAt.line + 1, name: part.mentionedAt.name })
        : t(ctx.locale, 'missing-part', { part: part.name });
      emit({
        range: where,
        message,
        data: { part: part.id, ...(part.mentionedAt ? { mentionedAt: part.mentionedAt.line } : {}) },
      });
    }
  },
};
