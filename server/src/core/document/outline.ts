/**
 * Builds the outline tree from heading tokens. Nesting follows the nominal GB/T rank of each
 * ordinal style (一、 > （一） > 1. > （1） > 一是), not the order styles first appear in: a
 * skipped level nests one step down, and `（1）` used where `（一）` belongs stays a sibling
 * of the `（三）` that follows it (seed 001).
 */
import type { CleanLine } from '../lines/cleanLines';
import { findItems, headingShapeOf, lostOrdinalHeading, matchHeading, type HeadingToken } from '../lines/headingShapes';
import type { OutlineNode, Position } from '../model';
import { TextIndex } from '../text/lineIndex';
import { keepShape } from '../keptShapes';
import { runOnBreaks, runOnPieces, type RunOnLine } from '../lines/runOn';
import { wrappedHeadingEnd, type HardWrap } from '../lines/hardWrap';
import { isRowLabel } from '../lines/tableRows';

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
  /** Where the build closed it (`endOffset` before the frame ends the last sections at the 落款). */
  closedAt: number;
  /**
   * A level-1 root read from a whole line: the builder's state before its line (entryState), which
   * with the same lines after it makes the same section (what a splice checks).
   */
  entry: number;
  /**
   * The model node it froze into last time, its `endOffset` then, and how many lines it has moved
   * since (a node of the last analysis carried over by a splice): freezeOutline hands that node out
   * again, or a copy moved by those lines, when nothing it was made from changed. Model nodes hold
   * lines and characters, no offsets: a node moved within its lines is the node it was.
   */
  frozen: OutlineNode | undefined;
  frozenEnd: number;
  movedLines: number;
}

export interface OutlineDraft {
  readonly roots: MutableNode[];
  /** The lines read, the body's last line (exclusive) and end: what the next analysis splices against. */
  readonly lines: readonly CleanLine[];
  readonly toLine: number;
  readonly bodyEnd: number;
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
/** A row label's ordinal (一、 （一） 1.), before the words isRowLabel reads. */
const ROW_ORDINAL = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|[0-9０-９]{1,2}[.．、])/;
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
function headingContinuation(cl: CleanLine, lineStart: number, next: CleanLine, heading: HeadingToken): number {
  if (heading.titleEnd !== lineStart + cl.contentEnd) return -1; // ended by 。 or ：
  if (next.isDebris || next.contentStart >= next.contentEnd || headingShapeOf(next)) return -1;
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
  return newNode(token, name, title);
}

function newNode(token: HeadingToken, name: string, title: string): MutableNode {
  return {
    token,
    name,
    title,
    depth: 0,
    endOffset: 0,
    children: [],
    parts: [],
    inferredPart: false,
    lastItem: 0,
    closedAt: 0,
    entry: -1,
    frozen: undefined,
    frozenEnd: 0,
    movedLines: 0,
  };
}

/** What `buildOutline` reads: the body lines [fromLine, toLine) of the text. */
export interface OutlineSource {
  readonly text: string;
  /** The text's line index: where each line starts (the lines hold no offsets). */
  readonly index: TextIndex;
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
  /** The last analysis's outline of this document and how the lines moved since: unchanged sections are carried over. */
  readonly splice?: OutlineSplice;
}

/** Scans the body lines [fromLine, toLine) for headings and items. */
export function buildOutline(source: OutlineSource): OutlineDraft {
  return new OutlineBuilder(source).build();
}

/**
 * One build of the outline: its state and the steps that read a line. A class, not closures made at
 * each analysis: V8 keeps a closure's optimised code only while a closure of it lives, so closures
 * made per build were compiled again after every full collection (rules/lineChanges.ts, round 15).
 */
class OutlineBuilder {
  private readonly text: string;
  private readonly index: TextIndex;
  private readonly lines: readonly CleanLine[];
  private readonly toLine: number;
  private readonly clean: (s: string) => string;
  private readonly lost: ReadonlyMap<number, number> | undefined;
  private readonly wrap: HardWrap | undefined;
  private readonly roots: MutableNode[] = [];
  private readonly stack: MutableNode[] = [];
  private firstHeadingLine = -1;
  // Inside a 附件说明 (附件：1.…, then 2.… on the next lines): its numbers are not headings.
  private inAttachmentList = false;
  private readonly runOn = new Map<number, RunOnLine>();
  private nextLevel1 = 1;
  /** Lines whose start is the rest of a wrapped heading: their items start after it. */
  private readonly itemsFrom = new Map<number, number>();
  // The previous line was a table cell or a table row label.
  private inTable = false;

  constructor(private readonly source: OutlineSource) {
    this.text = source.text;
    this.index = source.index;
    this.lines = source.lines;
    this.toLine = source.toLine;
    this.clean = source.clean;
    this.lost = source.lost;
    this.wrap = source.wrap;
  }

  // Items directly under the document (before any heading) have no container: not shown.
  private close(node: MutableNode, end: number): void {
    node.endOffset = node.closedAt = end;
  }

  private attach(node: MutableNode): void {
    const stack = this.stack;
    while (stack.length && stack[stack.length - 1].token.rank >= node.token.rank) {
      this.close(stack.pop()!, node.token.start);
    }
    const parent = stack[stack.length - 1];
    node.depth = stack.length + 1;
    (parent ? parent.children : this.roots).push(node);
    stack.push(node);
  }

  private tableish(cl: CleanLine, i: number): boolean {
    const content = cl.line.text.slice(cl.contentStart, cl.contentEnd);
    // A row label with its cells set off by spaces (一、本年新收…数量 10 2 0): never a heading shape (tableRows.ts).
    const ordinal = ROW_ORDINAL.exec(content);
    return (
      TABLE_CELL.test(content) ||
      CELLS_ON_LINE.test(content) ||
      (headingShapeOf(cl) !== null && this.isTableRowLabel(cl, i, cl.contentStart)) ||
      (ordinal !== null && isRowLabel(content, ordinal[0].length, content.length))
    );
  }

  /** One line, or one piece of a run-on line; true when the next line was the rest of its heading. */
  private readLine(cl: CleanLine, i: number, mayWrap: boolean): boolean {
    const { index, lines, toLine, text, clean, wrap, stack } = this;
    const entry = entryState(this.nextLevel1, this.inTable, this.inAttachmentList);
    const lineStart = index.lineStart(cl.line.index);
    let heading = matchHeading(cl, lineStart);
    if (heading && this.isTableRowLabel(cl, i, heading.titleStart - lineStart)) heading = null;
    // A level-1 ordinal going back (三、 after 三、) right after table cells is a row group of the table.
    if (heading?.rank === 1 && heading.value < this.nextLevel1 && this.inTable) heading = null;
    this.inTable = heading === null && this.tableish(cl, i);
    const lostValue = mayWrap ? this.lost?.get(i) : undefined;
    if (!heading && lostValue !== undefined) heading = lostOrdinalHeading(cl, lineStart, lostValue);
    if (ATTACHMENT_NOTE.test(cl.line.text.slice(cl.contentStart, cl.contentEnd))) {
      this.inAttachmentList = true;
      return false;
    }
    if (this.inAttachmentList && heading?.style === 'num-dot') return false;
    this.inAttachmentList = false;
    let itemFrom = Math.max(cl.contentStart, this.itemsFrom.get(i) ?? 0);
    if (heading) {
      if (this.firstHeadingLine < 0) this.firstHeadingLine = i;
      if (heading.rank === 1) this.nextLevel1 = heading.value + 1;
      const rest = mayWrap && i + 1 < toLine ? wrappedHeadingEnd(wrap, lines, i, heading.titleEnd - lineStart) : -1;
      if (rest >= 0) {
        // The rest of the heading on the next line; that line's items start after it.
        heading = { ...heading, titleEnd: index.lineStart(lines[i + 1].line.index) + rest };
        this.itemsFrom.set(i + 1, rest);
        this.attach(makeNode(heading, text, clean));
        return false;
      }
      const wrapped = mayWrap && i + 1 < toLine ? headingContinuation(cl, lineStart, lines[i + 1], heading) : -1;
      if (wrapped >= 0) heading = { ...heading, titleEnd: index.lineStart(lines[i + 1].line.index) + wrapped };
      const node = makeNode(heading, text, clean);
      this.attach(node);
      if (mayWrap && heading.rank === 1 && node.depth === 1) node.entry = entry;
      if (wrapped >= 0) return true; // the next line was the rest of this heading
      itemFrom = heading.titleEnd - lineStart;
    }
    for (const item of findItems(cl, lineStart, itemFrom)) {
      // The container is the nearest heading on the stack.
      let containerIndex = stack.length - 1;
      while (containerIndex >= 0 && stack[containerIndex].token.kind === 'item') containerIndex--;
      if (containerIndex < 0) continue;
      const container = stack[containerIndex];
      if (item.value !== 1 && item.value !== container.lastItem + 1) continue;
      container.lastItem = item.value;
      this.attach(makeNode(item, text, clean));
    }
    return false;
  }

  /** A row label of a table (一、本年新收… followed by its cells on the line or on the lines below), not a heading. */
  private isTableRowLabel(cl: CleanLine, i: number, titleStart: number): boolean {
    // Cells after the label on its line (the white space after the ordinal is not a cell break).
    if (CELLS_ON_LINE.test(cl.line.text.slice(titleStart, cl.contentEnd))) return true;
    // Two number cells below it (one would also be a bare page number under a heading).
    let cells = 0;
    for (let k = i + 1; k < this.toLine && cells < 2; k++) {
      const next = this.lines[k];
      if (next.isDebris || next.contentStart >= next.contentEnd) continue;
      if (!TABLE_CELL.test(next.line.text.slice(next.contentStart, next.contentEnd))) return false;
      cells++;
    }
    return cells === 2;
  }

  build(): OutlineDraft {
    const { text, index, lines, toLine, lost, wrap, roots, stack, runOn } = this;
    const { fromLine, bodyEnd, splice } = this.source;
    // With the last analysis's outline: its sections before the edit are kept as they are, the build
    // starts at the level-1 heading before the edit and stops at the first level-1 heading after it
    // that it reaches in the state the last build did (the rest is the last build's, moved).
    const plan = splice && fromLine === 0 && !lost && !wrap ? planSplice(splice, lines, toLine, bodyEnd, text.length) : null;
    let from = fromLine;
    if (plan) {
      for (const r of plan.before) roots.push(r);
      if (plan.resume) {
        from = plan.resume.token.line;
        this.nextLevel1 = plan.resume.entry >> 2;
        this.inTable = (plan.resume.entry & 2) !== 0;
        this.inAttachmentList = (plan.resume.entry & 1) !== 0;
        if (plan.firstHeadingLine < from) this.firstHeadingLine = plan.firstHeadingLine;
      }
    }
    for (let i = from; i < toLine; i++) {
      const cl = lines[i];
      if (cl.isDebris || cl.contentStart >= cl.contentEnd) continue;
      if (plan && i >= plan.sameFrom) {
        const old = plan.rootAt(i);
        if (old && old.entry === entryState(this.nextLevel1, this.inTable, this.inAttachmentList)) {
          const moved = plan.after(old);
          while (stack.length) this.close(stack.pop()!, moved[0].token.start);
          if (this.firstHeadingLine < 0) this.firstHeadingLine = i;
          for (const r of moved) roots.push(r);
          // The last section's open chain is closed at the body's end below, as the build would.
          for (let n: MutableNode | undefined = moved[moved.length - 1]; n; n = n.children[n.children.length - 1]) stack.push(n);
          break;
        }
      }
      const atStart = matchHeading(cl, index.lineStart(cl.line.index));
      const ro = runOnBreaks(cl, this.nextLevel1, atStart);
      if (!ro) {
        if (this.readLine(cl, i, true)) i++;
        continue;
      }
      runOn.set(i, ro);
      if (this.firstHeadingLine < 0) this.firstHeadingLine = i;
      for (const piece of runOnPieces(cl, ro)) this.readLine(piece, i, false);
    }
    while (stack.length) this.close(stack.pop()!, bodyEnd);
    return { roots, firstHeadingLine: this.firstHeadingLine, runOn, lines, toLine, bodyEnd };
  }
}

// Made at every analysis: one kept for its shape (keptShapes.ts).
keepShape(new OutlineBuilder({ text: '', index: new TextIndex(''), lines: [], fromLine: 0, toLine: 0, bodyEnd: 0, clean: (s) => s }));

/** The builder's state before a line, as one number: what a level-1 section read from there depends on besides its lines. */
function entryState(nextLevel1: number, inTable: boolean, inAttachmentList: boolean): number {
  return nextLevel1 * 4 + (inTable ? 2 : 0) + (inAttachmentList ? 1 : 0);
}

/** The last analysis's outline and how its lines moved (text/lineCache.ts LineShift). */
export interface OutlineSplice {
  readonly last: OutlineDraft;
  /** The text's length then. */
  readonly textLength: number;
  /** Lines before `first` kept their number; lines from `newTail` on were the last analysis's from `oldTail` on. */
  readonly first: number;
  readonly oldTail: number;
  readonly newTail: number;
}

interface SplicePlan {
  /** The last build's sections before the edit, kept as they are. */
  readonly before: readonly MutableNode[];
  /** The level-1 root the build starts at (its section holds or follows the edit), or null. */
  readonly resume: MutableNode | null;
  readonly firstHeadingLine: number;
  /** From this line on, every line of the body reads as the last analysis's line it was. */
  readonly sameFrom: number;
  /** The last build's level-1 root now on line `i` (read from a whole line), if any. */
  rootAt(i: number): MutableNode | undefined;
  /** The last build's roots from `root` on, moved to where they are now. */
  after(root: MutableNode): MutableNode[];
}

/** Whether two lines read the same to the outline (text, content, debris): a document-wide pass (running headers) may change a line's debris. */
function sameLine(a: CleanLine, b: CleanLine): boolean {
  if (a === b) return true;
  if (a.line.text !== b.line.text || a.isDebris !== b.isDebris || a.contentStart !== b.contentStart || a.contentEnd !== b.contentEnd)
    return false;
  if (a.debris === b.debris) return true;
  if (a.debris.length !== b.debris.length) return false;
  for (let k = 0; k < a.debris.length; k++) {
    const x = a.debris[k];
    const y = b.debris[k];
    if (x.kind !== y.kind || x.start !== y.start || x.end !== y.end || x.wholeLine !== y.wholeLine) return false;
  }
  return true;
}

/**
 * What can be carried over from the last build: null when it read anything but whole lines (run-on
 * lines, lost ordinals and hard wraps read across lines; those documents are built whole).
 */
function planSplice(
  splice: OutlineSplice,
  lines: readonly CleanLine[],
  toLine: number,
  bodyEnd: number,
  textLength: number,
): SplicePlan | null {
  const { last, first, oldTail, newTail } = splice;
  if (last.runOn.size > 0 || newTail === Infinity) return null;
  const old = last.lines;
  const lineShift = newTail - oldTail;
  const offsetShift = textLength - splice.textLength;
  // The sections before the edit: roots whose section (up to the next level-1 root, which is read
  // from its own line and is where the build resumes) lies on lines before the edit, all read alike.
  let prefixSame = 0;
  const limit = Math.min(first, old.length, lines.length);
  while (prefixSame < limit && sameLine(lines[prefixSame], old[prefixSame])) prefixSame++;
  const roots = last.roots;
  let k = -1;
  for (let m = roots.length - 1; m >= 0; m--) {
    const r = roots[m];
    if (r.entry >= 0 && r.token.line < prefixSame && r.token.line < last.toLine && r.token.line < toLine) {
      k = m;
      break;
    }
  }
  // Without such a root the build starts at the top (and may still stop early at the sections after the edit).
  const before = k > 0 ? roots.slice(0, k) : [];
  for (const r of before) reset(r);
  // The lines after the edit that read as they did, up to the body's end, which must have moved with them.
  let sameFrom = toLine;
  if (toLine - newTail === last.toLine - oldTail && bodyEnd === last.bodyEnd + offsetShift && toLine >= newTail) {
    while (sameFrom > newTail) {
      const j = sameFrom - 1 - newTail + oldTail;
      if (j < 0 || j >= old.length || !sameLine(lines[sameFrom - 1], old[j])) break;
      sameFrom--;
    }
  }
  const byLine = new Map<number, number>();
  for (let m = Math.max(k, 0); m < roots.length; m++) if (roots[m].entry >= 0) byLine.set(roots[m].token.line, m);
  return {
    before,
    resume: k >= 0 ? roots[k] : null,
    firstHeadingLine: last.firstHeadingLine >= 0 && last.firstHeadingLine < prefixSame ? last.firstHeadingLine : -1,
    sameFrom,
    rootAt(i) {
      const m = byLine.get(i - lineShift);
      return m === undefined ? undefined : roots[m];
    },
    after(root) {
      // Each root is moved once per analysis, whichever of its builds (structure.ts) splices first.
      const from = roots.indexOf(root);
      const movedFrom = moving.get(splice) ?? roots.length;
      for (let m = from; m < movedFrom; m++) {
        reset(roots[m]);
        moveNode(roots[m], offsetShift, lineShift);
      }
      if (from < movedFrom) moving.set(splice, from);
      return roots.slice(from);
    },
  };
}

/** Where the roots moved for a splice start (all roots from there on are moved). */
const moving = new WeakMap<OutlineSplice, number>();

/** A kept root as the build left it (the frame gives roots their parts and ends the last sections at the 落款). */
function reset(root: MutableNode): void {
  root.parts = [];
  root.inferredPart = false;
  for (let n: MutableNode | undefined = root; n; n = n.children[n.children.length - 1]) n.endOffset = n.closedAt;
}

/**
 * Moves a node of the last build (and its subtree) `by` characters and `lines` lines further on, in
 * place: the last model keeps its own frozen nodes, and the last build's tokens and nodes serve no
 * one else (the lines they were read from were replaced by the moved ones).
 */
function moveNode(n: MutableNode, by: number, lines: number): void {
  const t = n.token as { -readonly [K in keyof HeadingToken]: HeadingToken[K] };
  t.line += lines;
  t.start += by;
  t.ordinalEnd += by;
  t.titleStart += by;
  t.titleEnd += by;
  n.endOffset = n.closedAt = n.closedAt + by;
  n.frozenEnd += by;
  n.movedLines += lines;
  for (const c of n.children) moveNode(c, by, lines);
}

/**
 * Freezes the draft into model nodes with ranges. A node carried over from the last analysis
 * (kept or moved by a splice) whose end, parts and children are as they were gives its last model
 * node again, or a copy moved by as many characters and lines as it moved.
 */
export function freezeOutline(nodes: readonly MutableNode[], index: TextIndex, text: string, last?: readonly OutlineNode[]): OutlineNode[] {
  // `last` (the frozen parent's children): handed out again when every node froze into the one in
  // it — no array is made for a subtree that did not change (a document of headings has ten
  // thousand of them, and a keystroke changes one section).
  let out: OutlineNode[] | undefined = last !== undefined && last.length === nodes.length ? undefined : [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const f = n.frozen;
    if (f !== undefined && unchangedSince(n, f)) {
      // The whole subtree froze into `f` last time and nothing it was made from changed: not walked
      // (a keystroke into 12,000 headings otherwise visits every node to find the one section it changed).
      if (out) out.push(f);
      else if (f !== last![i]) {
        out = last!.slice(0, i);
        out.push(f);
      }
      continue;
    }
    const children = freezeOutline(n.children, index, text, f?.children);
    // Moved by lines (a line added or removed before it) and otherwise as it was: its last node moved
    // by as many lines. (Moved within its lines only, it is the same node, above: a model node holds
    // lines and characters, no offsets.)
    const o =
      f !== undefined && n.endOffset === n.frozenEnd && n.inferredPart === f.inferredPart && sameStrings(n.parts, f.parts)
        ? movedNode(f, n, children)
        : freezeNode(n, children, index, text);
    n.frozen = o;
    n.frozenEnd = n.endOffset;
    n.movedLines = 0;
    if (out) out.push(o);
    else if (o !== last![i]) {
      out = last!.slice(0, i);
      out.push(o);
    }
  }
  return out ?? (last as OutlineNode[]);
}

/**
 * Whether a node of the last build freezes, with all its subtree, into `f` (its last model node)
 * again: it moved no line, its parts are the same and its end did not move. Its subtree is the last
 * build's too (a build keeps or remakes whole sections), a move moves the whole subtree alike, and the
 * ends that move apart from a move (`reset`, the build's last close, the frame's clamp at the 落款) are
 * those of its last child chain, which closed where it closed and so move with its end.
 */
function unchangedSince(n: MutableNode, f: OutlineNode): boolean {
  return n.movedLines === 0 && n.endOffset === n.frozenEnd && n.inferredPart === f.inferredPart && sameStrings(n.parts, f.parts);
}

function freezeNode(n: MutableNode, children: OutlineNode[], index: TextIndex, text: string): OutlineNode {
  // Section end: trim trailing white space so folding stops at the last content line.
  let end = n.endOffset;
  while (end > n.token.titleEnd && /\s|\u3000/.test(text[end - 1])) end--;
  // The ordinal and the title lie on the heading's line (no search needed for their positions),
  // except the end of a heading wrapped onto a second line.
  const line = n.token.line;
  const lineStart = index.lineStart(line);
  const lineEnd = index.lineEnd(line);
  const at = (offset: number) => (offset <= lineEnd ? { line, character: offset - lineStart } : index.positionAt(offset));
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
    parts: n.parts,
    inferredPart: n.inferredPart,
    children,
  };
}

/**
 * The last model's node `f` moved as many lines as `n` was (its text is the same, further up or down),
 * with these children. Its ranges are new objects, as every node's are: a range object belongs to one
 * node (lsp/convert.ts keeps a node's document symbol by it).
 */
function movedNode(f: OutlineNode, n: MutableNode, children: OutlineNode[]): OutlineNode {
  const lines = n.movedLines;
  const at = (p: Position): Position => ({ line: p.line + lines, character: p.character });
  const start = at(f.selectionRange.start);
  return {
    kind: f.kind,
    name: f.name,
    title: f.title,
    rank: f.rank,
    depth: f.depth,
    ordinal: {
      style: f.ordinal.style,
      value: f.ordinal.value,
      text: f.ordinal.text,
      range: { start, end: at(f.ordinal.range.end) },
      variants: f.ordinal.variants,
    },
    line: f.line + lines,
    selectionRange: { start, end: at(f.selectionRange.end) },
    range: { start, end: at(f.range.end) },
    parts: n.parts,
    inferredPart: n.inferredPart,
    children,
  };
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
