/**
 * Debris: text pasted along with the report that is not the report (Word bookmarks, web-page
 * chrome, page numbers). It is recognised from data (data/debris.json), kept out of the
 * structure, and never hides what follows it on the same line. A line that can be report text
 * (reportText.ts) is never debris: the debris fix removes what it recognises.
 */
import rawDebris from '../data/debris.json';
import type { DebrisKind } from '../model';
import type { Line } from '../text/lineIndex';
import { documentMemo, lineMemo, type AnalysisCache } from '../text/lineCache';
import { skipSpaces, trimEndIndex } from '../text/lineIndex';
import { canBeReportText } from './debrisGuard';
import { visualWidth } from '../text/width';
import { isBareMetadataLabel, isMetadataValue, isToolLine, isToolWord, metadataLine, type MetadataLine } from './chrome';
import { isAttachmentHead, isBodyLine, isSignatureFrame } from './frameLines';

interface DebrisPattern {
  readonly kind: DebrisKind;
  readonly re: RegExp;
}

const inline: DebrisPattern[] = rawDebris.inline.map((p) => ({ kind: p.kind as DebrisKind, re: new RegExp(p.pattern, 'g') }));
const wholeLine: DebrisPattern[] = rawDebris.lines.map((p) => ({ kind: p.kind as DebrisKind, re: new RegExp(p.pattern) }));
/**
 * Each list as one alternation: most lines match nothing, and one regex call that says so is
 * much cheaper than twenty. Only a line that matches looks for which pattern it was.
 */
const anyOf = (sources: readonly string[]) => new RegExp(sources.map((s) => `(?:${s})`).join('|'));
const anyWholeLine = anyOf(rawDebris.lines.map((p) => p.pattern));
const anyTailMarker = anyOf(rawDebris.tailMarkers);
const TAIL_MAX = rawDebris.tailLineMaxLength;
const HAS_SENTENCE_PUNCT = /[。，；：,;:]/;

/** A debris span inside one line, in offsets relative to the line start. */
export interface LineDebris {
  readonly kind: DebrisKind;
  readonly start: number;
  readonly end: number;
  readonly wholeLine: boolean;
}

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
   * width from the line start (wrap.ts). Absent on lines made elsewhere (run-on pieces).
   */
  readonly content?: string;
  readonly width?: number;
}

/** How one line reads, whatever its place: what scanDebris keeps per line text (text/lineCache.ts). */
interface LineClass {
  readonly spans: readonly LineDebris[];
  /** The spans with the whole-line span of `kind` last (a debris line's `debris`). */
  readonly debris: readonly LineDebris[];
  /** The text from `start` to `end`, and its visual width from the line start (CleanLine). */
  readonly content: string;
  readonly width: number;
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
   * Debris only as one tool word alone on its line (微信, 二维码, 更多): kept as debris when the
   * line next to it is chrome (分享到： above 微信), given back otherwise (a table's row label).
   */
  readonly lone?: boolean;
  /** Whether the next line may be the value of a metadata label alone on this one. */
  readonly expectValue: boolean;
}

/** Each line's class by its text, one variant per state the lines before leave (web tail open or not × metadata value expected or not). */
const LINE_CLASSES = lineMemo<LineClass>('lineClasses');

/**
 * Classifies every line. One pass over the lines; each regex runs on one line only. A line's
 * class depends on its text and on the state the lines before leave (a web-page tail open, a
 * metadata label waiting for its value), nothing else: with a memo per state, an unchanged line
 * is classified by one lookup.
 */
/**
 * The lines scanDebris made last time and the class each was made from, by line number: a line
 * that is the same object (the lines before an edit are) with the same class is the same CleanLine.
 */
interface ClassifiedLines {
  readonly classes: LineClass[];
  readonly lines: (CleanLine | undefined)[];
}
const CLASSIFIED = documentMemo<ClassifiedLines>('classifiedLines', () => ({ classes: [], lines: [] }));

export function scanDebris(lines: readonly Line[], cache?: AnalysisCache): CleanLine[] {
  const made = cache?.document(CLASSIFIED);
  const out: CleanLine[] = new Array(lines.length);
  let inTail = false;
  // After a metadata field alone on its line (索引号：), the next short line is its value.
  let expectValue = false;
  // Short lines after a tail marker, made debris for now: they stay debris when the page ends or
  // a line that cannot be report text closes the tail, and are given back when report text
  // does (a 返回顶部 above the first heading does not swallow what follows it).
  let pending: number[] = [];
  // Lines that are one tool word alone, with their class: chrome only next to chrome.
  const lone = new Map<number, LineClass>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = line.text;
    const tail: boolean = inTail;
    const expecting: boolean = expectValue;
    const kept = cache?.line(LINE_CLASSES, (tail ? 1 : 0) + (expecting ? 2 : 0));
    const c: LineClass = kept
      ? (kept.lookup(text, i) ?? kept.store(text, i, classify(text, tail, expecting)))
      : classify(text, tail, expecting);
    inTail = c.inTail;
    expectValue = c.expectValue;
    if (c.closesTail === 'give-back') for (const k of pending) out[k] = plainLine(out[k].line, classify(out[k].line.text, false, false));
    if (c.closesTail) pending = [];
    if (c.tailLine) pending.push(i);
    if (c.lone) lone.set(i, c);
    const before = made?.lines[i];
    if (before !== undefined && before.line === line && made!.classes[i] === c) out[i] = before;
    else {
      // Every CleanLine made here has the same fields in the same order (one shape for the passes that read them).
      out[i] = c.kind
        ? { line, debris: c.debris, isDebris: true, contentStart: c.end, contentEnd: c.end, content: '', width: c.width }
        : plainLine(line, c);
      if (made) {
        made.classes[i] = c;
        made.lines[i] = out[i];
      }
    }
  }
  if (made) made.classes.length = made.lines.length = lines.length;
  if (lone.size) giveBackLoneToolWords(out, lone);
  markRunningHeaders(out);
  return out;
}

/** A line as it reads when it is not debris as a whole (its inline debris set aside). */
function plainLine(line: Line, c: LineClass): CleanLine {
  const isDebris = c.start >= c.end && c.spans.length > 0;
  return { line, debris: c.spans, isDebris, contentStart: c.start, contentEnd: c.end, content: c.content, width: c.width };
}

/**
 * One line's class. Every way of recognising debris asks the guard (reportText.ts) first: no
 * line that can be report text is debris, whatever its start looks like.
 */
function classify(text: string, tailBefore: boolean, expectingBefore: boolean): LineClass {
  let inTail = tailBefore;
  let expectValue = expectingBefore;
  const spans: LineDebris[] = [];
  if (text.indexOf('[') >= 0) {
    for (const p of inline) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
        spans.push({ kind: p.kind, start: m.index, end: m.index + m[0].length, wholeLine: false });
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
  const trimmed = text.slice(start, end);

  let kind: DebrisKind | null = null;
  let closesTail: LineClass['closesTail'];
  let tailLine = false;
  let lone = false;
  if (trimmed.length > 0) {
    let report: boolean | undefined; // canBeReportText(trimmed), asked once and only when needed
    const reportText = () => (report ??= canBeReportText(trimmed));
    const wasExpecting = expectValue;
    const md = metadataLine(trimmed);
    expectValue = md === 'label' || (!md && isBareMetadataLabel(trimmed));
    if (anyWholeLine.test(trimmed) && !reportText()) kind = wholeLine.find((p) => p.re.test(trimmed))!.kind;
    if (!kind) {
      const chrome = chromeKind(trimmed, md, wasExpecting);
      if (chrome && !reportText()) {
        kind = chrome;
        lone = isToolWord(trimmed); // chrome only beside chrome
      }
    }
    const marker = anyTailMarker.test(trimmed);
    if (!kind && inTail && !marker) {
      // The report's own frame ends a tail too: a 返回顶部 pasted above the title gives back the
      // bodies and 发文字号 above it; above the signature, the 成文日期 (or the 附注 below it)
      // gives back the bodies' names; 附件 opens the attachments. A body's name too long for a
      // navigation link (重庆市大足区雍溪镇人民政府) stays text and leaves the tail open for the date.
      if (reportText() || isSignatureFrame(trimmed) || TITLE_LIKE.test(trimmed) || isAttachmentHead(trimmed)) closesTail = 'give-back';
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
  }
  return {
    spans,
    debris: kind ? [...spans, { kind, start, end, wholeLine: true }] : spans,
    content: trimmed,
    width: visualWidth(text, 0, end),
    start,
    end,
    kind,
    inTail,
    expectValue,
    ...(closesTail ? { closesTail } : {}),
    ...(tailLine ? { tailLine } : {}),
    ...(lone ? { lone } : {}),
  };
}

/**
 * One tool word alone on its line is chrome when chrome is next to it (the nearest lines with
 * text above or below are debris, the other lone words of a share bar counting once they are):
 * 分享到： then 微信 then 微博. Otherwise it is the writer's, a row label of a table pasted one
 * cell a line (微信 / 120 / 微博 / 80), and is given back. Two sweeps over the lines, one each way.
 */
function giveBackLoneToolWords(out: CleanLine[], lone: ReadonlyMap<number, LineClass>): void {
  const chrome = new Set<number>();
  const isChrome = (k: number) => out[k].isDebris && (!lone.has(k) || chrome.has(k));
  for (const [from, to, step] of [
    [0, out.length, 1],
    [out.length - 1, -1, -1],
  ]) {
    let near = -1;
    for (let i = from; i !== to; i += step) {
      if (!/\S/.test(out[i].line.text)) continue;
      if (lone.has(i) && near >= 0 && isChrome(near)) chrome.add(i);
      near = i;
    }
  }
  for (const [i, c] of lone) if (!chrome.has(i)) out[i] = plainLine(out[i].line, c);
}

/** A line that reads like the report's title, or its first line when it wraps (…人民政府关于2023年度法治政府). */
const TITLE_LIKE = /(?:报告|总结)$|关于/;

/**
 * Chrome that needs more than a pattern (chrome.ts): metadata pairs or a field label alone
 * (`md`), the value after such a label, a line of reading tools.
 */
function chromeKind(trimmed: string, md: MetadataLine | null, afterLabel: boolean): DebrisKind | null {
  if (md || isBareMetadataLabel(trimmed)) return 'metadata';
  // The value of a label alone on its line; never a line that reads like the title.
  if (afterLabel && isMetadataValue(trimmed) && !TITLE_LIKE.test(trimmed)) return 'metadata';
  return isToolLine(trimmed) ? 'web' : null;
}

const RUNNING_MAX = 40;
const NEAR = 2;

/**
 * PDF running headers and footers: a short line next to a page number (within two lines) whose
 * text occurs more than once in the document. The first content line (the title) is never one.
 */
function markRunningHeaders(out: CleanLine[]): void {
  const pageLines: number[] = [];
  // A whole-line span makes its line debris: only those lines need a look.
  for (let i = 0; i < out.length; i++)
    if (out[i].isDebris && out[i].debris.some((d) => d.kind === 'page-number' && d.wholeLine)) pageLines.push(i);
  if (pageLines.length === 0) return;
  const textOf = (c: CleanLine) => c.content ?? c.line.text.slice(c.contentStart, c.contentEnd);
  const hasContent = (c: CleanLine) => !c.isDebris && c.contentStart < c.contentEnd;
  const short = (c: CleanLine) => c.contentEnd - c.contentStart <= RUNNING_MAX;
  // The first content lines: the title, which is never a running header, and what a running header may repeat.
  const top: string[] = [];
  let firstContent = -1;
  let lastTop = -1;
  for (let i = 0; i < out.length && top.length < 6; i++) {
    if (!hasContent(out[i])) continue;
    if (firstContent < 0) firstContent = i;
    top.push(textOf(out[i]));
    lastTop = i;
  }
  // The candidates: short lines next to a page number; only their texts are counted.
  const candidates: number[] = [];
  const counts = new Map<string, number>();
  const isPage = new Set(pageLines);
  for (const p of pageLines) {
    for (const dir of [-1, 1]) {
      // Up to the next page number only: what lies beyond it is that one's to find (40,000 page
      // numbers in a row were walked over from each of them).
      for (let k = p + dir, seen = 0; k >= 0 && k < out.length && seen < NEAR && !isPage.has(k); k += dir) {
        const c = out[k];
        if (!hasContent(c)) continue;
        seen++;
        if (k === firstContent || !short(c)) continue;
        candidates.push(k);
        counts.set(textOf(c), 0);
      }
    }
  }
  if (candidates.length === 0) return;
  for (const c of out) {
    if (!hasContent(c) || !short(c)) continue;
    const t = textOf(c);
    const n = counts.get(t);
    if (n !== undefined) counts.set(t, n + 1);
  }
  // A running header repeating a title wrapped over two lines at the top.
  for (let k = 0; k + 1 < top.length; k++) {
    const joined = top[k] + top[k + 1];
    const n = counts.get(joined);
    if (n !== undefined) counts.set(joined, n + 1);
  }
  // A body's name at the top (the 发文机关 above the title) or above the 成文日期 (or the next
  // body's name: the signature) is the writer's, though the same name is in both places and a
  // page number is next to one of them.
  const bodyOfTheReport = (k: number): boolean => {
    if (!isBodyLine(textOf(out[k]))) return false;
    if (k <= lastTop) return true;
    let j = k + 1;
    while (j < out.length && !hasContent(out[j])) j++;
    return j < out.length && (isBodyLine(textOf(out[j])) || isSignatureFrame(textOf(out[j])));
  };
  const near = new Set<number>();
  for (const k of candidates) if (counts.get(textOf(out[k]))! > 1 && !canBeReportText(textOf(out[k])) && !bodyOfTheReport(k)) near.add(k);
  for (const k of near) {
    const c = out[k];
    out[k] = {
      line: c.line,
      debris: [...c.debris, { kind: 'running-header', start: c.contentStart, end: c.contentEnd, wholeLine: true }],
      isDebris: true,
      contentStart: c.contentEnd,
      contentEnd: c.contentEnd,
      content: '',
      width: c.width,
    };
  }
}

/** The content of a line with inline debris removed (for names shown to the user). */
export function withoutInlineDebris(text: string): string {
  // Every inline pattern starts with a bracket (classify asks the same before running them).
  if (text.indexOf('[') < 0) return text;
  let t = text;
  for (const p of inline) t = t.replace(p.re, '');
  return t;
}
