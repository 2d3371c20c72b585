/** Maps the core's model to LSP types, one to one. No analysis happens here. */
import {
  DiagnosticSeverity,
  SymbolKind,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Range,
  type SelectionRange,
} from 'vscode-languageserver';
import {
  nodesAtLine,
  outlineView,
  partDetail,
  type Finding,
  type OutlineNode,
  type OutlineView,
  type ReportModel,
  type Severity,
} from '../core';
import { DIAGNOSTIC_SOURCE as SOURCE } from '../protocol';

const severity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * A finding as a diagnostic. `data` carries the finding's own data plus `findingKey`, which the
 * code actions read back to find the finding and its fixes (core/findingKey.ts).
 */
export function toDiagnostic(f: Finding, findingKey: string): Diagnostic {
  return {
    range: f.range,
    severity: severity[f.severity],
    code: f.code,
    source: SOURCE,
    message: f.message,
    data: { ...f.data, findingKey },
  };
}

function toSymbol(model: ReportModel, n: OutlineNode): DocumentSymbol {
  // Straight from the outline node (no intermediate view tree): a document of headings has tens of
  // thousands of them. The same fields, in the same order, as `outlineView` gives the CLI.
  const detail = n.parts.length ? partDetail(model, n) : undefined;
  const kind = n.kind === 'item' ? SymbolKind.EnumMember : n.depth === 1 ? SymbolKind.Module : SymbolKind.Namespace;
  const children = n.children.map((c) => toSymbol(model, c));
  // A node the core kept or moved along a line (core/document/outline.ts) keeps its range objects:
  // its symbol, unchanged, is the last one (a keystroke in 12,000 headings rebuilds only what moved).
  const last = detail ? undefined : symbolOf.get(n.range);
  if (
    last &&
    last.name === n.name &&
    last.kind === kind &&
    last.selectionRange === n.selectionRange &&
    sameSymbols(last.children!, children)
  )
    return last;
  const out: DocumentSymbol = {
    name: n.name,
    ...(detail ? { detail } : {}),
    kind,
    range: n.range,
    selectionRange: n.selectionRange,
    children,
  };
  if (!detail) symbolOf.set(n.range, out);
  return out;
}

/** The last symbol made for a node's range object (symbols are plain data, never changed once sent). */
const symbolOf = new WeakMap<Range, DocumentSymbol>();

function sameSymbols(a: readonly DocumentSymbol[], b: readonly DocumentSymbol[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One answer per model: the outline view, breadcrumbs and a repeated request of the same version share it. */
const symbolsOf = new WeakMap<ReportModel, DocumentSymbol[]>();

export function toDocumentSymbols(model: ReportModel): DocumentSymbol[] {
  let out = symbolsOf.get(model);
  if (!out) symbolsOf.set(model, (out = model.outline.map((n) => toSymbol(model, n))));
  return out;
}

export function toFoldingRanges(model: ReportModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (views: readonly OutlineView[]) => {
    for (const v of views) {
      if (v.range.end.line > v.line) out.push({ startLine: v.line, endLine: v.range.end.line });
      visit(v.children);
    }
  };
  visit(outlineView(model));
  return out;
}

function containsRange(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Line content → innermost section → … → whole document. */
export function toSelectionRange(
  model: ReportModel,
  position: { line: number; character: number },
  lineText: string,
  lastLine: { line: number; character: number },
): SelectionRange {
  const ranges: Range[] = [{ start: { line: 0, character: 0 }, end: lastLine }];
  for (const n of nodesAtLine(model.outline, position.line, position.character)) ranges.push(n.range);
  const lead = lineText.length - lineText.trimStart().length;
  const trail = lineText.trimEnd().length;
  if (trail > lead) ranges.push({ start: { line: position.line, character: lead }, end: { line: position.line, character: trail } });
  let parent: SelectionRange | undefined;
  for (const r of ranges) {
    if (parent && !containsRange(parent.range, r)) continue;
    if (
      parent &&
      parent.range.start.line === r.start.line &&
      parent.range.start.character === r.start.character &&
      parent.range.end.line === r.end.line &&
      parent.range.end.character === r.end.character
    )
      continue;
    parent = { range: r, ...(parent ? { parent } : {}) };
  }
  return parent!;
}
