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
  // One position and no callback per node: every figure of every keystroke asks this.
  const at = { line, character };
  let level = nodes;
  for (;;) {
    let hit: OutlineNode | undefined;
    for (const n of level)
      if (contains(n.range, at)) {
        hit = n;
        break;
      }
    if (!hit) return chain;
    chain.push(hit);
    level = hit.children;
  }
}

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
