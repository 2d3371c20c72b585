/**
 * The outline's ordinals by line, made once per outline for the passes that ask every line whether a
 * heading or an ordinal stands on it (punctuation-width, unbalanced-pair, the figures). Each of them
 * used to walk the whole outline per analysis and build its own map of arrays or sets: a document of
 * 12,000 headings paid that three times per keystroke. Typed arrays by line number, no object per line.
 */
import type { OutlineNode } from '../model';

export interface OutlineLines {
  /** Whether a heading (not an item) starts on the line. */
  heading(line: number): boolean;
  /** Whether any ordinal (a heading's or an item's) stands on the line. */
  has(line: number): boolean;
  /** Whether exactly one ordinal stands on the line. */
  single(line: number): boolean;
  /** The ordinal spans on the line, [start, end) in characters, in outline order; undefined when none. */
  spans(line: number): [number, number][] | undefined;
  /** A string naming the line's spans (the same spans give the same string), for cache keys; '' when none. */
  key(line: number): string;
  /** The characters of the line's ordinals (what figure extraction skips); undefined when none. */
  chars(line: number): Set<number> | undefined;
  /** Appends [line, line] to `out` for each of the first `count` lines whose ordinal spans differ from `other`'s (one typed-array pass, no string made). */
  differing(other: OutlineLines, count: number, out: number[]): void;
}

const HEADING = 1;
const made = new WeakMap<readonly OutlineNode[], Index>();

/** The outline indexed last, and its index: the next outline is most often the same headings on the same lines. */
let lastMade: { readonly outline: readonly OutlineNode[]; readonly index: Index } | undefined;

/**
 * The index of `outline` (a model's node list, `lineCount` lines), made on first use and kept with it.
 * An outline whose headings and ordinals stand where the last indexed one's stood (a keystroke in
 * prose) shares that one's index: nothing allocated, and the same object says "no ordinal moved"
 * (rules/lineChanges.ts). An index is never changed once made, so sharing it is safe.
 */
export function outlineLines(outline: readonly OutlineNode[], lineCount: number): OutlineLines {
  let index = made.get(outline);
  if (index === undefined || index.lineCount < lineCount) {
    const last = lastMade;
    index =
      last !== undefined && last.index.lineCount === lineCount && sameOrdinals(outline, last.outline)
        ? last.index
        : new Index(outline, lineCount);
    made.set(outline, index);
    lastMade = { outline, index };
  }
  return index;
}

/** Whether two outlines index alike: the same nodes' kinds, lines and ordinal ranges, tree for tree (a node kept whole is its subtree). */
function sameOrdinals(a: readonly OutlineNode[], b: readonly OutlineNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x.kind !== y.kind || x.line !== y.line) return false;
    const r = x.ordinal.range;
    const q = y.ordinal.range;
    if (
      r !== q &&
      (r.start.line !== q.start.line ||
        r.start.character !== q.start.character ||
        r.end.line !== q.end.line ||
        r.end.character !== q.end.character)
    )
      return false;
    if (!sameOrdinals(x.children, y.children)) return false;
  }
  return true;
}

class Index implements OutlineLines {
  private readonly flags: Uint8Array;
  /** The first span on each line (start -1: none); further spans of a line in `more`, flat [s, e, s, e…]. */
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly more = new Map<number, number[]>();

  constructor(
    outline: readonly OutlineNode[],
    readonly lineCount: number,
  ) {
    this.flags = new Uint8Array(lineCount);
    this.start = new Int32Array(lineCount).fill(-1);
    this.end = new Int32Array(lineCount);
    this.add(outline);
  }

  private add(nodes: readonly OutlineNode[]): void {
    for (const n of nodes) {
      const r = n.ordinal.range;
      const line = r.start.line;
      if (n.kind === 'heading') this.flags[n.line] |= HEADING;
      // The ordinal lies on its node's line; a wider range would still be cut at the line (figures read it so).
      const end = r.end.line === line ? r.end.character : r.start.character + 1;
      if (this.start[line] < 0) {
        this.start[line] = r.start.character;
        this.end[line] = end;
      } else {
        const list = this.more.get(line);
        if (list) list.push(r.start.character, end);
        else this.more.set(line, [r.start.character, end]);
      }
      this.add(n.children);
    }
  }

  heading(line: number): boolean {
    return (this.flags[line] & HEADING) !== 0;
  }

  has(line: number): boolean {
    return this.start[line] >= 0;
  }

  single(line: number): boolean {
    return this.start[line] >= 0 && !this.more.has(line);
  }

  spans(line: number): [number, number][] | undefined {
    if (!(this.start[line] >= 0)) return undefined;
    const out: [number, number][] = [[this.start[line], this.end[line]]];
    const more = this.more.get(line);
    if (more) for (let k = 0; k < more.length; k += 2) out.push([more[k], more[k + 1]]);
    return out;
  }

  key(line: number): string {
    if (!(this.start[line] >= 0)) return '';
    const more = this.more.get(line);
    if (!more) return spanKey(this.start[line], this.end[line]);
    return `${this.start[line]},${this.end[line]};${more.join(',')}`;
  }

  differing(other: OutlineLines, count: number, out: number[]): void {
    if (other === this) return; // one index shared by two outlines whose ordinals stand alike (outlineLines)
    if (!(other instanceof Index)) {
      for (let i = 0; i < count; i++) if (this.key(i) !== other.key(i)) out.push(i, i);
      return;
    }
    for (let i = 0; i < count; i++) {
      if (this.start[i] !== other.start[i] || this.end[i] !== other.end[i]) out.push(i, i);
      else if (this.start[i] >= 0 && (this.more.has(i) || other.more.has(i)) && this.key(i) !== other.key(i)) out.push(i, i);
    }
  }

  chars(line: number): Set<number> | undefined {
    const spans = this.spans(line);
    if (!spans) return undefined;
    const out = new Set<number>();
    for (const [s, e] of spans) for (let c = s; c < e; c++) out.add(c);
    return out;
  }
}

/** The key of one span, made once for the short spans every heading line has (a keystroke builds no string for them). */
const SMALL = 64;
const small: string[] = [];
function spanKey(s: number, e: number): string {
  if (s < 0 || s >= SMALL || e < s || e - s >= SMALL) return `${s},${e}`;
  const k = s * SMALL + (e - s);
  return (small[k] ??= `${s},${e}`);
}
