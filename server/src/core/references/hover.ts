/**
 * Hover on a citation: what the reference is and when it happened (events), which years it
 * spans (periods) or what it is called now (old names). Reads one line, so it costs nothing
 * elsewhere in the document.
 */
import { t } from '../messages';
import type { Locale, Range } from '../model';
import type { CleanLine } from '../lines/cleanLines';
import { citationsInLine } from './scan';
import { formatDay, referenceTable, type ReferenceDefinition } from './table';

export interface ReferenceHover {
  readonly markdown: string;
  readonly range: Range;
}

export function referenceHover(
  lineText: string,
  line: number,
  character: number,
  locale: Locale,
  extra?: readonly ReferenceDefinition[],
): ReferenceHover | undefined {
  const table = referenceTable(extra);
  const cl: CleanLine = {
    line: { index: line, text: lineText },
    contentStart: 0,
    contentEnd: lineText.length,
    debris: [],
    isDebris: false,
  };
  const c = citationsInLine(table, cl, line).find((x) => x.start <= character && character <= x.end);
  if (!c) return undefined;
  const r = c.ref;
  const date = formatDay(r.date, locale);
  const markdown =
    r.kind === 'period'
      ? t(locale, 'hover.reference.period', { name: r.display, from: r.date.slice(0, 4), until: (r.until ?? '').slice(0, 4) })
      : r.kind === 'name'
        ? t(locale, 'hover.reference.name', {
            name: c.text,
            date,
            current: (r.replacement ?? '').replace(/\$(\d)/g, (_, n: string) => c.groups[Number(n) - 1] ?? ''),
          })
        : t(locale, 'hover.reference.event', { name: r.display, date });
  return { markdown, range: { start: { line, character: c.start }, end: { line, character: c.end } } };
}
