/**
 * What to offer at the start of a line: the next ordinal at each level open above the cursor
 * (after （二）… → （三）, after 一是… → 二是), the first ordinal below the heading just written,
 * and at level one the mandatory parts still missing as whole headings with their skeleton.
 * Nothing is offered once the line holds prose: completion must never get in the writer's way.
 */
import { t } from '../messages';
import type { OrdinalStyle, OutlineNode, Position, Range, ReportModel, TextEdit } from '../model';
import { childStyle, expectedStyle, formatOrdinal } from '../document/ordinals';
import { partLines, renumberEdit } from '../edits/skeleton';

export interface Suggestion {
  readonly kind: 'ordinal' | 'part';
  readonly label: string;
  readonly detail: string;
  /** Replaces `range` (the ordinal typed so far). */
  readonly newText: string;
  readonly range: Range;
  /** What the editor filters on: starts with what the writer typed. */
  readonly filterText: string;
  readonly sortText: string;
  /** Renumbering of the level-1 headings after an inserted part. */
  readonly additionalEdits: readonly TextEdit[];
  /** Part id, for part suggestions. */
  readonly part?: string;
}

/** A line start where an ordinal may be being typed: spaces, an optional bracket, a few numerals. */
const ORDINAL_PREFIX = /^([ \t\u3000]*)([（(]?[一二三四五六七八九十0-9０-９]{0,2})$/;

/** The nodes open at `line`: the last root before it, its last child before it, and so on. */
function openChain(outline: readonly OutlineNode[], line: number): OutlineNode[] {
  const chain: OutlineNode[] = [];
  let level = outline;
  for (;;) {
    const before = level.filter((n) => n.line < line);
    const last = before[before.length - 1];
    if (!last) return chain;
    chain.push(last);
    level = last.children;
  }
}

/** What the writer typed so far is the same kind of ordinal: a bracket wants a bracket, digits digits. */
function fitsTyped(label: string, typed: string): boolean {
  if (typed === '') return true;
  if (/^[（(]/.test(typed) !== label.startsWith('（')) return false;
  const digits = typed.replace(/^[（(]/, '');
  if (digits === '') return true;
  return /[0-9０-９]/.test(digits) === /[0-9]/.test(label);
}

/** Sort keys that keep the order suggestions were made in (ordinals before parts). */
const order = (group: number, n: number) => `${group}${String(n).padStart(3, '0')}`;

export function completeLine(model: ReportModel, position: Position, lineText: string, eol = '\n'): Suggestion[] {
  // A position past the line's end (a client may send one) is the line's end: no edit reaches past it.
  if (position.character > lineText.length) position = { line: position.line, character: lineText.length };
  const typedAll = lineText.slice(0, position.character);
  const m = ORDINAL_PREFIX.exec(typedAll);
  if (!m) return [];
  if (model.header.title && model.header.title.range.end.line >= position.line) return [];
  if (model.signature && position.line >= model.signature.line) return [];
  const typed = m[2];
  const range: Range = { start: { line: position.line, character: m[1].length }, end: position };
  const restIsEmpty = lineText.slice(position.character).trim() === '';
  const locale = model.locale;
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const halfWidth = typed.startsWith('(');
  const offer = (style: OrdinalStyle, value: number, detail: string) => {
    const label = formatOrdinal(style, value);
    if (seen.has(label) || !fitsTyped(label, typed)) return;
    seen.add(label);
    out.push({
      kind: 'ordinal',
      label,
      detail,
      newText: label,
      range,
      additionalEdits: [],
      filterText: typed + (halfWidth ? label.replace('（', '(').replace('）', ')') : label),
      sortText: order(0, out.length),
    });
  };

  const chain = openChain(model.outline, position.line);
  const last = chain[chain.length - 1];
  // Right under a heading, its first sub-heading is the likeliest next line.
  const child = () => {
    if (!last || last.kind === 'item') return;
    offer(childStyle(expectedStyle(last)), 1, t(locale, 'completion.first', { parent: last.ordinal.text }));
  };
  if (last && last.line === position.line - 1) child();
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i];
    offer(expectedStyle(n), n.ordinal.value + 1, t(locale, 'completion.next', { previous: n.ordinal.text }));
  }
  child();
  if (chain.length === 0) offer('cn-comma', 1, t(locale, 'completion.firstPart'));

  // Level one: the missing mandatory parts, as whole headings with their skeleton.
  if (restIsEmpty && !typed.startsWith('（') && !halfWidth && !/[0-9０-９]/.test(typed)) {
    const roots = model.outline.filter((n) => n.kind === 'heading');
    const index = roots.filter((n) => n.line < position.line).length;
    const renumber = roots.slice(index).flatMap((n, i) => renumberEdit(n, index + i + 2));
    for (const part of model.parts) {
      if (!part.mandatory || part.present) continue;
      const lines = partLines(model.compiledProfile, part.id, model.year, index + 1);
      out.push({
        kind: 'part',
        part: part.id,
        label: lines[0],
        newText: lines.join(eol),
        range,
        detail: t(locale, 'completion.part', { part: part.name }),
        filterText: typed + lines[0],
        sortText: order(1, out.length),
        additionalEdits: renumber,
      });
    }
  }
  return out;
}
