/**
 * `unbalanced-pair`: within one paragraph (a line, or lines hard-wrapped mid-sentence), a “ ‘ 《 （ 【 that is never closed, or a
 * closer with no opener. The range is on the unclosed opener (seed 003: 公开电话“实时报。).
 * A list ordinal like `1）` at the start of a line is not a stray closer.
 */
import { t } from '../messages';
import { contentSegments } from './textScan';
import type { OutlineNode } from '../model';
import type { Rule } from './rule';

const OPEN: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】' };
const CLOSE: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '）': '（', '】': '【' };
const PAIR_CHARS = new RegExp(`[${[...Object.keys(OPEN), ...Object.keys(CLOSE)].join('')}]`, 'g');
const LIST_ORDINAL = /^[0-9０-９一二三四五六七八九十]{1,3}）$/;
const LIST_ORDINAL_MAX = 4;

/**
 * The openers still open, in order, with the position of the latest of each kind at hand: a
 * closer finds its opener without walking past the others (5 MB of （ then 》 stayed linear).
 */
class OpenerStack {
  private readonly items: number[] = [];
  /** Stack indexes of the openers of each kind, in order. */
  private readonly byKind = new Map<string, number[]>();
  constructor(private readonly text: string) {}

  push(abs: number): void {
    const kind = this.text[abs];
    let list = this.byKind.get(kind);
    if (!list) this.byKind.set(kind, (list = []));
    list.push(this.items.length);
    this.items.push(abs);
  }

  some(opener: string): boolean {
    return (this.byKind.get(opener)?.length ?? 0) > 0;
  }

  /** Closes the latest `opener`; returns the openers above it (never closed), removed too. */
  closeTo(opener: string): number[] {
    const k = this.byKind.get(opener)!.pop()!;
    const above = this.items.splice(k + 1);
    this.items.pop();
    // The openers above k are the latest of their kinds: each leaves the top of its list.
    for (const abs of above) this.byKind.get(this.text[abs])!.pop();
    return above;
  }

  all(): readonly number[] {
    return this.items;
  }
}

/** A line ending in one of these closes its paragraph; any other ending (a PDF copy's hard wrap) runs on. */
const PARAGRAPH_END = /[。！？!?；;：:…]$/;

function headingLines(nodes: readonly OutlineNode[], into: Set<number>): Set<number> {
  for (const n of nodes) {
    if (n.kind === 'heading') into.add(n.line);
    headingLines(n.children, into);
  }
  return into;
}

export const unbalancedPair: Rule = {
  code: 'unbalanced-pair',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '引号、书名号或括号不成对',
    en: 'Quotation marks, title marks or brackets that do not pair up',
  },
  docs: {
    finds:
      'within a paragraph, an unclosed “ ‘ 《 （ 【 (range on the opener) or a stray closer; `1）` list ordinals are not strays',
  },
  // A per-character scan of every line: skipped on documents above govreport.maxDocumentSize.
  costly: true,
  run(ctx, emit) {
    const headings = headingLines(ctx.outline, new Set());
    // Openers still open, as absolute offsets. They carry over a line that does not end its
    // paragraph (text copied from a PDF breaks lines mid-sentence: 《…（2021—\n2025年）》).
    let stack = new OpenerStack(ctx.text);
    const report = (abs: number, key: 'unbalanced-pair.unclosed' | 'unbalanced-pair.stray') => {
      const ch = ctx.text[abs];
      emit({
        range: ctx.index.range(abs, abs + 1),
        message: t(ctx.locale, key, { open: ch, close: OPEN[ch] ?? ch, other: CLOSE[ch] ?? '' }),
        data: { char: ch },
      });
    };
    const endParagraph = () => {
      for (const j of stack.all()) report(j, 'unbalanced-pair.unclosed');
      stack = new OpenerStack(ctx.text);
    };
    for (const cl of ctx.lines) {
      // A page number or other debris line between the halves of a paragraph does not end it.
      if (cl.isDebris) continue;
      if (cl.contentStart >= cl.contentEnd || headings.has(cl.line.index)) endParagraph();
      const text = cl.line.text;
      const base = cl.line.start;
      for (const [from, to] of contentSegments(cl)) {
        // Jump from bracket to bracket (a native regex scan) instead of visiting every character.
        PAIR_CHARS.lastIndex = from;
        for (let m = PAIR_CHARS.exec(text); m && m.index < to; m = PAIR_CHARS.exec(text)) {
          const i = m.index;
          const c = text[i];
          if (OPEN[c]) stack.push(base + i);
          else if (CLOSE[c]) {
            // A list ordinal is at most four characters from the content start: only then is it worth a look.
            if (i + 1 - cl.contentStart <= LIST_ORDINAL_MAX && LIST_ORDINAL.test(text.slice(cl.contentStart, i + 1))) continue;
            if (!stack.some(CLOSE[c])) {
              report(base + i, 'unbalanced-pair.stray');
              continue;
            }
            // The match closes; the openers above it were never closed.
            for (const j of stack.closeTo(CLOSE[c])) report(j, 'unbalanced-pair.unclosed');
          }
        }
      }
      if (headings.has(cl.line.index) || PARAGRAPH_END.test(text.slice(cl.contentStart, cl.contentEnd))) endParagraph();
    }
    endParagraph();
  },
};
