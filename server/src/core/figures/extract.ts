/**
 * Finds the figures of a report (DOMAIN.md §4): a number with a unit, qualified or not, and the
 * words it counts. Not figures: numbers without a unit (years, dates, ordinals), numbers in
 * 《document titles》, slogans (1+6+1), date-like runs (2026-02-09, 6·26), heading ordinals,
 * and Chinese numerals in quotes (“三统一”) or meaning "one" (一次性, 一件事).
 */
import type { CleanLine } from '../debris';
import type { Figure, OutlineNode, Range } from '../model';
import type { TextIndex } from '../text';
import { nodesAtLine, walkOutline } from '../views';
import { vocab, wordAt, wordBefore } from './data';
import { cleanLabel, phraseAfter, splitVerb } from './label';
import { isNumberStart, numberAt } from './number';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface FigureSource {
  readonly index: TextIndex;
  readonly lines: readonly CleanLine[];
  readonly outline: readonly OutlineNode[];
  /** Line-relative [start, end) content pieces of a line (debris left out). */
  segments(cl: CleanLine): [number, number][];
}

const CLAUSE_END = /[，,；;：:（(）)\s]/;
const SENTENCE_END = /[。！？!?]/;
const DATE_JOIN = /[-/·•:：．.]/;
const ARABIC_CHAR = /[0-9０-９.．,]/;
const CHINESE_NUM_CHAR = /[零〇一二两三四五六七八九十百千万亿]/;
const ITEM_MARKER = /[一二三四五六七八九十]是/;
const DIGIT = /[0-9０-９]/;

/** What the extractor knows about a figure while it reads the sentence. */
interface Draft extends Mutable<Figure> {
  /** Text between the previous figure of the sentence (or the clause start) and this one. */
  lead: string;
}

export function extractFigures(src: FigureSource): Figure[] {
  const figures: Draft[] = [];
  const ordinals = ordinalStarts(src.outline);
  let sentence = 0;
  let sentenceFirst = 0; // index of the first figure of the current sentence

  const endSentence = () => {
    sentence++;
    sentenceFirst = figures.length;
  };

  for (const cl of src.lines) {
    const L = cl.line.text;
    const skip = ordinals.get(cl.line.index);
    for (const [a, b] of src.segments(cl)) {
      let book = 0;
      let quote = false;
      let clauseStart = a;
      for (let i = a; i < b; i++) {
        const ch = L[i];
        if (ch === '《') book++;
        else if (ch === '》') book = Math.max(0, book - 1);
        else if (ch === '“') quote = true;
        else if (ch === '”') quote = false;
        if (SENTENCE_END.test(ch)) {
          endSentence();
          clauseStart = i + 1;
          continue;
        }
        if (CLAUSE_END.test(ch)) {
          clauseStart = i + 1;
          continue;
        }
        if (!isNumberStart(ch)) continue;
        const prev = L[i - 1];
        const chineseStart = CHINESE_NUM_CHAR.test(ch);
        if (i > a && (chineseStart ? CHINESE_NUM_CHAR.test(prev) : ARABIC_CHAR.test(prev))) continue;
        const tok = numberAt(L, i);
        if (!tok) continue;
        const next = L[tok.end];
        const excluded =
          book > 0 ||
          skip?.has(i) ||
          (i > a && vocab.notAfter.some((w) => L.startsWith(w, i - w.length))) ||
          next === '+' || next === '＋' ||
          (DATE_JOIN.test(next ?? '') && DIGIT.test(L[tok.end + 1] ?? '')) ||
          (DATE_JOIN.test(prev ?? '') && DIGIT.test(L[i - 2] ?? '')) ||
          (tok.chinese && (quote || tok.value <= 1)) ||
          !!wordAt(L, i, vocab.slogans);
        if (excluded) {
          i = tok.end - 1;
          continue;
        }
        let pos = tok.end;
        let modifier = wordAt(L, pos, vocab.approximateInside);
        if (modifier) pos += modifier.length;
        const unit = wordAt(L, pos, vocab.units);
        if (!unit || (tok.chinese && !modifier && vocab.unitsNotAfterChinese.has(unit))) {
          i = tok.end - 1;
          continue;
        }
        pos += unit.length;
        const after = !modifier ? wordAt(L, pos, vocab.approximateAfter) : undefined;
        if (after) {
          modifier = after;
          pos += after.length;
        }
        let start = i;
        // 数十场, 几百人: approximate (only before Chinese numerals: 人数120人 is exact).
        const before = wordBefore(L, i, vocab.approximateBefore) ?? (tok.chinese ? wordBefore(L, i, vocab.approximateBeforeChinese) : undefined);
        if (before && i - before.length >= clauseStart) {
          modifier = modifier ?? before;
          start = i - before.length;
        }

        const prevFig = figures.length > sentenceFirst ? figures[figures.length - 1] : undefined;
        const from = prevFig && prevFig.line === cl.line.index ? Math.max(clauseStart, offsetIn(src.index, prevFig.range.end, cl)) : clauseStart;
        const leadFrom = prevFig && prevFig.line === cl.line.index ? offsetIn(src.index, prevFig.range.end, cl) : a;
        const lead = L.slice(Math.min(leadFrom, start), start);
        const chain = nodesAtLine(src.outline, cl.line.index, i);
        const fig: Draft = {
          index: figures.length,
          value: tok.value,
          unit: unit === '％' ? '%' : unit,
          label: '',
          approximate: !!modifier,
          ...(modifier ? { modifier } : {}),
          text: L.slice(start, pos),
          range: rangeOf(src.index, cl, start, pos),
          line: cl.line.index,
          section: chain.map((n) => n.name),
          parts: chain[0]?.parts ?? [],
          sentence,
          lead,
        };
        labelFigure(fig, L.slice(from, start), phraseAfter(L, pos, b), figures, sentenceFirst);
        relate(fig, figures, sentenceFirst);
        figures.push(fig);
        clauseStart = pos;
        i = pos - 1;
      }
    }
    if (cl.contentEnd > cl.contentStart && !cl.isDebris) endSentence();
  }
  return figures.map(({ lead: _lead, ...f }) => f);
}

/** Label from the clause; a bare verb borrows its object from an earlier figure of the sentence. */
function labelFigure(fig: Draft, clause: string, after: string, figures: readonly Draft[], sentenceFirst: number): void {
  const own = cleanLabel(clause);
  const prev = lastCount(figures, sentenceFirst);
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

/** Itemised parts (…672件，其中行政许可269件…) and shares (269件，占比36%). */
function relate(fig: Draft, figures: readonly Draft[], sentenceFirst: number): void {
  if (fig.unit === '%') {
    if (fig.subjectFrom !== undefined && vocab.shareWords.some((w) => fig.label.endsWith(w))) fig.shareOf = fig.subjectFrom;
    return;
  }
  const prev = lastCount(figures, sentenceFirst);
  if (!prev) return;
  if (/其中[，,：:]?[^，,；;。其]*$/.test(fig.lead)) {
    // The total is the sentence's last count in the same unit (…15632件，罚没款2.36亿元，其中…8921件).
    const total = [...figures.slice(sentenceFirst)].reverse().find((f) => f.unit === fig.unit);
    if (total) fig.partOf = total.index;
    return;
  }
  // Later items of an open 其中 list: same unit, same sentence, no new 一是/二是 item or 其中, and
  // not a new action (调解纠纷30件 after 其中简易程序60件) unless the items are actions themselves.
  if (prev.partOf !== undefined && prev.unit === fig.unit && !ITEM_MARKER.test(leadsSince(figures, prev.index, fig)) && !/其中/.test(fig.lead)) {
    const first = figures.slice(prev.partOf).find((f) => f.partOf === prev.partOf)!;
    const action = (f: Draft) => !!wordAt(f.label, 0, vocab.verbs);
    if (!action(fig) || action(first)) fig.partOf = prev.partOf;
  }
}

/** The leads of the figures after `from` up to `fig`: what was said since. */
function leadsSince(figures: readonly Draft[], from: number, fig: Draft): string {
  return figures.slice(from + 1).map((f) => f.lead).join('') + fig.lead;
}

/** The last figure of the sentence that is a count (not a percentage). */
function lastCount(figures: readonly Draft[], sentenceFirst: number): Draft | undefined {
  for (let k = figures.length - 1; k >= sentenceFirst; k--) if (figures[k].unit !== '%') return figures[k];
  return undefined;
}

function ordinalStarts(outline: readonly OutlineNode[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const n of walkOutline(outline)) {
    const r = n.ordinal.range;
    const set = out.get(r.start.line) ?? new Set<number>();
    for (let c = r.start.character; c < (r.end.line === r.start.line ? r.end.character : r.start.character + 1); c++) set.add(c);
    out.set(r.start.line, set);
  }
  return out;
}

function offsetIn(index: TextIndex, p: Range['end'], cl: CleanLine): number {
  return index.offsetAt(p) - cl.line.start;
}

function rangeOf(index: TextIndex, cl: CleanLine, start: number, end: number): Range {
  return index.range(cl.line.start + start, cl.line.start + end);
}
