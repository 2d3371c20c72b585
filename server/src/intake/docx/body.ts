/**
 * The document body as report text: one paragraph a line, in reading order, each numbered paragraph
 * with the label Word shows (一、 （一） 1. …), tables as `| a | b |` rows, tracked changes as
 * accepted (insertions in, deletions out), the base text of 拼音指南 (w:ruby) without its guide, an
 * embedded chunk (w:altChunk) read in its place by `chunks`. Not report text, so left out: footnote
 * and comment marks, field codes, deleted and moved-away revisions, hidden text (counted for a note), bookmarks (they are
 * markers, never text), drawings. Text boxes (a 红头 drawn in them) and page headers and footers are
 * the frame: read into `frame`, never into the body. The text each comment is anchored on is kept
 * for the comment list (`anchors`).
 */
import type { Element } from '@xmldom/xmldom';
import { MAX_SOURCE_CHARS, TooMuchText } from '../lines';
import { Numbering } from './numbering';
import { Styles } from './styles';
import { elementChildren, intAttr, isW, wAttr, wChild, wFlag, wVal } from './xml';

/** Containers whose content is read as if it stood in their place. */
const TRANSPARENT = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'sdt', 'sdtContent', 'fldSimple', 'dir', 'bdo']);
/** Not report text: revisions taken out, field instructions, marks of notes and comments. */
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'delText',
  'delInstrText',
  'instrText',
  'pPr',
  'rPr',
  'sectPr',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'annotationRef',
  'tblPr',
  'tblGrid',
  'trPr',
  'tcPr',
  'sdtPr',
  'sdtEndPr',
]);

/** Drawings and objects: never text themselves, but a text box inside one is read into the frame. */
const DRAWINGS = new Set(['drawing', 'pict', 'object']);

/** Reads an embedded chunk (w:altChunk r:id) as report lines; throws when its format cannot be read. */
export type ChunkReader = (id: string) => readonly string[];

export class BodyReader {
  private readonly styles: Styles;
  private readonly numbering: Numbering;
  private lines: string[] = [];
  /** Text boxes and page headers and footers: the frame around the body. */
  readonly frame: string[] = [];
  /** The text each comment (by w:id) is anchored on, as it was read. */
  readonly anchors = new Map<string, string>();
  private readonly openAnchors = new Set<string>();
  /** Hidden text (w:vanish) left out of the body: how much and the start of it, for the note that says so. */
  hiddenChars = 0;
  hiddenSample = '';
  /** Characters read so far, against MAX_SOURCE_CHARS. */
  private size = 0;

  constructor(
    parts: { numbering?: Element; styles?: Element },
    private readonly chunks: ChunkReader = () => [],
  ) {
    this.styles = new Styles(parts.styles);
    this.numbering = new Numbering(parts.numbering, (id) => this.styles.numbering(id)?.numId);
  }

  read(document: Element): string[] {
    const body = wChild(document, 'body');
    if (body) this.block(body);
    return this.lines;
  }

  /** A page header or footer (w:hdr, w:ftr): its paragraphs go to the frame. */
  readFrame(part: Element): void {
    this.intoFrame(() => this.block(part));
  }

  private intoFrame(read: () => void): void {
    const saved = this.lines;
    this.lines = this.frame;
    try {
      read();
    } finally {
      this.lines = saved;
    }
  }

  private push(line: string): void {
    this.size += line.length + 1;
    if (this.size > MAX_SOURCE_CHARS) throw new TooMuchText(this.size);
    this.lines.push(line);
  }

  /** Block-level content: paragraphs, tables and the containers around them. */
  private block(el: Element): void {
    for (const c of elementChildren(el)) {
      if (isW(c, 'p')) this.push(this.paragraph(c));
      else if (isW(c, 'tbl')) this.table(c);
      else if (isW(c, 'altChunk')) for (const line of this.chunks(wAttr(c, 'id', true) ?? '')) this.push(line);
      else if (isW(c, 'commentRangeStart') || isW(c, 'commentRangeEnd')) this.anchorMark(c);
      else if (SKIPPED.has(c.localName ?? '') || !isWordprocessing(c)) continue;
      else if (TRANSPARENT.has(c.localName ?? '') || c.localName === 'body') this.block(c);
    }
  }

  private anchorMark(c: Element): void {
    const id = wAttr(c, 'id') ?? '';
    if (c.localName === 'commentRangeStart') {
      this.openAnchors.add(id);
      if (!this.anchors.has(id)) this.anchors.set(id, '');
    } else this.openAnchors.delete(id);
  }

  /** Text read while comments are open is also their anchor's text. */
  private text(s: string): string {
    for (const id of this.openAnchors) this.anchors.set(id, (this.anchors.get(id) ?? '') + s);
    return s;
  }

  /** The text boxes inside a drawing (outermost only; in mc:AlternateContent the caller reads one choice), into the frame. */
  private textBoxes(el: Element): void {
    const boxesIn = (e: Element) => Array.from(e.getElementsByTagNameNS('*', 'txbxContent')).filter((b) => isW(b, 'txbxContent'));
    const boxes = boxesIn(el);
    const inner = new Set<unknown>();
    for (const b of boxes) for (const d of boxesIn(b)) inner.add(d);
    for (const b of boxes) if (!inner.has(b)) this.intoFrame(() => this.block(b));
  }

  private paragraph(p: Element): string {
    const text = this.inline(p).trimEnd();
    if (this.openAnchors.size) this.text('\n');
    const label = this.label(p);
    if (!label || !label.text) return text;
    if (text.trim() === '') return ''; // an empty numbered paragraph: counted (as Word does), not shown
    // 一、 and （一） need nothing after them; a label ending in a letter or digit keeps a space.
    const gap = label.suffix !== 'nothing' && /[\p{L}\p{N}]$/u.test(label.text) && !/[、.．）)]$/.test(label.text) ? ' ' : '';
    return label.text + gap + text.replace(/^[ \t\u3000]+/, '');
  }

  private label(p: Element) {
    const pPr = wChild(p, 'pPr');
    if (wChild(wChild(pPr, 'rPr'), 'del')) return null; // the paragraph mark itself was deleted
    const numPr = wChild(pPr, 'numPr');
    const styleId = wVal(pPr, 'pStyle');
    const fromStyle = this.styles.numbering(styleId);
    const numId = wVal(numPr, 'numId') ?? fromStyle?.numId;
    if (numId === undefined) return null;
    let ilvl = intAttr(wVal(numPr, 'ilvl')) ?? fromStyle?.ilvl;
    if (ilvl === undefined && fromStyle) ilvl = this.numbering.levelForStyle(numId, fromStyle.styleId);
    return this.numbering.next(numId, ilvl ?? 0);
  }

  /** Counts a hidden run's text: Word neither shows nor prints it, so it is not report text, but it is the writer's. */
  private hidden(text: string): void {
    const visible = text.replace(/\s+/g, '');
    this.hiddenChars += [...visible].length;
    if (this.hiddenSample.length < 20) this.hiddenSample += visible.slice(0, 20 - this.hiddenSample.length);
  }

  /** Run-level content of a paragraph, in order. */
  private inline(el: Element): string {
    let out = '';
    for (const c of elementChildren(el)) {
      if (!isWordprocessing(c)) {
        // mc:AlternateContent and other wrappers: the first choice only (the fallback repeats it).
        if (c.localName === 'AlternateContent') {
          const choice = elementChildren(c)[0];
          if (choice) out += this.inline(choice);
        }
        continue;
      }
      const name = c.localName ?? '';
      if (SKIPPED.has(name)) continue;
      if (DRAWINGS.has(name)) this.textBoxes(c);
      else if (name === 'commentRangeStart' || name === 'commentRangeEnd') this.anchorMark(c);
      else if (name === 'ruby') {
        const base = wChild(c, 'rubyBase'); // the base text, not the guide above it (w:rt)
        if (base) out += this.inline(base);
      } else if (name === 'r') {
        if (wFlag(wChild(c, 'rPr'), 'vanish')) {
          this.hidden(this.inline(c));
          continue;
        }
        out += this.inline(c);
      } else if (name === 't') out += this.text(c.textContent ?? '');
      else if (name === 'tab' || name === 'ptab') out += '\t';
      else if (name === 'br' || name === 'cr') out += wAttr(c, 'type') === 'page' || wAttr(c, 'type') === 'column' ? '' : '\n';
      else if (name === 'noBreakHyphen') out += '-';
      else if (name === 'sym') out += symbol(wAttr(c, 'char'));
      else if (TRANSPARENT.has(name)) out += this.inline(c);
    }
    return out;
  }

  /** Each row a line `| a | b |`; a merged cell's continuation is empty, a cell's paragraphs are joined. */
  private table(tbl: Element): void {
    for (const tr of rowsOf(tbl)) {
      const cells = cellsOf(tr).map((tc) => {
        const vMerge = wChild(wChild(tc, 'tcPr'), 'vMerge');
        if (vMerge && (wAttr(vMerge, 'val') ?? 'continue') === 'continue') return '';
        return this.cellText(tc);
      });
      if (cells.some((c) => c !== '')) this.lines.push(`| ${cells.join(' | ')} |`);
    }
  }

  /** Reads a table cell's paragraphs (nested tables flattened) into one line. */
  private cellText(tc: Element): string {
    const saved = this.lines.length;
    this.block(tc);
    const parts = this.lines
      .splice(saved)
      .flatMap((l) => l.split('\n'))
      .map((l) => l.replace(/^\|/, '').replace(/\|$/, '').trim())
      .filter(Boolean);
    return parts.join(' ').replace(/(?<!\s)\s*\|\s*/g, ' ');
  }
}

function isWordprocessing(el: Element): boolean {
  return isW(el, el.localName);
}

function rowsOf(tbl: Element): Element[] {
  // Rows may sit inside content controls or customXml wrappers.
  return elementChildren(tbl).flatMap((c) =>
    isW(c, 'tr') ? [c] : isW(c, 'sdt') || isW(c, 'customXml') || isW(c, 'sdtContent') ? rowsOf(c) : [],
  );
}

function cellsOf(tr: Element): Element[] {
  return elementChildren(tr).flatMap((c) =>
    isW(c, 'tc') ? [c] : isW(c, 'sdt') || isW(c, 'customXml') || isW(c, 'sdtContent') ? cellsOf(c) : [],
  );
}

/** w:sym: a character from a symbol font; private-use code points (Wingdings bullets) are not text. */
function symbol(hex: string | undefined): string {
  const code = hex ? Number.parseInt(hex, 16) : NaN;
  if (!Number.isFinite(code) || (code >= 0xe000 && code <= 0xf8ff)) return '';
  return String.fromCodePoint(code);
}
