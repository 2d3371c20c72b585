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
  findingKey,
  nodesAtLine,
  outlineView,
  partDetail,
  placeAt,
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
 * A finding as a diagnostic. `data` carries the finding's own data, plus `findingKey` when the
 * finding is not the first with its code at its range: the code actions read the key back to find
 * the finding and its fixes (core/findingKey.ts), and the first's key is the diagnostic's own code
 * and range at rank 0 (`keyOfDiagnostic`). Written for every diagnostic, the key was ~16 % of the
 * bytes of each list published (issue 27); left out, a moved finding's diagnostic shares its data.
 */
export function toDiagnostic(f: Finding, findingKey: string): Diagnostic {
  const data = findingKey.endsWith(FIRST_RANK) ? f.data : { ...f.data, findingKey };
  return data === undefined
    ? { range: f.range, severity: severity[f.severity], code: f.code, source: SOURCE, message: f.message }
    : { range: f.range, severity: severity[f.severity], code: f.code, source: SOURCE, message: f.message, data };
}

const FIRST_RANK = findingKey('', 0);

/** The key of the finding a diagnostic was made from: the one in its data, else its code and range at rank 0. */
export function keyOfDiagnostic(d: Pick<Diagnostic, 'code' | 'range' | 'data'>): string | undefined {
  const written = d.data && typeof d.data === 'object' ? (d.data as { findingKey?: unknown }).findingKey : undefined;
  if (written !== undefined) return typeof written === 'string' ? written : undefined;
  return typeof d.code === 'string' ? findingKey(placeAt(d.code, d.range), 0) : undefined;
}

function toSymbol(model: ReportModel, n: OutlineNode): DocumentSymbol {
  // Straight from the outline node (no intermediate view tree): a document of headings has tens of
  // thousands of them. The same fields, in the same order, as `outlineView` gives the CLI.
  const detail = n.parts.length ? partDetail(model, n) : undefined;
  const kind = n.kind === 'item' ? SymbolKind.EnumMember : n.depth === 1 ? SymbolKind.Module : SymbolKind.Namespace;
  // A range object belongs to one model node (core/document/outline.ts), and a node is never changed: the
  // symbol made for its range is this node's, children and all — not walked again (a keystroke in 12,000
  // headings keeps all but one section's nodes). A node with parts is made again: its detail may change.
  const last = detail ? undefined : symbolOf.get(n.range);
  if (last) return last;
  const children = symbolsOfNodes(model, n.children);
  // Two literals, not the detail spread in: a spread's map lives only while objects have it, and the
  // compiled code that checked for it goes with it (core/keptShapes.ts).
  const out: DocumentSymbol = detail
    ? { name: n.name, detail, kind, range: n.range, selectionRange: n.selectionRange, children }
    : { name: n.name, kind, range: n.range, selectionRange: n.selectionRange, children };
  if (!detail) symbolOf.set(n.range, out);
  return out;
}

/** The nodes' symbols. */
function symbolsOfNodes(model: ReportModel, nodes: readonly OutlineNode[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = new Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) out[i] = toSymbol(model, nodes[i]);
  return out;
}

/** The last symbol made for a node's range object (symbols are plain data, never changed once sent). */
const symbolOf = new WeakMap<Range, DocumentSymbol>();
// Not kept by node object as well: a keystroke in 10,000 headings makes ~5,000 moved node copies, and a weak
// map keyed by them grew its table between full collections by 16 MB of live heap (300 KB of headings).

/** One answer per model: the outline view, breadcrumbs and a repeated request of the same version share it. */
const symbolsOf = new WeakMap<ReportModel, DocumentSymbol[]>();

export function toDocumentSymbols(model: ReportModel): DocumentSymbol[] {
  let out = symbolsOf.get(model);
  if (!out) symbolsOf.set(model, (out = encodeWith(symbolsOfNodes(model, model.outline), writeSymbols)));
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
 * Where a symbol's JSON lies in the last answer that held it: `bytes[start, end)`. Answers are
 * never written to once sent and symbols never change, so those bytes are the symbol's JSON for
 * as long as it lives.
 */
interface Written {
  bytes: Uint8Array;
  start: number;
  end: number;
}
const written = new WeakMap<DocumentSymbol, Written>();
/**
 * The levels of the tree whose JSON is kept: an unchanged top-level section is copied whole from
 * the last answer, and under a changed one each unchanged sub-section; below, symbols are written.
 * Two levels keep the entries few (a document of 10,000 headings has a few hundred at those levels).
 */
const KEPT_LEVELS = 2;

/** The kept symbols of the answer being written, and where each now lies in it. */
interface Placed {
  readonly entries: Written[];
  readonly starts: number[];
  readonly ends: number[];
}

/**
 * Symbols as the JSON bytes JSON.stringify would give (the fields toSymbol makes, in its order),
 * written straight into the answer's frame (lsp/stdioWriter.ts): 2 MB of symbols per request for a
 * document of headings, a third of the time and none of the garbage of a JSON string. A symbol of
 * the top levels that was in the last answer is copied from it (a keystroke in a document of
 * headings changes one section's symbols; the other 2 MB are the same bytes).
 */
export function writeSymbols(out: JsonBytes, symbols: readonly DocumentSymbol[]): void {
  const placed: Placed = { entries: [], starts: [], ends: [] };
  writeList(out, symbols, 0, placed);
  // Each kept symbol now points into this answer (the older answers it pointed into are released).
  const bytes = out.buffer;
  for (let i = 0; i < placed.entries.length; i++) {
    const e = placed.entries[i];
    e.bytes = bytes;
    e.start = placed.starts[i];
    e.end = placed.ends[i];
  }
}

function writeList(out: JsonBytes, symbols: readonly DocumentSymbol[], level: number, placed: Placed): void {
  out.byte(91);
  for (let i = 0; i < symbols.length; i++) {
    const s = symbols[i];
    if (i) out.byte(44);
    if (level >= KEPT_LEVELS) {
      writeSymbol(out, s, level, placed);
      continue;
    }
    const start = out.at;
    const before = written.get(s);
    if (before) {
      out.copy(before.bytes, before.start, before.end);
      place(placed, before, start, out.at);
      movedWith(placed, s.children, level + 1, before, start);
      continue;
    }
    writeSymbol(out, s, level, placed);
    const entry: Written = { bytes: out.buffer, start, end: out.at };
    written.set(s, entry);
    place(placed, entry, start, out.at);
  }
  out.byte(93);
}

function writeSymbol(out: JsonBytes, s: DocumentSymbol, level: number, placed: Placed): void {
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
    writeList(out, s.children, level + 1, placed);
  }
  out.byte(125);
}

function place(placed: Placed, entry: Written, start: number, end: number): void {
  placed.entries.push(entry);
  placed.starts.push(start);
  placed.ends.push(end);
}

/** The kept children of a symbol copied whole: they moved with it (from `parent`'s old place to `at`). */
function movedWith(placed: Placed, children: readonly DocumentSymbol[] | undefined, level: number, parent: Written, at: number): void {
  if (!children || level >= KEPT_LEVELS) return;
  for (const c of children) {
    const w = written.get(c);
    // Written as part of the parent's bytes then (else it is left pointing where it was: still right).
    if (!w || w.bytes !== parent.bytes || w.start < parent.start || w.end > parent.end) continue;
    const start = at + (w.start - parent.start);
    place(placed, w, start, start + (w.end - w.start));
    movedWith(placed, c.children, level + 1, w, start);
  }
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
