/**
 * Builds the outline tree from heading tokens. Nesting follows the nominal GB/T rank of each
 * ordinal style (一、 > （一） > 1. > （1） > 一是), not the order styles first appear in: a
 * skipped level nests one step down, and `（1）` used where `（一）` belongs stays a sibling
 * of the `（三）` that follows it (seed 001).
 */
import type { CleanLine } from '../lines/cleanLines';
import { findItems, lostOrdinalHeading, matchHeading, type HeadingToken } from '../lines/headingShapes';
import type { OutlineNode } from '../model';
import type { TextIndex } from '../text/lineIndex';
import { runOnBreaks, runOnPieces, type RunOnLine } from '../lines/runOn';
import { wrappedHeadingEnd, type HardWrap } from '../lines/hardWrap';

interface MutableNode {
  token: HeadingToken;
  name: string;
  title: string;
  depth: number;
  endOffset: number;
  children: MutableNode[];
  parts: string[];
  inferredPart: boolean;
  /** Value of the last 一是-item child, for the sequence check. */
  lastItem: number;
}

export interface OutlineDraft {
  readonly roots: MutableNode[];
  /** Line of the first structural heading, or -1. */
  readonly firstHeadingLine: number;
  /** Lines that lost their line breaks (runOn.ts), by line number: read as the pieces between the breaks. */
  readonly runOn: ReadonlyMap<number, RunOnLine>;
}

export type { MutableNode };

/** GB/T 9704 §7.3.4 附件说明: 附件：1.某某统计表 */
const ATTACHMENT_NOTE = /^附\s*件\s*[:：]\s*[1１]\s*[.．、]/;

/** A table cell on a line of its own: a number (one cell a line, as Word and PDF tables come out). */
const TABLE_CELL = /^[0-9０-９][0-9０-９.,，%％]*$/;
/** Number cells after a label on one line: `| 10 | 2 |` or tab-separated. */
const CELLS_ON_LINE = /[|\t][ \u3000]*[0-9０-９][0-9０-９.,%％]*[ \u3000]*(?:[|\t]|$)/;

/** A heading cannot end on these; its next line then carries on (…第一责任人职责，\n加强…的有关情况). */
const OPEN_END = /(?:[，,、和及与的]|主要)$/;
const OPEN_START = /^[和及与、，,的]/;
const MAX_CONTINUATION = 30;

/**
 * A level-1 … level-4 heading broken over two lines (Word or PDF wrap): returns the line-relative
 * end of its rest on `next`, or -1. Only when the break is plain from the words (the first line
 * ends, or the second begins, with a connective) and the rest is short and not a sentence.
 */
function headingContinuation(cl: CleanLine, next: CleanLine, heading: HeadingToken): number {
  if (heading.titleEnd !== cl.line.start + cl.contentEnd) return -1; // ended by 。 or ：
  if (next.isDebris || next.contentStart >= next.contentEnd || matchHeading(next)) return -1;
  const rest = next.line.text.slice(next.contentStart, next.contentEnd);
  const first = cl.line.text.slice(cl.contentStart, cl.contentEnd);
  const openEnd = OPEN_END.test(first);
  if (!openEnd && !OPEN_START.test(rest)) return -1;
  // The rest of a heading is a short phrase, not a sentence (和往年相比，案件下降12%。 is body text).
  if (rest.length > (openEnd ? MAX_CONTINUATION : MAX_CONTINUATION / 2) || /[，,。；;！？!?：:]/.test(rest)) return -1;
  return next.contentStart + rest.length;
}

/** The words of a heading; a line break inside a wrapped heading is dropped. */
function joinLines(s: string): string {
  if (!s.includes('\n')) return s;
  // Per line, not one regex: `[ \t]*\r?\n` retried from every space of a long run of spaces
  // without a line break was quadratic (a heading followed by 1,000,000 spaces hung the check).
  const lines = s.split('\n');
  const last = lines.length - 1;
  return lines
    .map((line, i) => {
      let out = i > 0 ? line.replace(/^[ \t\u3000]+/, '') : line;
      if (i < last) out = out.replace(/\r$/, '').replace(/(?<![ \t\u3000])[ \t\u3000]+$/, '');
      return out;
    })
    .join('');
}

function makeNode(token: HeadingToken, text: string, clean: (s: string) => string): MutableNode {
  const name = joinLines(clean(text.slice(token.start, token.titleEnd)));
  const title = joinLines(clean(text.slice(token.titleStart, token.titleEnd)));
  return { token, name, title, depth: 0, endOffset: 0, children: [], parts: [], inferredPart: false, lastItem: 0 };
}

/** What `buildOutline` reads: the body lines [fromLine, toLine) of the text. */
export interface OutlineSource {
  readonly text: string;
  readonly lines: readonly CleanLine[];
  readonly fromLine: number;
  readonly toLine: number;
  /** The offset where the body stops (start of the attachments, or the text end). */
  readonly bodyEnd: number;
  /** What a heading's words are cleaned with (inline debris taken out). */
  readonly clean: (s: string) => string;
  /** Lines that are level-1 headings without their ordinal (lostOrdinals.ts), with the value lost. */
  readonly lost?: ReadonlyMap<number, number>;
  /** Hard-wrapped text (lines/hardWrap.ts): a heading that fills its line goes on on the next. */
  readonly wrap?: HardWrap;
}

/** Scans the body lines [fromLine, toLine) for headings and items. */
export function buildOutline({ text, lines, fromLine, toLine, bodyEnd, clean, lost, wrap }: OutlineSource): OutlineDraft {
  const roots: MutableNode[] = [];
  const stack: MutableNode[] = [];
  let firstHeadingLine = -1;
  // Items directly under the document (before any heading) have no container: not shown.
  const close = (node: MutableNode, end: number) => {
    node.endOffset = end;
  };
  const attach = (node: MutableNode) => {
    while (stack.length && stack[stack.length - 1].token.rank >= node.token.rank) {
      close(stack.pop()!, node.token.start);
    }
    const parent = stack[stack.length - 1];
    node.depth = stack.length + 1;
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  };

  // Inside a 附件说明 (附件：1.…, then 2.… on the next lines): its numbers are not headings.
  let inAttachmentList = false;
  const runOn = new Map<number, RunOnLine>();
  let nextLevel1 = 1;
  /** Lines whose start is the rest of a wrapped heading: their items start after it. */
  const itemsFrom = new Map<number, number>();
  // The previous line was a table cell or a table row label.
  let inTable = false;
  const tableish = (cl: CleanLine, i: number): boolean => {
    const content = cl.line.text.slice(cl.contentStart, cl.contentEnd);
    return (
      TABLE_CELL.test(content) || CELLS_ON_LINE.test(content) || (matchHeading(cl) !== null && isTableRowLabel(cl, i, cl.contentStart))
    );
  };
  /** One line, or one piece of a run-on line; true when the next line was the rest of its heading. */
  const readLine = (cl: CleanLine, i: number, mayWrap: boolean): boolean => {
    let heading = matchHeading(cl);
    if (heading && isTableRowLabel(cl, i, heading.titleStart - cl.line.start)) heading = null;
    // A level-1 ordinal going back (三、 after 三、) right after table cells is a row group of the table.
    if (heading?.rank === 1 && heading.value < nextLevel1 && inTable) heading = null;
    inTable = heading === null && tableish(cl, i);
    const lostValue = mayWrap ? lost?.get(i) : undefined;
    if (!heading && lostValue !== undefined) heading = lostOrdinalHeading(cl, lostValue);
    if (ATTACHMENT_NOTE.test(cl.line.text.slice(cl.contentStart, cl.contentEnd))) {
      inAttachmentList = true;
      return false;
    }
    if (inAttachmentList && heading?.style === 'num-dot') return false;
    inAttachmentList = false;
    let itemFrom = Math.max(cl.contentStart, itemsFrom.get(i) ?? 0);
    if (heading) {
      if (firstHeadingLine < 0) firstHeadingLine = i;
      if (heading.rank === 1) nextLevel1 = heading.value + 1;
      const rest = mayWrap && i + 1 < toLine ? wrappedHeadingEnd(wrap, lines, i, heading.titleEnd) : -1;
      if (rest >= 0) {
        // The rest of the heading on the next line; that line's items start after it.
        heading = { ...heading, titleEnd: lines[i + 1].line.start + rest };
        itemsFrom.set(i + 1, rest);
        attach(makeNode(heading, text, clean));
        return false;
      }
      const wrapped = mayWrap && i + 1 < toLine ? headingContinuation(cl, lines[i + 1], heading) : -1;
      if (wrapped >= 0) heading = { ...heading, titleEnd: lines[i + 1].line.start + wrapped };
      attach(makeNode(heading, text, clean));
      if (wrapped >= 0) return true; // the next line was the rest of this heading
      itemFrom = heading.titleEnd - cl.line.start;
    }
    for (const item of findItems(cl, itemFrom)) {
      // The container is the nearest heading on the stack.
      let containerIndex = stack.length - 1;
      while (containerIndex >= 0 && stack[containerIndex].token.kind === 'item') containerIndex--;
      if (containerIndex < 0) continue;
      const container = stack[containerIndex];
      if (item.value !== 1 && item.value !== container.lastItem + 1) continue;
      container.lastItem = item.value;
      attach(makeNode(item, text, clean));
    }
    return false;
  };
  /** A row label of a table (一、本年新收… followed by its cells on the line or on the lines below), not a heading. */
  const isTableRowLabel = (cl: CleanLine, i: number, titleStart: number): boolean => {
    // Cells after the label on its line (the white space after the ordinal is not a cell break).
    if (CELLS_ON_LINE.test(cl.line.text.slice(titleStart, cl.contentEnd))) return true;
    // Two number cells below it (one would also be a bare page number under a heading).
    let cells = 0;
    for (let k = i + 1; k < toLine && cells < 2; k++) {
      const next = lines[k];
      if (next.isDebris || next.contentStart >= next.contentEnd) continue;
      if (!TABLE_CELL.test(next.line.text.slice(next.contentStart, next.contentEnd))) return false;
      cells++;
    }
    return cells === 2;
  };
  for (let i = fromLine; i < toLine; i++) {
    const cl = lines[i];
    if (cl.isDebris || cl.contentStart >= cl.contentEnd) continue;
    const atStart = matchHeading(cl);
    const ro = runOnBreaks(cl, nextLevel1, atStart);
    if (!ro) {
      if (readLine(cl, i, true)) i++;
      continue;
    }
    runOn.set(i, ro);
    if (firstHeadingLine < 0) firstHeadingLine = i;
    for (const piece of runOnPieces(cl, ro)) readLine(piece, i, false);
  }
  while (stack.length) close(stack.pop()!, bodyEnd);
  return { roots, firstHeadingLine, runOn };
}

/** Freezes the draft into model nodes with ranges. */
export function freezeOutline(nodes: readonly MutableNode[], index: TextIndex, text: string): OutlineNode[] {
  return nodes.map((n) => {
    // Section end: trim trailing white space so folding stops at the last content line.
    let end = n.endOffset;
    while (end > n.token.titleEnd && /\s|\u3000/.test(text[end - 1])) end--;
    // The ordinal and the title lie on the heading's line (no search needed for their positions),
    // except the end of a heading wrapped onto a second line.
    const line = index.lines[n.token.line];
    const at = (offset: number) => (offset <= line.end ? { line: line.index, character: offset - line.start } : index.positionAt(offset));
    const start = at(n.token.start);
    return {
      kind: n.token.kind,
      name: n.name,
      title: n.title,
      rank: n.token.rank,
      depth: n.depth,
      ordinal: {
        style: n.token.style,
        value: n.token.value,
        text: n.token.ordinalText,
        range: { start, end: at(n.token.ordinalEnd) },
        variants: n.token.variants,
      },
      line: n.token.line,
      selectionRange: { start, end: at(n.token.titleEnd) },
      range: { start, end: index.positionAt(end) },
      startOffset: n.token.start,
      endOffset: end,
      parts: n.parts,
      inferredPart: n.inferredPart,
      children: freezeOutline(n.children, index, text),
    };
  });
}
