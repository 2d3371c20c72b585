/** `empty-part`: a part heading with nothing written under it (only ellipses, markers, punctuation). */
import vocabulary from '../data/rules.json';
import { t } from '../messages';
import type { AnalysisContext } from './context';
import type { CleanLine } from '../lines/cleanLines';
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
 * first line with content — not every line of a long section at every keystroke. A line wholly in the
 * section is judged once per line object (an unchanged line is the same CleanLine at the next
 * keystroke): a document of many reports has hundreds of parts, each asked at every keystroke.
 */
function hasWords(ctx: AnalysisContext, node: OutlineNode): boolean {
  const from = ctx.index.offsetAt(node.selectionRange.end);
  const to = ctx.index.offsetAt(node.range.end);
  for (let i = node.line; i < ctx.lines.length; i++) {
    const cl = ctx.lines[i];
    const start = ctx.index.lineStart(cl.line.index);
    if (start >= to) break;
    const end = start + cl.line.text.length;
    if (end < from) continue;
    if (start >= from && end <= to) {
      let words = lineHasWords.get(cl);
      if (words === undefined) lineHasWords.set(cl, (words = holdsWords(cl, 0, cl.line.text.length)));
      if (words) return true;
    } else if (holdsWords(cl, from - start, to - start)) return true;
  }
  return false;
}

/** Whether the line's content between `from` and `to` (line-relative) holds more than the ignored patterns. */
function holdsWords(cl: CleanLine, from: number, to: number): boolean {
  let words = '';
  for (const [a, b] of contentSegments(cl)) {
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (e > s) words += cl.line.text.slice(s, e);
  }
  return words.length > 0 && words.replace(IGNORE, '').length > 0;
}

const lineHasWords = new WeakMap<CleanLine, boolean>();
