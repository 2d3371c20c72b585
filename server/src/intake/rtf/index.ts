/**
 * RTF as report text: what Word and WPS write when a report is saved as .rtf, and what many systems
 * serve under a .doc name. No maintained reader fits (rtf.js renders into a browser DOM;
 * rtf-stream-parser only unwraps the HTML or text Outlook encapsulates), so this is one, at the edge:
 * groups and control words per the RTF 1.9.1 specification, text in the code page of its font
 * (`\fcharset134` GB2312 …) or the document's (`\ansicpg936`), `\uN` Unicode with its fallback skipped.
 * One paragraph a line; Word's list labels (`\listtext`, `\pntext`: 一、 （一）) kept, without their tab;
 * table rows `| a | b |`; headers and footers into the frame; tracked deletions (`\deleted`), field
 * instructions, pictures, footnotes, comments and the tables of fonts, colours and styles left out;
 * hidden text (`\v`) left out and counted for a note, as for a .docx.
 */
import iconv from 'iconv-lite';
import { MAX_SOURCE_CHARS, TooMuchText, tidyLines } from '../lines';

export interface RtfText {
  readonly text: string;
  readonly frame: readonly string[];
  /** Characters of hidden text (`\v`) left out, and the start of them. */
  readonly hiddenChars: number;
  readonly hiddenSample: string;
}

/** Where a group's text goes. */
type Sink = 'body' | 'frame' | 'skip' | 'fonts';

interface State {
  sink: Sink;
  /** Fallback characters after each \uN. */
  uc: number;
  /** Code page of the text's bytes; 0: the document's (\ansicpg), whatever point it is declared at. */
  codepage: number;
  hidden: boolean;
  deleted: boolean;
  /** Inside a list label (\listtext, \pntext): its text is trimmed and its tab dropped when the group closes. */
  label: boolean;
}

/** Destinations whose content is not report text. */
const SKIPPED = new Set([
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'fldinst',
  'footnote',
  'annotation',
  'atnid',
  'atnauthor',
  'atndate',
  'atnref',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'filetbl',
  'xmlnstbl',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'pgdsctbl',
  'generator',
  'pn',
  'pntxta',
  'pntxtb',
  'objdata',
  'bkmkstart',
  'bkmkend',
  'template',
  'userprops',
  'docvar',
  'falt',
  'panose',
  'fname',
]);
const FRAME = new Set(['header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf']);
/** Word's font charsets → Windows code pages. */
const CHARSET_CODEPAGE: Record<number, number> = {
  0: 1252,
  128: 932,
  129: 949,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  204: 1251,
  238: 1250,
};
const SYMBOLS: Record<string, string> = {
  emdash: '—',
  endash: '–',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  bullet: '•',
  emspace: '\u2003',
  enspace: '\u2002',
  qmspace: '\u2005',
  tab: '\t',
};

export function rtfToText(bytes: Uint8Array): RtfText {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let ansi = 1252;
  const fonts = new Map<number, number>();
  let fontNumber = -1;
  let state: State = { sink: 'body', uc: 1, codepage: 0, hidden: false, deleted: false, label: false };
  let labelStart = 0;
  const stack: State[] = [];
  const body: string[] = [];
  const frame: string[] = [];
  let line = '';
  let frameLine = '';
  let cells: string[] | null = null;
  let pendingBytes: number[] = [];
  let pendingCodepage = 0;
  let skipFallback = 0;
  let size = 0;
  let hiddenChars = 0;
  let hiddenSample = '';
  /** A destination just opened with \* : skipped unless it is one whose text is read. */
  let starred = false;
  let groupStart = false;

  const emitText = (text: string) => {
    if (state.sink === 'skip' || state.sink === 'fonts' || state.deleted || text === '') return;
    if (state.hidden) {
      const visible = text.replace(/\s+/g, '');
      hiddenChars += [...visible].length;
      if (hiddenSample.length < 20) hiddenSample += visible.slice(0, 20 - hiddenSample.length);
      return;
    }
    if (state.sink === 'frame') frameLine += text;
    else {
      line += text;
      size += text.length;
      if (size > MAX_SOURCE_CHARS) throw new TooMuchText(size);
    }
  };
  const flushBytes = () => {
    if (pendingBytes.length === 0) return;
    const cp = pendingCodepage || ansi;
    const encoding = iconv.encodingExists(`cp${cp}`) ? `cp${cp}` : cp === 936 ? 'gbk' : 'cp1252';
    const text = iconv.decode(Buffer.from(pendingBytes), encoding);
    pendingBytes = [];
    emitText(text);
  };
  const byte = (b: number) => {
    if (skipFallback > 0) return void skipFallback--;
    if (pendingBytes.length && pendingCodepage !== state.codepage) flushBytes();
    pendingCodepage = state.codepage;
    pendingBytes.push(b);
  };
  const text = (t: string) => {
    flushBytes();
    emitText(t);
  };
  const paragraph = () => {
    flushBytes();
    if (state.sink === 'frame') {
      if (frameLine.trim()) frame.push(frameLine.trim());
      frameLine = '';
      return;
    }
    if (state.sink !== 'body') return;
    if (cells) return; // a paragraph inside a table cell: the cell goes on
    body.push(line);
    line = '';
  };

  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src[i];
    if (c === 0x7b /* { */) {
      flushBytes();
      stack.push(state);
      state = { ...state };
      groupStart = true;
      starred = false;
      i++;
      continue;
    }
    if (c === 0x7d /* } */) {
      flushBytes();
      if (state.sink === 'frame' && stack.length && stack[stack.length - 1].sink !== 'frame') {
        if (frameLine.trim()) frame.push(frameLine.trim());
        frameLine = '';
      }
      if (state.label && state.sink === 'body' && !(stack[stack.length - 1]?.label ?? false))
        line = line.slice(0, labelStart) + line.slice(labelStart).replace(/[\s\u3000]+/g, '');
      state = stack.pop() ?? state;
      skipFallback = 0;
      groupStart = false;
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    if (c !== 0x5c /* \ */) {
      groupStart = false;
      if (skipFallback > 0) {
        skipFallback--;
        i++;
        continue;
      }
      if (state.sink === 'fonts') {
        i++;
        continue;
      }
      // Plain text: ASCII as it is, raw bytes ≥ 0x80 (some writers leave them unescaped) in the code page.
      if (c >= 0x80) byte(c);
      else text(String.fromCharCode(c));
      i++;
      continue;
    }
    // A control symbol or word.
    const next = src[i + 1];
    if (next === undefined) break;
    if (!isLetter(next)) {
      i += 2;
      const sym = String.fromCharCode(next);
      if (sym === "'") {
        const hex = src.toString('latin1', i, i + 2);
        i += 2;
        if (/^[0-9a-fA-F]{2}$/.test(hex) && state.sink !== 'fonts') byte(parseInt(hex, 16));
      } else if (sym === '*') starred = true;
      else if (sym === '\\' || sym === '{' || sym === '}') text(sym);
      else if (sym === '~') text('\u00a0');
      else if (sym === '_') text('-');
      else if (sym === '\r' || sym === '\n') paragraph();
      if (sym !== '*') groupStart = false; // {\*\destination: the destination's word is still the group's first
      continue;
    }
    let j = i + 1;
    while (j < n && isLetter(src[j])) j++;
    const word = src.toString('latin1', i + 1, j);
    let param: number | undefined;
    let k = j;
    if (src[k] === 0x2d /* - */ || isDigit(src[k])) {
      k++;
      while (k < n && isDigit(src[k])) k++;
      param = Number(src.toString('latin1', j, k));
    }
    if (src[k] === 0x20) k++; // the space that ends a control word is part of it
    i = k;
    const first = groupStart;
    groupStart = false;
    if (word === 'bin') {
      i += Math.max(0, param ?? 0);
      continue;
    }
    // A shape's text (a text box: the 红头 is often drawn in one) is the frame, wherever the shape is.
    if (first && word === 'shptxt') {
      state.sink = 'frame';
      continue;
    }
    if (first && (word === 'listtext' || word === 'pntext')) {
      state.label = true;
      labelStart = line.length;
      continue;
    }
    if (first && (starred || SKIPPED.has(word))) {
      state.sink = 'skip';
      continue;
    }
    if (first && word === 'fonttbl') {
      state.sink = 'fonts';
      continue;
    }
    if (first && FRAME.has(word)) {
      state.sink = state.sink === 'skip' ? 'skip' : 'frame';
      continue;
    }
    switch (word) {
      case 'ansicpg':
        if (param !== undefined && param > 0) ansi = param;
        break;
      case 'f':
        if (state.sink === 'fonts') fontNumber = param ?? -1;
        else state.codepage = fonts.get(param ?? -1) ?? 0;
        break;
      case 'fcharset':
        if (state.sink === 'fonts' && fontNumber >= 0 && param !== undefined) fonts.set(fontNumber, CHARSET_CODEPAGE[param] ?? 0);
        break;
      case 'cpg':
        if (state.sink === 'fonts' && fontNumber >= 0 && param) fonts.set(fontNumber, param);
        break;
      case 'uc':
        state.uc = Math.max(0, param ?? 1);
        break;
      case 'u':
        if (param !== undefined && state.sink !== 'fonts') {
          text(String.fromCharCode(param < 0 ? param + 65536 : param));
          skipFallback = state.uc;
        }
        break;
      case 'par':
      case 'sect':
        paragraph();
        break;
      case 'line':
        text('\n');
        break;
      case 'v':
        flushBytes();
        state.hidden = param !== 0;
        break;
      case 'deleted':
        flushBytes();
        state.deleted = param !== 0;
        break;
      case 'plain':
        flushBytes();
        state.hidden = false;
        state.deleted = false;
        break;
      case 'intbl':
        if (state.sink === 'body' && !cells) {
          // Text of the row before the first \cell: the first cell's.
          cells = [];
        }
        break;
      case 'cell':
      case 'nestcell':
        flushBytes();
        if (state.sink === 'body') {
          (cells ??= []).push(line.replace(/\s+/g, ' ').trim());
          line = '';
        }
        break;
      case 'row':
      case 'nestrow':
        flushBytes();
        if (state.sink === 'body' && cells) {
          if (cells.some((x) => x !== '')) body.push(`| ${cells.join(' | ')} |`);
          cells = null;
          line = '';
        }
        break;
      case 'pard':
        // A paragraph outside a table after a row: no longer in a cell.
        if (cells && cells.length === 0 && line === '') cells = null;
        break;
      default:
        if (word in SYMBOLS && state.sink !== 'fonts') text(SYMBOLS[word]);
    }
    starred = false;
  }
  flushBytes();
  if (cells && cells.length) body.push(`| ${cells.join(' | ')} |`);
  if (line.trim()) body.push(line);
  return { text: tidyLines(body.join('\n')), frame, hiddenChars, hiddenSample };
}

const isLetter = (b: number | undefined) => b !== undefined && ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a));
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
