/** What an exported report must still say: its text without debris (the export's words in, for words-out checks). */
import { TextIndex, type ReportModel } from '../../server/src/core';

const strip = (s: string) => s.replace(/[\s\u3000\u00a0\ufeff\u200b]/g, '');

/** The report's text without debris, every line in order (what the exported paragraphs must hold). */
export function expectedText(text: string, model: ReportModel): string {
  const index = new TextIndex(text);
  const out: string[] = [];
  for (const line of index.lines) {
    const debris = model.debris.filter((d) => d.range.start.line <= line.index && d.range.end.line >= line.index);
    if (debris.some((d) => d.wholeLine)) continue;
    let t = line.text;
    for (const d of [...debris].sort((a, b) => b.range.start.character - a.range.start.character)) {
      const from = d.range.start.line === line.index ? d.range.start.character : 0;
      const to = d.range.end.line === line.index ? d.range.end.character : t.length;
      t = t.slice(0, from) + t.slice(to);
    }
    out.push(t);
  }
  return strip(out.join(''));
}
