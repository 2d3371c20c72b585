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
import { ascii, encodeWith, type JsonBytes } from './jsonBytes';

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
  // A node the core kept or moved along a line (core/document/outline.ts) keeps its range objects:
  // its symbol, unchanged, is the last one (a keystroke in 12,000 headings rebuilds only what moved).
  const last = detail ? undefined : symbolOf.get(n.range);
  const children = symbolsOfNodes(model, n.children, last?.children);
  if (last && last.name === n.name && last.kind === kind && last.selectionRange === n.selectionRange && last.children === children)
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

/**
 * The nodes' symbols: `last` (the array an unchanged parent's symbol holds) when every symbol is
 * the one in it, else a new array — no array is made for a subtree that did not change.
 */
function symbolsOfNodes(model: ReportModel, nodes: readonly OutlineNode[], last: DocumentSymbol[] | undefined): DocumentSymbol[] {
  let out: DocumentSymbol[] | undefined = last && last.length === nodes.length ? undefined : [];
  for (let i = 0; i < nodes.length; i++) {
    const s = toSymbol(model, nodes[i]);
    if (out) out.push(s);
    else if (s !== last![i]) {
      out = last!.slice(0, i);
      out.push(s);
    }
  }
  return out ?? last!;
}

/** The last symbol made for a node's range object (symbols are plain data, never changed once sent). */
const symbolOf = new WeakMap<Range, DocumentSymbol>();

/** One answer per model: the outline view, breadcrumbs and a repeated request of the same version share it. */
const symbolsOf = new WeakMap<ReportModel, DocumentSymbol[]>();

export function toDocumentSymbols(model: ReportModel): DocumentSymbol[] {
  let out = symbolsOf.get(model);
  if (!out) symbolsOf.set(model, (out = encodeWith(symbolsOfNodes(model, model.outline, undefined), writeSymbols)));
  return out;
}

const NAME = ascii('{"name":');
const DETAIL = ascii(',"detail":');
const KIND = ascii(',"kind":');
const RANGE = ascii(',"range":');
const SELECTION_RANGE = ascii(',"selectionRange":');
const CHILDREN = ascii(',"children":');
const START_LINE = ascii('{"start":{"line":');
const CHARACTER = ascii(',"character":');
const END_LINE = ascii('},"end":{"line":');
const CLOSE_RANGE = ascii('}}');

/**
 * Symbols as the JSON bytes JSON.stringify would give (the fields toSymbol makes, in its order),
 * written straight into the answer's frame (lsp/stdioWriter.ts): 2 MB of symbols per request for a
 * document of headings, a third of the time and none of the garbage of a JSON string.
 */
export function writeSymbols(out: JsonBytes, symbols: readonly DocumentSymbol[]): void {
  out.byte(91);
  for (let i = 0; i < symbols.length; i++) {
    const s = symbols[i];
    if (i) out.byte(44);
    out.raw(NAME);
    out.string(s.name);
    if (s.detail !== undefined) {
      out.raw(DETAIL);
      out.string(s.detail);
    }
    out.raw(KIND);
    out.number(s.kind);
    out.raw(RANGE);
    writeRange(out, s.range);
    out.raw(SELECTION_RANGE);
    writeRange(out, s.selectionRange);
    if (s.children) {
      out.raw(CHILDREN);
      writeSymbols(out, s.children);
    }
    out.byte(125);
  }
  out.byte(93);
}

function writeRange(out: JsonBytes, r: Range): void {
  out.raw(START_LINE);
  out.number(r.start.line);
  out.raw(CHARACTER);
  out.number(r.start.character);
  out.raw(END_LINE);
  out.number(r.end.line);
  out.raw(CHARACTER);
  out.number(r.end.character);
  out.raw(CLOSE_RANGE);
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
