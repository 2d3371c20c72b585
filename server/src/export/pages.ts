/**
 * The blocks laid out on GB/T 9704 pages for the preview: 28 characters a line (a half-width
 * character counts half), 22 lines a page, paragraphs indented two characters, the title in 2号
 * (20 characters a line), closing punctuation allowed to hang past the edge as Word does for
 * Chinese text. Pure data out; the webview only draws it.
 */
import type { PreviewLine } from '../protocol';
import type { Block, Run } from './blocks';
import { charWidth, textWidth } from './width';
import { CHAR_PITCH_PT, LINE_PITCH_PT, PAGE, SIZE, type FontRole } from './gbt9704';

export type Align = 'left' | 'center' | 'right' | 'justify';

/**
 * One line of a page: the protocol's PreviewLine (what the webview draws; its fields are documented
 * there) with the kinds, fonts and alignments this layout uses.
 */
export interface PageLine extends PreviewLine {
  readonly kind: Block['kind'] | 'table-row';
  /** Pieces of the line in their fonts (a run-in heading is a heading run then a body run). */
  readonly runs: readonly { readonly text: string; readonly role: FontRole }[];
  readonly align: Align;
}

export interface Page {
  readonly number: number;
  readonly lines: readonly PageLine[];
}

/** Characters that may not start a line, and ones that may not end one (Chinese line-breaking rules, kinsoku). */
const NO_LINE_START = new Set('，。、；：？！）》」』”’】〕…—,.;:?!)%％‰');
const NO_LINE_END = new Set('（《「『“‘【〔([');
/** Digits and Latin letters: a number or a word is never broken (500 | 0余份), and keeps its % (100%以上). */
const ALNUM = /^[0-9A-Za-z]$/;
const ALNUM_INNER = /^[0-9A-Za-z.,:%％‰]$/;

interface Piece {
  readonly ch: string;
  readonly role: FontRole;
}

/**
 * The text cut where a line may break: an opening mark goes with what follows it, a closing mark
 * with what precedes it, a number or Latin word stays whole.
 */
function tokens(pieces: readonly Piece[]): Piece[][] {
  const out: Piece[][] = [];
  let open: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (NO_LINE_END.has(p.ch)) {
      open.push(p);
      continue;
    }
    const last = out[out.length - 1];
    if (NO_LINE_START.has(p.ch) && last && !open.length) {
      last.push(p);
      continue;
    }
    const token = [...open, p];
    open = [];
    if (ALNUM.test(p.ch)) while (i + 1 < pieces.length && ALNUM_INNER.test(pieces[i + 1].ch)) token.push(pieces[++i]);
    out.push(token);
  }
  if (open.length) out.push(open);
  return out;
}

/** Chinese characters (not punctuation): LibreOffice sets a little space between them and digits or Latin letters. */
const HAN = /^[\u3400-\u9fff\uf900-\ufaff]$/;
/**
 * The space LibreOffice adds where Chinese meets digits or Latin letters (2024年: 0.2 of a character,
 * measured on its PDFs), which it adds whatever the file's autoSpaceDE/DN say; Word, told not to,
 * adds none. The preview follows LibreOffice, so its lines and pages are the ones a render shows.
 */
const SCRIPT_GAP = 0.2;
const gapBetween = (a: Piece | undefined, b: Piece) =>
  a && ((HAN.test(a.ch) && ALNUM.test(b.ch)) || (ALNUM.test(a.ch) && HAN.test(b.ch))) ? SCRIPT_GAP : 0;

/** The width `token` adds after `last` (the last piece on the line, if any). */
function widthAfter(last: Piece | undefined, token: readonly Piece[]): number {
  let w = 0;
  let prev = last;
  for (const p of token) {
    w += charWidth(p.ch) + gapBetween(prev, p);
    prev = p;
  }
  return w;
}

/**
 * Breaks runs into lines of at most `first` (then `rest`) grid characters, between tokens. Nothing
 * hangs past the margin (the .docx sets no hanging punctuation): a closing mark that would not fit
 * goes down with the character before it, as Word and LibreOffice do then.
 */
export function breakLines(runs: readonly Run[], first: number, rest: number): Piece[][] {
  const lines: Piece[][] = [[]];
  let width = 0;
  let capacity = first;
  const current = () => lines[lines.length - 1];
  const newLine = () => {
    lines.push([]);
    width = 0;
    capacity = rest;
  };
  const paragraphs: Piece[][] = [[]];
  for (const run of runs) {
    if (run.breakBefore && paragraphs[paragraphs.length - 1].length) paragraphs.push([]);
    for (const ch of run.text) paragraphs[paragraphs.length - 1].push({ ch, role: run.role });
  }
  paragraphs.forEach((pieces, k) => {
    if (k > 0) newLine();
    for (const token of tokens(pieces)) {
      const line = current();
      if (line.length && width + widthAfter(line[line.length - 1], token) > capacity + 1e-9) newLine();
      if (widthAfter(undefined, token) > capacity + 1e-9) {
        // One token wider than a line (a long URL): broken where it reaches the edge.
        for (const p of token) {
          const l = current();
          if (l.length && width + widthAfter(l[l.length - 1], [p]) > capacity + 1e-9) newLine();
          width += widthAfter(current()[current().length - 1], [p]);
          current().push(p);
        }
        continue;
      }
      const l = current();
      width += widthAfter(l[l.length - 1], token);
      l.push(...token);
    }
  });
  return lines;
}

function runsOf(pieces: readonly Piece[]): { text: string; role: FontRole }[] {
  const out: { text: string; role: FontRole }[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && last.role === p.role) last.text += p.ch;
    else out.push({ text: p.ch, role: p.role });
  }
  return out;
}

/** How many characters of a font size fit the type area's width. */
const charsAt = (pt: number) => Math.floor((PAGE.charsPerLine * CHAR_PITCH_PT) / pt + 1e-9);

/** Table text is 小四 on 15 pt lines, off the grid: a row's height in grid lines (a fraction), borders included. */
const TABLE_LINE = (SIZE.table * 1.25) / LINE_PITCH_PT;

function blockLines(b: Block, severity: (line: number) => string | undefined): PageLine[] {
  const base = { source: b.line, severity: severity(b.line), level: b.level };
  const plain = (kind: PageLine['kind'], rows: Piece[][], align: Align, indent: (i: number) => number, rightIndent = 0): PageLine[] =>
    rows.map((r, i) => ({ ...base, kind, runs: runsOf(r), align, indent: indent(i), rightIndent, last: i === rows.length - 1, height: 1 }));
  switch (b.kind) {
    case 'blank':
      return [{ ...base, kind: 'blank', runs: [], align: 'left', indent: 0, rightIndent: 0, last: true, height: 1, severity: undefined }];
    case 'title':
    case 'attachmentTitle': {
      // The title's lines (titleBreak.ts) stay as they are, centred; a line still too wide wraps at 2号's width.
      const out: PageLine[] = [];
      let line = b.line;
      for (const run of b.runs) {
        const rows = breakLines([{ ...run, breakBefore: false }], charsAt(SIZE.title), charsAt(SIZE.title));
        const source = run.line ?? line;
        line = source + 1;
        rows.forEach((r, i) =>
          out.push({
            ...base,
            kind: b.kind,
            source,
            severity: severity(source),
            runs: runsOf(r),
            align: 'center',
            indent: 0,
            rightIndent: 0,
            last: i === rows.length - 1,
            height: 1,
          }),
        );
      }
      return out;
    }
    case 'table': {
      const columns = (b.rows ?? []).reduce((n, r) => Math.max(n, r.length), 1);
      // Cell padding (0.19 cm a side) comes off each column's width.
      const perCell = charsAt(SIZE.table) / columns - 0.5;
      return (b.rows ?? []).map((cells, i) => {
        const rows = cells.reduce((n, c) => Math.max(n, Math.ceil(textWidth(c) / Math.max(1, perCell))), 1);
        return {
          ...base,
          kind: 'table-row',
          source: b.line + Math.min(i, b.lastLine - b.line),
          runs: [],
          cells,
          align: 'center',
          indent: 0,
          rightIndent: 0,
          last: true,
          height: rows * TABLE_LINE + 1 / LINE_PITCH_PT,
        };
      });
    }
    case 'signature':
    case 'date': {
      if (b.rightIndentChars !== undefined) {
        const right = b.rightIndentChars;
        return plain(b.kind, breakLines(b.runs, PAGE.charsPerLine - right, PAGE.charsPerLine - right), 'right', () => 0, right);
      }
      const left = b.leftIndentChars ?? 0;
      return plain(b.kind, breakLines(b.runs, PAGE.charsPerLine - left, PAGE.charsPerLine - left), 'left', () => left);
    }
    case 'attachmentNote': {
      const left = b.leftIndentChars ?? 0;
      const first = left - (b.hangingChars ?? 0);
      return plain('attachmentNote', breakLines(b.runs, PAGE.charsPerLine - first, PAGE.charsPerLine - left), 'left', (i) =>
        i === 0 ? first : left,
      );
    }
    case 'addressee':
    case 'attachmentHead':
      return plain(b.kind, breakLines(b.runs, PAGE.charsPerLine, PAGE.charsPerLine), 'left', () => 0);
    default:
      // Paragraphs and headings: the first line indented two characters, the rest flush left.
      return plain(b.kind, breakLines(b.runs, PAGE.charsPerLine - 2, PAGE.charsPerLine), 'justify', (i) => (i === 0 ? 2 : 0));
  }
}

const RANK: Record<string, number> = { error: 4, warning: 3, information: 2, hint: 1 };

interface Item {
  readonly block: Block;
  readonly lines: readonly PageLine[];
  /** Never split over two pages (titles, headings: keepLines in the .docx). */
  readonly whole: boolean;
}

const heightOf = (lines: readonly PageLine[]) => lines.reduce((h, l) => h + l.height, 0);

/**
 * The lines a block needs on the page where it starts: all of a block kept whole, one line of a
 * one-line paragraph, else two (orphan control: never one line alone at the foot of a page; a
 * paragraph of two or three lines cannot split without leaving one alone, so it moves whole).
 */
function firstNeed(item: Item): number {
  const n = item.lines.length;
  if (item.block.kind === 'table') return item.lines[0]?.height ?? 0;
  if (item.whole || n <= 3) return heightOf(item.lines);
  return 2;
}

/**
 * The pages of the document, broken as Word and LibreOffice break them with the .docx's rules:
 * 22 grid lines a page; widow and orphan control (a paragraph leaves no line alone at the foot or
 * the top of a page); headings and titles whole and kept with what follows them; an attachment on
 * a new page; a table's rows whole, its first row repeated on the next page. `findings` (line →
 * severity of each finding on it) marks the lines a reviewer would point at.
 */
export function paginate(blocks: readonly Block[], findings: readonly { readonly line: number; readonly severity: string }[] = []): Page[] {
  const worst = new Map<number, string>();
  for (const f of findings) {
    const had = worst.get(f.line);
    if (!had || (RANK[f.severity] ?? 0) > (RANK[had] ?? 0)) worst.set(f.line, f.severity);
  }
  const items: Item[] = blocks.map((b) => ({
    block: b,
    lines: blockLines(b, (line) => worst.get(line)),
    whole: ['title', 'attachmentHead', 'attachmentTitle'].includes(b.kind) || (b.kind === 'heading' && !!b.keepNext),
  }));
  // What must fit from item i on for it to start here: kept-with-next items chain to the next.
  const need = new Array<number>(items.length + 1).fill(0);
  for (let i = items.length - 1; i >= 0; i--)
    need[i] = items[i].block.keepNext && i + 1 < items.length ? heightOf(items[i].lines) + need[i + 1] : firstNeed(items[i]);

  const pages: Page[] = [];
  const full = PAGE.linesPerPage + 1e-6;
  let lines: PageLine[] = [];
  let used = 0;
  const flush = () => {
    pages.push({ number: pages.length + 1, lines });
    lines = [];
    used = 0;
  };
  const put = (l: PageLine) => {
    lines.push(l);
    used += l.height;
  };
  items.forEach((item, i) => {
    if (item.block.pageBreakBefore && used > 0) flush();
    // Text after a table starts on the next grid line.
    if (item.block.kind !== 'table') used = Math.ceil(used - 1e-6);
    if (used > 0 && used + Math.min(need[i], PAGE.linesPerPage) > full) flush();
    if (item.block.kind === 'table') {
      const header = item.block.rows && item.block.rows.length > 1 ? item.lines[0] : undefined;
      item.lines.forEach((row, r) => {
        if (used > 0 && used + row.height > full) {
          flush();
          if (header && r > 0) put(header);
        }
        put(row);
      });
      return;
    }
    let rest = [...item.lines];
    while (rest.length) {
      const room = Math.floor(PAGE.linesPerPage - used + 1e-6);
      if (rest.length <= room) {
        rest.forEach(put);
        break;
      }
      // Widow and orphan control: at least two lines here and two on the next page.
      let k = room;
      if (!item.whole && rest.length - k < 2) k = rest.length - 2;
      if (item.whole || k < 2) k = used === 0 ? room : 0;
      rest.slice(0, k).forEach(put);
      rest = rest.slice(k);
      flush();
    }
  });
  if (lines.length || pages.length === 0) flush();
  return pages;
}
