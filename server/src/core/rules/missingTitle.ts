/** `missing-title`: no title found above the first heading (information: web copies often drop it). */
import { t } from '../messages';
import type { Rule } from './rule';

export const missingTitle: Rule = {
  code: 'missing-title',
  defaultSeverity: 'information',
  run(ctx, emit) {
    if (ctx.header.title || ctx.outline.length === 0) return;
    emit({ range: ctx.firstContentLineRange(), message: t(ctx.locale, 'missing-title') });
  },
};
