/**
 * Writing parts from the profile: a part's standard heading and skeleton body, and the edit
 * that inserts a missing part where reports conventionally put it, renumbering the level-1
 * headings after it. Used by the missing-part quick fix, completion, code lens and snippets.
 * Edits only insert text or replace ordinal numerals: they never delete the writer's words.
 */
import type { OutlineNode, ReportModel, TextEdit } from '../model';
import { toChineseNumber } from '../text/numerals';
import type { Profile } from '../document/profile';

export function fillYears(template: string, year: number | null): string {
  if (year === null) return template.replace(/\{year\}年度?/g, '').replace(/\{nextYear\}年度?/g, '下一年度');
  return template.replace(/\{year\}/g, String(year)).replace(/\{nextYear\}/g, String(year + 1));
}

/** The standard heading of a part, without ordinal. */
export function partHeading(profile: Profile, partId: string, year: number | null): string {
  const part = profile.parts.find((p) => p.id === partId);
  if (!part) throw new Error(`unknown part ${partId}`);
  return fillYears(part.standardHeading ?? part.name['zh-cn'], year);
}

/** The part's heading with ordinal and its skeleton body, as lines. */
export function partLines(profile: Profile, partId: string, year: number | null, ordinal: number): string[] {
  const part = profile.parts.find((p) => p.id === partId)!;
  const body = (part.skeleton ?? ['……']).map((l) => fillYears(l.replace('{cursor}', '……'), year));
  return [`${toChineseNumber(ordinal)}、${partHeading(profile, partId, year)}`, ...body];
}

function rootOrder(profile: Profile): string[] {
  return [...(profile.conventionalOrder ?? profile.parts.map((p) => p.id))];
}

export interface PartInsertion {
  /** Index among the level-1 headings the new part takes. */
  readonly index: number;
  /** Line before which the part is inserted. */
  readonly line: number;
  readonly edits: TextEdit[];
}

/**
 * Where a missing part goes: after the last level-1 part that conventionally precedes it,
 * else before the first that follows it; then renumber the level-1 headings after it.
 */
export type DocumentShape = Pick<ReportModel, 'outline' | 'signature' | 'year' | 'lineCount'>;

export interface TextGeometry {
  /** Length of a line (line break excluded). */
  lineLength(line: number): number;
  readonly lineCount: number;
  /** The document's line break. */
  readonly eol: string;
}

export function insertPart(model: DocumentShape, profile: Profile, partId: string, geo: TextGeometry): PartInsertion {
  const order = rootOrder(profile);
  const rank = order.indexOf(partId);
  const roots = model.outline.filter((n) => n.kind === 'heading');
  const rankOf = (n: OutlineNode) => Math.max(-1, ...n.parts.map((p) => order.indexOf(p)));
  let index = 0;
  for (let i = 0; i < roots.length; i++) {
    const r = rankOf(roots[i]);
    if (r >= 0 && r < rank) index = i + 1;
    // Unmatched topical parts before a preceding part belong to the measures block.
    else if (r < 0 && i < index) index = i + 1;
  }
  // Keep contiguous unmatched parts (特色亮点 after measures) before the insertion point.
  while (index < roots.length && rankOf(roots[index]) < 0 && index > 0 && rank > 0) index++;

  const after = roots[index];
  const line = after ? after.line : model.signature ? model.signature.line : geo.lineCount;
  // The new part follows the writer's numbering: after 二、 it is 三、 even when 二、 is the first
  // level-1 heading (a report whose 一、 was lost). Numbered by its index it would repeat 二、,
  // and a level-1 ordinal going back is not read as a heading where a table may be (1. above it).
  const before = roots[index - 1];
  const ordinal = before && before.rank === 1 ? before.ordinal.value + 1 : index + 1;
  const lines = partLines(profile, partId, model.year, ordinal);
  const edits: TextEdit[] = [];
  // Insert at the end of the line before, so the insertion never shares a position with the
  // renumbering of the heading that follows (edits at one position have no defined order).
  let prev = line - 1;
  // Before a signature, skip back over the blank lines that set it apart.
  if (!after && model.signature) while (prev > 0 && geo.lineLength(prev) === 0) prev--;
  const last = geo.lineCount - 1;
  if (!after && !model.signature && geo.lineLength(last) === 0) {
    // At the end of a text that ends with a line break: a plain insertion on the empty last line.
    const at = { line: last, character: 0 };
    edits.push({ range: { start: at, end: at }, newText: lines.join(geo.eol) + geo.eol });
  } else if (!after && !model.signature) {
    const at = { line: last, character: geo.lineLength(last) };
    edits.push({ range: { start: at, end: at }, newText: geo.eol + lines.join(geo.eol) });
  } else if (prev >= 0) {
    const at = { line: prev, character: geo.lineLength(prev) };
    edits.push({ range: { start: at, end: at }, newText: geo.eol + lines.join(geo.eol) });
  } else {
    const at = { line: 0, character: 0 };
    edits.push({ range: { start: at, end: at }, newText: lines.join(geo.eol) + geo.eol });
  }
  const renumber: TextEdit[] = [];
  for (let i = index; i < roots.length; i++) renumber.push(...renumberEdit(roots[i], ordinal + 1 + i - index));
  if (prev < 0 && renumber.length && renumber[0].range.start.line === 0 && renumber[0].range.start.character === 0) {
    // Both at the very start: fold the insertion into the first renumbering.
    const first = renumber.shift()!;
    edits[0] = { range: first.range, newText: edits[0].newText + first.newText };
  }
  return { index, line, edits: [...edits, ...renumber] };
}

/** Replaces just the numeral of a heading's ordinal (一 in 一、, 三 in （三）). */
export function renumberEdit(node: OutlineNode, value: number): TextEdit[] {
  if (node.ordinal.value === value) return [];
  const text = node.ordinal.text;
  const m = /[一二三四五六七八九十]+|[0-9０-９]+/.exec(text);
  if (!m) return [];
  const start = { line: node.ordinal.range.start.line, character: node.ordinal.range.start.character + m.index };
  const end = { line: start.line, character: start.character + m[0].length };
  const numeral = /[0-9０-９]/.test(m[0]) ? String(value) : toChineseNumber(value);
  return [{ range: { start, end }, newText: numeral }];
}

/** 主送机关 by the level of the issuing body: the party committee and government above it. */
export const ADDRESSEES: readonly string[] = [
  '区委、区政府',
  '县委、县政府',
  '市委、市政府',
  '镇党委、镇政府',
  '乡党委、乡政府',
  '省委、省政府',
];

/** A whole report from the profile: header, lead, every mandatory part, signature. */
export function reportSkeleton(
  profile: Profile,
  opts: { body: string; year: number; addressee?: string; bodies?: readonly string[]; date?: string },
): string {
  const bodies = opts.bodies ?? [opts.body];
  const parts = rootOrder(profile).filter((id) => profile.parts.find((p) => p.id === id)?.mandatory);
  const lines: string[] = [
    ...bodies,
    `关于${opts.year}年${profile.name['zh-cn'].replace(/年度报告$/, '')}情况的报告`,
    '',
    `${opts.addressee ?? ADDRESSEES[0]}：`,
    `${opts.year}年，${opts.body}……现将有关情况报告如下：`,
  ];
  parts.forEach((id, i) => lines.push(...partLines(profile, id, opts.year, i + 1)));
  lines.push('', ...bodies, opts.date ?? `${opts.year + 1}年1月20日`, '');
  return lines.join('\n');
}

export interface NewReportRequest {
  readonly body?: string;
  readonly year?: number | string;
  readonly addressee?: string;
}

/**
 * A new report as the New report command and `govreport new` make it: defaults for what the
 * writer left out. A report is written early in the year after the one it covers, so the year
 * defaults to last year and the 成文日期 is today when today falls in the following year.
 */
export function newReport(profile: Profile, req: NewReportRequest, today: { year: number; month: number; day: number }): string {
  const year = Number(req.year) || today.year - 1;
  const date = today.year === year + 1 ? `${today.year}年${today.month}月${today.day}日` : undefined;
  return reportSkeleton(profile, {
    body: String(req.body ?? '').trim() || '某某镇人民政府',
    year,
    addressee: req.addressee || undefined,
    date,
  });
}
