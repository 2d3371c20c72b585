/**
 * The blocks laid out on GB/T 9704 pages for the preview: 28 characters a line (a half-width
 * character counts half), 22 lines a page, paragraphs indented two characters, the title in 2号
 * (20 characters a line), closing punctuation allowed to hang past the edge as Word does for
 * Chinese text. Pure data out; the webview only draws it.
 */
import type { Block, Run } from './blocks';
import { CHAR_PITCH_PT, LINE_PITCH_PT, PAGE, SIZE, type FontRole } from './gbt9704';

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface PageLine {
  readonly kind: Block['kind'] | 'table-row';
  /** Pieces of the line in their fonts (a run-in heading is a heading run then a body run). */
  readonly runs: readonly { readonly text: string; readonly role: FontRole }[];
  readonly align: Align;
  /** Left indent and right indent, in grid characters. */
  readonly indent: number;
  readonly rightIndent: number;
  /** The source line (0-based) this line shows: scrolling and clicks map through it. */
  readonly source: number;
  /** Heading level, on a heading's lines. */
  readonly level?: number;
  /** The last line of its paragraph (not stretched when justified). */
  readonly last: boolean;
  /** Table cells (table rows only) and how many grid lines the row takes. */
  readonly cells?: readonly string[];
  readonly height: number;
  /** The most severe finding on the source line, if any. */
  readonly severity?: string;
}

export interface Page {
  readonly number: number;
  readonly lines: readonly PageLine[];
}

/** Characters that may not start a line (they hang at the end of the previous one instead). */
const NO_LINE_START = new Set('，。、；：？！）》」』”’】〕…—,.;:?!)%');

const widthOf = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
};

interface Piece {
  readonly ch: string;
  readonly role: FontRole;
}

/** Breaks runs into lines of at most `first` (then `rest`) grid characters. */
export function breakLines(runs: readonly Run[], first: number, rest: number): Piece[][] {
  const lines: Piece[][] = [[]];
  let width = 0;
  let capacity = first;
  for (const run of runs) {
    if (run.breakBefore && lines[lines.length - 1].length) {
      lines.push([]);
      width = 0;
      capacity = rest;
    }
    for (const ch of run.text) {
      const w = widthOf(ch);
      if (width + w > capacity + 1e-9 && lines[lines.length - 1].length && !NO_LINE_START.has(ch)) {
        lines.push([]);
        width = 0;
        capacity = rest;
      }
      lines[lines.length - 1].push({ ch, role: run.role });
      width += w;
    }
  }
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

function blockLines(b: Block, severity: (line: number) => string | undefined): PageLine[] {
  const base = { source: b.line, severity: severity(b.line), level: b.level };
  switch (b.kind) {
    case 'blank':
      return [{ ...base, kind: 'blank', runs: [], align: 'left', indent: 0, rightIndent: 0, last: true, height: 1, severity: undefined }];
    case 'title': {
      // Each of the title's own lines wraps at 2号's width and stays centred.
      const out: PageLine[] = [];
      let line = b.line;
      for (const run of b.runs) {
        const rows = breakLines([{ ...run, breakBefore: false }], charsAt(SIZE.title), charsAt(SIZE.title));
        const source = run.line ?? line;
        line = source + 1;
        rows.forEach((r, i) =>
          out.push({
            ...base,
            kind: 'title',
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
    case 'table':
      return (b.rows ?? []).map((cells, i) => {
        const columns = Math.max(1, ...(b.rows ?? []).map((r) => r.length));
        const perCell = charsAt(SIZE.table) / columns;
        const rows = Math.max(
          1,
          ...cells.map((c) => Math.ceil(Array.from(c).reduce((w, ch) => w + widthOf(ch), 0) / Math.max(1, perCell - 0.5))),
        );
        // Table text is 小四 on 15 pt lines: a row's height in grid lines, at least one.
        const height = Math.max(1, Math.ceil((rows * SIZE.table * 1.25 + 4) / LINE_PITCH_PT));
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
          height,
        };
      });
    case 'signature':
    case 'date': {
      const left = b.leftIndentChars ?? 0;
      const rows = breakLines(b.runs, PAGE.charsPerLine - left, PAGE.charsPerLine - left);
      return rows.map((r, i) => ({
        ...base,
        kind: b.kind,
        runs: runsOf(r),
        align: 'left',
        indent: left,
        rightIndent: 0,
        last: i === rows.length - 1,
        height: 1,
      }));
    }
    case 'addressee': {
      const rows = breakLines(b.runs, PAGE.charsPerLine, PAGE.charsPerLine);
      return rows.map((r, i) => ({
        ...base,
        kind: 'addressee',
        runs: runsOf(r),
        align: 'left',
        indent: 0,
        rightIndent: 0,
        last: i === rows.length - 1,
        height: 1,
      }));
    }
    default: {
      // Paragraphs and headings: the first line indented two characters, the rest flush left.
      const rows = breakLines(b.runs, PAGE.charsPerLine - 2, PAGE.charsPerLine);
      return rows.map((r, i) => ({
        ...base,
        kind: b.kind,
        runs: runsOf(r),
        align: 'justify',
        indent: i === 0 ? 2 : 0,
        rightIndent: 0,
        last: i === rows.length - 1,
        height: 1,
      }));
    }
  }
}

const RANK: Record<string, number> = { error: 4, warning: 3, information: 2, hint: 1 };

/**
 * The pages of the document. `findings` (line → severity of each finding on it) marks the lines
 * a reviewer would point at.
 */
export function paginate(blocks: readonly Block[], findings: readonly { readonly line: number; readonly severity: string }[] = []): Page[] {
  const worst = new Map<number, string>();
  for (const f of findings) {
    const had = worst.get(f.line);
    if (!had || (RANK[f.severity] ?? 0) > (RANK[had] ?? 0)) worst.set(f.line, f.severity);
  }
  const pages: Page[] = [];
  let lines: PageLine[] = [];
  let used = 0;
  const flush = () => {
    pages.push({ number: pages.length + 1, lines });
    lines = [];
    used = 0;
  };
  for (const b of blocks) {
    for (const l of blockLines(b, (line) => worst.get(line))) {
      // A blank spacing line never starts a page.
      if (l.kind === 'blank' && used === 0 && pages.length) continue;
      if (used + l.height > PAGE.linesPerPage && used > 0) flush();
      lines.push(l);
      used += l.height;
    }
  }
  if (lines.length || pages.length === 0) flush();
  return pages;
}
