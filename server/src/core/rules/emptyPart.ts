/** `empty-part`: a part heading with nothing written under it (only ellipses, markers, punctuation). */
import vocabulary from '../data/rules.json';
import { t } from '../messages';
import type { AnalysisContext } from './context';
import { contentSegments } from '../lines/segments';
import type { OutlineNode } from '../model';
import type { Rule } from './rule';

const IGNORE = new RegExp(vocabulary.emptyPart.ignore, 'g');

export const emptyPart: Rule = {
  code: 'empty-part',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '部分标题下没有实质内容',
    en: 'A part heading with nothing written under it',
  },
  docs: {
    finds: 'a part heading with nothing under it but ellipses, 一是/二是 markers or punctuation',
  },
  run(ctx, emit) {
    for (const n of ctx.outline) {
      if (n.kind !== 'heading' || n.parts.length === 0) continue;
      // Line by line, stopping at the first line with content: none of the ignored patterns
      // spans a line break, so this is the same as testing the whole body at once.
      if (hasWords(ctx, n)) continue;
      const names = n.parts.map((id) => ctx.parts.find((p) => p.id === id)?.name ?? id).join('、');
      emit({ range: n.selectionRange, message: t(ctx.locale, 'empty-part', { part: names }), data: { parts: n.parts } });
    }
  },
};

/**
 * Whether a line of the section after its heading (debris left out) holds more than the ignored
 * patterns: the words of each line as `sectionLines` (textScan.ts) gives them, read only up to the
 * first line with content — not every line of a long section at every keystroke.
 */
function hasWords(ctx: AnalysisContext, node: OutlineNode): boolean {
  const from = ctx.index.offsetAt(node.selectionRange.end);
  const to = ctx.index.offsetAt(node.range.end);
  for (let i = node.line; i < ctx.lines.length; i++) {
    const cl = ctx.lines[i];
    const start = ctx.index.lineStart(cl.line.index);
    if (start >= to) break;
    if (start + cl.line.text.length < from) continue;
    let words = '';
    for (const [a, b] of contentSegments(cl)) {
      const s = Math.max(start + a, from);
      const e = Math.min(start + b, to);
      if (e > s) words += ctx.text.slice(s, e);
    }
    if (words.length > 0 && words.replace(IGNORE, '').length > 0) return true;
  }
  return false;
}
