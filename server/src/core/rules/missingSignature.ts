/**
 * `missing-signature`: no 落款 (issuing bodies) or no 成文日期 at the end. Information level:
 * web-published copies often drop them.
 */
import { t } from '../messages';
import type { Rule } from './rule';

export const missingSignature: Rule = {
  code: 'missing-signature',
  defaultSeverity: 'information',
  description: {
    'zh-cn': '没有落款（发文机关和成文日期）',
    en: 'No signature (issuing body and date)',
  },
  docs: {
    finds: 'no 落款: issuing bodies or 成文日期 absent (web copies often drop them, hence information)',
  },
  run(ctx, emit) {
    if (ctx.outline.length === 0) return;
    const sig = ctx.signature;
    const bodies = !!sig && sig.bodies.length > 0;
    const date = !!sig?.date;
    if (bodies && date) return;
    let last = ctx.lines.length - 1;
    while (last > 0 && (ctx.lines[last].isDebris || ctx.lines[last].contentStart >= ctx.lines[last].contentEnd)) last--;
    const key = !bodies && !date ? 'missing-signature' : !bodies ? 'missing-signature.bodies' : 'missing-signature.date';
    const cl = ctx.lines[last];
    const at = ctx.index.lineStart(cl.line.index);
    emit({
      range: ctx.index.range(at + cl.contentStart, at + cl.contentEnd),
      message: t(ctx.locale, key),
      data: { bodies, date },
    });
  },
};
