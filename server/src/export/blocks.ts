/**
 * The report as the document that is handed in: the analysed text cut into blocks (title,
 * addressee, paragraphs, headings by level, tables, the 落款), each with the font role of its
 * runs. Pure: the .docx exporter and the page preview both lay out these blocks, so the
 * exported file and the preview show the same document. Debris never becomes a block.
 */
import { isAttachmentHead, TextIndex, type OutlineNode, type ReportModel } from '../core';
import { PAGE, type FontRole } from './gbt9704';
import { breakTitle } from './titleBreak';
import { textWidth } from './width';

export interface Run {
  readonly text: string;
  readonly role: FontRole;
  /** A line break before this run (a title that wraps keeps its lines). */
  readonly breakBefore?: boolean;
  /** The source line of a title line. */
  readonly line?: number;
}

export type BlockKind =
  | 'title'
  | 'addressee'
  | 'paragraph'
  | 'heading'
  | 'signature'
  | 'date'
  | 'table'
  | 'blank'
  /** 附件说明 (GB/T 9704 §7.3.4): 附件：1.… and the items under it, aligned. */
  | 'attachmentNote'
  /** 附件 / 附件2 at the top of an attachment's first page, flush left in 黑体. */
  | 'attachmentHead'
  /** An attachment's title, centred in 小标宋 on the third line. */
  | 'attachmentTitle'
  /** 版头 (GB/T 9704 §7.2, with --letterhead): the 发文机关标志 in red 小标宋, …文件. */
  | 'letterheadMark'
  /** 版头: the 发文字号 (and 签发人), over the red rule. */
  | 'docNumber'
  /** 版记 (§7.4, with --letterhead): 抄送, 印发机关和印发日期, between rules. */
  | 'record';

export interface Block {
  readonly kind: BlockKind;
  /** 0-based source lines the block comes from (blank blocks: the line they precede). */
  readonly line: number;
  readonly lastLine: number;
  readonly runs: readonly Run[];
  /** GB/T level of a heading: 1 一、 · 2 （一） · 3 1. · 4 （1）. */
  readonly level?: number;
  /** Table cells, row by row (table blocks). */
  readonly rows?: readonly (readonly string[])[];
  /** 落款 lines start this many characters from the left edge of the type area (附件说明: where its wrapped lines start). */
  readonly leftIndentChars?: number;
  /** A 落款 line set flush right, this many characters in from the right edge (the date when it is the longer line). */
  readonly rightIndentChars?: number;
  /** 附件说明 items: the first line starts this many characters left of `leftIndentChars` (a hanging indent). */
  readonly hangingChars?: number;
  /** The block starts a new page (an attachment). */
  readonly pageBreakBefore?: boolean;
  /** The block stays on the page of the next one (headings, titles). */
  readonly keepNext?: boolean;
  /** 版头: the 签发人 line beside the 发文字号 (上行文). */
  readonly signer?: string;
}

export interface BlockOptions {
  /** Lay out a 版头 and 版记 (GB/T 9704 §7.2, §7.4) from the draft's 发文机关, 发文字号, 签发人, 抄送, 印发. */
  readonly letterhead?: boolean;
}

/** Heading font by GB/T level: 一、 黑体, （一） 楷体, 1. and （1） the body font. */
export const headingRole = (level: number): FontRole => (level === 1 ? 'heading1' : level === 2 ? 'heading2' : 'body');

const SPACE = /^[\s\u3000\u00a0\ufeff\u200b]+|(?<![\s\u3000\u00a0\ufeff\u200b])[\s\u3000\u00a0\ufeff\u200b]+$/g;
const trim = (s: string) => s.replace(SPACE, '');

export { textWidth };

/**
 * Cells of a `|` table row (`| a | b |`, `a｜b`), or null when the line is not one; separator rows
 * give []. `framed`: the row starts with its bar, as the intake and Markdown write rows.
 */
function pipeCells(text: string): { cells: string[]; framed: boolean } | null {
  if (!/[|｜]/.test(text)) return null;
  const cells = text.split(/[|｜]/).map(trim);
  const framed = cells.length > 1 && cells[0] === '';
  if (framed) cells.shift();
  if (cells.length && cells[cells.length - 1] === '') cells.pop();
  if (cells.length < 2) return null;
  return { cells: cells.every((c) => /^:?-{2,}:?$/.test(c)) ? [] : cells, framed };
}

function tabCells(text: string): string[] | null {
  if (!text.includes('\t')) return null;
  const cells = text.split('\t').map(trim);
  return cells.filter((c) => c).length >= 2 ? cells : null;
}

/**
 * The 落款 positions (DOMAIN.md §6): the body's name right-aligned two characters in from the right
 * edge; the date below, starting two characters right of the name's start; a date longer than that
 * keeps two characters from the edge and the name moves left. Returns where the name and the date
 * start, in characters from the left edge. Placed by their starts (left indents), the name and the
 * date keep their two characters whatever width a renderer gives the date's digits.
 */
export function signatureIndents(nameWidth: number, dateWidth: number): { name: number; date: number } {
  const line = PAGE.charsPerLine;
  const name = Math.max(0, Math.min(line - 2 - nameWidth, line - 2 - dateWidth - 2));
  return { name, date: name + 2 };
}

function headingsByLine(outline: readonly OutlineNode[]): Map<number, OutlineNode> {
  const map = new Map<number, OutlineNode>();
  const visit = (nodes: readonly OutlineNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'heading' && !map.has(n.line)) map.set(n.line, n);
      visit(n.children);
    }
  };
  visit(outline);
  return map;
}

/**
 * The text of lines without debris: `slice(l, from, to)` is [from, to) of line `l` with its inline
 * debris cut out; a line that is debris as a whole gives null.
 */
function debrisFree(index: TextIndex, model: ReportModel): { slice(l: number, from?: number, to?: number): string | null } {
  const cuts = new Map<number, [number, number][]>();
  const whole = new Set<number>();
  for (const d of model.debris) {
    for (let l = d.range.start.line; l <= d.range.end.line; l++) {
      if (d.wholeLine) {
        whole.add(l);
        continue;
      }
      const from = l === d.range.start.line ? d.range.start.character : 0;
      const to = l === d.range.end.line ? d.range.end.character : index.lines[l].text.length;
      (cuts.get(l) ?? cuts.set(l, []).get(l)!).push([from, to]);
    }
  }
  return {
    slice(l, from = 0, to = Number.MAX_SAFE_INTEGER) {
      if (whole.has(l)) return null;
      const text = index.lines[l].text;
      let out = '';
      let at = from;
      for (const [a, b] of (cuts.get(l) ?? []).sort((x, y) => x[0] - y[0])) {
        if (b <= at || a >= to) continue;
        if (a > at) out += text.slice(at, a);
        at = Math.max(at, b);
      }
      return at < to ? out + text.slice(at, to) : out;
    },
  };
}

/** The blocks of the document, in order. `text` is the text `model` was analysed from. */
export function reportBlocks(text: string, model: ReportModel, options: BlockOptions = {}): Block[] {
  const blocks = bodyBlocks(text, model);
  return options.letterhead ? withLetterhead(blocks, model) : blocks;
}

/** 发文字号: 某府发〔2025〕3号 (〔〕, [] or （） around the year). */
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,16}[〔[（(［]\d{4}[〕\]）)］]\s*\d{1,5}\s*号$/;
const SIGNER = /^签\s*发\s*人\s*[:：]/;
const RECORD = /^抄\s*送\s*[:：]|印发$/;

/**
 * The blocks with a 版头 and a 版记 (GB/T 9704 §7.2, §7.4): the issuing bodies written above the title
 * become the 发文机关标志 (red 小标宋; the standard allows the name alone, so nothing is added — a
 * writer who wants …文件 writes it), the 发文字号 and 签发人 lines before the title go over the red rule
 * (two blank lines, then the title), and 抄送 and …印发 lines after the 落款 become the 版记. Every
 * word stays and none is added: blocks move, no text changes.
 */
function withLetterhead(blocks: readonly Block[], model: ReportModel): Block[] {
  const bodyLines = new Set(model.header.bodies.map((b) => b.range.start.line));
  // The 字号 and 签发人 stand between the issuing body and the title's own first line (the title block
  // itself comes first: it holds the body's line).
  const titleLine = Math.min(...(model.header.title?.lines ?? [Infinity]));
  const beforeTitle = (b: Block) => b.kind === 'paragraph' && b.line < titleLine;
  const names = model.header.bodies;
  const head: Block[] = [];
  if (names.length) {
    const runs: Run[] = names.map((n, i) => ({
      text: trim(n.text),
      role: 'title',
      breakBefore: i > 0,
      line: n.range.start.line,
    }));
    head.push({ kind: 'letterheadMark', line: names[0].range.start.line, lastLine: names[0].range.start.line, runs, keepNext: true });
  }
  const out: Block[] = [];
  let number: Block | undefined;
  let signer: string | undefined;
  const skip = new Set<number>();
  blocks.forEach((b, i) => {
    if (skip.has(i)) return;
    const own = b.runs.map((r) => r.text).join('');
    if (beforeTitle(b) && DOC_NUMBER.test(own)) number = b;
    else if (beforeTitle(b) && SIGNER.test(own)) signer = own;
    else if (b.kind === 'title' && bodyLines.size && model.header.bodies.length) {
      const runs = b.runs.filter((r) => !bodyLines.has(r.line ?? -1));
      if (runs.length) out.push({ ...b, runs: runs.map((r, k) => ({ ...r, breakBefore: k > 0 })) });
      else if (blocks[i + 1]?.kind === 'blank') skip.add(i + 1);
    } else if (b.kind === 'paragraph' && model.signature && b.line > model.signature.line && RECORD.test(own))
      out.push({ ...b, kind: 'record' });
    else out.push(b);
  });
  const blank = (line: number): Block => ({ kind: 'blank', line, lastLine: line - 1, runs: [] });
  if (number || signer) {
    head.push(blank(head[0]?.line ?? 0));
    const line = number?.line ?? 0;
    head.push({ kind: 'docNumber', line, lastLine: line, runs: number ? number.runs : [], signer, keepNext: true });
  }
  // The title two lines below the red rule (one below the 标志 when there is no 字号).
  if (head.length) head.push(blank(head[0].line), blank(head[0].line));
  return [...head, ...out];
}

function bodyBlocks(text: string, model: ReportModel): Block[] {
  const index = new TextIndex(text);
  const clean = debrisFree(index, model);
  const lines = index.lines.map((l) => clean.slice(l.index));
  const headings = headingsByLine(model.outline);
  const blocks: Block[] = [];
  const bodies = new Set(model.header.bodies.map((b) => b.range.start.line));
  const title = new Set<number>([...bodies, ...(model.header.title?.lines ?? [])]);
  const addressee = model.header.addressee?.range.start.line ?? -1;
  const sig = model.signature;
  const sigLines = new Map<number, 'signature' | 'date'>();
  if (sig) {
    for (const b of sig.bodies) sigLines.set(b.range.start.line, 'signature');
    if (sig.date) sigLines.set(sig.date.range.start.line, 'date');
  }
  const textOf = (l: number) => trim(lines[l] ?? '');
  const attachmentsFrom = firstAttachment(lines, textOf, Math.max(sig?.line ?? -1, firstHeading(headings)));

  let i = 0;
  while (i < lines.length) {
    const raw = lines[i];
    const own = raw === null ? '' : trim(raw);
    if (!own) {
      i++;
      continue;
    }
    if (title.has(i)) {
      // The issuing bodies above the title and the title itself: one centred block, broken into lines where the meaning allows.
      const first = i;
      const runs: Run[] = [];
      const own: { text: string; line: number }[] = [];
      while (i < lines.length && (title.has(i) || (!textOf(i) && title.has(i + 1)))) {
        if (textOf(i)) {
          if (bodies.has(i)) for (const piece of breakTitle(textOf(i))) runs.push(titleRun(piece, i, runs.length > 0));
          else own.push({ text: textOf(i), line: i });
        }
        i++;
      }
      runs.push(...titleRuns(own, runs.length > 0));
      blocks.push({ kind: 'title', line: first, lastLine: i - 1, runs, keepNext: true });
      blocks.push({ kind: 'blank', line: i, lastLine: i - 1, runs: [] });
      continue;
    }
    if (attachmentsFrom >= 0 && i >= attachmentsFrom && isAttachmentHead(own)) {
      i = attachmentBlocks(blocks, i, own, textOf, lines.length);
      continue;
    }
    if (ATTACHMENT_NOTE.test(own) && i > addressee) {
      i = attachmentNoteBlocks(blocks, i, lines, textOf);
      continue;
    }
    if (i === addressee) {
      blocks.push({ kind: 'addressee', line: i, lastLine: i, runs: [{ text: own, role: 'body' }] });
      i++;
      continue;
    }
    const heading = headings.get(i);
    if (heading) {
      const end = heading.selectionRange.end;
      const lastLine = Math.max(i, end.line);
      // The heading proper (ordinal + title) in the level's font; run-in body text after it in the body font.
      let head = '';
      for (let l = i; l <= lastLine; l++) {
        const from = l === i ? heading.selectionRange.start.character : 0;
        const to = l === lastLine ? end.character : undefined;
        head += trim(clean.slice(l, from, to) ?? '');
      }
      let rest = trim(clean.slice(lastLine, end.character) ?? '');
      // The full stop or colon that ends a run-in heading belongs to the heading.
      const stop = /^[。：:]/.exec(rest);
      if (stop) {
        head += stop[0];
        rest = trim(rest.slice(stop[0].length));
      }
      const runs: Run[] = [{ text: head, role: headingRole(heading.rank) }];
      if (rest) runs.push({ text: rest, role: 'body' });
      // A heading never ends a page: it keeps with the paragraph under it (a run-in heading is a paragraph of its own).
      blocks.push({ kind: 'heading', line: i, lastLine, runs, level: heading.rank, keepNext: !rest });
      i = lastLine + 1;
      continue;
    }
    if (sig && i === sig.line) {
      i = signatureBlocks(blocks, i, lines, sigLines, textOf);
      continue;
    }
    const rows = tableAt(lines, i, headings);
    if (rows) {
      blocks.push({ kind: 'table', line: i, lastLine: rows.lastLine, runs: [], rows: rows.cells });
      i = rows.lastLine + 1;
      continue;
    }
    blocks.push({ kind: 'paragraph', line: i, lastLine: i, runs: [{ text: own, role: 'body' }] });
    i++;
  }
  return blocks;
}

/** A title line's run. */
const titleRun = (text: string, line: number, breakBefore: boolean, role: FontRole = 'title'): Run => ({ text, role, breakBefore, line });

/**
 * The title's own lines joined and broken again where the meaning allows (titleBreak.ts), each
 * piece with the source line it starts on. Latin words split over two lines keep a space between them.
 */
function titleRuns(own: readonly { text: string; line: number }[], breakFirst: boolean): Run[] {
  let joined = '';
  const starts: { at: number; line: number }[] = [];
  for (const o of own) {
    if (/[A-Za-z0-9]$/.test(joined) && /^[A-Za-z]/.test(o.text)) joined += ' ';
    starts.push({ at: joined.length, line: o.line });
    joined += o.text;
  }
  if (!joined) return [];
  let at = 0;
  return breakTitle(joined).map((piece, k) => {
    const line = [...starts].reverse().find((s) => s.at <= at)?.line ?? own[0].line;
    at += piece.length;
    return titleRun(piece, line, breakFirst || k > 0);
  });
}

/** GB/T 9704 §7.3.4 附件说明: 附件：1.某某统计表 (or 附件：某某统计表), the items after it numbered 2. 3. … */
const ATTACHMENT_NOTE = /^附\s*件\s*[:：]/;
const NOTE_LABEL = /^附\s*件\s*[:：]\s*/;
const NOTE_ITEM = /^[0-9０-９]{1,2}\s*[.．、]/;

/**
 * The 附件说明, one blank line below the body, two characters in: 附件：1.… then 2.… under the 1.,
 * each item's wrapped lines under its name (a hanging indent).
 */
function attachmentNoteBlocks(blocks: Block[], start: number, lines: readonly (string | null)[], textOf: (l: number) => string): number {
  const first = textOf(start);
  const label = textWidth(NOTE_LABEL.exec(first)![0].trimEnd());
  const numberOf = (t: string) => textWidth(NOTE_ITEM.exec(t)?.[0] ?? '');
  blocks.push({ kind: 'blank', line: start, lastLine: start - 1, runs: [] });
  const rest = first.replace(NOTE_LABEL, '');
  const n0 = numberOf(rest);
  blocks.push({
    kind: 'attachmentNote',
    line: start,
    lastLine: start,
    runs: [{ text: first, role: 'body' }],
    leftIndentChars: 2 + label + n0,
    hangingChars: label + n0,
  });
  let i = start + 1;
  for (; i < lines.length && n0 > 0 && NOTE_ITEM.test(textOf(i)); i++) {
    const n = numberOf(textOf(i));
    blocks.push({
      kind: 'attachmentNote',
      line: i,
      lastLine: i,
      runs: [{ text: textOf(i), role: 'body' }],
      leftIndentChars: 2 + label + n,
      hangingChars: n,
    });
  }
  return i;
}

/** The first attachment's head line after line `after` (the 落款 or the first heading), or -1. */
function firstAttachment(lines: readonly (string | null)[], textOf: (l: number) => string, after: number): number {
  if (after < 0) return -1;
  for (let l = after + 1; l < lines.length; l++) if (isAttachmentHead(textOf(l))) return l;
  return -1;
}

function firstHeading(headings: ReadonlyMap<number, OutlineNode>): number {
  let first = -1;
  for (const l of headings.keys()) if (first < 0 || l < first) first = l;
  return first;
}

/** An attachment's title: a short line that is no sentence and no table row. */
const looksLikeTitle = (t: string) => textWidth(t) <= 40 && !/[。；;|｜\t]/.test(t);

/**
 * An attachment (GB/T 9704 §8.2): on a new page, 附件 and its number flush left in 黑体 on the
 * first line, its title centred in 小标宋 on the third; the rest is laid out as the body is.
 */
function attachmentBlocks(blocks: Block[], start: number, head: string, textOf: (l: number) => string, end: number): number {
  blocks.push({
    kind: 'attachmentHead',
    line: start,
    lastLine: start,
    runs: [{ text: head, role: 'heading1' }],
    pageBreakBefore: true,
    keepNext: true,
  });
  let j = start + 1;
  while (j < end && !textOf(j)) j++;
  if (j >= end || !looksLikeTitle(textOf(j)) || isAttachmentHead(textOf(j))) return start + 1;
  blocks.push({ kind: 'blank', line: j, lastLine: j - 1, runs: [], keepNext: true });
  blocks.push({ kind: 'attachmentTitle', line: j, lastLine: j, runs: titleRuns([{ text: textOf(j), line: j }], false), keepNext: true });
  blocks.push({ kind: 'blank', line: j + 1, lastLine: j, runs: [] });
  return j + 1;
}

function signatureBlocks(
  blocks: Block[],
  start: number,
  lines: readonly (string | null)[],
  sigLines: ReadonlyMap<number, 'signature' | 'date'>,
  textOf: (l: number) => string,
): number {
  const names: number[] = [];
  let date = -1;
  let i = start;
  for (; i < lines.length; i++) {
    const kind = sigLines.get(i);
    if (kind === 'signature') names.push(i);
    else if (kind === 'date') date = i;
    else if (textOf(i)) break;
    if (kind === 'date') {
      i++;
      break;
    }
  }
  const nameWidth = Math.max(0, ...names.map((l) => textWidth(textOf(l))));
  const dateWidth = date >= 0 ? textWidth(textOf(date)) : 0;
  const at = signatureIndents(nameWidth, dateWidth);
  blocks.push({ kind: 'blank', line: start, lastLine: start - 1, runs: [] });
  // Several bodies end at the same place as the longest one.
  for (const l of names) {
    const start = at.name + nameWidth - textWidth(textOf(l));
    blocks.push({ kind: 'signature', line: l, lastLine: l, runs: [{ text: textOf(l), role: 'body' }], leftIndentChars: start });
  }
  if (date >= 0) {
    // A date longer than the name is set flush right two characters in: the edge holds however wide a renderer draws its digits.
    const flushRight = at.date + dateWidth >= PAGE.charsPerLine - 2 - 1e-9;
    const place = flushRight ? { rightIndentChars: 2 } : { leftIndentChars: at.date };
    blocks.push({ kind: 'date', line: date, lastLine: date, runs: [{ text: textOf(date), role: 'body' }], ...place });
  }
  return Math.max(i, start + 1);
}

/**
 * A table from line `start`, not crossing a heading: `|` rows that start with their bar (any
 * number: the intake and Markdown write rows so), or two or more bar rows of the same number of
 * cells; tab rows, two or more. A prose line with a bar in it (甲|乙两种方式) stays prose.
 */
function tableAt(
  lines: readonly (string | null)[],
  start: number,
  headings: ReadonlyMap<number, OutlineNode>,
): { cells: string[][]; lastLine: number } | null {
  const first = lines[start] === null ? null : pipeCells(lines[start]!);
  const pipeRow = (t: string) => {
    const row = pipeCells(t);
    return row && (first?.framed || row.cells.length === 0 || row.cells.length === first?.cells.length) ? row.cells : null;
  };
  for (const cellsOf of [pipeRow, tabCells]) {
    const cells: string[][] = [];
    let last = -1;
    for (let l = start; l < lines.length && !(l > start && headings.has(l)); l++) {
      const t = lines[l];
      const row = t === null ? [] : cellsOf(t);
      if (row === null) break;
      if (row.length) cells.push(row);
      last = l;
    }
    if (cells.length >= (cellsOf === pipeRow && first?.framed ? 1 : 2)) return { cells, lastLine: last };
  }
  return null;
}

/** The text a block shows, line by line (a title keeps its lines; a table row's cells joined by a space). */
export function blockText(block: Block): string {
  if (block.rows) return block.rows.map((r) => r.join(' ')).join('\n');
  return block.runs.map((r) => (r.breakBefore ? '\n' : '') + r.text).join('');
}
