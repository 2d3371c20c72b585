/**
 * Debris: text pasted along with the report that is not the report (Word bookmarks, web-page
 * chrome, page numbers). It is recognised from data (data/debris.json), kept out of the
 * structure, and never hides what follows it on the same line.
 */
import rawDebris from './data/debris.json';
import type { DebrisKind } from './model';
import type { Line } from './text';
import { skipSpaces, trimEndIndex } from './text';

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
}

export function isBlank(c: CleanLine): boolean {
  return c.contentStart >= c.contentEnd;
}

/** How one line reads, whatever its place: what scanDebris keeps per line text (cache.ts). */
interface LineClass {
  readonly spans: readonly LineDebris[];
  readonly start: number;
  readonly end: number;
  readonly kind: DebrisKind | null;
  /** Whether the web-page tail (footer chrome) goes on after this line. */
  readonly inTail: boolean;
}

/** The per-line memo scanDebris may use: line text → its class, one per tail state. */
export interface LineClassMemo {
  get(key: string, compute: () => LineClass): LineClass;
}

/**
 * Classifies every line. One pass over the lines; each regex runs on one line only. A line's
 * class depends on its text and on whether a web-page tail is open before it, nothing else: with
 * a memo (one per tail state), an unchanged line is classified by one lookup.
 */
export function scanDebris(lines: readonly Line[], memo?: readonly [LineClassMemo, LineClassMemo]): CleanLine[] {
  const out: CleanLine[] = new Array(lines.length);
  let inTail = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = line.text;
    const tail: boolean = inTail;
    const c: LineClass = memo ? memo[tail ? 1 : 0].get(text, () => classify(text, tail)) : classify(text, tail);
    inTail = c.inTail;
    if (c.kind) {
      out[i] = {
        line,
        debris: [...c.spans, { kind: c.kind, start: c.start, end: c.end, wholeLine: true }],
        isDebris: true,
        contentStart: c.end,
        contentEnd: c.end,
      };
    } else {
      const onlyDebris = c.start >= c.end && c.spans.length > 0;
      out[i] = { line, debris: c.spans, isDebris: onlyDebris, contentStart: c.start, contentEnd: c.end };
    }
  }
  return out;
}

function classify(text: string, tailBefore: boolean): LineClass {
  let inTail = tailBefore;
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
  if (trimmed.length > 0) {
    if (anyWholeLine.test(trimmed)) kind = wholeLine.find((p) => p.re.test(trimmed))!.kind;
    if (!kind && inTail && trimmed.length <= TAIL_MAX && !HAS_SENTENCE_PUNCT.test(trimmed)) kind = 'web';
    if (anyTailMarker.test(trimmed)) inTail = true;
    else if (!kind && trimmed.length > TAIL_MAX) inTail = false;
  }
  return { spans, start, end, kind, inTail };
}

/** The content of a line with inline debris removed (for names shown to the user). */
export function withoutInlineDebris(text: string): string {
  let t = text;
  for (const p of inline) t = t.replace(p.re, '');
  return t;
}
