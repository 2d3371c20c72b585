/**
 * Finds the figures of a report (DOMAIN.md §4): a number with a unit, qualified or not, and the
 * words it counts. Not figures: numbers without a unit (years, dates, ordinals), numbers in
 * 《document titles》, slogans (1+6+1), date-like runs (2026-02-09, 6·26), heading ordinals,
 * and Chinese numerals in quotes (“三统一”) or meaning "one" (一次性, 一件事).
 */
import type { Figure } from '../model';
import type { CleanLine } from '../lines/cleanLines';
import { lineMemo, type AnalysisCache, type LineCache } from '../text/lineCache';
import { outlineLines, type OutlineLines } from '../document/outlineLines';
import { vocab, words, wordSets } from './data';
import { cleanLabel, phraseAfter, splitVerb } from './label';
import { readNumber, type NumberSlot } from './number';
import { joinedLines } from './wrapped';
import type { Draft, FigureSource, LineDraft, LineFigures } from './draft';
import { lastFigures, noteMoves, spliceCounts, splicedFigures, type LastFigures } from './kept';
import { SPACE_UNITS } from './spaceUnits';
import { placeJoined, placeLine, sectionTable } from './placement';
import { continuesNumber, figureAt, type Quantity } from './predicates';

const ITEM_MARKER = /[一二三四五六七八九十]是/;
/**
 * What each character is to the loop below, by UTF-16 code unit (0: nothing, the loop skips it).
 * A table lookup per character is far cheaper than a regex test or a regex jump (which allocates
 * a match per hit).
 */
const NONE_KIND = 0;
const BOOK_OR_QUOTE = 1;
const SENTENCE = 2;
const CLAUSE = 3;
const NUMBER = 4;
const KIND = new Uint8Array(0x10000);
for (const c of SPACE_UNITS) KIND[c] = CLAUSE; // /\s/'s units, spelt out (spaceUnits.ts)
const setKind = (chars: string, kind: number) => {
  for (const ch of chars) KIND[ch.charCodeAt(0)] = kind;
};
setKind('《》“”', BOOK_OR_QUOTE);
setKind('。！？!?', SENTENCE);
setKind('，,；;：:（(）)', CLAUSE);
setKind('0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千', NUMBER);

const LEFT_BOOK = '《'.charCodeAt(0);
const RIGHT_BOOK = '》'.charCodeAt(0);
const LEFT_QUOTE = '“'.charCodeAt(0);
const RIGHT_QUOTE = '”'.charCodeAt(0);

/** One line's figures by its text (the heading ordinals it was read with are checked on the value). */
const LINE_FIGURES = lineMemo<LineFigures>('figures');

/**
 * Every figure of the text. A sentence never runs over a line end, so each line's figures depend
 * on that line alone (its text, content pieces and heading ordinals): with a cache, an unchanged
 * line's figures come from the previous analysis and are only placed (index, line, sentence,
 * section) anew — and when the edit kept every line's number and every line's figure and sentence
 * count, only the changed lines are read and placed (kept.ts).
 */
export function extractFigures(src: FigureSource, cache?: AnalysisCache): readonly Figure[] {
  const n = src.lines.length;
  const ordinals = outlineLines(src.outline, n);
  const kept = cache?.line(LINE_FIGURES);
  const sections = sectionTable(src.outline, cache);
  const memo = cache && lastFigures(cache);
  const read = (cl: CleanLine, i: number) => readLine(cl, i, ordinals, kept, src);
  const last = memo?.last;
  if (last !== undefined) {
    const spliced = splicedFigures(src, cache!, last, sections, read, () => kept!.repeatLast());
    if (spliced !== undefined) return spliced;
  }
  if (cache) spliceCounts.full++;
  const out: Figure[] = [];
  // What the next analysis splices from, kept with a cache only (a fresh analysis makes none of it).
  const keep = memo !== undefined;
  const locals: (LineFigures | undefined)[] = keep ? new Array(n) : [];
  const first = new Int32Array(keep ? n + 1 : 0);
  const sentences = new Int32Array(keep ? n + 1 : 0);
  let sentence = 0;
  for (let i = 0; i < n; i++) {
    if (keep) {
      first[i] = out.length;
      sentences[i] = sentence;
    }
    if (src.joins?.has(i)) {
      // A paragraph broken over lines: its lines are read as one (wrapped.ts), the sentence count goes on.
      const joined = joinedLines(src, i);
      const local = extractLine(joined.text, [[0, joined.text.length]], joined.skip(ordinals), '');
      for (const d of local.figures) out.push(placeJoined(d, out.length - d.index, sentence, joined, src, sections));
      sentence += local.sentences + 1;
      for (let k = i + 1; keep && k <= joined.last; k++) {
        first[k] = first[i];
        sentences[k] = sentences[i];
      }
      i = joined.last;
      continue;
    }
    const local = read(src.lines[i], i);
    if (local === undefined) {
      // A line without text ends a sentence too (sentence numbers only tell sentences apart): the first
      // character typed into an empty line then moves no later figure's sentence (kept.ts).
      sentence++;
      continue;
    }
    if (keep) locals[i] = local;
    if (local.figures.length) {
      // The line's last placement, when it was read at the same index, sentence and line number.
      const base = out.length;
      const same = last !== undefined && i < last.locals.length && last.first[i] === base && last.sentence[i] === sentence;
      placeLine(out, local, base, sentence, i, sections, same ? last.figures : undefined, same ? last.locals[i] : undefined);
    }
    sentence += local.sentences + 1;
  }
  if (memo) {
    first[n] = out.length;
    sentences[n] = sentence;
    const next: LastFigures = {
      index: src.index,
      lines: src.lines,
      outline: src.outline,
      figures: out,
      locals,
      first,
      sentence: sentences,
      joined: !!src.joins?.size,
    };
    // Which lines read as they did, moved or not: the figure rules check only the others (kept.ts).
    if (last !== undefined) noteMoves(cache!, last, next);
    memo.last = next;
  }
  return out;
}

/** What line `i` reads as (undefined: debris or no content, not read), from the memo when its text and ordinals were read before. */
function readLine(
  cl: CleanLine,
  i: number,
  ordinals: OutlineLines,
  kept: LineCache<LineFigures> | undefined,
  src: FigureSource,
): LineFigures | undefined {
  if (cl.isDebris || cl.contentStart >= cl.contentEnd) return undefined;
  const L = cl.line.text;
  const line = cl.line.index;
  // Kept by the line's text; the value says which heading ordinals it was read with. The content
  // pieces need no place in the key: on a line that is not debris they follow from its text alone.
  const ordinalKey = ordinals.has(line) ? ordinals.key(line) : '';
  let local = kept?.lookup(L, i);
  if (local === undefined || local.ordinals !== ordinalKey) {
    const skip = ordinalKey ? ordinals.chars(line) : undefined;
    // The line's characters are read from the document's text where the line is the index's own:
    // the text is one flat string, the line's a slice of it, which charCodeAt reads through its
    // parent at each character (the figure stage 12.1-12.6 -> 11.7-12.3 ms; 12.3 -> 11.1 when
    // every read was of flat copies of the lines).
    const index = src.index;
    const own = index.lines[line] === cl.line;
    const chars = own ? index.text : L;
    const offset = own ? index.lineStart(line) : 0;
    // A line without debris is one piece: read without an array made for it (most lines).
    local =
      cl.debris.length === 0
        ? readPiece(L, cl.contentStart, cl.contentEnd, skip, ordinalKey, chars, offset)
        : extractLine(L, src.segments(cl), skip, ordinalKey, chars, offset);
    kept?.store(L, i, local);
  }
  return local;
}

/** The figures of one line (see LineFigures), read in the given content pieces. */
export function extractLine(
  L: string,
  segments: readonly (readonly [number, number])[],
  skip: ReadonlySet<number> | undefined,
  ordinals: string,
  chars = L,
  offset = 0,
): LineFigures {
  reader.begin(L, skip, chars, offset);
  for (const [a, b] of segments) reader.read(a, b);
  return reader.done(ordinals);
}

/** extractLine of one content piece [a, b). */
function readPiece(
  L: string,
  a: number,
  b: number,
  skip: ReadonlySet<number> | undefined,
  ordinals: string,
  chars: string,
  offset: number,
): LineFigures {
  reader.begin(L, skip, chars, offset);
  reader.read(a, b);
  return reader.done(ordinals);
}

const NO_FIGURES: readonly LineDraft[] = Object.freeze([]);
const NO_DRAFTS: Draft[] = [];
/** The value of a line without figures, by its sentence count (no object made for most lines). */
const noFigures: LineFigures[] = [];
function withoutFigures(sentences: number, ordinals: string): LineFigures {
  if (ordinals !== '' || sentences >= 64) return { figures: NO_FIGURES, sentences, ordinals };
  return (noFigures[sentences] ??= Object.freeze({ figures: NO_FIGURES, sentences, ordinals: '' }));
}

/**
 * Reads one line's figures, piece by piece. One reader serves every line (extraction never
 * re-enters it): a line without figures, most of them, costs no object but its result.
 */
class LineReader {
  private L = '';
  /** L's characters, from `offset` on: what the loop reads (see begin). */
  private chars = '';
  private offset = 0;
  private skip: ReadonlySet<number> | undefined;
  /** The line's figures; NO_DRAFTS (never written to) until the first. */
  private figures: Draft[] = NO_DRAFTS;
  private sentence = 0;
  /** Index of the first figure of the current sentence. */
  private sentenceFirst = 0;
  /**
   * What relate and labelFigure look back for, kept as the line is read so that no figure scans
   * the figures before it (a 2-million-character sentence of 办理1件，其中2件， stays linear).
   * Made at the line's first figure: most lines have none, and need no maps.
   */
  private state: SentenceState | undefined;
  /**
   * The one SentenceState every line with figures uses in turn: no maps made per line. Its maps are
   * never cleared (a clear gives a map a new table: 3 % of the figure stage at every sentence end); an
   * entry counts only while it is a figure of the line being read (see lastInUnit, firstPartOf).
   */
  private readonly spare: SentenceState = { lastCount: undefined, lastByUnit: new Map(), firstPart: new Map() };
  /** The number read at the current character (filled in place: read before it is used, never kept). */
  private readonly tok: NumberSlot = { value: 0, end: 0, chinese: false };

  private freshState(): SentenceState {
    const state = this.spare;
    state.lastCount = undefined;
    return state;
  }

  /** `chars`: a string holding L's characters from `offset` on (the document's text, or L), read by the loop. */
  begin(L: string, skip: ReadonlySet<number> | undefined, chars: string, offset: number): void {
    this.L = L;
    this.chars = chars;
    this.offset = offset;
    this.skip = skip;
    this.figures = NO_DRAFTS;
    this.sentence = 0;
    this.sentenceFirst = 0;
    this.state = undefined;
  }

  done(ordinals: string): LineFigures {
    const figures = this.figures;
    this.figures = NO_DRAFTS;
    this.L = '';
    this.chars = '';
    this.skip = undefined;
    this.state = undefined;
    return figures.length ? { figures, sentences: this.sentence, ordinals } : withoutFigures(this.sentence, ordinals);
  }

  private endSentence(): void {
    this.sentence++;
    this.sentenceFirst = this.figures.length;
    const state = this.state;
    if (state) state.lastCount = undefined;
  }

  /** The content piece [a, b) of the line. */
  read(a: number, b: number): void {
    const L = this.L;
    const chars = this.chars;
    const offset = this.offset;
    let book = 0;
    let quote = false;
    let clauseStart = a;
    for (let i = a; i < b; i++) {
      const c = chars.charCodeAt(offset + i);
      const kind = KIND[c];
      if (kind === NONE_KIND) continue;
      if (kind === BOOK_OR_QUOTE) {
        if (c === LEFT_BOOK) book++;
        else if (c === RIGHT_BOOK) book = Math.max(0, book - 1);
        else if (c === LEFT_QUOTE) quote = true;
        else if (c === RIGHT_QUOTE) quote = false;
        continue;
      }
      if (kind === SENTENCE) {
        this.endSentence();
        clauseStart = i + 1;
        continue;
      }
      if (kind === CLAUSE) {
        clauseStart = i + 1;
        continue;
      }
      if (continuesNumber(L, i, a)) continue;
      const tok = this.tok;
      if (!readNumber(L, i, tok)) continue;
      const q = figureAt(L, i, tok, a, clauseStart, book > 0, quote, this.skip);
      if (!q) {
        i = tok.end - 1;
        continue;
      }
      const pos = this.add(i, tok.value, q, clauseStart, a, b);
      clauseStart = pos;
      i = pos - 1;
    }
  }

  /** The figure of the number at `i`: labelled, related to the sentence's figures before it. Returns where it ends. */
  private add(i: number, value: number, q: Quantity, clauseStart: number, a: number, b: number): number {
    const L = this.L;
    const figures = this.figures === NO_DRAFTS ? (this.figures = []) : this.figures;
    const { start, end: pos, unit, modifier } = q;
    // The sentence's previous figure is on this line (a sentence never crosses a line end).
    const prevFig = figures.length > this.sentenceFirst ? figures[figures.length - 1] : undefined;
    const from = prevFig ? Math.max(clauseStart, prevFig.end) : clauseStart;
    const leadFrom = prevFig ? prevFig.end : a;
    const fig: Draft = {
      index: figures.length,
      value,
      unit: unit === '％' ? '%' : unit,
      label: '',
      subject: undefined,
      subjectFrom: undefined,
      approximate: !!modifier,
      modifier,
      text: L.slice(start, pos),
      start,
      end: pos,
      sentence: this.sentence,
      partOf: undefined,
      shareOf: undefined,
      lead: L.slice(Math.min(leadFrom, start), start),
      at: i,
    };
    const state = (this.state ??= this.freshState());
    labelFigure(fig, L.slice(from, start), phraseAfter(L, pos, b), figures, this.sentenceFirst, state.lastCount);
    relate(fig, figures, state);
    figures.push(fig);
    if (fig.unit !== '%') {
      state.lastCount = fig;
      state.lastByUnit.set(fig.unit, fig);
    }
    if (fig.partOf !== undefined && firstPartOf(state, fig.partOf, figures) === undefined) state.firstPart.set(fig.partOf, fig);
    return pos;
  }
}

const reader = new LineReader();

/** Label from the clause; a bare verb borrows its object from an earlier figure of the sentence. */
function labelFigure(
  fig: Draft,
  clause: string,
  after: string,
  figures: readonly Draft[],
  sentenceFirst: number,
  prev: Draft | undefined,
): void {
  const own = cleanLabel(clause);
  // 占比36% after a count, or a bare percentage in brackets right after it: 269件（40%）.
  // Sets asked with the label's length first, no closure (round 20).
  const share = wordSets.shareWords.has(own) ? own : own === '' && /[（(]\s*$/.test(fig.lead) ? vocab.shareLabel : undefined;
  if (fig.unit === '%' && share && prev) {
    borrow(fig, prev.label + share, prev.label, prev.index);
    return;
  }
  if (own === '' && !after && figures.length > sentenceFirst) {
    // 来访登记32件次、40人次: the same thing counted again in another unit.
    const p = figures[figures.length - 1];
    borrow(fig, p.label, p.label, p.index);
    return;
  }
  const verb = wordSets.verbs.has(own);
  const bare = own.length <= 2 || verb;
  if (bare && after) {
    fig.label = own + after;
    return;
  }
  // 化解551件 after 排查矛盾纠纷572件 counts 矛盾纠纷 too; 覆盖800人次 after 培训40场次 covers 培训.
  const inherits = (verb && prev?.unit === fig.unit) || wordSets.coverWords.has(own);
  if (inherits && prev) {
    const noun = prev.subject ?? splitVerb(prev.label).noun;
    if (noun && noun !== own) {
      borrow(fig, own + noun, noun, prev.index);
      return;
    }
  }
  fig.label = own;
}

/** A label that borrows its subject from figure `from` of the line. */
function borrow(fig: Draft, label: string, subject: string, from: number): void {
  fig.label = label;
  fig.subject = subject;
  fig.subjectFrom = from;
}

/** What the figures read so far say, for the next figure of the sentence. */
interface SentenceState {
  /** The sentence's last figure that is a count (not a percentage). */
  lastCount: Draft | undefined;
  /** The sentence's last figure in each unit (as written: ask lastInUnit). */
  readonly lastByUnit: Map<string, Draft>;
  /** The first item of each 其中 list, by the index of its total (as written: ask firstPartOf). */
  readonly firstPart: Map<number, Draft>;
}

/**
 * A figure kept in a SentenceState is one of the line being read when the line's figures hold it at
 * its index (each line's figures are a new array; what earlier lines left in the maps is not there).
 */
function ofThisLine(f: Draft | undefined, figures: readonly Draft[]): f is Draft {
  return f !== undefined && figures[f.index] === f;
}

/** The last figure in `unit` of sentence `sentence` of the line, if any. */
function lastInUnit(state: SentenceState, unit: string, sentence: number, figures: readonly Draft[]): Draft | undefined {
  const f = state.lastByUnit.get(unit);
  return ofThisLine(f, figures) && f.sentence === sentence ? f : undefined;
}

/** The first item of the line's 其中 list of total `total`, if any. */
function firstPartOf(state: SentenceState, total: number, figures: readonly Draft[]): Draft | undefined {
  const f = state.firstPart.get(total);
  return ofThisLine(f, figures) ? f : undefined;
}

/** Itemised parts (…672件，其中行政许可269件…) and shares (269件，占比36%). */
function relate(fig: Draft, figures: readonly Draft[], state: SentenceState): void {
  if (fig.unit === '%') {
    if (fig.subjectFrom !== undefined && vocab.shareWords.some((w) => fig.label.endsWith(w))) fig.shareOf = fig.subjectFrom;
    return;
  }
  const prev = state.lastCount;
  if (!prev) return;
  if (/其中[，,：:]?[^，,；;。其]*$/.test(fig.lead)) {
    // The total is the sentence's last count in the same unit (…15632件，罚没款2.36亿元，其中…8921件).
    const total = lastInUnit(state, fig.unit, fig.sentence, figures);
    if (total) fig.partOf = total.index;
    return;
  }
  // Later items of an open 其中 list: same unit, same sentence, no new 一是/二是 item or 其中, and
  // not a new action (调解纠纷30件 after 其中简易程序60件) unless the items are actions themselves.
  if (
    prev.partOf !== undefined &&
    prev.unit === fig.unit &&
    !ITEM_MARKER.test(leadsSince(figures, prev.index, fig)) &&
    !/其中/.test(fig.lead)
  ) {
    const first = firstPartOf(state, prev.partOf, figures)!;
    const action = (f: Draft) => !!words.verbs.at(f.label, 0);
    if (!action(fig) || action(first)) fig.partOf = prev.partOf;
  }
}

/** The leads of the figures after `from` up to `fig`: what was said since. */
function leadsSince(figures: readonly Draft[], from: number, fig: Draft): string {
  return (
    figures
      .slice(from + 1)
      .map((f) => f.lead)
      .join('') + fig.lead
  );
}
