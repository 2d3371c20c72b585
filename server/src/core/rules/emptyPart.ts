/** `empty-part`: a part heading with nothing written under it (only ellipses, markers, punctuation). */
import vocabulary from '../data/rules.json';
import { t } from '../messages';
import { sectionLines } from './textScan';
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
      if (sectionLines(ctx, n).some((line) => line.replace(IGNORE, '').length > 0)) continue;
      const names = n.parts.map((id) => ctx.parts.find((p) => p.id === id)?.name ?? id).join('、');
      emit({ range: n.selectionRange, message: t(ctx.locale, 'empty-part', { part: names }), data: { parts: n.parts } });
    }
  },
};
