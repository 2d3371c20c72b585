/**
 * `unbalanced-pair`: within one paragraph (a line, or lines hard-wrapped mid-sentence), a “ ‘ 《 （ 【 that is never closed, or a
 * closer with no opener. The range is on the unclosed opener (seed 003: 公开电话“实时报。).
 * A list ordinal like `1）` at the start of a line is not a stray closer.
 */
import { t } from '../messages';
import { contentSegments } from '../lines/segments';
import type { CleanLine } from '../lines/cleanLines';
import type { Locale } from '../model';
import { outlineLines, type OutlineLines } from '../document/outlineLines';
import { keepShape } from '../keptShapes';
import type { AnalysisContext } from './context';
import type { LineFinding } from './lineFindings';
import { lineChanges } from './lineChanges';
import { documentMemo } from '../text/lineCache';
import type { Emitted, Rule } from './rule';
import { movedFinding } from './movedFinding';
import { unitTable } from '../text/unitTable';
import { LookedTogether } from './lookedTogether';

const OPEN: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】' };
const CLOSE: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '）': '（', '】': '【' };
const OPENERS = Object.keys(OPEN);
const CLOSERS = OPENERS.map((o) => OPEN[o]);
/** Any of them: a line's first bracket found natively. */
const ANY_PAIR = new RegExp(`[${[...OPENERS, ...CLOSERS].join('')}]`, 'g');
/**
 * What each UTF-16 unit is to the scan: 0 neither, k + 1 the opener of pair k, -(k + 1) its closer.
 * Read at each bracket the native scan finds: the bracket's one-character string looked up by hash
 * cost more than the scan (8,755 brackets in the varied 1 MB, round 18).
 */
const PAIR_OF = new Int8Array(0x10000);
OPENERS.forEach((o, k) => {
  PAIR_OF[o.charCodeAt(0)] = k + 1;
  PAIR_OF[CLOSERS[k].charCodeAt(0)] = -(k + 1);
});
const LIST_ORDINAL = /^[0-9０-９一二三四五六七八九十]{1,3}）$/;
const LIST_ORDINAL_MAX = 4;

/** A line ending in one of these closes its paragraph; any other ending (a PDF copy's hard wrap) runs on. */
const PARAGRAPH_END = unitTable('。！？!?；;：:…');

type Key = 'unbalanced-pair.unclosed' | 'unbalanced-pair.stray';

/** An opener still open: its line and character, and the character itself. */
interface Open {
  readonly line: number;
  readonly character: number;
  readonly ch: string;
}

/**
 * The openers still open, in order, with the places of each kind's openers at hand: a closer
 * finds its opener without walking past the others (a line of 5 MB of （ then 》 stays linear).
 * Held as numbers in parallel lists, not an object per opener in a map by character: the varied
 * 1 MB opens 4,384 brackets, and an Open object is made only for one reported or carried over a
 * line end (the rule alone over the varied 1 MB, 3 pairs: 3.00-3.15 → 2.57-2.71 ms; its garbage
 * 275 → 63 KB per fresh analysis).
 */
class OpenStack {
  /** The line, character and kind (pair index) of each opener still open, in order. */
  private readonly lines: number[] = [];
  private readonly characters: number[] = [];
  private readonly kinds: number[] = [];
  /** Indexes in the lists above of the openers of each kind, in order. */
  private readonly byKind: number[][] = OPENERS.map(() => []);

  get length(): number {
    return this.kinds.length;
  }

  push(line: number, character: number, kind: number): void {
    this.byKind[kind].push(this.kinds.length);
    this.lines.push(line);
    this.characters.push(character);
    this.kinds.push(kind);
  }

  has(kind: number): boolean {
    return this.byKind[kind].length > 0;
  }

  /** Closes the latest opener of `kind`; returns the openers above it (never closed), removed too. */
  closeTo(kind: number): readonly Open[] {
    const k = this.byKind[kind].pop()!;
    // The latest opener of all (most closers): nothing above it, no array made.
    if (k === this.kinds.length - 1) {
      this.removeFrom(k);
      return NOTHING_OPEN;
    }
    const above = this.openFrom(k + 1);
    // The openers above k are the latest of their kinds: each leaves the top of its list.
    for (let j = k + 1; j < this.kinds.length; j++) this.byKind[this.kinds[j]].pop();
    this.removeFrom(k);
    return above;
  }

  /** Every opener still open, in order; the stack is left empty. */
  drain(): readonly Open[] {
    // Most paragraphs end with nothing open: no array made for them.
    if (this.kinds.length === 0) return NOTHING_OPEN;
    for (const list of this.byKind) list.length = 0;
    const all = this.openFrom(0);
    this.removeFrom(0);
    return all;
  }

  /** The openers from the `from`th on, as objects. */
  private openFrom(from: number): Open[] {
    const out: Open[] = [];
    for (let j = from; j < this.kinds.length; j++)
      out.push({ line: this.lines[j], character: this.characters[j], ch: OPENERS[this.kinds[j]] });
    return out;
  }

  /** Removes the openers from the `from`th on (popped: a length set is a call into the runtime). */
  private removeFrom(from: number): void {
    while (this.kinds.length > from) {
      this.lines.pop();
      this.characters.pop();
      this.kinds.pop();
    }
  }
}

// Not frozen: a frozen array leaves V8's fast path for for-of (an iterator object per loop).
const NOTHING_OPEN: readonly Open[] = [];

/** Whether a line that is not debris ends its paragraph (a heading always does). */
function endsParagraph(cl: CleanLine, heading: boolean): boolean {
  // The content's last character (what /[。！？…]$/ answers of the content, without reading the rest).
  return heading || (cl.contentEnd > cl.contentStart && PARAGRAPH_END[cl.line.text.charCodeAt(cl.contentEnd - 1)] === 1);
}

/** Messages by locale, key and character: a line of a million （ formats one message, not a million. */
const messages = new Map<string, string>();

function message(locale: Locale, key: Key, ch: string): string {
  const id = `${locale}|${key}|${ch}`;
  let text = messages.get(id);
  if (text === undefined) messages.set(id, (text = t(locale, key, { open: ch, close: OPEN[ch] ?? ch, other: CLOSE[ch] ?? '' })));
  return text;
}

/**
 * Matches the brackets of one line against the openers still open (`stack`, changed in place),
 * reporting strays and openers a closer skipped. The paragraph's end is the caller's.
 */
function scanLine(cl: CleanLine, line: number, stack: OpenStack, report: Reporter): void {
  // A line without debris spans is one piece: read without the array of pieces (most lines).
  if (cl.debris.length === 0) {
    if (!cl.isDebris && cl.contentStart < cl.contentEnd) scanPiece(cl, cl.contentStart, cl.contentEnd, line, stack, report);
  } else for (const [from, to] of contentSegments(cl)) scanPiece(cl, from, to, line, stack, report);
}

/** scanLine over the content piece [from, to) of the line. */
function scanPiece(cl: CleanLine, from: number, to: number, line: number, stack: OpenStack, report: Reporter): void {
  const text = cl.line.text;
  // One native scan from bracket to bracket, each read from the table: a fresh analysis reads only the
  // lines holding one, where the characters after the first bracket read one by one in script cost
  // more than a call per bracket (the rule alone over the varied 1 MB, 8 pairs: 3.40-3.68 → 3.10-3.39 ms).
  ANY_PAIR.lastIndex = from;
  while (ANY_PAIR.test(text)) {
    const i = ANY_PAIR.lastIndex - 1;
    if (i >= to) return;
    const pair = PAIR_OF[text.charCodeAt(i)];
    if (pair > 0) {
      stack.push(line, i, pair - 1);
      continue;
    }
    // A list ordinal is at most four characters from the content start: only then is it worth a look.
    if (i + 1 - cl.contentStart <= LIST_ORDINAL_MAX && LIST_ORDINAL.test(text.slice(cl.contentStart, i + 1))) continue;
    const kind = -pair - 1;
    if (!stack.has(kind)) {
      report.report({ line, character: i, ch: CLOSERS[kind] }, 'unbalanced-pair.stray');
      continue;
    }
    // The match closes; the openers above it were never closed.
    for (const o of stack.closeTo(kind)) report.report(o, 'unbalanced-pair.unclosed');
  }
}

/**
 * A line's findings when no opener is open before it, and the openers it leaves open (line-relative).
 * A literal, not an array given an `open` property: such an array's map died with the last of them at
 * a full collection, and the compiled code that checked for it with it (keptShapes.ts).
 */
interface LineResult {
  readonly found: readonly LineFinding[];
  readonly open: readonly Open[];
}

/**
 * What the last analysis reported, by the line it was reported at (an opener left unclosed is
 * reported where its paragraph ends), ascending, and the lines after which an opener was still
 * open: a line that reads as its old line did, entered with nothing open as that one was, reports
 * what it did, and so do the unchanged lines after it (lineChanges.ts).
 */
interface Kept {
  readonly locale: Locale;
  readonly lines: readonly CleanLine[];
  readonly at: number[];
  readonly reported: (readonly Emitted[])[];
  readonly openAfter: number[];
}
const KEPT = documentMemo<{ last?: Kept }>('unbalancedPairLines', () => ({}));

export const unbalancedPair: Rule = {
  code: 'unbalanced-pair',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '引号、书名号或括号不成对',
    en: 'Quotation marks, title marks or brackets that do not pair up',
  },
  docs: {
    finds: 'within a paragraph, an unclosed “ ‘ 《 （ 【 (range on the opener) or a stray closer; `1）` list ordinals are not strays',
  },
  // A per-character scan of every line: skipped on documents above govreport.maxDocumentSize.
  costly: true,
  run(ctx, emit) {
    const headings = outlineLines(ctx.outline, ctx.lines.length);
    const slot = ctx.cache?.document(KEPT);
    const changes = slot && lineChanges(ctx);
    const last = slot?.last;
    const kept = changes && last && last.lines === changes.previous && last.locale === ctx.locale ? last : undefined;
    const next: Kept = { locale: ctx.locale, lines: ctx.lines, at: [], reported: [], openAfter: [] };
    // Every line read (no kept lines): the lines holding a bracket found by one scan of the whole text.
    const holding = kept ? undefined : BRACKET_LOOK.lines(ctx.index);
    const run = new PairRun(ctx, headings, next, emit, holding && flagged(holding, ctx.lines.length));
    const stack = run.stack;
    const n = ctx.lines.length;
    let d = 0; // the first changed line at or after the line under way
    let k = 0; // the last analysis's reports not yet passed
    let o = 0; // the last analysis's open lines not yet passed
    let h = 0; // the lines holding a bracket not yet passed
    for (let i = 0; i < n;) {
      if (holding !== undefined && stack.length === 0) {
        // Nothing open: a line without a bracket reports nothing and leaves nothing open (its
        // paragraph's end closes nothing), so the next line read is the next holding a bracket.
        // 2,751 of the varied 1 MB's 11,743 lines are read.
        while (h < holding.length && holding[h] < i) h++;
        if (h === holding.length) break;
        i = holding[h];
      }
      if (kept && stack.length === 0) {
        const dirty = changes!.dirty;
        while (d < dirty.length && dirty[d] < i) d++;
        const stop = d < dirty.length ? dirty[d] : n;
        // Lines i … stop - 1 read as their old lines did, and moved alike (lineChanges.ts): entered with
        // nothing open, as the old line was, they report what the old lines did, up to the last one
        // after which nothing stayed open.
        const a = i < stop ? changes!.old(i) : -1;
        if (a >= 0 && (a === 0 || !includes(kept.openAfter, a - 1))) {
          let x = a + (stop - i) - 1;
          while (x >= a && includes(kept.openAfter, x)) x--;
          if (x >= a) {
            const delta = i - a;
            while (k < kept.at.length && kept.at[k] < a) k++;
            for (; k < kept.at.length && kept.at[k] <= x; k++)
              run.reportedAt(kept.at[k] + delta, delta === 0 ? kept.reported[k] : kept.reported[k].map((e) => movedFinding(e, delta)));
            while (o < kept.openAfter.length && kept.openAfter[o] < a) o++;
            for (; o < kept.openAfter.length && kept.openAfter[o] < x; o++) next.openAfter.push(kept.openAfter[o] + delta);
            i += x - a + 1;
            continue;
          }
        }
      }
      run.read(i++);
    }
    run.endParagraph();
    for (const e of run.reported) emit(e);
    if (slot) slot.last = next;
  },
};

/** Where the scan of a line reports a stray closer or an opener left open. */
interface Reporter {
  report(o: Open, key: Key): void;
}

/**
 * One run of the rule over the lines: a class, not closures made at each analysis (V8 keeps a
 * closure's optimised code only while a closure of it lives: rules/lineChanges.ts).
 */
class PairRun implements Reporter {
  /**
   * Openers still open. They carry over a line that does not end its paragraph (text copied from a
   * PDF breaks lines mid-sentence: 《…（2021—\n2025年）》).
   */
  readonly stack = new OpenStack();
  /** What the line under way reports, in order. */
  reported: Emitted[] = [];
  constructor(
    private readonly ctx: AnalysisContext,
    private readonly headings: OutlineLines,
    private readonly next: Kept,
    private readonly emit: (e: Emitted) => void,
    /** When every line is read: 1 for a line holding a bracket (the others are not scanned). */
    private readonly brackets: Uint8Array | undefined,
  ) {}

  report(o: Open, key: Key): void {
    this.reported.push({
      range: { start: { line: o.line, character: o.character }, end: { line: o.line, character: o.character + 1 } },
      message: message(this.ctx.locale, key, o.ch),
      data: { char: o.ch },
    });
  }

  endParagraph(): void {
    for (const o of this.stack.drain()) this.report(o, 'unbalanced-pair.unclosed');
  }

  reportedAt(line: number, list: readonly Emitted[]): void {
    this.next.at.push(line);
    this.next.reported.push(list);
    for (const e of list) this.emit(e);
  }

  read(line: number): void {
    const cl = this.ctx.lines[line];
    const stack = this.stack;
    // A page number or other debris line between the halves of a paragraph does not end it.
    if (!cl.isDebris) {
      const heading = this.headings.heading(line);
      if (cl.contentStart >= cl.contentEnd || heading) this.endParagraph();
      // A line without a bracket finds nothing and opens nothing: only where it ends its paragraph counts.
      const scan = this.brackets === undefined || this.brackets[line] === 1;
      if (stack.length === 0) {
        if (scan) {
          // Nothing open before the line: what it finds depends on its text (and whether it is a heading) alone.
          const found = lineAlone(this.ctx.locale, cl, endsParagraph(cl, heading));
          for (const f of found.found) this.reported.push(placed(f, line));
          for (const o of found.open) stack.push(line, o.character, PAIR_OF[o.ch.charCodeAt(0)] - 1);
        }
      } else {
        if (scan) scanLine(cl, line, stack, this);
        if (endsParagraph(cl, heading)) this.endParagraph();
      }
    }
    if (this.reported.length > 0) {
      this.reportedAt(line, this.reported);
      this.reported = [];
    }
    if (stack.length > 0) this.next.openAfter.push(line);
  }
}

// Made at every analysis: one kept for its shape (keptShapes.ts).
keepShape(
  new PairRun(
    {} as AnalysisContext,
    {} as OutlineLines,
    { locale: 'zh-cn', lines: [], at: [], reported: [], openAfter: [] },
    () => undefined,
    undefined,
  ),
);

/** The brackets' class, looked for in the whole text with the other line rules' (lookedTogether.ts). */
const BRACKET_LOOK = new LookedTogether(new RegExp(ANY_PAIR.source));

/** The lines given, 1 each, of `count` (a line's own look at its brackets was a regex call). */
function flagged(lines: readonly number[], count: number): Uint8Array {
  const flags = new Uint8Array(count);
  for (const line of lines) flags[line] = 1;
  return flags;
}

/** A line-relative finding on line `line`. */
function placed(f: LineFinding, line: number): Emitted {
  return { range: { start: { line, character: f.start }, end: { line, character: f.end } }, message: f.message, data: f.data };
}

/** Whether the ascending `sorted` holds `value` (binary search). */
function includes(sorted: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The findings of a line with nothing open before it, in the order the scan reports them. */
function lineAlone(locale: Locale, cl: CleanLine, ends: boolean): LineResult {
  // One stack and one report function for every line (lineAlone never re-enters): most lines find
  // nothing and leave nothing open, and make no object for it (NOTHING_FOUND).
  alone.locale = locale;
  alone.found = undefined;
  scanLine(cl, 0, aloneStack, ALONE);
  if (ends) for (const o of aloneStack.drain()) reportAlone(o, 'unbalanced-pair.unclosed');
  const open = aloneStack.drain();
  const found = alone.found;
  alone.found = undefined;
  if (found === undefined && open === NOTHING_OPEN) return NOTHING_FOUND;
  return { found: found ?? NO_FINDINGS, open };
}

/** The stack lineAlone scans with: it leaves it empty (drained) after every line. */
const aloneStack = new OpenStack();
/** What lineAlone's report writes to: the line's findings, made at its first. */
const alone: { locale: Locale; found: LineFinding[] | undefined } = { locale: 'zh-cn', found: undefined };
function reportAlone(o: Open, key: Key): void {
  (alone.found ??= []).push({ start: o.character, end: o.character + 1, message: message(alone.locale, key, o.ch), data: { char: o.ch } });
}
const ALONE: Reporter = { report: reportAlone };
const NO_FINDINGS: readonly LineFinding[] = [];
const NOTHING_FOUND: LineResult = { found: NO_FINDINGS, open: NOTHING_OPEN };
