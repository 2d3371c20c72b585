/**
 * Text geometry: line splitting and offset <-> position conversion.
 * Positions are LSP-style: 0-based line, character counted in UTF-16 code units of the
 * text exactly as given (a BOM counts one unit, CRLF and LF give the same positions).
 * JavaScript strings are UTF-16, so a string index *is* a UTF-16 offset.
 */
import type { Position, Range } from '../model';
import { keepShape } from '../keptShapes';

/**
 * One line of one or more versions of a text: its number and its text, no offset. Where it starts
 * is the version's (`TextIndex.lineStart`): an edit moves the offsets of every line after it but
 * not those lines, so the next version's index keeps their objects, and so does every per-line
 * result that holds one (cleanLines.ts) — a keystroke makes no object for a line it did not touch
 * (issue 27). A line keeps its object while its number and text stay.
 */
export interface Line {
  /** 0-based line number. */
  readonly index: number;
  /** The line's text without its line break. */
  readonly text: string;
}

export class TextIndex {
  readonly lines: readonly Line[];
  /** Where each line starts in `text` (its end is the start plus its text's length). */
  private readonly starts: Int32Array;

  /** `lines` and their `starts` when they are known already (indexUpdate.ts updates them from an edit); else the text is split. */
  constructor(
    readonly text: string,
    lines?: readonly Line[],
    starts?: Int32Array,
  ) {
    if (lines && starts) {
      this.lines = lines;
      this.starts = starts;
      return;
    }
    const out: Line[] = [];
    const at: number[] = [];
    splitLines(text, 0, text.length, out, at);
    this.lines = out;
    this.starts = Int32Array.from(at);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Offset of the first character of line `line`. */
  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset just past the last character of line `line`, line break excluded. */
  lineEnd(line: number): number {
    return this.starts[line] + this.lines[line].text.length;
  }

  /** The line starts from `from` on, for the next version's index (indexUpdate.ts). */
  startsFrom(from: number): Int32Array {
    return this.starts.subarray(from);
  }

  /** Number of the line containing the offset (binary search: O(log n), no per-call scans). */
  lineNumberAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Line containing the offset. */
  lineAt(offset: number): Line {
    return this.lines[this.lineNumberAt(offset)];
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineNumberAt(clamped);
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.text.length;
    const start = this.starts[position.line];
    return start + Math.max(0, Math.min(position.character, this.lines[position.line].text.length));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /**
   * The text's own line break for lines a fix inserts: CRLF when any line ends with one, else LF.
   * Read from where the lines start and end (a CRLF is the only break two characters long), not by
   * searching the text: a search reads the whole of it at every keystroke, and the text it read was
   * kept alive past the next minor collections, promoted and left for a full one — 740 KB a keystroke
   * in a 1 MB report, what set the pace of its full collections (issue 27, docs/performance.md round 14).
   */
  get lineBreak(): '\r\n' | '\n' {
    if (this.eol === undefined) {
      this.eol = '\n';
      for (let i = 0; i + 1 < this.lines.length; i++)
        if (this.starts[i + 1] - this.starts[i] - this.lines[i].text.length === 2) {
          this.eol = '\r\n';
          break;
        }
    }
    return this.eol;
  }
  private eol: '\r\n' | '\n' | undefined;

  /** Range covering a whole line's text (line break excluded). */
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lines[line].text.length } };
  }
}

// Made at every analysis: one kept for its shape (keptShapes.ts).
keepShape(new TextIndex(''));

/**
 * Splits `text` from `from` (a line start) into `into` and each line's start into `starts`, line
 * numbers continuing from `firstLine` (`into`'s length by default). Stops at the first line start at
 * or after `until` and returns it (`until` = the text's length: to the end, the last line included;
 * the result is then -1).
 */
export function splitLines(text: string, from: number, until: number, into: Line[], starts: number[], firstLine = into.length): number {
  const base = firstLine - into.length;
  let start = from;
  const n = text.length;
  // A whole text split (a fresh analysis) without a CR: every break is an LF, and the search jumps
  // from one to the next instead of testing each character. An update's split stops early (indexUpdate.ts):
  // it keeps the loop below rather than search the rest of the text for a CR.
  if (until >= n && text.indexOf('\r', from) < 0) {
    for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
      into.push({ index: base + into.length, text: text.slice(start, i) });
      starts.push(start);
      start = i + 1;
    }
    into.push({ index: base + into.length, text: text.slice(start, n) });
    starts.push(start);
    return -1;
  }
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      into.push({ index: base + into.length, text: text.slice(start, i) });
      starts.push(start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      if (start >= until && until < n) return start;
    }
  }
  into.push({ index: base + into.length, text: text.slice(start, n) });
  starts.push(start);
  return -1;
}

const SPACE = /[\s\u3000\u00a0\ufeff\u200b]/;

/** True for ASCII/Unicode white space, the ideographic space, NBSP, BOM and zero-width space. */
export function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/**
 * isSpace for one UTF-16 unit, without a regex: the units of `\s` (tab, LF, VT, FF, CR, space,
 * NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, BOM) and U+200B.
 */
function isSpaceCode(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x1680) return c === 0xa0;
  if (c >= 0x2000 && c <= 0x200b) return true;
  return c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Index of the first non-space character at or after `from` (or `text.length`). */
export function skipSpaces(text: string, from = 0): number {
  let i = from;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the last non-space character before `to`. */
export function trimEndIndex(text: string, to = text.length): number {
  let i = to;
  while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
  return i;
}
