/**
 * Which body and which year a report is about, read from its top alone (title, 发文机关, lead) —
 * what a folder index needs to pair each report with last year's, at a fraction of an analysis.
 * Falls back to the whole analysis when the top names no year or no body (the 落款 then decides).
 */
import { analyze } from '../analyze';
import { scanDebris, type CleanLine } from '../lines/cleanLines';
import { readHeader, yearIn } from '../document/header';
import { TextIndex } from '../text/lineIndex';
import { bodyEvidence, bodyKeyOf } from '../similarity/body';

const HEAD = 3000;
const LEVEL1 = /^[一二三四五六七八九十]{1,3}[、.．]/;

const words = (cl: CleanLine) => cl.line.text.slice(cl.contentStart, cl.contentEnd);

export function reportIdentity(text: string): { key: string; year: number | null } {
  const lines = scanDebris(new TextIndex(text.slice(0, HEAD)).lines);
  let end = lines.findIndex((cl) => !cl.isDebris && LEVEL1.test(words(cl)));
  if (end < 0) end = Math.min(lines.length, 15);
  const h = readHeader(lines, end);
  const title = h.titleLines.map((i) => words(lines[i])).join('');
  const lead = h.leadLines.map((i) => words(lines[i])).join('');
  const year = (title ? yearIn(title) : null) ?? (lead ? yearIn(lead) : null);
  const key = title ? bodyKeyOf({ title, bodies: h.bodyLines.map((i) => words(lines[i])) }) : '';
  if (year !== null && key) return { key, year };
  // No year or no body at the top: the 落款 (bodies, 成文日期) at the end tells them.
  const m = analyze(text, { rules: [] });
  return { key: bodyKeyOf(bodyEvidence(m)), year: m.year };
}
