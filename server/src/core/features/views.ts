/**
 * Views of the model shared by every front end (LSP, CLI, tests), so that the outline the CLI
 * prints is exactly the document-symbol tree the editor shows.
 */
import { t } from '../messages';
import type { OutlineNode, Range, ReportModel } from '../model';

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
