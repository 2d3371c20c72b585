/**
 * `heading-style`: an ordinal not written in its GB/T 9704 form (half-width brackets, a stray
 * 、 after a bracket, `1、` for `1.`, `一.` for `一、`), and `（1）` used at level two where
 * `（一）` belongs. The fix rewrites the ordinal only, never the heading's words.
 */
import { t } from '../messages';
import type { OutlineNode } from '../model';
import { canonicalOrdinal } from '../document/ordinals';
import type { AnalysisContext } from './context';
import { emitWhileOutlineAlike, ordinalsAlike, outlineKeptMemo } from './outlineKept';
import type { Emitted, Rule } from './rule';

const KEPT = outlineKeptMemo('heading-style');

/** Variants that are wrong for sure (a full-width dot or digit is tolerated). */
function isWrongVariant(style: string, v: string): boolean {
  if (v === 'half-width-bracket' || v === 'one-sided' || v === 'lost-ordinal' || v.startsWith('trailing:')) return true;
  if (style === 'cn-comma' && v.startsWith('delimiter:')) return true;
  return style === 'num-dot' && /^delimiter:[、，,]$/.test(v);
}

export const headingStyle: Rule = {
  code: 'heading-style',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '标题序号不符合公文格式（GB/T 9704）',
    en: 'A heading ordinal is not in its GB/T 9704 form',
  },
  docs: {
    finds:
      'an ordinal not in its GB/T 9704 form: half-width `(一)`, `（一）、`, `1、` for `1.`, `一.` for `一、`; `（1）` used at level two where `（一）` belongs; one-sided `一)` `1)`; a part heading that lost its ordinal (Word numbering not copied); a level-1 heading indented while the others are not',
    fix: 'rewrite the ordinal, write the lost one (or remove the indentation), one or all',
  },
  fixAll: { title: 'heading-style.fixAll' },
  run(ctx, emit) {
    // A word typed into prose or a heading renamed changes no ordinal: the last findings, while the ordinals read as they did.
    emitWhileOutlineAlike(ctx, KEPT, emit, (emit) => walk(ctx, emit), ordinalsAlike);
  },
};

/** The ordinals out of their form, then the level-1 headings indented while their siblings are not. */
function walk(ctx: AnalysisContext, emit: (f: Emitted) => void): void {
  const visit = (nodes: readonly OutlineNode[], parent: OutlineNode | null) => {
    for (const n of nodes) {
      if (n.kind === 'heading') check(n, parent);
      visit(n.children, n);
    }
  };
  const check = (n: OutlineNode, parent: OutlineNode | null) => {
    const o = n.ordinal;
    // （1） directly under 一、 stands where （一） belongs (GB/T 9704 §7.3.3).
    const atLevelTwo = o.style === 'num-paren' && parent?.ordinal.style === 'cn-comma';
    if (!atLevelTwo && !o.variants.some((v) => isWrongVariant(o.style, v))) return;
    const expected = canonicalOrdinal(atLevelTwo ? 'cn-paren' : o.style, o.value);
    if (expected === o.text) return;
    // A part heading that lost Word's numbering: the finding is on its words, the fix writes the ordinal.
    const lost = o.variants.includes('lost-ordinal');
    emit({
      range: lost ? n.selectionRange : o.range,
      message: atLevelTwo
        ? t(ctx.locale, 'heading-style.level', { text: o.text, expected })
        : lost
          ? t(ctx.locale, 'heading-style.lost', { text: n.title, expected })
          : t(ctx.locale, 'heading-style.form', { text: o.text, expected }),
      data: { expected },
      fixes: [{ title: t(ctx.locale, 'heading-style.fix', { expected }), edits: [{ range: o.range, newText: expected }], preferred: true }],
    });
  };
  visit(ctx.outline, null);

  // A level-1 heading indented with spaces while its siblings start at the margin (seed 004).
  const roots = ctx.outline.filter((n) => n.kind === 'heading');
  const indent = (n: OutlineNode) => {
    const line = ctx.index.lines[n.line];
    const lead = line.text.slice(0, n.ordinal.range.start.character);
    return /^[ \t\u3000\u00a0]+$/.test(lead) ? lead.length : 0;
  };
  if (!roots.some((n) => n.ordinal.range.start.character === 0)) return;
  for (const n of roots) {
    const width = indent(n);
    if (width === 0) continue;
    const range = { start: { line: n.line, character: 0 }, end: { line: n.line, character: width } };
    emit({
      range: n.ordinal.range,
      message: t(ctx.locale, 'heading-style.indent', { text: n.ordinal.text }),
      data: { indent: width },
      fixes: [{ title: t(ctx.locale, 'heading-style.indent.fix'), edits: [{ range, newText: '' }], preferred: true }],
    });
  }
}
