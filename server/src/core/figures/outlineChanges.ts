/**
 * Where two outlines of one document, before and after an edit that kept every line's number, may
 * place a figure differently: the lines on which the innermost node at a position, the names of its
 * chain, the parts of its outermost node or the ordinals on the line may differ. A keystroke's
 * figures (kept.ts) re-place the figures of these lines only; elsewhere the old placement stands.
 */
import type { OutlineNode, Position, Range } from '../model';

/**
 * Appends to `spans` the line spans [from, to] (inclusive, pairs, in no order) outside which `a` and
 * `b` answer every position alike. Two node lists answer alike where their nodes pair up with the
 * same name, parts and ordinal and contain the same positions, and so do their children: the node
 * found at a position (outlineWalk.ts `nodeAt`: the first of a list containing it, in order) and its
 * chain are then the same. A pair that differs in its range marks only the lines its ends moved
 * between; a pair that differs in anything else, or lists of different lengths, mark every line
 * their nodes cover.
 */
export function changedSpans(a: readonly OutlineNode[], b: readonly OutlineNode[], spans: number[]): void {
  if (a === b) return;
  if (a.length !== b.length) {
    const from = Math.min(firstLine(a), firstLine(b));
    const to = Math.max(lastLine(a), lastLine(b));
    if (from <= to) spans.push(from, to);
    return;
  }
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x.name !== y.name || !sameStrings(x.parts, y.parts) || !sameRange(x.ordinal.range, y.ordinal.range)) {
      spans.push(Math.min(x.range.start.line, y.range.start.line), Math.max(x.range.end.line, y.range.end.line));
      continue;
    }
    if (!samePosition(x.range.start, y.range.start))
      spans.push(Math.min(x.range.start.line, y.range.start.line), Math.max(x.range.start.line, y.range.start.line));
    if (!samePosition(x.range.end, y.range.end))
      spans.push(Math.min(x.range.end.line, y.range.end.line), Math.max(x.range.end.line, y.range.end.line));
    changedSpans(x.children, y.children, spans);
  }
}

/** The first line any node of the list (or its ordinal) covers; Infinity for none. */
function firstLine(nodes: readonly OutlineNode[]): number {
  let line = Infinity;
  for (const n of nodes) line = Math.min(line, n.range.start.line, n.ordinal.range.start.line, firstLine(n.children));
  return line;
}

/** The last line any node of the list (or its ordinal) covers; -Infinity for none. */
function lastLine(nodes: readonly OutlineNode[]): number {
  let line = -Infinity;
  for (const n of nodes) line = Math.max(line, n.range.end.line, n.ordinal.range.end.line, lastLine(n.children));
  return line;
}

function samePosition(p: Position, q: Position): boolean {
  return p.line === q.line && p.character === q.character;
}

function sameRange(r: Range, s: Range): boolean {
  return r === s || (samePosition(r.start, s.start) && samePosition(r.end, s.end));
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
