/**
 * Where two outlines of one document, before and after an edit that kept every line's number, may
 * place a figure differently: the lines on which the innermost node at a position, the names of its
 * chain or the parts of its outermost node may differ. A keystroke's figures (kept.ts) re-place the
 * figures of these lines only; elsewhere the old placement stands. (The ordinals on the lines are
 * compared by line, document/outlineLines.ts `differing`.)
 */
import type { OutlineNode, Position } from '../model';

/**
 * Appends to `spans` the line spans [from, to] (inclusive, pairs, in no order) outside which `a` and
 * `b` answer every position of a figure alike. Two node lists answer alike where their nodes pair up
 * with the same name and parts and contain the same positions, and so do their children: the node
 * found at a position (outlineWalk.ts `nodeAt`: the first of a list containing it, in order) and its
 * chain are then the same. A pair that differs in its range marks only the lines its ends moved
 * between; a pair that differs in anything else, or lists of different lengths, mark every line
 * their nodes cover. A pair whose lines hold no figure (`figures(from, to)` false) is not compared:
 * only figures are placed by it, and a line that gains one is read again anyway (a heading-heavy
 * document's thousands of nodes are not walked at every keystroke).
 */
export function changedSpans(
  a: readonly OutlineNode[],
  b: readonly OutlineNode[],
  spans: number[],
  figures: (from: number, to: number) => boolean,
): void {
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
    const from = Math.min(x.range.start.line, y.range.start.line);
    const to = Math.max(x.range.end.line, y.range.end.line);
    if (!figures(from, to)) continue;
    if (x.name !== y.name || !sameStrings(x.parts, y.parts)) {
      spans.push(from, to);
      continue;
    }
    if (!samePosition(x.range.start, y.range.start))
      spans.push(Math.min(x.range.start.line, y.range.start.line), Math.max(x.range.start.line, y.range.start.line));
    if (!samePosition(x.range.end, y.range.end))
      spans.push(Math.min(x.range.end.line, y.range.end.line), Math.max(x.range.end.line, y.range.end.line));
    changedSpans(x.children, y.children, spans, figures);
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

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
