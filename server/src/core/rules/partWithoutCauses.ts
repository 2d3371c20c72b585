/**
 * `part-without-causes`: the shortcomings part lists problems but never says why — the rule
 * asks for 不足和原因. Cause words are data (data/rules.json); the heading itself (…不足和原因)
 * does not count as giving causes.
 */
import vocabulary from '../data/rules.json';
import { t } from '../messages';
import type { OutlineNode } from '../model';
import { sectionBody } from './textScan';
import type { LineChanges } from './lineChanges';
import { emitWhileOutlineAlike, outlineKeptMemo, sectionsAlike } from './outlineKept';
import type { Rule } from './rule';

const CAUSE = new RegExp(vocabulary.causeWords.patterns.join('|'));
const PART = 'shortcomings';
const KEPT = outlineKeptMemo('part-without-causes');

export const partWithoutCauses: Rule = {
  code: 'part-without-causes',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '“存在的不足”部分只列问题，没有分析原因',
    en: 'The shortcomings part lists problems but gives no causes',
  },
  docs: {
    finds:
      'the shortcomings part lists problems but gives no causes (the rule asks for 不足**和原因**); cause words (原因, 究其, 由于, 根源 …) are data in `server/src/core/data/rules.json`',
  },
  run(ctx, emit) {
    if (!ctx.profile.parts.some((p) => p.id === PART)) return;
    const heads = ctx.outline.filter((n: OutlineNode) => n.parts.includes(PART) && !n.inferredPart);
    // The part's words are read again only when a line of its section (or the outline) changed.
    const alike = (changes: LineChanges) => changes.outlineAlike() && sectionsAlike(ctx, changes, heads);
    emitWhileOutlineAlike(
      ctx,
      KEPT,
      emit,
      (emit) => {
        for (const n of heads) {
          const body = sectionBody(ctx, n);
          // An empty part is empty-part's finding, not this one.
          if (body.trim().length === 0 || CAUSE.test(body)) continue;
          emit({ range: n.selectionRange, message: t(ctx.locale, 'part-without-causes'), data: { part: PART } });
        }
      },
      alike,
    );
  },
};
