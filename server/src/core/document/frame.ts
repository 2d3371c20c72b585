/**
 * The third stage of an analysis: the frame around the body (GB/T 9704) — the header (issuing
 * bodies, title, 主送机关, lead) before the first heading, the 落款 read back from the end — and
 * from them the profile, the report year and which headings carry which parts.
 */
import { withoutInlineDebris, type CleanLine } from '../lines/cleanLines';
import { isFrameText } from '../lines/debrisGuard';
import { runOnPieces, type RunOnLine } from '../lines/runOn';
import type { Header, Locale, OutlineNode, PartStatus, Signature, TextSpan } from '../model';
import type { TextIndex } from '../text/lineIndex';
import { readHeader, readSignature, yearIn } from './header';
import { freezeOutline, type MutableNode } from './outline';
import { assignParts, profileByParts } from './parts';
import { builtinProfiles, defaultProfile, profileForTitle, type Profile } from './profile';
import type { Structure } from './structure';

export interface Frame {
  readonly header: Header;
  readonly signature: Signature | null;
  readonly profile: Profile;
  readonly year: number | null;
  readonly parts: PartStatus[];
  readonly outline: OutlineNode[];
}

export function readFrame(text: string, index: TextIndex, structure: Structure, requested: Profile | undefined, locale: Locale): Frame {
  const { lines, draft, bodyLines } = structure;
  const firstHeading = draft.firstHeadingLine < 0 ? lines.length : draft.firstHeadingLine;
  // A run-on last line: the 落款 at its end is read from its pieces (lines/runOn.ts).
  const last = lastLineOf(draft.roots, lines, index);
  const sigLines = signatureLinesOf(lines, last, bodyLines, draft.runOn);
  const sl = sigLines ? readSignature(sigLines, 0, sigLines.length) : readSignature(lines, last + 1, bodyLines);
  const sLines = sigLines ?? lines;
  // Without headings the 落款 also stands before the "first heading": the header (and the lead
  // the report year may come from) stops where the signature starts.
  const headerEnd = sl.start >= 0 ? Math.min(firstHeading, sLines[sl.start].line.index) : firstHeading;
  // A run-on first line: its pieces before the first heading are the header's lines.
  const hLines = headerEnd === firstHeading ? headerLinesOf(lines, firstHeading, draft.runOn.get(firstHeading)) : lines;
  const hl = readHeader(hLines, hLines === lines ? headerEnd : hLines.length);
  // The signature is not part of the last section.
  if (sl.start >= 0) clampEnd(draft.roots, index.lineStart(sLines[sl.start].line.index) + (sigLines ? sLines[sl.start].contentStart : 0));

  const header: Header = {
    bodies: hl.bodyLines.map((l) => span(index, hLines, l, l)),
    title: hl.titleLines.length ? titleSpan(index, hLines, hl.titleLines) : undefined,
    addressee: hl.addresseeLine >= 0 ? span(index, hLines, hl.addresseeLine, hl.addresseeLine) : undefined,
    lead: hl.leadLines.length ? span(index, hLines, hl.leadLines[0], hl.leadLines[hl.leadLines.length - 1]) : undefined,
  };
  const profile =
    requested ?? profileForTitle(header.title?.text) ?? profileByParts(draft.roots, builtinProfiles, defaultProfile()) ?? defaultProfile();
  // The report year: the title's, else the lead's, else the year a 成文日期 reports on (reports
  // are dated early in the following year; one dated in December reports on its own year).
  const year =
    (header.title && yearIn(header.title.text)) ??
    (header.lead ? yearIn(header.lead.text) : null) ??
    (sl.date ? (sl.date.month === 12 ? sl.date.year : sl.date.year - 1) : null);
  const signature: Signature | null =
    sl.start >= 0
      ? {
          bodies: sl.bodyLines.map((l) => span(index, sLines, l, l)),
          date: sl.date && sl.dateLine >= 0 ? dateSpan(span(index, sLines, sl.dateLine, sl.dateLine), sl.date) : undefined,
          line: sLines[sl.start].line.index,
        }
      : null;
  const parts = assignParts(profile, draft.roots, year, locale);
  return { header, signature, profile, year, parts, outline: freezeOutline(draft.roots, index, text) };
}

// The title and the date are written out field by field, as literals, not spread into: V8 gives a
// spread with fields added after it a map of its own that dies with the model, and the compiled code
// that met it is thrown away at the next full collection (docs/performance.md, round 15).

/** The title's words, range and lines. */
function titleSpan(index: TextIndex, lines: readonly CleanLine[], titleLines: readonly number[]): NonNullable<Header['title']> {
  const s = span(index, lines, titleLines[0], titleLines[titleLines.length - 1]);
  return { text: s.text, range: s.range, lines: titleLines.map((l) => lines[l].line.index) };
}

/** The 成文日期's words and range, and the day it names. */
function dateSpan(
  s: TextSpan,
  date: { readonly year: number; readonly month: number; readonly day: number },
): NonNullable<Signature['date']> {
  return { text: s.text, range: s.range, year: date.year, month: date.month, day: date.day };
}

/** The words of lines `from`…`to` (debris left out) and their range. */
function span(index: TextIndex, lines: readonly CleanLine[], from: number, to: number): TextSpan {
  const a = lines[from];
  const b = lines[to];
  const start = index.lineStart(a.line.index) + a.contentStart;
  const end = index.lineStart(b.line.index) + b.contentEnd;
  const parts: string[] = [];
  for (let i = from; i <= to; i++) {
    const c = lines[i];
    if (!c.isDebris) parts.push(c.line.text.slice(c.contentStart, c.contentEnd));
  }
  return { text: withoutInlineDebris(parts.join('')), range: index.range(start, end) };
}

/** The pieces of a run-on last line from its 落款 on, and the lines after it; null when it has none. */
function signatureLinesOf(
  lines: readonly CleanLine[],
  last: number,
  end: number,
  runOn: ReadonlyMap<number, RunOnLine>,
): CleanLine[] | null {
  const ro = last >= 0 ? runOn.get(last) : undefined;
  if (ro?.signature === undefined) return null;
  const pieces = runOnPieces(lines[last], ro).filter((p) => p.contentStart >= ro.signature!);
  return [...pieces, ...lines.slice(last + 1, end)];
}

/** The lines before the first heading; a run-on line adds its pieces before its first heading. */
function headerLinesOf(lines: readonly CleanLine[], firstHeading: number, ro: RunOnLine | undefined): readonly CleanLine[] {
  if (!ro || ro.startsWithHeading) return lines;
  // Before the title only the 发文机关 and the 发文字号 are the header's: the rest is a page's chrome
  // (a crawler's column name 法治政府建设年度报告 is no title), whether or not the guard let it go.
  const titleAt = ro.title?.[0] ?? -1;
  const pieces = runOnPieces(lines[firstHeading], ro).filter(
    (p) =>
      p.contentStart < ro.firstHeading &&
      !p.isDebris &&
      (p.contentStart >= titleAt || isFrameText(p.line.text.slice(p.contentStart, p.contentEnd))),
  );
  return pieces.length ? [...lines.slice(0, firstHeading), ...pieces] : lines;
}

/** The signature is not part of the last section: end the trailing sections before it. */
function clampEnd(nodes: readonly MutableNode[], end: number): void {
  const last = nodes[nodes.length - 1];
  if (!last) return;
  if (last.endOffset > end) last.endOffset = end;
  clampEnd(last.children, end);
}

/**
 * The line of the last heading or item, or -1. The build attaches nodes in reading order, each as the
 * last child of a node on the open chain, so the last one is at the end of the chain of last children.
 */
function lastLineOf(nodes: readonly MutableNode[], lines: readonly CleanLine[], index: TextIndex): number {
  let last = -1;
  for (let n: MutableNode | undefined = nodes[nodes.length - 1]; n; n = n.children[n.children.length - 1]) {
    // A heading wrapped onto the next line ends there: the 落款 starts after its rest, not inside it.
    const line = lines[n.token.line];
    const end = line && n.token.titleEnd > index.lineEnd(line.line.index) ? n.token.line + 1 : n.token.line;
    if (end > last) last = end;
  }
  return last;
}
