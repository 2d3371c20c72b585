/**
 * `unbalanced-pair`: within one paragraph (line), a “ ‘ 《 （ 【 that is never closed, or a
 * closer with no opener. The range is on the unclosed opener (seed 003: 公开电话“实时报。).
 * A list ordinal like `1）` at the start of a line is not a stray closer.
 */
import { t } from '../messages';
import { contentSegments } from './textScan';
import type { Rule } from './rule';

const OPEN: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】' };
const CLOSE: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '）': '（', '】': '【' };
const PAIR_CHARS = new RegExp(`[${[...Object.keys(OPEN), ...Object.keys(CLOSE)].join('')}]`, 'g');
const LIST_ORDINAL = /^[0-9０-９一二三四五六七八九十]{1,3}）$/;

export const unbalancedPair: Rule = {
  code: 'unbalanced-pair',
  defaultSeverity: 'warning',
  // A per-character scan of every line: skipped on documents above govreport.maxDocumentSize.
  costly: true,
  run(ctx, emit) {
    for (const cl of ctx.lines) {
      const text = cl.line.text;
      const stack: number[] = [];
      const report = (i: number, key: string) => {
        const ch = text[i];
        emit({
          range: ctx.index.range(cl.line.start + i, cl.line.start + i + 1),
          message: t(ctx.locale, key, { open: ch, close: OPEN[ch] ?? ch, other: CLOSE[ch] ?? '' }),
          data: { char: ch },
        });
      };
      for (const [from, to] of contentSegments(cl)) {
        // Jump from bracket to bracket (a native regex scan) instead of visiting every character.
        PAIR_CHARS.lastIndex = from;
        for (let m = PAIR_CHARS.exec(text); m && m.index < to; m = PAIR_CHARS.exec(text)) {
          const i = m.index;
          const c = text[i];
          if (OPEN[c]) stack.push(i);
          else if (CLOSE[c]) {
            if (LIST_ORDINAL.test(text.slice(cl.contentStart, i + 1))) continue;
            let k = stack.length - 1;
            while (k >= 0 && text[stack[k]] !== CLOSE[c]) k--;
            if (k < 0) {
              report(i, 'unbalanced-pair.stray');
              continue;
            }
            // The match closes; the openers above it were never closed.
            for (const j of stack.splice(k).slice(1)) report(j, 'unbalanced-pair.unclosed');
          }
        }
      }
      for (const j of stack) report(j, 'unbalanced-pair.unclosed');
    }
  },
};
