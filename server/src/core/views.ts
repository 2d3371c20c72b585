/**
 * Views of the model shared by every front end (LSP, CLI, tests), so that the outline the CLI
 * prints is exactly the document-symbol tree the editor shows.
 */
import { t } from './messages';
import { severityCounts } from './severity';
import type { Finding, OutlineNode, Range, ReportModel } from './model';

export interface OutlineView {
  readonly name: string;
  /** Which profile part the heading carries, in words (root headings only). */
  readonly detail?: string;
  readonly kind: OutlineNode['kind'];
  /** Depth in the tree, from 1. */
  readonly level: number;
  readonly line: number;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly parts?: readonly string[];
  readonly children: readonly OutlineView[];
}

export function partDetail(model: ReportModel, node: OutlineNode): string | undefined {
  if (node.parts.length === 0) return undefined;
  const statuses = node.parts.map((id) => model.parts.find((p) => p.id === id)!).filter(Boolean);
  const names = statuses.map((p) => p.name).join(t(model.locale, 'part.detail.combined'));
  const key = statuses.some((p) => p.mandatory) ? 'part.detail.mandatory' : 'part.detail.optional';
  const text = t(model.locale, key, { part: names });
  return node.inferredPart ? t(model.locale, 'part.detail.inferred', { part: text }) : text;
}

export function outlineView(model: ReportModel, nodes: readonly OutlineNode[] = model.outline): OutlineView[] {
  return nodes.map((n) => ({
    name: n.name,
    ...(partDetail(model, n) ? { detail: partDetail(model, n) } : {}),
    kind: n.kind,
    level: n.depth,
    line: n.line,
    range: n.range,
    selectionRange: n.selectionRange,
    ...(n.parts.length ? { parts: n.parts } : {}),
    children: outlineView(model, n.children),
  }));
}

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
  const at = { line, character };
  let level = nodes;
  for (;;) {
    const hit = firstContaining(level, at);
    if (!hit) return chain;
    chain.push(hit);
    level = hit.children;
  }
}

/**
 * The first of the nodes whose range contains the position. When the siblings follow each other
 * (each range ends at or before the next one starts), the first whose end is not before the
 * position is the only candidate: found by binary search. Otherwise they are tried in turn.
 */
function firstContaining(level: readonly OutlineNode[], p: { line: number; character: number }): OutlineNode | undefined {
  if (!inOrder(level)) return level.find((n) => contains(n.range, p));
  let lo = 0;
  let hi = level.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (!atOrBefore(p, level[mid].range.end))
      lo = mid + 1; // ends before the position
    else hi = mid;
  }
  return lo < level.length && contains(level[lo].range, p) ? level[lo] : undefined;
}

/** a ≤ b in reading order. */
function atOrBefore(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Whether each node's range starts before it ends and ends at or before the next one starts (checked once per list). */
function inOrder(level: readonly OutlineNode[]): boolean {
  let ordered = checked.get(level);
  if (ordered === undefined) {
    ordered = level.every(
      (n, i) => atOrBefore(n.range.start, n.range.end) && (i === 0 || atOrBefore(level[i - 1].range.end, n.range.start)),
    );
    checked.set(level, ordered);
  }
  return ordered;
}

const checked = new WeakMap<readonly OutlineNode[], boolean>();

export function contains(r: Range, p: { line: number; character: number }): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

export function findingsBySeverity(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const out = severityCounts();
  for (const f of findings) out[f.severity]++;
  return out;
}
