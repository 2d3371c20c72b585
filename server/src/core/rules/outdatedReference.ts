/**
 * `outdated-reference`: wording that was right once (DOMAIN.md §8) —
 * - an old name where a new one is official (法制宣传 → 法治宣传; 依法治县领导小组 → 委员会), with a
 *   quick fix when the replacement is a drop-in — a single fix the writer chooses, never part of
 *   fix-all (it changes words); never inside a quoted title or a sentence about the past;
 * - a plan period cited for a year after it ended (十四五 in the plan for 2026);
 * - a guiding-thought list (贯彻…精神) that stops at an older congress or plenum when a newer one
 *   had taken place by the report's date.
 * The names, periods and events are data (data/references.json, extendable in .govreport.json).
 * Each line's findings are kept by line (citationLines.ts): they depend on the line's words and the
 * report's day and year; only whether a line lies in the next-year part is asked at every analysis.
 */
import { t } from '../messages';
import type { Fix, Locale } from '../model';
import { referenceDay, sentenceAround, type Citation } from '../references/scan';
import { formatDay, type Reference, type ReferenceTable } from '../references/table';
import { eachCitationLine, placed, type CitationFinding, type CitationLines } from './citationLines';
import type { AnalysisContext } from './context';
import { perLineMemo } from './lineChanges';
import type { Emitted, Rule } from './rule';

/**
 * Where a line's finding holds: anywhere; only in the next-year part, or only outside it (a plan
 * period cited without a year is read for the plan's year in that part, the report's elsewhere);
 * or a guiding-thought finding (emitted after all the others).
 */
type Where = 'any' | 'plan' | 'elsewhere' | 'guiding';

interface LineOutdated {
  readonly f: CitationFinding;
  readonly where: Where;
}

interface PlacedOutdated {
  readonly line: number;
  readonly items: readonly { readonly e: Emitted; readonly where: Where }[];
}

const KEPT = perLineMemo<LineOutdated, PlacedOutdated>('outdated-reference');

/** What one line's findings are read with: the report's day (Infinity without one), year and locale, the newest meeting by that day. */
interface Reading {
  readonly locale: Locale;
  readonly day: number;
  readonly year: number | null;
  readonly newest: Reference | undefined;
}

export const outdatedReference: Rule = {
  code: 'outdated-reference',
  defaultSeverity: 'information',
  description: {
    'zh-cn': '旧称、旧提法或已结束的规划期',
    en: 'An old name, dated wording or a plan period that has ended',
  },
  docs: {
    finds:
      'wording that has been superseded: an old name (法制宣传 → 法治宣传, 依法治县领导小组 → 依法治县委员会, 法制日报, 法制副校长); a plan period cited for a year after it ended (十四五 in the plan for 2026; 八五普法 in 2026); a guiding-thought list (贯彻…精神) that stops at an older congress or plenum when a newer one had taken place (二十大和二十届二中全会 in a 2024 report; 十九大 after 2022). 法制审核 and 法治建设领导小组 are current and not matched',
    fix: 'replace the old name when the new one is a drop-in (one at a time, never in fix-all; not inside 《》 or “”, nor in a sentence about the past — a year before the rename, 更名/改为/原)',
  },
  run(ctx, emit) {
    const day = referenceDay(ctx) ?? Number.POSITIVE_INFINITY;
    const reading: Reading = { locale: ctx.locale, day, year: ctx.year, newest: newestMeeting(ctx.references, day) };
    const guiding: Emitted[] = [];
    eachCitationLine(ctx, KEPT, LINES, { ctx, reading, emit, guiding });
    for (const e of guiding) emit(e);
  },
};

/** One run of the rule over the lines: what LINES is given. */
interface OutdatedRun {
  readonly ctx: AnalysisContext;
  readonly reading: Reading;
  readonly emit: (e: Emitted) => void;
  /** The guiding-thought findings, emitted after all the others. */
  readonly guiding: Emitted[];
}

const LINES: CitationLines<LineOutdated, PlacedOutdated, OutdatedRun> = {
  compute: (citations, text, run) => lineFindings(run.reading, citations, text),
  place(found, line) {
    const items: { e: Emitted; where: Where }[] = [];
    for (const x of found) items.push({ e: placed(x.f, line), where: x.where });
    return { line, items };
  },
  visit({ line, items }, run) {
    let plan: boolean | undefined;
    for (const { e, where } of items) {
      if (where === 'guiding') run.guiding.push(e);
      else if (where === 'any' || (plan ??= inPlan(run.ctx, line)) === (where === 'plan')) run.emit(e);
    }
  },
};

/** One line's findings, relative to it, in the order of its citations, the guiding-thought ones last. */
function lineFindings(r: Reading, citations: readonly Citation[], text: string): LineOutdated[] {
  const out: LineOutdated[] = [];
  for (const c of citations) {
    if (c.ref.kind === 'name' && c.ref.day <= r.day) {
      const f = oldName(r.locale, text, c);
      if (f) out.push({ f, where: 'any' });
    } else if (c.ref.kind === 'period') expiredPeriod(r, text, c, out);
  }
  if (r.newest) olderGuidingThought(r.locale, text, citations, r.newest, out);
  return out;
}

function oldName(locale: Locale, text: string, c: Citation): CitationFinding | undefined {
  const quote = quoteAround(text, c.start, c.end);
  // A quoted title (《…关于开展法制宣传教育的…决议》) is the document's name, not the writer's wording.
  if (quote && quote[1] - quote[0] !== c.end - c.start) return undefined;
  if (aboutThePast(text, c)) return undefined;
  const replacement = (c.ref.replacement ?? '').replace(/\$(\d)/g, (_, n: string) => c.groups[Number(n) - 1] ?? '');
  const exact = c.ref.exact !== false && replacement !== '';
  const { start, end } = c;
  return {
    start,
    end,
    message: t(locale, exact ? 'outdated-reference.name' : 'outdated-reference.hint', { old: c.text, current: replacement }),
    data: { id: c.ref.id, kind: 'name', old: c.text, replacement, exact },
    // A quotation (《法制日报》, “法制宣传”) is written as it was: named, never rewritten.
    fixes:
      exact && !quote
        ? (line): Fix[] => [
            {
              title: t(locale, 'outdated-reference.fix', { current: replacement }),
              edits: [{ range: { start: { line, character: start }, end: { line, character: end } }, newText: replacement }],
              preferred: true,
            },
          ]
        : undefined,
  };
}

const QUOTES: Readonly<Record<string, string>> = { '《': '》', '“': '”', '「': '」', '『': '』' };
/**
 * The quotes by unit: 1 an opener, 2 a closer. Read per character before every old name: the lookup of
 * a one-character string and the array of closers made per character were 15 % of the rule's own time.
 */
const QUOTE_UNIT = new Uint8Array(0x10000);
for (const [open, close] of Object.entries(QUOTES)) {
  QUOTE_UNIT[open.charCodeAt(0)] = 1;
  QUOTE_UNIT[close.charCodeAt(0)] = 2;
}

/** The content bounds [from, to) of the quotation 《…》 or “…” around [start, end) in one line, if any. */
function quoteAround(text: string, start: number, end: number): [number, number] | undefined {
  for (let i = start - 1; i >= 0; i--) {
    const kind = QUOTE_UNIT[text.charCodeAt(i)];
    if (kind === 0) continue;
    if (kind === 2) return undefined;
    const j = text.indexOf(QUOTES[text[i]], end);
    return j < 0 ? undefined : [i + 1, j];
  }
  return undefined;
}

/** A sentence telling what happened before the rename: the rename itself (更名/改为), 原…, or a year before it. */
const RENAMING = /更名|改名|改为|更改为|调整为|改设|改组|撤销|前身/;
const FORMER = /原[省市县区州盟旗镇乡]?$/;

function aboutThePast(text: string, c: Citation): boolean {
  if (FORMER.test(text.slice(Math.max(0, c.start - 2), c.start))) return true;
  const [a, b] = sentenceAround(text, c.start, c.end);
  const sentence = text.slice(a, b);
  if (RENAMING.test(sentence)) return true;
  const renamed = Math.floor(c.ref.day / 10000);
  return [...sentence.matchAll(YEAR)].some((m) => Number(m[1]) < renamed);
}

/** Words that look back on a period rather than frame the year's work in it. */
const RETROSPECTIVE = /收官|总结|回顾|验收|期间|时期|以来|评估|成果|成效|完成|圆满|期末|规划实施情况/;
const YEAR = /(?<![—－\-–~～至\d])((?:19|20)\d{2})\s*年(?!\s*[—－\-–~～至])/g;

/** A plan period cited for a year after it ended: one finding, or, when the sentence names no year, one for the plan part and one for elsewhere. */
function expiredPeriod(r: Reading, text: string, c: Citation, out: LineOutdated[]): void {
  if (r.year === null || c.ref.untilDay === undefined) return;
  const [a, b] = sentenceAround(text, c.start, c.end);
  const sentence = text.slice(a, b);
  if (RETROSPECTIVE.test(sentence)) return;
  const until = Math.floor(c.ref.untilDay / 10000);
  const from = Math.floor(c.ref.day / 10000);
  const finding = (year: number, where: Where) => {
    if (year <= until) return;
    out.push({
      f: {
        start: c.start,
        end: c.end,
        message: t(r.locale, 'outdated-reference.period', { name: c.text, from, until, year }),
        data: { id: c.ref.id, kind: 'period', year, from, until },
      },
      where,
    });
  };
  // Years the sentence names (not inside a title 《…》 or a bracket, not a range), else the year
  // the text is about: the plan part's year is the one after the report year.
  const plain = sentence.replace(/《[^《》]*》|（[^（）]*）|\([^()]*\)/g, '');
  const named = [...plain.matchAll(YEAR)].map((m) => Number(m[1]));
  if (named.length === 0) {
    finding(r.year + 1, 'plan');
    finding(r.year, 'elsewhere');
  } else if (!named.some((y) => y <= until)) finding(named[0], 'any');
}

function inPlan(ctx: AnalysisContext, line: number): boolean {
  return ctx.outline.some((n) => n.parts.includes('next-year') && n.range.start.line <= line && line <= n.range.end.line);
}

const LIST_VERB = /贯彻|学习|落实|领会|宣传|指导/;
const ALL_PLENUMS = /历届|历次|各次|系列全会/;
/** A study session or a training on one plenum is an activity, not the guiding-thought list. */
const ACTIVITY = /^[^，。；]{0,12}精神(?:专题|培训|宣讲|讲座|学习会|研讨|测试|竞赛|辅导|进)|(?<!\d)\d+\s*(?:次|场|期|轮)/;

function later(a: readonly number[], b: readonly number[]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

const isMeeting = (r: Reference) => (r.kind === 'congress' || r.kind === 'plenum') && r.sequence !== undefined;

/** The latest congress or plenum that had taken place by the day (none without a day). */
function newestMeeting(table: ReferenceTable, day: number): Reference | undefined {
  if (!Number.isFinite(day)) return undefined;
  let newest: Reference | undefined;
  for (const r of table.entries) if (isMeeting(r) && r.day <= day && (!newest || later(r.sequence!, newest.sequence!))) newest = r;
  return newest;
}

/**
 * Per sentence of the line that studies or carries out the 精神 of congresses and plenums: the
 * latest it names against the latest that had taken place. Naming a congress alone (党的二十大精神)
 * is current until the next congress; naming its plenums commits the list to the latest plenum.
 */
function olderGuidingThought(locale: Locale, text: string, citations: readonly Citation[], newest: Reference, out: LineOutdated[]): void {
  // The meetings cited, by sentence (its bounds [a, b) as one number), in reading order.
  let bySentence: Map<number, { readonly a: number; readonly b: number; readonly list: Citation[] }> | undefined;
  for (const c of citations) {
    if (!isMeeting(c.ref)) continue;
    const [a, b] = sentenceAround(text, c.start, c.end);
    const key = a * (text.length + 1) + b;
    const sentence = (bySentence ??= new Map()).get(key);
    if (sentence) sentence.list.push(c);
    else bySentence.set(key, { a, b, list: [c] });
  }
  if (bySentence === undefined) return;
  for (const { a, b, list } of bySentence.values()) {
    const last = list.reduce((x, y) => (later(y.ref.sequence!, x.ref.sequence!) ? y : x));
    const sentence = text.slice(a, b);
    const after = text.slice(last.end, b);
    if (
      !/^[^，。；]{0,12}精神/.test(after) ||
      /^\s*以来/.test(after) ||
      !LIST_VERB.test(sentence) ||
      ALL_PLENUMS.test(sentence) ||
      ACTIVITY.test(after) ||
      ACTIVITY.test(sentence)
    )
      continue;
    const cited = last.ref.sequence!;
    const seq = newest.sequence!;
    const outdated = cited[0] < seq[0] || (cited[0] === seq[0] && cited[1] > 0 && cited[1] < seq[1]);
    if (!outdated) continue;
    out.push({
      f: {
        start: last.start,
        end: last.end,
        message: t(locale, 'outdated-reference.guiding', { cited: last.text, newer: newest.display, date: formatDay(newest.date, locale) }),
        data: { id: last.ref.id, kind: 'guiding-thought', newer: newest.id },
      },
      where: 'guiding',
    });
  }
}
