/**
 * Finds the figures of a report (DOMAIN.md §4): a number with a unit, qualified or not, and the
 * words it counts. Not figures: numbers without a unit (years, dates, ordinals), numbers in
 * 《document titles》, slogans (1+6+1), date-like runs (2026-02-09, 6·26), heading ordinals,
 * and Chinese numerals in quotes (“三统一”) or meaning "one" (一次性, 一件事).
 */
import type { Figure } from '../model';
import { lineMemo, type AnalysisCache } from '../text/lineCache';
import { outlineLines } from '../document/outlineLines';
import { vocab, wordAt } from './data';
import { cleanLabel, phraseAfter, splitVerb } from './label';
import { numberAt } from './number';
import { joinedLines } from './wrapped';
import type { Draft, FigureSource, LineDraft, LineFigures } from './draft';
import { placeJoined, placeLine } from './placement';
import { continuesNumber, notAFigure, quantityAt } from './predicates';

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
for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) KIND[c] = CLAUSE;
const setKind = (chars: string, kind: number) => {
  for (const ch of chars) KIND[ch.charCodeAt(0)] = kind;
};
setKind('《》“”', BOOK_OR_QUOTE);
setKind('。！？!?', SENTENCE);
setKind('，,；;：:（(）)', CLAUSE);
setKind('0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千', NUMBER);

const NONE: LineFigures = { figures: [], sentences: 0 };

/** One line's figures by its text and the heading ordinal on it. */
const LINE_FIGURES = lineMemo<LineFigures>('figures');

/**
 * Every figure of the text. A sentence never runs over a line end, so each line's figures depend
 * on that line alone (its text, content pieces and heading ordinals): with a cache, an unchanged
 * line's figures come from the previous analysis and are only placed (index, line, sentence,
 * section) anew.
 */
export function extractFigures(src: FigureSource, cache?: AnalysisCache): Figure[] {
  const out: Figure[] = [];
  const ordinals = outlineLines(src.outline, src.lines.length);
  let sentence = 0;
  for (let i = 0; i < src.lines.length; i++) {
    const cl = src.lines[i];
    if (src.joins?.has(i)) {
      // A paragraph broken over lines: its lines are read as one (wrapped.ts), the sentence count goes on.
      const joined = joinedLines(src, i);
      const local = extractLine(joined.text, [[0, joined.text.length]], joined.skip(ordinals));
      for (const d of local.figures) out.push(placeJoined(d, out.length - d.index, sentence, joined, src));
      sentence += local.sentences + 1;
      i = joined.last;
      continue;
    }
    if (!cl.isDebris && cl.contentStart < cl.contentEnd) {
      const L = cl.line.text;
      const line = cl.line.index;
      // The key: the line's text, and the heading ordinals on it if any. The content pieces need
      // no place in it: on a line that is not debris they follow from its text alone.
      let local: LineFigures;
      if (cache) {
        const key = ordinals.has(line) ? `${ordinals.key(line)}|${L}` : L;
        const kept = cache.line(LINE_FIGURES);
        local = kept.lookup(key, i) ?? kept.store(key, i, extractLine(L, src.segments(cl), ordinals.chars(line)));
      } else local = extractLine(L, src.segments(cl), ordinals.chars(line));
      const base = out.length;
      if (local.figures.length) for (const f of placeLine(local, base, sentence, cl.line.index, src.outline, cache)) out.push(f);
      sentence += local.sentences;
    }
    if (cl.contentEnd > cl.contentStart && !cl.isDebris) sentence++;
  }
  return out;
}

/** The figures of one line (see LineFigures). */
export function extractLine(L: string, segments: readonly [number, number][], skip: ReadonlySet<number> | undefined): LineFigures {
  const figures: LineDraft[] = [];
  let sentence = 0;
  let sentenceFirst = 0; // index of the first figure of the current sentence
  // What relate and labelFigure look back for, kept as the line is read so that no figure scans
  // the figures before it (a 2-million-character sentence of 办理1件，其中2件， stays linear).
  // Made at the line's first figure: most lines have none, and need no maps.
  let state: SentenceState | undefined;

  const endSentence = () => {
    sentence++;
    sentenceFirst = figures.length;
    if (!state) return;
    state.lastCount = undefined;
    state.lastByUnit.clear();
  };

  for (const [a, b] of segments) {
    let book = 0;
    let quote = false;
    let clauseStart = a;
    for (let i = a; i < b; i++) {
      const kind = KIND[L.charCodeAt(i)];
      if (kind === NONE_KIND) continue;
      const ch = L[i];
      if (ch === '《') book++;
      else if (ch === '》') book = Math.max(0, book - 1);
      else if (ch === '“') quote = true;
      else if (ch === '”') quote = false;
      if (kind === SENTENCE) {
        endSentence();
        clauseStart = i + 1;
        continue;
      }
      if (kind === CLAUSE) {
        clauseStart = i + 1;
        continue;
      }
      if (kind !== NUMBER || continuesNumber(L, i, a)) continue;
      const tok = numberAt(L, i);
      if (!tok) continue;
      const q = notAFigure(L, i, tok, { segmentStart: a, inBookTitle: book > 0, inQuote: quote, ordinal: skip })
        ? null
        : quantityAt(L, i, tok, clauseStart);
      if (!q) {
        i = tok.end - 1;
        continue;
      }
      const { start, end: pos, unit, modifier } = q;

      // The sentence's previous figure is on this line (a sentence never crosses a line end).
      const prevFig = figures.length > sentenceFirst ? figures[figures.length - 1] : undefined;
      const from = prevFig ? Math.max(clauseStart, prevFig.range.end.character) : clauseStart;
      const leadFrom = prevFig ? prevFig.range.end.character : a;
      const lead = L.slice(Math.min(leadFrom, start), start);
      const fig: LineDraft = {
        index: figures.length,
        value: tok.value,
        unit: unit === '％' ? '%' : unit,
        label: '',
        approximate: !!modifier,
        ...(modifier ? { modifier } : {}),
        text: L.slice(start, pos),
        range: { start: { line: 0, character: start }, end: { line: 0, character: pos } },
        line: 0,
        section: [],
        parts: [],
        sentence,
        lead,
        at: i,
      };
      state ??= { lastCount: undefined, lastByUnit: new Map(), firstPart: new Map() };
      labelFigure(fig, L.slice(from, start), phraseAfter(L, pos, b), figures, sentenceFirst, state.lastCount);
      relate(fig, figures, state);
      figures.push(fig);
      if (fig.unit !== '%') {
        state.lastCount = fig;
        state.lastByUnit.set(fig.unit, fig);
      }
      if (fig.partOf !== undefined && !state.firstPart.has(fig.partOf)) state.firstPart.set(fig.partOf, fig);
      clauseStart = pos;
      i = pos - 1;
    }
  }
  return figures.length || sentence ? { figures, sentences: sentence } : NONE;
}

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
  const share = vocab.shareWords.find((w) => own === w) ?? (own === '' && /[（(]\s*$/.test(fig.lead) ? vocab.shareLabel : undefined);
  if (fig.unit === '%' && share && prev) {
    Object.assign(fig, { label: prev.label + share, subject: prev.label, subjectFrom: prev.index });
    return;
  }
  if (own === '' && !after && figures.length > sentenceFirst) {
    // 来访登记32件次、40人次: the same thing counted again in another unit.
    const p = figures[figures.length - 1];
    Object.assign(fig, { label: p.label, subject: p.label, subjectFrom: p.index });
    return;
  }
  const bare = own.length <= 2 || vocab.verbs.includes(own);
  if (bare && after) {
    fig.label = own + after;
    return;
  }
  // 化解551件 after 排查矛盾纠纷572件 counts 矛盾纠纷 too; 覆盖800人次 after 培训40场次 covers 培训.
  const inherits = (vocab.verbs.includes(own) && prev?.unit === fig.unit) || vocab.coverWords.includes(own);
  if (inherits && prev) {
    const noun = prev.subject ?? splitVerb(prev.label).noun;
    if (noun && noun !== own) {
      Object.assign(fig, { label: own + noun, subject: noun, subjectFrom: prev.index });
      return;
    }
  }
  fig.label = own;
}

/** What the figures read so far say, for the next figure of the sentence. */
interface SentenceState {
  /** The sentence's last figure that is a count (not a percentage). */
  lastCount: Draft | undefined;
  /** The sentence's last figure in each unit. */
  readonly lastByUnit: Map<string, Draft>;
  /** The first item of each 其中 list, by the index of its total (figures of the line). */
  readonly firstPart: Map<number, Draft>;
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
    const total = state.lastByUnit.get(fig.unit);
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
    const first = state.firstPart.get(prev.partOf)!;
    const action = (f: Draft) => !!wordAt(f.label, 0, vocab.verbs);
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
