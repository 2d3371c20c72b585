/**
 * Debris: text pasted along with the report that is not the report (Word bookmarks, web-page
 * chrome, page numbers). It is recognised from data (data/debris.json), kept out of the
 * structure, and never hides what follows it on the same line. Every span becomes debris through
 * one door (removal.ts), which asks the debris guard (debrisGuard.ts): a line that can be report
 * text is never debris, and the debris fix removes only what it recognises.
 */
import rawDebris from '../data/debris.json';
import type { DebrisKind } from '../model';
import type { Line, TextIndex } from '../text/lineIndex';
import { documentMemo, lineMemo, type AnalysisCache, type LineCache } from '../text/lineCache';
import { skipSpaces, trimEndIndex } from '../text/lineIndex';
import { canBeReportText, isBodyEvidence, isTitleText } from './debrisGuard';
import { measuredTo, visualHalves, WIDTH_MEASURED } from '../text/width';
import {
  addressLine,
  bareMetadataLabel,
  gluedTitleStart,
  isAttachmentLink,
  isMetadataValue,
  isNavigationLine,
  isTableRule,
  metadataLine,
  toolLineKind,
} from './chrome';
import { confirmChromeBlocks, type Contextual } from './chromeBlocks';
import { isAttachmentHead, isBodyLine, isSignatureFrame } from './frameLines';
import { debrisSpan, type LineDebris } from './removal';
import { FirstCharAlternation } from './firstCharAlternation';
import { UnitAhead } from '../text/unitsAhead';
import { keepShape } from '../keptShapes';

export type { LineDebris } from './removal';

interface DebrisPattern {
  readonly kind: DebrisKind;
  readonly re: RegExp;
}

const inline: DebrisPattern[] = rawDebris.inline.map((p) => ({ kind: p.kind as DebrisKind, re: new RegExp(p.pattern, 'g') }));
const wholeLine: DebrisPattern[] = rawDebris.lines.map((p) => ({ kind: p.kind as DebrisKind, re: new RegExp(p.pattern) }));
/**
 * Each list as one alternation: most lines match nothing, and one regex call that says so is
 * much cheaper than twenty. Only a line that matches looks for which pattern it was. The
 * whole-line patterns are tried by the line's first character (firstCharAlternation.ts: only
 * the alternatives that can start with it), which answers as their plain alternation does.
 */
const anyWholeLine = new FirstCharAlternation(rawDebris.lines.map((p) => p.pattern));
/** Tried by the line's first character too (a regex call per line was the cost: round 20). */
const anyTailMarker = new FirstCharAlternation(rawDebris.tailMarkers);
const TAIL_MAX = rawDebris.tailLineMaxLength;
const HAS_SENTENCE_PUNCT = /[。，；：,;:]/;

/** What one line looks like once debris is set aside. */
export interface CleanLine {
  readonly line: Line;
  readonly debris: readonly LineDebris[];
  /** True when the line holds nothing but debris (or nothing at all). */
  readonly isDebris: boolean;
  /** Offset (in the line) where the real content starts: after indentation and leading debris. */
  readonly contentStart: number;
  /** Offset (in the line) just past the last non-space content character. */
  readonly contentEnd: number;
  /**
   * What scanDebris read once per line text and keeps with the line's class (text/lineCache.ts), for the
   * passes over all lines: the content (`contentStart`–`contentEnd` of the text) and its visual
   * width from the line start (hardWrap.ts), exact up to `WIDTH_MEASURED` (text/width.ts), past it a
   * width above that, counted in halves (a whole number: text/width.ts's visualHalves says why).
   * Absent on lines made elsewhere (run-on pieces).
   */
  readonly content?: string;
  readonly widthInHalves?: number;
}

/** How one line reads, whatever its place: what scanDebris keeps per line text (text/lineCache.ts). */
export interface LineClass {
  readonly spans: readonly LineDebris[];
  /** The spans with the whole-line span of `kind` last (a debris line's `debris`). */
  readonly debris: readonly LineDebris[];
  /** The text from `start` to `end`, and its visual width from the line start in halves (CleanLine). */
  readonly content: string;
  readonly widthInHalves: number;
  readonly start: number;
  readonly end: number;
  readonly kind: DebrisKind | null;
  /** Whether the web-page tail (footer chrome) goes on after this line. */
  readonly inTail: boolean;
  /**
   * How this line ends an open tail: `give-back` when it can be report text (the short lines
   * made debris since the tail marker were the report's: they are given back), `keep` when the
   * tail ends otherwise (they stay debris); absent when the tail goes on or was not open.
   */
  readonly closesTail?: 'give-back' | 'keep';
  /** Debris only because it is a short line in an open tail (given back if report text follows). */
  readonly tailLine?: boolean;
  /**
   * Chrome that may be the writer's too (a tool word alone, 微信 微博, a label a writer uses, the
   * value after a label, a web address, an attachment's file name, navigation names): debris only
   * where its place says so (chromeBlocks.ts), of this kind; the line reads as content until then.
   */
  readonly contextual?: Contextual;
  /** The line is the body's: a sentence, a heading, the lead's 如下： (chromeBlocks.ts: where the body is). */
  readonly evidence?: boolean;
  /** The line is a metadata field's (pairs or a label alone): how many labels it holds. */
  readonly metadata?: number;
  /** Whether the next line may be the value of a metadata label alone on this one. */
  readonly expectValue: boolean;
}

/** Each line's class by its text, one variant per state the lines before leave (web tail open or not × metadata value expected or not). */
const LINE_CLASSES = lineMemo<LineClass>('lineClasses');

/**
 * The lines scanDebris made last time and the class each was made from, by line number: a line
 * that is the same object (the lines before an edit are) with the same class is the same CleanLine.
 */
interface ClassifiedLines {
  readonly classes: (LineClass | undefined)[];
  readonly lines: (CleanLine | undefined)[];
  /** The last analysis's whole result, for an edit within one line that changes nothing beyond it (`withinOneLine`). */
  last?: LastScan;
}
const CLASSIFIED = documentMemo<ClassifiedLines>('classifiedLines', () => ({ classes: [], lines: [] }));

/** What scanDebris returned last time and what its passes over the whole document read of each line. */
interface LastScan {
  /** The lines scanned: the last finished analysis's only if they are `cache.index`'s (an analysis that threw left its scan here but not its index). */
  readonly lines: readonly Line[];
  readonly out: readonly CleanLine[];
  readonly classes: readonly LineClass[];
  /** The state the lines before left for each line (what `LINE_CLASSES` variant classified it). */
  readonly states: Uint8Array;
  /** The line-class memo of each state that the analysis asked for. */
  readonly variants: readonly (LineCache<LineClass> | undefined)[];
  readonly headers: RunningHeaderReach | null;
  /** Whether a line was contextual chrome (then the chrome-block pass ran). */
  readonly contextual: boolean;
}

/**
 * Classifies every line. One pass over the lines; each regex runs on one line only. A line's
 * class depends on its text and on the state the lines before leave (a web-page tail open, a
 * metadata label waiting for its value), nothing else: with a memo per state, an unchanged line
 * is classified by one lookup. Then chrome that may be the writer's is decided by its place
 * (chromeBlocks.ts), and running headers by the page numbers (one pass each).
 */
export function scanDebris(lines: readonly Line[], cache?: AnalysisCache, index?: TextIndex): CleanLine[] {
  const made = cache?.document(CLASSIFIED);
  const quick = made?.last && withinOneLine(lines, cache!, made, made.last);
  if (quick) {
    scanCounts.quick++;
    return quick;
  }
  const moved = made?.last && shiftedLines(lines, cache!, made, made.last);
  if (moved) {
    scanCounts.shifted++;
    return moved;
  }
  scanCounts.full++;
  const out: CleanLine[] = new Array(lines.length);
  const classes: LineClass[] = new Array(lines.length);
  const states = new Uint8Array(lines.length);
  let inTail = false;
  // After a metadata field alone on its line (索引号：), the next short line is its value.
  let expectValue = false;
  // Short lines after a tail marker, made debris for now: they stay debris when the page ends or
  // a line that cannot be report text closes the tail, and are given back when report text
  // does (a 返回顶部 above the first heading does not swallow what follows it).
  let pending: number[] = [];
  let contextual = false;
  // The memo of each state before a line, asked for once per analysis (not once per line: two map lookups each).
  const variants: (LineCache<LineClass> | undefined)[] = [undefined, undefined, undefined, undefined];
  // The document's text, where classify reads each line's units (flat: a read of a line's sliced
  // string goes through its parent), and the units a line's first looks ask for, searched for once
  // (at the first line the memo does not know: a keystroke classifies one or none).
  const flat = index !== undefined && index.lines === lines ? index.text : undefined;
  let ahead: LookAhead | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = line.text;
    const tail: boolean = inTail;
    const expecting: boolean = expectValue;
    const v: number = (tail ? 1 : 0) + (expecting ? 2 : 0);
    states[i] = v;
    const kept: LineCache<LineClass> | undefined = cache ? (variants[v] ??= cache.line(LINE_CLASSES, v)) : undefined;
    let c: LineClass | undefined = kept?.lookup(text, i);
    if (c === undefined) {
      if (text.length === 0) c = EMPTY_LINE[v] ??= classify(text, tail, expecting);
      else if (flat === undefined) c = classify(text, tail, expecting);
      else {
        ahead ??= new LookAhead(flat);
        const at = index!.lineStart(i);
        const to = at + text.length;
        c = classify(text, tail, expecting, flat, at, ahead.bracket.within(at, to), ahead.mayHoldRowMark(at, to));
      }
      if (kept) kept.store(text, i, c);
    }
    classes[i] = c;
    inTail = c.inTail;
    expectValue = c.expectValue;
    if (c.contextual) contextual = true;
    if (c.closesTail === 'give-back')
      for (const k of pending) {
        classes[k] = classify(out[k].line.text, false, false);
        out[k] = plainLine(out[k].line, classes[k]);
      }
    if (c.closesTail) pending = [];
    if (c.tailLine) pending.push(i);
    const before = made?.lines[i];
    if (before !== undefined && before.line === line && made!.classes[i] === c) out[i] = before;
    else {
      out[i] = c.kind ? debrisLine(line, c, c.debris) : plainLine(line, c);
      if (made) {
        made.classes[i] = c;
        made.lines[i] = out[i];
      }
    }
  }
  // What lay past the end is forgotten (a line there holds an older text alive) without setting the
  // arrays' length, which copies them whenever they grow again.
  if (made)
    for (let i = lines.length; i < made.lines.length && made.lines[i] !== undefined; i++) made.classes[i] = made.lines[i] = undefined;
  if (contextual) confirmChromeBlocks(out, classes, placedDebrisLine);
  const headers = markRunningHeaders(out, classes);
  if (made) made.last = { lines, out, classes, states, variants, headers, contextual };
  return out;
}

/**
 * An edit within one line (a keystroke in a line) that leaves everything the passes over the whole
 * document read as it was: the last result again, with that line's CleanLine new — no walk over the
 * other lines (issue 27: 1–2 ms of a keystroke into a 1 MB report). Undefined when the edit may
 * change anything beyond its line; then every line is scanned (each by one lookup). The conditions
 * are what those passes read of a line: its state for the next line, whether it is debris or chrome,
 * its body evidence, the 落款/附件 heads after the body, a metadata label above a value, a running
 * header's neighbourhood and text (test/debrisScan.test.ts: equal to a full scan after random edits).
 */
/** How many scans took the quick path (`withinOneLine`) and how many scanned every line, since load (tests and the bench read it). */
export const scanCounts = { quick: 0, shifted: 0, full: 0 };

function withinOneLine(lines: readonly Line[], cache: AnalysisCache, made: ClassifiedLines, last: LastScan): CleanLine[] | undefined {
  const shift = cache.shift;
  const i = shift.first;
  const n = lines.length;
  if (cache.index?.lines !== last.lines || shift.newTail !== i + 1 || shift.oldTail !== i + 1 || last.out.length !== n || i >= n)
    return undefined;
  const line = lines[i];
  const was = last.classes[i];
  const v = last.states[i];
  const variant = last.variants[v];
  if (variant === undefined || last.out[i].isDebris) return undefined;
  // The state before the line is the last analysis's (the lines before it are unchanged).
  const c = variant.peek(line.text) ?? classify(line.text, (v & 1) === 1, (v & 2) === 2);
  if (!sameReach(was, c) || valueBelow(last, i)) return undefined;
  const h = last.headers;
  if (h && (h.lines.has(i) || h.texts.has(was.content) || h.texts.has(c.content))) return undefined;
  // Taken: the memo of each state keeps the last analysis's lines as this one's, and learns the edited line.
  last.variants.forEach((kept, k) => {
    if (kept) cache.line(LINE_CLASSES, k).repeatLast();
  });
  if (variant.lookup(line.text, i) === undefined) variant.store(line.text, i, c);
  const out = last.out.slice();
  // The classes are the scan's own, read only through `made.last`, which this replaces: set in place,
  // not copied (an array as long as the document at every keystroke, promoted before the next one
  // drops it: issue 27). The lines are the model's and are copied.
  const classes = last.classes as LineClass[];
  out[i] = plainLine(line, c);
  classes[i] = c;
  made.classes[i] = c;
  made.lines[i] = out[i];
  made.last = { ...last, lines, out, classes };
  return out;
}

/** Whether the class of a line, old and new, reads the same to everything beyond the line (see withinOneLine). */
function sameReach(a: LineClass, b: LineClass): boolean {
  if (a.kind !== null || b.kind !== null || a.contextual || b.contextual) return false;
  if (a.inTail !== b.inTail || a.expectValue !== b.expectValue || a.closesTail || b.closesTail || a.tailLine || b.tailLine) return false;
  if (a.start >= a.end || b.start >= b.end) return false;
  if (a.metadata !== b.metadata || Boolean(a.evidence) !== Boolean(b.evidence)) return false;
  // After the body the 落款 and an attachment's head extend it (chromeBlocks.ts).
  return (
    Boolean(a.evidence) ||
    !(isSignatureFrame(a.content) || isSignatureFrame(b.content) || isAttachmentHead(a.content) || isAttachmentHead(b.content))
  );
}

/** Whether the next line with text under line `i` is a metadata value, which is judged with the label above it (chromeBlocks.ts). */
function valueBelow(last: LastScan, i: number): boolean {
  for (let j = i + 1; j < last.out.length; j++) {
    const c = last.classes[j];
    if (c.content === '' && !last.out[j].isDebris) continue;
    return c.contextual === 'value';
  }
  return false;
}

/**
 * An edit that added or removed lines (Enter, a line deleted, a paste) where what it took out and what
 * it put in read as plain lines to every pass over the document — no debris, no chrome, no web tail,
 * no metadata label or value, the state before and after them the plain one — between two lines of
 * the body when the document has contextual chrome (nothing but blank lines next to a block of it),
 * and away from the running headers' neighbourhoods, texts and the title. Then the passes decide of
 * every other line what they decided, and the last result is handed out shifted: the lines before
 * the edit as they were, each line after it a copy of its old CleanLine on its new Line (its number
 * changed), its class the old one without a memo lookup. Issue 27: a line deleted from the varied
 * 1 MB scanned every line again, then the chrome blocks and the running headers over the whole
 * document. Undefined otherwise (test/debrisScan.test.ts: equal to a full scan after random edits
 * that add and remove lines).
 */
function shiftedLines(lines: readonly Line[], cache: AnalysisCache, made: ClassifiedLines, last: LastScan): CleanLine[] | undefined {
  const { first, oldTail, newTail } = cache.shift;
  const n = lines.length;
  const was = last.out.length;
  if (cache.index?.lines !== last.lines || !Number.isFinite(newTail) || first > oldTail || first > newTail || oldTail >= was)
    return undefined;
  if (n - newTail !== was - oldTail || last.states[first] !== 0 || last.states[oldTail] !== 0) return undefined;
  let blankOnly = true;
  for (let j = first; j < oldTail; j++) {
    const c = last.classes[j];
    if (!plainReach(c) || last.out[j].isDebris) return undefined;
    if (c.content !== '') blankOnly = false;
  }
  const variant = cache.line(LINE_CLASSES, 0);
  const added: LineClass[] = [];
  for (let i = first; i < newTail; i++) {
    const text = lines[i].text;
    const c = variant.peek(text) ?? classify(text, false, false);
    if (!plainReach(c)) return undefined;
    if (c.content !== '') blankOnly = false;
    added.push(c);
  }
  // The chrome blocks: the body's first and last lines stay the same lines, and no block gains or loses a line.
  if (last.contextual) {
    if (!bodyLineFrom(last, first - 1, -1) || !bodyLineFrom(last, oldTail, 1)) return undefined;
    if (!blankOnly && (nearBlock(last, first - 1, -1) || nearBlock(last, oldTail, 1))) return undefined;
  }
  // The running headers: no page number's neighbourhood reaches the edit, no text they compare is in it, the title is above it.
  const h = last.headers;
  if (h) {
    // A page number next to the edit would walk into it (a walk stops at the next page number).
    if (first <= h.topEnd || isPageLine(last.out[first - 1]) || isPageLine(last.out[oldTail])) return undefined;
    for (let j = first - 1; j <= oldTail; j++) if (h.lines.has(j)) return undefined;
    for (let j = first; j < oldTail; j++) if (h.texts.has(last.classes[j].content)) return undefined;
    for (const c of added) if (h.texts.has(c.content)) return undefined;
  }
  // Taken: the memo of each state takes the last analysis's line slots, moved, and learns the new lines.
  last.variants.forEach((kept, k) => {
    if (kept) cache.line(LINE_CLASSES, k).repeatShifted();
  });
  const out: CleanLine[] = new Array(n);
  const classes: LineClass[] = new Array(n);
  const states = new Uint8Array(n);
  states.set(last.states.subarray(0, first));
  states.set(last.states.subarray(oldTail), newTail);
  for (let i = 0; i < first; i++) {
    out[i] = last.out[i];
    classes[i] = last.classes[i];
  }
  for (let i = first; i < newTail; i++) {
    const text = lines[i].text;
    const c = variant.lookup(text, i) ?? variant.store(text, i, added[i - first]);
    classes[i] = c;
    out[i] = plainLine(lines[i], c);
  }
  for (let i = newTail, j = oldTail; i < n; i++, j++) {
    classes[i] = last.classes[j];
    // A line whose number stayed (the edit added and removed as many lines: the first character typed
    // into an empty line) is the same Line object, and its CleanLine the same object too.
    const was = last.out[j];
    out[i] = was.line === lines[i] ? was : movedLine(was, lines[i]);
  }
  shiftMade(made, last, out, classes, first, oldTail, newTail);
  const delta = newTail - oldTail;
  const headers = h && { lines: new Set([...h.lines].map((j) => (j >= oldTail ? j + delta : j))), texts: h.texts, topEnd: h.topEnd };
  const variants = last.variants.slice();
  variants[0] = variant;
  made.last = { lines, out, classes, states, variants, headers, contextual: last.contextual };
  return out;
}

/** Whether a line's class reads as a plain line to every pass over the document (see shiftedLines). */
function plainReach(c: LineClass): boolean {
  return (
    c.kind === null &&
    c.contextual === undefined &&
    !c.inTail &&
    !c.expectValue &&
    c.closesTail === undefined &&
    !c.tailLine &&
    c.spans.length === 0 &&
    !c.metadata
  );
}

/** Whether a line of the body's evidence (a sentence, a heading) stands at `from` or beyond it, going `dir`. */
function bodyLineFrom(last: LastScan, from: number, dir: 1 | -1): boolean {
  for (let j = from; j >= 0 && j < last.out.length; j += dir) if (last.classes[j].evidence && !last.out[j].isDebris) return true;
  return false;
}

/** Whether the nearest line with text from `from` on, going `dir`, is chrome or debris (a block's, or one that may be). */
function nearBlock(last: LastScan, from: number, dir: 1 | -1): boolean {
  for (let j = from; j >= 0 && j < last.out.length; j += dir) {
    const c = last.classes[j];
    if (c.content === '' && !last.out[j].isDebris) continue;
    return c.contextual !== undefined || last.out[j].isDebris;
  }
  return false;
}

/** A line that moved (its number changed) as it read before: its old CleanLine's fields on the new Line. */
function movedLine(cl: CleanLine, line: Line): CleanLine {
  return {
    line,
    debris: cl.debris,
    isDebris: cl.isDebris,
    contentStart: cl.contentStart,
    contentEnd: cl.contentEnd,
    content: cl.content,
    widthInHalves: cl.widthInHalves,
  };
}

/**
 * The lines scanDebris made, by number, moved as a shift moved them: a moved line that read as its
 * class is the CleanLine just made for it; one made debris by its place is kept as placed on its new
 * Line (placedDebrisLine finds it at the next full scan).
 */
function shiftMade(
  made: ClassifiedLines,
  last: LastScan,
  out: readonly CleanLine[],
  classes: readonly LineClass[],
  first: number,
  oldTail: number,
  newTail: number,
): void {
  const n = out.length;
  const delta = newTail - oldTail;
  const move = (i: number) => {
    const j = i - delta;
    const before = made.lines[j];
    const placed = before !== last.out[j];
    made.classes[i] = placed ? undefined : made.classes[j];
    made.lines[i] = placed ? undefined : out[i];
    if (placed && out[i].isDebris && classes[i].kind === null) placedLines.set(out[i].line, { c: classes[i], out: out[i] });
  };
  if (delta <= 0) for (let i = newTail; i < n; i++) move(i);
  else for (let i = n - 1; i >= newTail; i--) move(i);
  for (let i = first; i < newTail; i++) {
    made.classes[i] = classes[i];
    made.lines[i] = out[i];
  }
  for (let i = n; i < n - delta; i++) made.classes[i] = made.lines[i] = undefined;
}

/**
 * The lines made debris by their place (a confirmed chrome block, a running header), kept by line
 * object: a line the edit did not touch is the same CleanLine at the next keystroke when its class
 * and spans are the same, so what is kept per CleanLine (the model's debris list, heading tokens)
 * is kept for it too — before, each was a new object at every keystroke.
 */
const placedLines = new WeakMap<Line, { readonly c: LineClass; readonly out: CleanLine }>();

function placedDebrisLine(line: Line, c: LineClass, debris: readonly LineDebris[]): CleanLine {
  const before = placedLines.get(line);
  if (before !== undefined && before.c === c && sameSpans(before.out.debris, debris)) return before.out;
  const out = debrisLine(line, c, debris);
  placedLines.set(line, { c, out });
  return out;
}

function sameSpans(a: readonly LineDebris[], b: readonly LineDebris[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (x.kind !== y.kind || x.start !== y.start || x.end !== y.end || x.wholeLine !== y.wholeLine)) return false;
  }
  return true;
}

/** A line as it reads when it is not debris as a whole (its inline debris set aside). */
function plainLine(line: Line, c: LineClass): CleanLine {
  const isDebris = c.start >= c.end && c.spans.length > 0;
  return { line, debris: c.spans, isDebris, contentStart: c.start, contentEnd: c.end, content: c.content, widthInHalves: c.widthInHalves };
}

/** A line that is debris as a whole, with these spans. Every CleanLine made here has the same fields in the same order. */
function debrisLine(line: Line, c: LineClass, debris: readonly LineDebris[]): CleanLine {
  return { line, debris, isDebris: true, contentStart: c.end, contentEnd: c.end, content: '', widthInHalves: c.widthInHalves };
}

/**
 * One line's class. Every way of recognising debris goes through the one door (removal.ts), which
 * asks the guard: no line that can be report text is debris, whatever its start looks like.
 *
 * A fresh analysis hands it where the line lies in the document's text (`flat` from `at`), read there
 * for its width and its whole-line patterns' needed units, and whether it holds a `[` or a row mark,
 * found ahead in that text (LookAhead): facts of the line's own units, so the class is still a pure
 * function of its text, as the memo needs (test/fastPaths.test.ts: the same classes as from the line
 * alone). Round 20: scanDebris + findHardWrap over the varied 1 MB, see the commit.
 */
function classify(
  text: string,
  tailBefore: boolean,
  expectingBefore: boolean,
  flat = text,
  at = 0,
  hasBracket = text.indexOf('[') >= 0,
  mayHoldRowMark = true,
): LineClass {
  let inTail = tailBefore;
  let expectValue = expectingBefore;
  measured.halves = -1;
  // Most lines hold no debris span: they share one empty list (a new array only when a span is found).
  let spans: LineDebris[] = NO_SPANS;
  if (hasBracket) {
    for (const p of inline) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
        const span = debrisSpan(text, p.kind, m.index, m.index + m[0].length, false);
        if (span) (spans === NO_SPANS ? (spans = []) : spans).push(span);
      }
    }
    spans.sort((a, b) => a.start - b.start);
  }
  // Content start: skip spaces and leading debris spans, repeatedly.
  let start = skipSpaces(text, 0);
  for (const s of spans) {
    if (s.start <= start && s.end > start) start = skipSpaces(text, s.end);
  }
  const end = Math.max(start, trimEndIndex(text));
  let trimmed = text.slice(start, end);
  // Chrome run into the title on its line (- [ 时效 ] 现行有效某某镇…报告): an inline span, the title the content.
  const glued = trimmed.length > 0 ? gluedTitleStart(trimmed, isTitleText) : 0;
  if (glued > 0) {
    const span = debrisSpan(text, 'metadata', start, start + glued, false);
    if (span) {
      (spans === NO_SPANS ? (spans = []) : spans).push(span);
      start = skipSpaces(text, start + glued);
      trimmed = text.slice(start, end);
    }
  }

  let kind: DebrisKind | null = null;
  let closesTail: LineClass['closesTail'];
  let tailLine = false;
  let contextual: Contextual | undefined;
  let evidence = false;
  let metadata = 0;
  if (trimmed.length > 0) {
    // canBeReportText(trimmed), asked once and only when needed (no closure: one fewer object per line).
    let report: boolean | undefined;
    const wasExpecting = expectValue;
    const md = metadataLine(trimmed, mayHoldRowMark) ?? bareMetadataLabel(trimmed);
    expectValue = md?.shape === 'label';
    // A line of metadata is decided by its block (chromeBlocks.ts), whatever pattern it matches too.
    // The line's width is measured in the loop that reads the units the patterns need (as far as both go).
    const widthTo = measuredTo(at, at + end, WIDTH_MEASURED);
    if (!md && anyWholeLine.testMeasuringAt(trimmed, flat, at + start, at, widthTo, measured) && !(report ??= canBeReportText(trimmed)))
      kind = wholeLine.find((p) => p.re.test(trimmed))!.kind;
    if (!kind) {
      const chrome = chromeKind(trimmed, md, wasExpecting);
      // A value is judged with its label once its block is known (chromeBlocks.ts): 某某县司法局 alone is a body's name.
      if (chrome?.contextual === 'value') contextual = 'value';
      else if (chrome && !(report ??= canBeReportText(trimmed))) {
        if (chrome.contextual) contextual = chrome.contextual;
        else kind = chrome.kind;
      }
    }
    metadata = md?.labels ?? 0;
    const marker = anyTailMarker.testAt(trimmed, flat, at + start);
    if (!kind && !contextual && inTail && !marker) {
      // The report's own frame ends a tail too: a 返回顶部 pasted above the title gives back the
      // bodies and 发文字号 above it; above the signature, the 成文日期 (or the 附注 below it)
      // gives back the bodies' names; 附件 opens the attachments. A body's name too long for a
      // navigation link (重庆市大足区雍溪镇人民政府) stays text and leaves the tail open for the date.
      if ((report ??= canBeReportText(trimmed)) || isSignatureFrame(trimmed) || TITLE_LIKE.test(trimmed) || isAttachmentHead(trimmed))
        closesTail = 'give-back';
      else if (trimmed.length > TAIL_MAX) {
        if (!isBodyLine(trimmed)) closesTail = 'keep';
      } else if (!HAS_SENTENCE_PUNCT.test(trimmed)) {
        kind = 'web';
        tailLine = true;
      }
      if (closesTail) inTail = false;
    }
    // Another marker in an open tail decides nothing: what follows it decides for both.
    if (marker) inTail = true;
    evidence = !kind && !contextual && isBodyEvidence(trimmed);
  }
  const whole = kind ? debrisSpan(text, kind, start, end, true, trimmed) : null;
  if (!whole) kind = null;
  // Every class has the same fields in the same order (absent ones undefined): the passes that read
  // classes (scanDebris, chromeBlocks.ts) see one shape, not one per combination of optional fields.
  return {
    spans,
    debris: whole ? [...spans, whole] : spans,
    content: trimmed,
    widthInHalves: measured.halves >= 0 ? measured.halves : visualHalves(flat, at, at + end, WIDTH_MEASURED),
    start,
    end,
    kind,
    inTail,
    expectValue,
    closesTail,
    tailLine: tailLine && whole ? true : undefined,
    contextual,
    evidence: evidence ? true : undefined,
    metadata: metadata > 0 && (whole || contextual) ? metadata : undefined,
  };
}

/**
 * The units classify's first looks ask a line for, found ahead in the document's text: an inline
 * debris pattern's `[` (every one starts with it), and metadataLine's row marks (`|`, `｜`, tab).
 */
class LookAhead {
  readonly bracket: UnitAhead;
  private readonly bar: UnitAhead;
  private readonly wideBar: UnitAhead;
  private readonly tab: UnitAhead;
  constructor(text: string) {
    this.bracket = new UnitAhead(text, '[');
    this.bar = new UnitAhead(text, '|');
    this.wideBar = new UnitAhead(text, '｜');
    this.tab = new UnitAhead(text, '\t');
  }
  /** Whether the line from `from` to `to` holds a row mark (each search is asked at every line: all advance together). */
  mayHoldRowMark(from: number, to: number): boolean {
    const bar = this.bar.within(from, to);
    const wideBar = this.wideBar.within(from, to);
    return this.tab.within(from, to) || bar || wideBar;
  }
}

// Made at every fresh scan: one kept for its shape and its searches' (keptShapes.ts), else a full
// collection between analyses drops their maps and the code compiled for them (test/compiledCodeKept).
keepShape(new LookAhead(''));

/** The width in halves the whole-line test measured of the line classify reads (-1: not measured there). */
const measured = { halves: -1 };

/**
 * The class of an empty line, by the state before it: one object each, made once (a sixth of the
 * varied 1 MB's lines are empty; classify's answer for one depends on the state alone).
 */
const EMPTY_LINE: (LineClass | undefined)[] = [undefined, undefined, undefined, undefined];

/** The spans of a line without debris spans (most lines): one list for all, never changed (a line with spans gets its own). */
const NO_SPANS: LineDebris[] = [];

/** A line that reads like the report's title, or its first line when it wraps (…人民政府关于2023年度法治政府). */
const TITLE_LIKE = /(?:报告|总结)$|关于/;

/**
 * Chrome that needs more than a pattern (chrome.ts): metadata pairs or a field label alone
 * (`md`), the value after such a label, a line of reading tools, navigation names, a web address,
 * an attachment's file name, a Markdown table's rule. What a writer may write too is `contextual`.
 */
type ChromeKind =
  { readonly kind: DebrisKind; readonly contextual?: undefined } | { readonly kind?: undefined; readonly contextual: Contextual };
// What chromeKind answers, one object each (never changed): none is made per line.
const METADATA: ChromeKind = { contextual: 'metadata' };
const VALUE: ChromeKind = { contextual: 'value' };
const WEB: ChromeKind = { kind: 'web' };
const TEMPLATE: ChromeKind = { kind: 'template' };
const PLAIN_TOOLS: ChromeKind = { contextual: 'plain-tools' };
const ADDRESS: ChromeKind = { contextual: 'address' };
const NAVIGATION: ChromeKind = { contextual: 'navigation' };
const ATTACHMENT_LINK: ChromeKind = { contextual: 'attachment-link' };
const TABLE_RULE: ChromeKind = { contextual: 'table-rule' };

function chromeKind(trimmed: string, md: ReturnType<typeof metadataLine>, afterLabel: boolean): ChromeKind | null {
  // Any label may be the writer's (成文日期：, 来源：): metadata only in a portal's block.
  if (md) return METADATA;
  // The value of a label alone on its line; never a line that reads like the title.
  if (afterLabel && isMetadataValue(trimmed) && !TITLE_LIKE.test(trimmed) && !isBodyEvidence(trimmed)) return VALUE;
  const tools = toolLineKind(trimmed);
  if (tools) return tools === 'tools' ? WEB : PLAIN_TOOLS;
  const address = addressLine(trimmed);
  if (address) return address === 'watermark' ? TEMPLATE : address === 'crawler' ? WEB : ADDRESS;
  if (isNavigationLine(trimmed)) return NAVIGATION;
  if (isAttachmentLink(trimmed)) return ATTACHMENT_LINK;
  return isTableRule(trimmed) ? TABLE_RULE : null;
}

const RUNNING_MAX = 40;
const NEAR = 2;

/**
 * PDF running headers and footers: a short line next to a page number (within two lines) whose
 * text stands next to another page number too, or repeats the title, and nowhere else: a label
 * the writer wrote twice (主要做法：), once near a page number, is the writer's both times. The
 * first content line (the title) is never one; a label ending in a colon introduces what follows
 * and never is one either.
 */
/** What the running-header pass read beyond each line's own class: the lines near page numbers and the title's, the texts it compared. */
interface RunningHeaderReach {
  readonly lines: ReadonlySet<number>;
  readonly texts: ReadonlyMap<string, number>;
  /** The last of the first content lines the title is looked for in (Infinity when there are fewer: any line with text may become one). */
  readonly topEnd: number;
}

/** A line that is a page number (a whole-line span makes its line debris). */
function isPageLine(c: CleanLine): boolean {
  return c.isDebris && c.debris.some((d) => d.kind === 'page-number' && d.wholeLine);
}

function markRunningHeaders(out: CleanLine[], classes: readonly LineClass[]): RunningHeaderReach | null {
  const pageLines: number[] = [];
  // A whole-line span makes its line debris: only those lines need a look.
  for (let i = 0; i < out.length; i++) if (isPageLine(out[i])) pageLines.push(i);
  if (pageLines.length === 0) return null;
  const textOf = (c: CleanLine) => c.content ?? c.line.text.slice(c.contentStart, c.contentEnd);
  const hasContent = (c: CleanLine) => !c.isDebris && c.contentStart < c.contentEnd;
  const short = (c: CleanLine) => c.contentEnd - c.contentStart <= RUNNING_MAX;
  // The first content lines: the title, which is never a running header, and what a running header may repeat.
  const top: number[] = [];
  for (let i = 0; i < out.length && top.length < 6; i++) if (hasContent(out[i])) top.push(i);
  const firstContent = top.length ? top[0] : -1;
  const topEnd = top.length === 6 ? top[5] : Infinity;
  // Every line this pass reads beyond its class (a running header's neighbourhood, the title), for withinOneLine.
  const read = new Set<number>(top);
  // The candidates: short lines next to a page number, and how many page numbers each text stands next to.
  const candidates = new Set<number>();
  const nearPages = new Map<string, number>();
  const isPage = new Set(pageLines);
  for (const p of pageLines) {
    for (const dir of [-1, 1]) {
      // Up to the next page number only: what lies beyond it is that one's to find (40,000 page
      // numbers in a row were walked over from each of them).
      for (let k = p + dir, seen = 0; k >= 0 && k < out.length && seen < NEAR && !isPage.has(k); k += dir) {
        const c = out[k];
        read.add(k);
        if (!hasContent(c)) continue;
        seen++;
        if (k === firstContent || !short(c) || candidates.has(k) || /[:：]$/.test(textOf(c))) continue;
        candidates.add(k);
        nearPages.set(textOf(c), (nearPages.get(textOf(c)) ?? 0) + 1);
      }
    }
  }
  if (candidates.size === 0) return { lines: read, texts: nearPages, topEnd };
  // The title at the top, as one line or wrapped over two: a running header may repeat it.
  const titles = new Map<string, number[]>();
  for (let k = 0; k < top.length; k++) {
    const one = textOf(out[top[k]]);
    if (isTitleText(one)) titles.set(one, [top[k]]);
    const two = k + 1 < top.length ? one + textOf(out[top[k + 1]]) : '';
    if (two && isTitleText(two)) titles.set(two, [top[k], top[k + 1]]);
  }
  // Where else each candidate's text stands: a line of the writer's, unless it is the title the header repeats.
  const elsewhere = new Map<string, number>();
  // The lengths of the candidates' texts: a line of another length is none of them, known without hashing its text.
  const lengths = new Uint8Array(RUNNING_MAX + 1);
  for (const t of nearPages.keys()) lengths[t.length] = 1;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (!hasContent(c) || !short(c) || lengths[c.contentEnd - c.contentStart] === 0 || candidates.has(i)) continue;
    const t = textOf(c);
    if (!nearPages.has(t) || titles.get(t)?.includes(i)) continue;
    elsewhere.set(t, (elsewhere.get(t) ?? 0) + 1);
  }
  for (const k of candidates) {
    const t = textOf(out[k]);
    const copiesTitle = titles.has(t) && !titles.get(t)!.includes(k);
    if ((elsewhere.get(t) ?? 0) > 0 || (nearPages.get(t)! < 2 && !copiesTitle)) continue;
    // A copy of the title is judged as nothing: its words are the title's, which stays.
    const c = out[k];
    const span = debrisSpan(c.line.text, 'running-header', c.contentStart, c.contentEnd, true, copiesTitle ? '' : t);
    if (!span) continue;
    // The line reads as its class (plainLine), so as a debris line it is that class's, with one span more.
    out[k] = placedDebrisLine(c.line, classes[k], [...c.debris, span]);
  }
  return { lines: read, texts: nearPages, topEnd };
}

/** The content of a line with inline debris removed (for names shown to the user). */
export function withoutInlineDebris(text: string): string {
  // Every inline pattern starts with a bracket (classify asks the same before running them).
  if (text.indexOf('[') < 0) return text;
  let t = text;
  for (const p of inline) t = t.replace(p.re, '');
  return t;
}
