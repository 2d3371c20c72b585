/**
 * The report as the document that is handed in: the analysed text cut into blocks (title,
 * addressee, paragraphs, headings by level, tables, the 落款), each with the font role of its
 * runs. Pure: the .docx exporter and the page preview both lay out these blocks, so the
 * exported file and the preview show the same document. Debris never becomes a block.
 */
import { TextIndex, type OutlineNode, type ReportModel } from '../core';
import { PAGE, type FontRole } from './gbt9704';

export interface Run {
  readonly text: string;
  readonly role: FontRole;
  /** A line break before this run (a title that wraps keeps its lines). */
  readonly breakBefore?: boolean;
  /** The source line of a title line. */
  readonly line?: number;
}

export type BlockKind = 'title' | 'addressee' | 'paragraph' | 'heading' | 'signature' | 'date' | 'table' | 'blank';

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
  /** 落款 lines start this many characters from the left edge of the type area. */
  readonly leftIndentChars?: number;
}

/** Heading font by GB/T level: 一、 黑体, （一） 楷体, 1. and （1） the body font. */
export const headingRole = (level: number): FontRole => (level === 1 ? 'heading1' : level === 2 ? 'heading2' : 'body');

const SPACE = /^[\s\u3000\u00a0\ufeff\u200b]+|(?<![\s\u3000\u00a0\ufeff\u200b])[\s\u3000\u00a0\ufeff\u200b]+$/g;
const trim = (s: string) => s.replace(SPACE, '');

/** Width in grid characters: a full-width character is one, a half-width one (digits, Latin) half. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

/** Cells of a `|` table row (`| a | b |`, `a｜b`), or null when the line is not one; separator rows give []. */
function pipeCells(text: string): string[] | null {
  if (!/[|｜]/.test(text)) return null;
  const cells = text.split(/[|｜]/).map(trim);
  if (cells.length && cells[0] === '') cells.shift();
  if (cells.length && cells[cells.length - 1] === '') cells.pop();
  if (cells.length < 2) return null;
  return cells.every((c) => /^:?-{2,}:?$/.test(c)) ? [] : cells;
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
export function reportBlocks(text: string, model: ReportModel): Block[] {
  const index = new TextIndex(text);
  const clean = debrisFree(index, model);
  const lines = index.lines.map((l) => clean.slice(l.index));
  const headings = headingsByLine(model.outline);
  const blocks: Block[] = [];
  const title = new Set<number>([...model.header.bodies.map((b) => b.range.start.line), ...(model.header.title?.lines ?? [])]);
  const addressee = model.header.addressee?.range.start.line ?? -1;
  const sig = model.signature;
  const sigLines = new Map<number, 'signature' | 'date'>();
  if (sig) {
    for (const b of sig.bodies) sigLines.set(b.range.start.line, 'signature');
    if (sig.date) sigLines.set(sig.date.range.start.line, 'date');
  }
  const textOf = (l: number) => trim(lines[l] ?? '');

  let i = 0;
  while (i < lines.length) {
    const raw = lines[i];
    const own = raw === null ? '' : trim(raw);
    if (!own) {
      i++;
      continue;
    }
    if (title.has(i)) {
      // The issuing bodies above the title and the title's own lines: one centred block, line by line.
      const first = i;
      const runs: Run[] = [];
      while (i < lines.length && (title.has(i) || (!textOf(i) && title.has(i + 1)))) {
        if (textOf(i)) runs.push({ text: textOf(i), role: 'title', breakBefore: runs.length > 0, line: i });
        i++;
      }
      blocks.push({ kind: 'title', line: first, lastLine: i - 1, runs });
      blocks.push({ kind: 'blank', line: i, lastLine: i - 1, runs: [] });
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
      blocks.push({ kind: 'heading', line: i, lastLine, runs, level: heading.rank });
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
  if (date >= 0)
    blocks.push({ kind: 'date', line: date, lastLine: date, runs: [{ text: textOf(date), role: 'body' }], leftIndentChars: at.date });
  return Math.max(i, start + 1);
}

/** Consecutive `|` rows (any number) or tab rows (two or more) from line `start`, not crossing a heading. */
function tableAt(
  lines: readonly (string | null)[],
  start: number,
  headings: ReadonlyMap<number, OutlineNode>,
): { cells: string[][]; lastLine: number } | null {
  for (const cellsOf of [pipeCells, tabCells]) {
    const cells: string[][] = [];
    let last = -1;
    for (let l = start; l < lines.length && !(l > start && headings.has(l)); l++) {
      const t = lines[l];
      const row = t === null ? [] : cellsOf(t);
      if (row === null) break;
      if (row.length) cells.push(row);
      last = l;
    }
    if (cells.length >= (cellsOf === pipeCells ? 1 : 2)) return { cells, lastLine: last };
  }
  return null;
}

/** The text a block shows, line by line (a title keeps its lines; a table row's cells joined by a space). */
export function blockText(block: Block): string {
  if (block.rows) return block.rows.map((r) => r.join(' ')).join('\n');
  return block.runs.map((r) => (r.breakBefore ? '\n' : '') + r.text).join('');
}
