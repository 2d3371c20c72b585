/** Hover on a paragraph that repeats last year's report: last year's paragraph, quoted. */
import { t } from '../messages';
import type { Position, Range, ReportModel } from '../model';

function inside(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export function reusedHover(model: ReportModel, position: Position): { markdown: string; range: Range } | undefined {
  const f = model.findings.find((x) => x.code === 'reused-text' && inside(x.range, position));
  if (!f || !f.data) return undefined;
  const d = f.data as { file: string; line: number; similarity: number; previousText: string };
  const head = t(model.locale, 'hover.reused', { file: d.file, line: d.line, percent: Math.round(d.similarity * 100) });
  return { markdown: `${head}\n\n> ${d.previousText}`, range: f.range };
}
