/**
 * `outdated-reference`: wording that was right once (DOMAIN.md §8) —
 * - an old name where a new one is official (法制宣传 → 法治宣传; 依法治县领导小组 → 委员会), with a
 *   quick fix when the replacement is a drop-in — a single fix the writer chooses, never part of
 *   fix-all (it changes words); never inside a quoted title or a sentence about the past;
 * - a plan period cited for a year after it ended (十四五 in the plan for 2026);
 * - a guiding-thought list (贯彻…精神) that stops at an older congress or plenum when a newer one
 *   had taken place by the report's date.
 * The names, periods and events are data (data/references.json, extendable in .govreport.json).
 */
import { t } from '../messages';
import type { Fix } from '../model';
import { citations, referenceDay, sentenceAround, type Citation } from '../references/scan';
import { formatDay, type Reference } from '../references/table';
import type { AnalysisContext } from './context';
import type { Emitted, Rule } from './rule';

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
    const all = citations(ctx, ctx.references);
    for (const c of all) {
      if (c.ref.kind === 'name' && c.ref.day <= day) {
        const f = oldName(ctx, c);
        if (f) emit(f);
      } else if (c.ref.kind === 'period') {
        const f = expiredPeriod(ctx, c);
        if (f) emit(f);
      }
    }
    for (const f of olderGuidingThought(ctx, all, day)) emit(f);
  },
};

function rangeOf(ctx: AnalysisContext, c: Citation) {
  const start = ctx.index.lineStart(ctx.lines[c.line].line.index);
  return ctx.index.range(start + c.start, start + c.end);
}

function oldName(ctx: AnalysisContext, c: Citation): Emitted | undefined {
  const text = ctx.lines[c.line].line.text;
  const quote = quoteAround(text, c.start, c.end);
  // A quoted title (《…关于开展法制宣传教育的…决议》) is the document's name, not the writer's wording.
  if (quote && quote[1] - quote[0] !== c.end - c.start) return undefined;
  if (aboutThePast(ctx, c)) return undefined;
  const replacement = (c.ref.replacement ?? '').replace(/\$(\d)/g, (_, n: string) => c.groups[Number(n) - 1] ?? '');
  const exact = c.ref.exact !== false && replacement !== '';
  const range = rangeOf(ctx, c);
  return {
    range,
    message: t(ctx.locale, exact ? 'outdated-reference.name' : 'outdated-reference.hint', { old: c.text, current: replacement }),
    data: { id: c.ref.id, kind: 'name', old: c.text, replacement, exact },
    // A quotation (《法制日报》, “法制宣传”) is written as it was: named, never rewritten.
    fixes:
      exact && !quote
        ? (): Fix[] => [
            {
              title: t(ctx.locale, 'outdated-reference.fix', { current: replacement }),
              edits: [{ range, newText: replacement }],
              preferred: true,
            },
          ]
        : undefined,
  };
}

const QUOTES: Readonly<Record<string, string>> = { '《': '》', '“': '”', '「': '」', '『': '』' };

/** The content bounds [from, to) of the quotation 《…》 or “…” around [start, end) in one line, if any. */
function quoteAround(text: string, start: number, end: number): [number, number] | undefined {
  for (let i = start - 1; i >= 0; i--) {
    const close = QUOTES[text[i]];
    if (close === undefined) {
      if (Object.values(QUOTES).includes(text[i])) return undefined;
      continue;
    }
    const j = text.indexOf(close, end);
    return j < 0 ? undefined : [i + 1, j];
  }
  return undefined;
}

/** A sentence telling what happened before the rename: the rename itself (更名/改为), 原…, or a year before it. */
const RENAMING = /更名|改名|改为|更改为|调整为|改设|改组|撤销|前身/;
const FORMER = /原[省市县区州盟旗镇乡]?$/;

function aboutThePast(ctx: AnalysisContext, c: Citation): boolean {
  const text = ctx.lines[c.line].line.text;
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

function expiredPeriod(ctx: AnalysisContext, c: Citation): Emitted | undefined {
  if (ctx.year === null || c.ref.untilDay === undefined) return undefined;
  const text = ctx.lines[c.line].line.text;
  const [a, b] = sentenceAround(text, c.start, c.end);
  const sentence = text.slice(a, b);
  if (RETROSPECTIVE.test(sentence)) return undefined;
  // Years the sentence names (not inside a title 《…》 or a bracket, not a range), else the year
  // the text is about: the plan part's year is the one after the report year.
  const plain = sentence.replace(/《[^《》]*》|（[^（）]*）|\([^()]*\)/g, '');
  const named = [...plain.matchAll(YEAR)].map((m) => Number(m[1]));
  const years = named.length ? named : [inPlan(ctx, c.line) ? ctx.year + 1 : ctx.year];
  const until = Math.floor(c.ref.untilDay / 10000);
  const from = Math.floor(c.ref.day / 10000);
  if (years.some((y) => y <= until)) return undefined;
  return {
    range: rangeOf(ctx, c),
    message: t(ctx.locale, 'outdated-reference.period', { name: c.text, from, until, year: years[0] }),
    data: { id: c.ref.id, kind: 'period', year: years[0], from, until },
  };
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

/**
 * Per sentence that studies or carries out the 精神 of congresses and plenums: the latest it names
 * against the latest that had taken place. Naming a congress alone (党的二十大精神) is current
 * until the next congress; naming its plenums commits the list to the latest plenum.
 */
function olderGuidingThought(ctx: AnalysisContext, all: readonly Citation[], day: number): Emitted[] {
  if (!Number.isFinite(day)) return [];
  let newest: Reference | undefined;
  for (const r of ctx.references.entries) {
    if ((r.kind === 'congress' || r.kind === 'plenum') && r.sequence && r.day <= day && (!newest || later(r.sequence, newest.sequence!)))
      newest = r;
  }
  if (!newest) return [];
  const bySentence = new Map<string, Citation[]>();
  for (const c of all) {
    if (!c.ref.sequence || (c.ref.kind !== 'congress' && c.ref.kind !== 'plenum')) continue;
    const [a, b] = sentenceAround(ctx.lines[c.line].line.text, c.start, c.end);
    const key = `${c.line}:${a}:${b}`;
    const list = bySentence.get(key);
    if (list) list.push(c);
    else bySentence.set(key, [c]);
  }
  const out: Emitted[] = [];
  for (const [key, list] of bySentence) {
    const [line, a, b] = key.split(':').map(Number);
    const text = ctx.lines[line].line.text;
    const sentence = text.slice(a, b);
    const last = list.reduce((x, y) => (later(y.ref.sequence!, x.ref.sequence!) ? y : x));
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
      range: rangeOf(ctx, last),
      message: t(ctx.locale, 'outdated-reference.guiding', {
        cited: last.text,
        newer: newest.display,
        date: formatDay(newest.date, ctx.locale),
      }),
      data: { id: last.ref.id, kind: 'guiding-thought', newer: newest.id },
    });
  }
  return out;
}
