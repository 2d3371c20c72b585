/**
 * Lays a PDF's text lines out as report text, one paragraph a line (DOMAIN.md §6–§7), and the frame
 * apart from it. The frame: page numbers (— 3 —, 第3页 共10页, Page 3, 3/10), running headers and
 * footers and print headers (the same text at the same place at a page's edge on most pages; never a
 * table row, never a line that occurs once — the issuing body above the title and in the 落款 is the
 * writer's), watermarks (rotated text, or outsized text repeated at one place on most pages) and the
 * 红头 of the first page (发文机关标志 …文件, 发文字号 …〔2024〕3号, 签发人：…). Body lines join into
 * paragraphs by line fill: a line that reaches the right margin (or stops a character or two short of
 * it without ending a sentence: Chinese line breaking pushes a character over) continues on the next
 * unless that one is indented or set apart; a wrapped centred line (a title over two lines) continues
 * on the centred line below; a number or word split at a line end is joined whole. Table rows (cells
 * set apart by wide gaps) are `| a | b |` rows that never join. Spaces a PDF puts between Chinese and
 * digits are removed. Pure: positioned lines in, text out.
 */

export interface PdfLine {
  readonly text: string;
  /** Left and right ends and baseline, in PDF points (y grows upwards). */
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  /** The line's font size. */
  readonly size: number;
  /** The cells of a table row (pieces set apart by wide gaps), when the line is one. */
  readonly cells?: readonly string[];
  /** Drawn at an angle (a watermark). */
  readonly rotated?: boolean;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly PdfLine[];
}

const PAGE_NUMBER = [
  /^[-—–－~\s]*\d{1,4}[-—–－~\s]*$/, // — 3 —, - 3 -, 3
  /^第\s*\d{1,4}\s*页(\s*(?:[,，/]\s*)?共\s*\d{1,4}\s*页)?$/, // 第3页, 第3页 共10页
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/,
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i, // Page 3, Page 3 of 10
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // 3/10
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return t !== '' && PAGE_NUMBER.some((re) => re.test(t));
}

/** Lines near the top or bottom edge: where page numbers, headers and footers are. */
const EDGE_LINES = 2;

/** A header's or footer's text with its numbers taken out, so 第3页 and 第4页 compare equal. */
const shape = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/** 红头 lines of a first page: the 发文机关标志 (…文件), the 发文字号 and the 签发人. */
const RED_HEAD = [/^.{2,40}文\s*件$/, /^.{0,20}[〔[(（【]\s*\d{4}\s*[〕\])）】]\s*\d{1,5}\s*号$/, /^签\s*发\s*人\s*[:：]/];

/** What the frame holds and what is left for the body, page by page. */
interface Split {
  readonly body: PdfLine[][];
  readonly frame: string[];
}

function splitFrame(pages: readonly PdfPage[], bodySize: number): Split {
  const sorted = pages.map((p) => [...p.lines].sort((a, b) => b.y - a.y || a.x0 - b.x0));
  const edgeOf = (lines: readonly PdfLine[]) => [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
  // Running headers and footers: the same text (numbers aside) at the same height on a page's edge on
  // most pages. Where it stands matters: the issuing body at the top of page one and in the 落款 of the
  // last page is the same text at two heights, and table rows are never headers.
  const place = (l: PdfLine) => `${shape(l.text)}@${Math.round(l.y / 3)}`;
  const exactPlace = (l: PdfLine) => `${l.text.replace(/\s+/g, '')}@${Math.round(l.y / 3)}`;
  const edgeCount = new Map<string, number>();
  for (const lines of sorted) {
    const edge = edgeOf(lines).filter((l) => !l.cells);
    for (const k of new Set([...edge.map(place), ...edge.map((l) => `=${exactPlace(l)}`)])) edgeCount.set(k, (edgeCount.get(k) ?? 0) + 1);
  }
  const most = Math.max(2, Math.ceil(pages.length * 0.6));
  // A header or footer usually stands apart from the text block: in its own size, or further from the
  // nearest line than the body's line pitch. A line inside the block is a running header only when
  // its very text repeats there on most pages: lines alike but for their numbers (第11段… and 第22段…
  // at the top of two pages) are the writer's.
  const pitch = linePitch(sorted, bodySize);
  const inTextBlock = (lines: readonly PdfLine[], i: number) => {
    const l = lines[i];
    if (Math.abs(l.size - bodySize) > 0.5) return false;
    const next = i < EDGE_LINES ? lines[i + 1] : lines[i - 1];
    return next !== undefined && Math.abs(next.size - bodySize) <= 0.5 && Math.abs(l.y - next.y) <= pitch * 1.25;
  };
  const running = (lines: readonly PdfLine[], i: number) =>
    pages.length >= 2 &&
    !lines[i].cells &&
    (edgeCount.get(inTextBlock(lines, i) ? `=${exactPlace(lines[i])}` : place(lines[i])) ?? 0) >= most;
  // Watermarks: outsized text repeated at one place on most pages (rotated text is one wherever it is).
  const markCount = new Map<string, number>();
  const outsized = (l: PdfLine) => l.size >= bodySize * 1.6;
  for (const lines of sorted) {
    const keys = new Set(lines.filter(outsized).map((l) => `${place(l)}:${Math.round(l.x0 / 3)}`));
    for (const k of keys) markCount.set(k, (markCount.get(k) ?? 0) + 1);
  }
  const watermark = (l: PdfLine) =>
    l.rotated || (pages.length >= 3 && outsized(l) && (markCount.get(`${place(l)}:${Math.round(l.x0 / 3)}`) ?? 0) >= most);
  // A page number is the page's first or last line, or next to it when most pages have one there.
  const numbered = sorted.filter((lines) => edgeOf(lines).some((l) => isPageNumber(l.text))).length;
  const numberedPages = pages.length >= 2 && numbered >= pages.length / 2;
  const frame: string[] = [];
  const body = sorted.map((lines, p) =>
    lines.filter((l, i) => {
      if (l.text.trim() === '') return false;
      const outermost = i === 0 || i === lines.length - 1;
      const atEdge = i < EDGE_LINES || i >= lines.length - EDGE_LINES;
      const pageNumber = isPageNumber(l.text) && (outermost ? lines.length > 1 : atEdge && numberedPages);
      const redHead = p === 0 && i < 6 && RED_HEAD.some((re) => re.test(l.text.trim()));
      if (pageNumber || (atEdge && running(lines, i)) || watermark(l) || redHead) {
        frame.push(closeCjkSpaces(l.text.replace(/\s+/g, ' ').trim()));
        return false;
      }
      return true;
    }),
  );
  return { body, frame };
}

/** The distance between consecutive body lines most common across the pages (rounded to a point). */
function linePitch(pages: readonly (readonly PdfLine[])[], bodySize: number): number {
  const gaps: number[] = [];
  for (const lines of pages)
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1];
      const b = lines[i];
      if (Math.abs(a.size - bodySize) <= 0.5 && Math.abs(b.size - bodySize) <= 0.5 && a.y > b.y) gaps.push(a.y - b.y);
    }
  return mode(gaps, bodySize * 1.8);
}

/** The largest value (rounded to a point) that at least two lines share, or the fallback when none repeats. */
function maxRepeated(values: readonly number[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  // A loop, not Math.max(...values): spreading 200,000 arguments overflows the stack.
  let max = -Infinity;
  for (const [v, c] of counts) if (c >= 2 && v > max) max = v;
  return max === -Infinity ? fallback : max;
}

/** The most common value (rounded to a point). */
function mode(values: readonly number[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) ((best = v), (bestCount = c));
  return best;
}

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const SPACE_AFTER_CJK = new RegExp(`([${CJK}])[ \\t\\u00a0]+(?=[0-9%])`, 'gu');
const SPACE_BEFORE_CJK = new RegExp(`([0-9%])[ \\t\\u00a0]+(?=[${CJK}])`, 'gu');
const SPACE_BETWEEN_PUNCT = new RegExp(
  `([\\u3000-\\u303f\\uff00-\\uffef])[ \\t\\u00a0]+(?=[${CJK}])|([${CJK}])[ \\t\\u00a0]+(?=[\\u3000-\\u303f\\uff00-\\uffef])`,
  'gu',
);

/** Removes the spaces a PDF puts between Chinese and digits (2024 年 → 2024年) or full-width punctuation; words keep theirs. */
export function closeCjkSpaces(text: string): string {
  return text.replace(SPACE_AFTER_CJK, '$1').replace(SPACE_BEFORE_CJK, '$1').replace(SPACE_BETWEEN_PUNCT, '$1$2');
}

/**
 * How a wrapped line joins the one before (`end`: that one's last piece): with a space only between
 * two Latin words; a number split at the line end (12 / 00人) is one number again, a word broken
 * after a hyphen one word. Only the last piece is tested — testing the paragraph joined so far made a
 * PDF of 100,000 full-width lines (one paragraph) quadratic, each test copying the whole paragraph.
 */
function wrappedPiece(end: string, b: string): string {
  if (/[0-9]$/.test(end) && /^[0-9.,%]/.test(b)) return b;
  if (/[A-Za-z]-$/.test(end) && /^[A-Za-z]/.test(b)) return b;
  return /[A-Za-z0-9,;:]$/.test(end) && /^[A-Za-z0-9]/.test(b) ? ` ${b}` : b;
}

/** The least of `values` (a loop: Math.min(...values) overflows the stack past ~100,000 of them). */
function least(values: readonly number[]): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** A line cannot start with these (Chinese line breaking; a breadcrumb’s `>`): one that does continues the line before. */
const NO_START = /^[，。、；：？！”’）》」』〕】…%,.;:?!)\]>＞]/;
/** A heading's or an item's ordinal at the start of a line (一、 （一） 1. （1） 一是). */
const ORDINAL_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[（(]\d+[)）]|\d+[.．、](?!\d))/;
/** A line that stops mid-word (a character, a letter or a digit last), not after punctuation or a bracket. */
const MID_WORD = /[\p{Script=Han}A-Za-z0-9]$/u;
const LATIN_RUN = /^[A-Za-z0-9.,%·:/+¥$-]+/;
const OPENING = /^[“‘（《〔【「『(]/;
/** A line that ends a sentence or a clause: the paragraph may end with it. */
const SENTENCE_END = /[。！？；：!?;:]$/;

/** A Latin run's width in ems: digits and letters about half an em, a per cent sign nearly a whole one. */
const latinWidth = (run: string) => run.length * 0.55 + (run.split('%').length - 1) * 0.35;

/** Quotation marks: Chinese text set by a browser (Unicode line breaking, class QU) never breaks on either side of one. */
const QUOTE = /^[“”‘’"]/;

/**
 * How wide the start of a line is that line breaking could not have left on the line before: a run
 * of digits or Latin letters (2024, 5G) is never broken, an opening quote or bracket goes with the
 * character after it, and punctuation that cannot start a line goes with the character before it.
 * With `quotesBind` (the line before stopped mid-sentence), a quotation mark also binds what stands
 * on its either side, as a browser's line breaking does: `日、“6·25”全` went to the next line whole,
 * leaving room for three characters, and the paragraph was cut after 世界环境.
 * A line that left less room than that at its end was full.
 */
function leadingUnit(text: string, size: number, quotesBind = false): number {
  let i = 0;
  let width = 0;
  for (let units = 0; units < 8 && i < text.length; units++) {
    if (OPENING.test(text.slice(i, i + 1))) ((i += 1), (width += size));
    const latin = LATIN_RUN.exec(text.slice(i));
    if (latin) ((i += latin[0].length), (width += latinWidth(latin[0]) * size));
    else if (i < text.length) ((i += 1), (width += size));
    // A prefix sign (+, ¥, $) binds the character after it: `+普法` is one unit.
    if (latin && /[+¥$]$/.test(latin[0]) && i < text.length) ((i += 1), (width += size));
    while (i < text.length && NO_START.test(text.slice(i, i + 1))) ((i += 1), (width += size));
    // A quote just taken (”) or next (“) binds the unit after it.
    if (!quotesBind || !(QUOTE.test(text.slice(i - 1, i)) || QUOTE.test(text.slice(i, i + 1)))) break;
    if (QUOTE.test(text.slice(i, i + 1)) && !OPENING.test(text.slice(i, i + 1))) ((i += 1), (width += size));
  }
  return width;
}

/** A list label drawn apart from its text (Word numbering rendered as `1.` + tab): the gap is no space. */
const LABEL_GAP = /^((?:[一二三四五六七八九十]+|\d+)[、.．]|[（(](?:[一二三四五六七八九十]+|\d+)[)）])\s+(?=[\p{Script=Han}“（《])/u;

export interface PdfText {
  readonly text: string;
  /** Page numbers, running headers and footers, watermarks, the 红头: one line each, in page order. */
  readonly frame: readonly string[];
}

export function layoutPages(pages: readonly PdfPage[]): string {
  return layoutPdf(pages).text;
}

export function layoutPdf(pages: readonly PdfPage[]): PdfText {
  const allLines = pages.flatMap((p) => p.lines);
  if (allLines.length === 0) return { text: '', frame: [] };
  const size = mode(
    allLines.map((l) => l.size),
    12,
  );
  const { body: bodyPages, frame } = splitFrame(pages, size);
  const all = bodyPages.flat();
  if (all.length === 0) return { text: '', frame };
  // The text block: its right edge is where full lines end (the furthest end two lines share); its left
  // edge where lines start at the far left (continuation lines; first lines are indented)
  // (no two lines end alike: nothing is known to fill the width, so nothing is joined).
  const bodyLines = all.filter((l) => l.size <= size * 1.1 && !l.cells);
  // Where most full lines end: the commonest end among those within three characters of the furthest
  // end two lines share (a line with half-width digits or hanging punctuation ends a little further).
  const furthest = maxRepeated(
    bodyLines.map((l) => l.x1),
    Infinity,
  );
  const right =
    furthest === Infinity
      ? furthest
      : mode(
          bodyLines.map((l) => l.x1).filter((x) => x >= furthest - size * 3),
          furthest,
        );
  const starts = bodyLines.map((l) => l.x0);
  const leftEdge = -maxRepeated(
    starts.map((x) => -x),
    -least(starts.length ? starts : all.map((l) => l.x0)),
  );
  const centre = (leftEdge + right) / 2;

  // The line pitch: the most common distance between consecutive lines of body text on a page. A
  // larger gap (a blank line, space between paragraphs) ends a paragraph even without an indent.
  const gaps = bodyPages.flatMap((lines) =>
    lines
      .slice(1)
      .map((l, i) => lines[i].y - l.y)
      .filter((g) => g > 0),
  );
  const pitch = mode(gaps, size * 1.5);

  // Each paragraph's pieces, joined at the end.
  const out: string[][] = [];
  let previous: PdfLine | undefined;
  let previousText = '';
  for (const lines of bodyPages) {
    lines.forEach((line, i) => {
      const text = line.cells
        ? `| ${line.cells.map((c) => closeCjkSpaces(c)).join(' | ')} |`
        : closeCjkSpaces(line.text.replace(/\s+/g, ' ').trim()).replace(LABEL_GAP, '$1');
      const s = line.size;
      // Indented: starts right of the left edge, or with spaces drawn as text (full-width spaces).
      const indented = Math.abs(line.x0 - leftEdge) >= s * 0.5 || /^(\u3000|[ \u00a0]{2,})/.test(line.text);
      const gap = i > 0 ? lines[i - 1].y - line.y : 0;
      const spacedApart = i > 0 && gap > Math.max(pitch, s * 1.2) * 1.6;
      const sameSize = previous !== undefined && Math.abs(s - previous.size) < size * 0.2;
      // Centred: its middle on the text block's, short of both margins (an indented full line is not).
      const centred = (l: PdfLine) =>
        Math.abs((l.x0 + l.x1) / 2 - centre) < l.size && l.x0 > leftEdge + l.size && l.x1 < right - l.size * 0.8;
      let continues = false;
      if (previous && out.length > 0 && !line.cells && !previous.cells && sameSize && !spacedApart && !isPageNumber(text)) {
        const room = right - previous.x1;
        // Full: what starts this line would not have fitted in the room left at the end of the one before
        // (the room a line leaves is less than a character when it is full, whatever its glyphs).
        const filled = room < leadingUnit(text, s, !SENTENCE_END.test(previousText)) - s * 0.1;
        const fromLeft = Math.abs(previous.x0 - leftEdge) < s * 2.5; // a paragraph's first or later line
        if (NO_START.test(text) && !indented) continues = true;
        // An ordinal starts a heading unless the line before ran to the margin mid-word (一是 items run on in their paragraph).
        else if (ORDINAL_START.test(text)) continues = !indented && room < s && MID_WORD.test(previousText);
        else if (!indented && filled) continues = true;
        // A centred line wrapped from a full one above (a title, a centred paragraph over two lines).
        else if (centred(line) && room < s * 1.5 && fromLeft && !/^关于/.test(text)) continues = true;
        // A title at title size over two centred lines, neither full (a line break in the title).
        else if (centred(line) && centred(previous) && s > size * 1.15 && !/^关于/.test(text) && !/文件$/.test(previousText))
          continues = !/(政府|委员会|党委|党工委|办公室|人民法院|人民检察院)$/.test(previousText);
      }
      if (continues) {
        const pieces = out[out.length - 1];
        pieces.push(wrappedPiece(pieces[pieces.length - 1], text)); // lines are never empty (splitFrame)
      } else out.push([text]);
      previous = line;
      previousText = text;
    });
  }
  return { text: out.map((pieces) => pieces.join('')).join('\n'), frame };
}
