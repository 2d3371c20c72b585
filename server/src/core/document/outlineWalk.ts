/** Finding one's way in the outline: walking it, the nodes that contain a line or a position. */
import type { OutlineNode, Range } from '../model';

/** Walks the outline depth-first. */
export function* walkOutline(nodes: readonly OutlineNode[]): Generator<OutlineNode> {
  for (const n of nodes) {
    yield n;
    yield* walkOutline(n.children);
  }
}

/** The innermost chain of outline nodes containing a line, outermost first. */
export function nodesAtLine(nodes: readonly OutlineNode[], line: number, character = 0): OutlineNode[] {
  const chain: OutlineNode[] = [];
  // Every figure of every keystroke asks this: siblings in order are searched by halves.
  let level = nodes;
  for (;;) {
    const hit = firstContaining(level, line, character);
    if (!hit) return chain;
    chain.push(hit);
    level = hit.children;
  }
}

/** The innermost node containing a position (the last of nodesAtLine's chain), without making the chain. */
export function nodeAt(nodes: readonly OutlineNode[], line: number, character: number): OutlineNode | undefined {
  let hit: OutlineNode | undefined;
  for (let next = firstContaining(nodes, line, character); next; next = firstContaining(next.children, line, character)) hit = next;
  return hit;
}

/**
 * The first of the nodes whose range contains the position. When the siblings follow each other
 * (each range ends at or before the next one starts), the first whose end is not before the
 * position is the only candidate: found by binary search. Otherwise they are tried in turn.
 */
function firstContaining(level: readonly OutlineNode[], line: number, character: number): OutlineNode | undefined {
  // The position as two numbers, not an object: placing a line deletion's figures in the varied 1 MB
  // asked ~9,000 times, and each object made was 292 KB a keystroke for the collector (issue 27).
  // No children (every descent ends at a leaf): nothing contains it, and no entry in `checked` is
  // made for the leaf's empty list.
  if (level.length === 0) return undefined;
  // No loop with a closure over the position (`level.find`): its context was made at every call,
  // in order or not — ~140 KB of garbage per fresh analysis of the varied 1 MB (3,500 figures placed).
  if (!inOrder(level)) {
    for (const n of level) if (containsAt(n.range, line, character)) return n;
    return undefined;
  }
  let lo = 0;
  let hi = level.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const end = level[mid].range.end;
    if (line > end.line || (line === end.line && character > end.character))
      lo = mid + 1; // ends before the position
    else hi = mid;
  }
  return lo < level.length && containsAt(level[lo].range, line, character) ? level[lo] : undefined;
}

/** a ≤ b in reading order. */
function atOrBefore(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Whether each node's range starts before it ends and ends at or before the next one starts (checked once per list). */
function inOrder(level: readonly OutlineNode[]): boolean {
  // The check in a function of its own, not `every` with a closure over `level` here: the closure's
  // context was made at every call, checked or not (3 calls per figure placed).
  let ordered = checked.get(level);
  if (ordered === undefined) checked.set(level, (ordered = eachInOrder(level)));
  return ordered;
}

function eachInOrder(level: readonly OutlineNode[]): boolean {
  for (let i = 0; i < level.length; i++) {
    const n = level[i];
    if (!atOrBefore(n.range.start, n.range.end) || (i > 0 && !atOrBefore(level[i - 1].range.end, n.range.start))) return false;
  }
  return true;
}

const checked = new WeakMap<readonly OutlineNode[], boolean>();

/** Whether a range contains a position (both ends included). */
export function contains(r: Range, p: { line: number; character: number }): boolean {
  return containsAt(r, p.line, p.character);
}

function containsAt(r: Range, line: number, character: number): boolean {
  if (line < r.start.line || line > r.end.line) return false;
  if (line === r.start.line && character < r.start.character) return false;
  if (line === r.end.line && character > r.end.character) return false;
  return true;
}
