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
import { nodesAtLine, outlineView, type Finding, type OutlineView, type ReportModel, type Severity } from '../core';
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

function toSymbol(v: OutlineView): DocumentSymbol {
  return {
    name: v.name,
    ...(v.detail ? { detail: v.detail } : {}),
    kind: v.kind === 'item' ? SymbolKind.EnumMember : v.level === 1 ? SymbolKind.Module : SymbolKind.Namespace,
    range: v.range,
    selectionRange: v.selectionRange,
    children: v.children.map(toSymbol),
  };
}

export function toDocumentSymbols(model: ReportModel): DocumentSymbol[] {
  return outlineView(model).map(toSymbol);
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
