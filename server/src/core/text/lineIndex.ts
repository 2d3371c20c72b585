/**
 * Text geometry: line splitting and offset <-> position conversion.
 * Positions are LSP-style: 0-based line, character counted in UTF-16 code units of the
 * text exactly as given (a BOM counts one unit, CRLF and LF give the same positions).
 * JavaScript strings are UTF-16, so a string index *is* a UTF-16 offset.
 */
import type { Position, Range } from '../model';

export interface Line {
  /** 0-based line number. */
  readonly index: number;
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, line break excluded. */
  readonly end: number;
  /** The line's text without its line break. */
  readonly text: string;
}

export class TextIndex {
  readonly lines: readonly Line[];

  /** `lines` when they are known already (textUpdate.ts updates them from an edit); else the text is split. */
  constructor(
    readonly text: string,
    lines?: readonly Line[],
  ) {
    if (lines) {
      this.lines = lines;
      return;
    }
    const out: Line[] = [];
    splitLines(text, 0, text.length, out);
    this.lines = out;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Line containing the offset (binary search: O(log n), no per-call scans). */
  lineAt(offset: number): Line {
    const lines = this.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo];
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line: line.index, character: Math.min(clamped, line.end) - line.start };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.text.length;
    const line = this.lines[position.line];
    return line.start + Math.max(0, Math.min(position.character, line.end - line.start));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Range covering a whole line's text (line break excluded). */
  lineRange(line: number): Range {
    const l = this.lines[line];
    return { start: { line: l.index, character: 0 }, end: { line: l.index, character: l.end - l.start } };
  }
}

/**
 * Splits `text` from `from` (a line start) into `into`, line numbers continuing from its length.
 * Stops at the first line start at or after `until` and returns it (`until` = the text's
 * length: to the end, the last line included; the result is then -1).
 */
export function splitLines(text: string, from: number, until: number, into: Line[]): number {
  let start = from;
  const n = text.length;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      into.push({ index: into.length, start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      if (start >= until && until < n) return start;
    }
  }
  into.push({ index: into.length, start, end: n, text: text.slice(start, n) });
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
