/**
 * `heading-sequence`: sibling headings not numbered 1, 2, 3 … in order (一、二、四; （一）（一）).
 * One finding per group of siblings, on the first ordinal out of step; the fix renumbers the group.
 */
import { renumberSiblings } from '../edits/fixes';
import { t } from '../messages';
import type { OutlineNode } from '../model';
import { toChineseNumber } from '../text/numerals';
import { emitWhileOutlineAlike, ordinalsAlike, outlineKeptMemo } from './outlineKept';
import type { Rule } from './rule';

const KEPT = outlineKeptMemo('heading-sequence');

export const headingSequence: Rule = {
  code: 'heading-sequence',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '同级标题序号不连续、重复或顺序错误',
    en: 'Sibling headings are not numbered 1, 2, 3 …',
  },
  docs: {
    finds:
      'sibling headings not numbered 1, 2, 3 … (一、二、四; （一）（一）); one finding per level group, on the first ordinal out of step',
    fix: 'renumber that level (the *Renumber* command renumbers all)',
  },
  run(ctx, emit) {
    // A word typed into prose or a heading renamed changes no ordinal: the last findings, while the ordinals read as they did.
    emitWhileOutlineAlike(
      ctx,
      KEPT,
      emit,
      (emit) => {
        const visit = (nodes: readonly OutlineNode[]) => {
          // The first heading out of step, counted without a list made per group (most groups are in step).
          let k = 0;
          let at = -1;
          let previous = 0;
          for (const n of nodes) {
            if (n.kind !== 'heading') continue;
            if (n.ordinal.value !== k + 1) {
              at = k;
              break;
            }
            previous = n.ordinal.value;
            k++;
          }
          if (at >= 0) {
            const headings = nodes.filter((n) => n.kind === 'heading');
            const i = at;
            const n = headings[i];
            const kind = i > 0 && n.ordinal.value === previous ? 'repeated' : n.ordinal.value > i + 1 ? 'skipped' : 'order';
            emit({
              range: n.ordinal.range,
              message: t(ctx.locale, `heading-sequence.${kind}`, {
                text: n.ordinal.text,
                expected: /[0-9０-９]/.test(n.ordinal.text) ? String(i + 1) : toChineseNumber(i + 1),
              }),
              data: { expected: i + 1, actual: n.ordinal.value },
              fixes: () => [{ title: t(ctx.locale, 'heading-sequence.fix'), edits: renumberSiblings(headings), preferred: true }],
            });
          }
          for (const n of nodes) if (n.children.length > 0) visit(n.children);
        };
        visit(ctx.outline);
      },
      ordinalsAlike,
    );
  },
};
