/** `missing-title`: no title found above the first heading (information: web copies often drop it). */
import { t } from '../messages';
import type { Rule } from './rule';

export const missingTitle: Rule = {
  code: 'missing-title',
  defaultSeverity: 'information',
  description: {
    'zh-cn': '没有报告标题',
    en: 'No report title',
  },
  docs: {
    finds: 'no title above the first heading',
  },
  run(ctx, emit) {
    if (ctx.header.title || ctx.outline.length === 0) return;
    emit({ range: ctx.firstContentLineRange(), message: t(ctx.locale, 'missing-title') });
  },
};
