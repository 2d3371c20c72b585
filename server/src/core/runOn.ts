/**
 * Text that lost its line breaks (DOMAIN.md §7): the title, the lead, the headings and the
 * paragraphs run together in one line (…报告如下：一、…（一）…。二、…). This module finds where the
 * breaks belong, one line at a time: at each heading ordinal inside the line that continues the
 * numbering (一、 after ：or 。, （一） after a level-1 title, 1. and （1） after a sentence), and,
 * before the first heading, after the title and the addressee. The outline reads such a line
 * as the pieces between those breaks; the `run-on-text` rule offers to insert them.
 */
import type { CleanLine } from './debris';
import { parseSmallChineseNumber } from './numerals';
import { skipSpaces, trimEndIndex } from './text';

/** Ordinals as they stand inside a run-on line: 一、 （一） 1. （1）. */
const CANDIDATE =
  /([一二三四五六七八九十]{1,3})[、．](?![一二三四五六七八九十][、季月类级])|[（(]([一二三四五六七八九十]{1,3})[）)]|([0-9]{1,2})[.．、](?![0-9０-９])|[（(]([0-9]{1,2})[）)]/g;
/** What may stand right before a mid-line 一、, 1. or （1）: the end of a sentence or clause. */
const BOUNDARY = /[。！？!?；;：:\s\u3000”"’）)】]/;
const NUMERAL = /[一二三四五六七八九十0-9０-９]/;
/** A line shorter than this is not called run-on for its level-2 ordinals alone. */
const MIN_RUN_ON = 100;

export interface RunOnLine {
  /** Line-relative offsets where a line break belongs (sorted, inside the content). */
  readonly breaks: readonly number[];
  /** The first break that is a heading (earlier breaks split the header: title, addressee). */
  readonly firstHeading: number;
  /** True when the line itself starts with a heading (then no piece of it is header). */
  readonly startsWithHeading: boolean;
  /** How many headings stand inside the line. */
  readonly headings: number;
}

interface Candidate {
  readonly at: number;
  readonly rank: number;
  readonly value: number;
}

function candidates(text: string, from: number, to: number): Candidate[] {
  const out: Candidate[] = [];
  CANDIDATE.lastIndex = from;
  let book = 0;
  let scanned = from;
  for (let m = CANDIDATE.exec(text); m && m.index < to; m = CANDIDATE.exec(text)) {
    // Not inside 《…》 (document names carry their own numbers).
    for (; scanned < m.index; scanned++) {
      const ch = text[scanned];
      if (ch === '《') book++;
      else if (ch === '》' && book > 0) book--;
    }
    if (book > 0) continue;
    const rank = m[1] ? 1 : m[2] ? 2 : m[3] ? 3 : 4;
    const digits = m[1] ?? m[2] ?? m[3] ?? m[4];
    const value = rank === 1 || rank === 2 ? parseSmallChineseNumber(digits) : Number(digits);
    if (value === null || value <= 0) continue;
    const prev = m.index > from ? text[m.index - 1] : '';
    if (NUMERAL.test(prev)) continue;
    // （一） may follow a level-1 title directly; the others follow a sentence or clause end.
    if (rank !== 2 && m.index > from && !BOUNDARY.test(prev)) continue;
    out.push({ at: m.index, rank, value });
  }
  return out;
}

/**
 * Where the breaks of one line belong, or null when the line is not run-on. `nextLevel1` is the
 * level-1 value the document expects next (a run-on line may continue an earlier part).
 */
export function runOnBreaks(cl: CleanLine, nextLevel1: number, startsWithHeading: { rank: number; value: number } | null): RunOnLine | null {
  if (cl.isDebris || cl.contentEnd - cl.contentStart < 40) return null;
  const text = cl.line.text;
  const expected = [0, nextLevel1, 1, 1, 1];
  const reset = (rank: number) => {
    for (let r = rank + 1; r <= 4; r++) expected[r] = 1;
  };
  if (startsWithHeading) {
    expected[startsWithHeading.rank] = startsWithHeading.value + 1;
    reset(startsWithHeading.rank);
  }
  const accepted: Candidate[] = [];
  for (const c of candidates(text, cl.contentStart, cl.contentEnd)) {
    if (c.at === cl.contentStart) continue;
    if (c.value !== expected[c.rank]) continue;
    // A lower level needs an open level above it on this line or at its start.
    if (c.rank > 1 && accepted.length === 0 && !startsWithHeading && c.rank !== 2) continue;
    accepted.push(c);
    expected[c.rank] = c.value + 1;
    reset(c.rank);
  }
  const level1 = accepted.filter((c) => c.rank === 1).length;
  const level2 = accepted.filter((c) => c.rank === 2).length;
  const runOn =
    level1 >= 2 ||
    (level1 >= 1 && accepted.length >= 2) ||
    (startsWithHeading !== null && startsWithHeading.rank === 1 && level2 >= 2 && cl.contentEnd - cl.contentStart >= MIN_RUN_ON);
  if (!runOn) return null;
  const headingBreaks: number[] = [];
  accepted.forEach((c, k) => {
    headingBreaks.push(c.at);
    if (c.rank !== 1) return;
    const cut = titleCut(text, c.at, k + 1 < accepted.length ? accepted[k + 1].at : cl.contentEnd);
    if (cut > 0) headingBreaks.push(cut);
  });
  if (startsWithHeading?.rank === 1) {
    const cut = titleCut(text, cl.contentStart, accepted[0].at);
    if (cut > 0) headingBreaks.unshift(cut);
  }
  const first = accepted[0].at;
  const header = startsWithHeading ? [] : headerBreaks(text, cl.contentStart, first);
  return { breaks: [...header, ...headingBreaks], firstHeading: first, startsWithHeading: startsWithHeading !== null, headings: accepted.length };
}

/**
 * Words a part heading ends on (…情况, …成效, …原因, …安排). In run-on text the body follows the
 * heading with nothing between (…责任人职责情况镇党委书记…): the title is cut after the first of
 * these words that is not followed by a connective or another such word (举措和成效, 思路目标举措).
 */
const TITLE_END_WORD = /情况|成效|原因|安排|打算|举措|措施|不足|问题|思路|目标|计划|亮点|事项|做法|成绩|经验/g;
const CONTINUES = /^(?:[和及与、，,的]|情况|成效|原因|安排|打算|举措|措施|不足|问题|思路|目标|计划|亮点|事项|做法|成绩|经验|分析|报告|汇报|[（(][^）)]{0,12}[）)]$)/;
const MAX_HEADING = 60;

/** Where the title of the level-1 heading at `at` ends when the body runs straight on, or -1. */
function titleCut(text: string, at: number, next: number): number {
  const limit = Math.min(next, at + MAX_HEADING);
  const stop = text.slice(at, limit).search(/[。！？!?：:；;]/);
  const end = stop < 0 ? limit : at + stop;
  TITLE_END_WORD.lastIndex = at;
  for (let m = TITLE_END_WORD.exec(text); m && m.index < end; m = TITLE_END_WORD.exec(text)) {
    const after = m.index + m[0].length;
    if (after >= end) return -1; // the title ends here anyway
    if (CONTINUES.test(text.slice(after, Math.min(end, after + 14)))) continue;
    return after;
  }
  return -1;
}

/** A title inside run-on text: up to 报告/总结 (not 报告如下), within the first 80 characters. */
const TITLE_IN_RUN = /^[^。，；：:]{4,80}?(?:报告|总结)(?![如中书会期])/;
const ADDRESSEE_IN_RUN = /^[^。，,；;：:\s]{2,40}[：:]/;
const NOT_ADDRESSEE = /如下|现将|报告|汇报/;
const HAS_TITLE_WORD = /年|法治|政府|信息公开/;

/** Breaks before the first heading: around white space, after the title, after the addressee. */
function headerBreaks(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let at = skipSpaces(text, from);
  let titleFound = false;
  while (at < to) {
    // The piece up to the next white space run.
    let end = at;
    while (end < to && !/[\s\u3000]/.test(text[end])) end++;
    let piece = text.slice(at, end);
    if (!titleFound) {
      const m = TITLE_IN_RUN.exec(piece);
      if (m && HAS_TITLE_WORD.test(m[0])) {
        titleFound = true;
        if (m[0].length < piece.length) {
          out.push(at + m[0].length);
          at += m[0].length;
          piece = piece.slice(m[0].length);
        }
      }
    }
    if (titleFound) {
      const a = ADDRESSEE_IN_RUN.exec(piece);
      if (a && !NOT_ADDRESSEE.test(a[0]) && a[0].length < piece.length) {
        out.push(at + a[0].length);
        at += a[0].length;
      }
    }
    const next = skipSpaces(text, end);
    if (next < to && next > end) out.push(next);
    at = next;
    if (titleFound && out.length >= 3) break;
  }
  return out.filter((b) => b > from && b < to);
}

/** The pieces of a run-on line between its breaks, each as a line of its own (same physical line). */
export function runOnPieces(cl: CleanLine, breaks: readonly number[]): CleanLine[] {
  const out: CleanLine[] = [];
  const cuts = [cl.contentStart, ...breaks, cl.contentEnd];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const start = skipSpaces(cl.line.text, cuts[k]);
    const end = Math.max(start, trimEndIndex(cl.line.text, cuts[k + 1]));
    if (end > start) out.push({ line: cl.line, debris: cl.debris, isDebris: false, contentStart: start, contentEnd: end });
  }
  return out;
}
