/**
 * Text that lost its line breaks (DOMAIN.md §7): the title, the lead, the headings and the
 * paragraphs run together in one line (…报告如下：一、…（一）…。二、…). This module finds where the
 * breaks belong, one line at a time: at each heading ordinal inside the line that continues the
 * numbering (一、 after ：or 。, （一） after a level-1 title, 1. and （1） after a sentence), and,
 * before the first heading, after the title and the addressee. The outline reads such a line
 * as the pieces between those breaks; the `run-on-text` rule offers to insert them.
 */
import type { CleanLine } from './cleanLines';
import { isBodyLine } from './frameLines';
import { parseSmallChineseNumber } from '../text/numerals';
import { skipSpaces, trimEndIndex } from '../text/lineIndex';
import { addressLine, chromeTokenAt, tailChromeStart, tailWordAt } from './chrome';
import { flatTokenAt } from './flatChrome';
import { isFrameText } from './debrisGuard';
import { mayRemove } from './removal';
import { fieldValueStart, titleInRun } from './runOnTitle';
import { afterCell, ARABIC, isRowLabel, PART_WORD } from './tableRows';

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
  /** Stretches of page chrome (line-relative [start, end)) run into the header: debris. */
  readonly chrome: readonly (readonly [number, number])[];
  /** Where the 落款 at the end of the line starts (issuing body, then the 成文日期), if it does. */
  readonly signature?: number;
  /** The title in the header (line-relative [start, end)), when one was found there (runOnTitle.ts). */
  readonly title?: readonly [number, number];
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
    // After a flattened table's last number cell (…收费\t0三、收到和处理…, …继续办理3100004四、…) a heading
    // may start: an Arabic number is never one with the Chinese ordinal after it.
    const cell = m.index > from && (rank === 1 ? ARABIC.test(prev) : afterCell(text, from, m.index));
    if (NUMERAL.test(prev) && !cell) continue;
    // 第（一）项 names a clause of a law (第二十条第（一）项), not a heading.
    if ((rank === 2 || rank === 4) && prev === '第') continue;
    // （一） may follow a level-1 title directly; the others follow a sentence or clause end.
    if (
      rank !== 2 &&
      m.index > from &&
      !BOUNDARY.test(prev) &&
      !cell &&
      !afterAddress(text, from, m.index) &&
      !firstItemAfterTitle(text, from, m.index, rank, value)
    )
      continue;
    // A part heading follows a sentence or the lead's colon, not a clause (…；二、… is an enumeration).
    if (rank === 1 && m.index > from && /[；;，,、]/.test(prev)) continue;
    // A flattened table's row label (一、本年新收…申请数量\t10\t2…, （一）予以公开 6 1…) is no heading.
    if (isRowLabel(text, m.index + m[0].length, to)) continue;
    out.push({ at: m.index, rank, value });
  }
  return out;
}

/** What cannot stand in a level-1 heading's title before its first item: a sentence or clause mark, a number, a bracket. */
const NOT_IN_TITLE_BEFORE_ITEM = /[。！？!?；;，,：:、（(0-9０-９]/;
const MAX_TITLE_BEFORE_ITEM = 40;

/**
 * The first item (1. or （1）) run straight into a level-1 heading's title (一、坚持党的全面领导1.加强学习。):
 * it starts the items, the title ends before it. Only value 1, only right after the title's words.
 */
function firstItemAfterTitle(text: string, from: number, at: number, rank: number, value: number): boolean {
  if ((rank !== 3 && rank !== 4) || value !== 1 || !/[\u4e00-\u9fa5]/.test(text[at - 1])) return false;
  // Back over the title's words to the level-1 ordinal's 、 (scanned, not matched at the end: linear).
  let k = at;
  while (k > from && at - k < MAX_TITLE_BEFORE_ITEM && !NOT_IN_TITLE_BEFORE_ITEM.test(text[k - 1])) k--;
  if (k === at || k - 2 < from || !'、．'.includes(text[k - 1])) return false;
  return /[一二三四五六七八九十]/.test(text[k - 2]);
}

/** Right after a web address (a watermark's, …www.diyifanwen.com二、…): a heading may follow it. */
function afterAddress(text: string, from: number, at: number): boolean {
  if (!/[A-Za-z0-9/]/.test(text[at - 1] ?? '')) return false;
  const before = text.slice(Math.max(from, at - 80), at);
  const k = Math.max(before.lastIndexOf('www.'), before.lastIndexOf('://'));
  return k >= 0 && !/[\s\u3000\u4e00-\u9fa5]/.test(before.slice(k));
}

/**
 * Where the breaks of one line belong, or null when the line is not run-on. `nextLevel1` is the
 * level-1 value the document expects next (a run-on line may continue an earlier part).
 */
export function runOnBreaks(
  cl: CleanLine,
  nextLevel1: number,
  startsWithHeading: { rank: number; value: number } | null,
): RunOnLine | null {
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
  const found = candidates(text, cl.contentStart, cl.contentEnd);
  // 一、 inside a line while the document is past its part 一: an enumeration in a paragraph, not parts.
  if (nextLevel1 > 1 && found.some((c) => c.rank === 1 && c.value === 1 && c.at > cl.contentStart)) return null;
  for (const [k, c] of found.entries()) {
    if (c.at === cl.contentStart) continue;
    if (c.value !== expected[c.rank] && !skipsMissingPart(text, found, k, expected[1])) continue;
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
  const header: HeaderCut = startsWithHeading ? { breaks: [], chrome: [] } : headerBreaks(text, cl.contentStart, first);
  const lastBreak = Math.max(first, headingBreaks[headingBreaks.length - 1]);
  // The page's footer after the last sentence, then the 落款 before it.
  const afterSignature = tailAfterSignature(text, lastBreak, cl.contentEnd);
  const afterSentence = afterSignature >= 0 ? -1 : chromeAfterSentence(text, lastBreak, cl.contentEnd);
  const tail =
    afterSignature >= 0
      ? afterSignature
      : afterSentence >= 0
        ? afterSentence
        : tailChromeStart(text, lastBreak, cl.contentEnd, isFrameText, (t) => mayRemove(t));
  const end = tail >= 0 ? trimEndIndex(text, tail) : cl.contentEnd;
  const signature = signatureBreaks(text, lastBreak, end);
  const tailChrome: [number, number][] =
    tail < 0 ? [] : mayRemove(text.slice(tail, cl.contentEnd)) ? [[tail, cl.contentEnd]] : chromeTokens(text, tail, cl.contentEnd);
  const marks = watermarks(text, first, end, headingBreaks);
  return {
    breaks: [...header.breaks, ...headingBreaks, ...signature, ...marks.flat(), ...tailChrome.flat()].sort((a, b) => a - b),
    chrome: [...header.chrome, ...marks, ...tailChrome],
    firstHeading: first,
    startsWithHeading: startsWithHeading !== null,
    headings: accepted.length,
    ...(signature.length ? { signature: signature[0] } : {}),
    ...(header.title ? { title: header.title } : {}),
  };
}

/** How many level-1 values a run-on line may skip: parts left out of a report (四、 then 六、). */
const MAX_SKIP = 2;

/**
 * A level-1 ordinal past the one expected, after a sentence end or a table's last cell, when the values
 * it skips never come later on the line: the parts left out (…结转下年度继续办理\t1五、存在的主要问题…).
 */
function skipsMissingPart(text: string, found: readonly Candidate[], k: number, expected: number): boolean {
  const c = found[k];
  if (c.rank !== 1 || c.value <= expected || c.value - expected > MAX_SKIP) return false;
  let b = c.at;
  while (b > 0 && /[ \t\u3000]/.test(text[b - 1])) b--;
  if (!/[。！？!?0-9０-９]/.test(text[b - 1] ?? '')) return false;
  for (let j = k + 1; j < found.length; j++)
    if (found[j].rank === 1 && found[j].value >= expected && found[j].value < c.value) return false;
  return true;
}

/**
 * Words a part heading ends on (…情况, …成效, …原因, …安排). In run-on text the body follows the
 * heading with nothing between (…责任人职责情况镇党委书记…): the title is cut after the first of
 * these words that is not followed by a connective or another such word (举措和成效, 思路目标举措).
 */
const TITLE_END_WORD = new RegExp(PART_WORD.source, 'g');
const CONTINUES =
  /^(?:[和及与、，,的]|任务|完成|落实|推进|开展|执行|进展|及其|以及|方面|等|情况|成效|原因|安排|打算|举措|措施|不足|问题|思路|目标|计划|亮点|事项|做法|成绩|经验|分析|报告|汇报|[（(][^）)]{0,12}[）)]$)/;
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

/** A web address inside the body (a template site's watermark between paragraphs). */
const BODY_ADDRESS = /(?:https?:\/\/|www\.)[A-Za-z0-9.-]+[A-Za-z0-9./?=&_%#:~+-]*/g;
const MAX_WATERMARK = 40;

/**
 * A template site's watermark run in between the paragraphs of a flattened page (…办结。第一范文网
 * www.diyifanwen.com全面推进…): its site name and address, from the sentence end or heading before
 * it, when chrome.ts addressLine calls it a watermark (not a government's address, not a sentence)
 * and the guard lets it go.
 */
function watermarks(text: string, from: number, to: number, breaks: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  BODY_ADDRESS.lastIndex = from;
  for (let m = BODY_ADDRESS.exec(text); m && m.index < to; m = BODY_ADDRESS.exec(text)) {
    const floor = Math.max(from, m.index - MAX_WATERMARK, ...breaks.filter((b) => b <= m.index));
    let a = m.index;
    while (a > floor && !'。！？；'.includes(text[a - 1])) a--;
    a = skipSpaces(text, a);
    let e = Math.min(to, m.index + m[0].length);
    if (text[e] === '】' || text[e] === ']') e++;
    if (addressLine(text.slice(a, e).trim()) === 'watermark' && mayRemove(text.slice(a, e))) out.push([a, e]);
  }
  return out;
}

const SIGNATURE_DATE = /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?!\s*(?:星期|周)[一二三四五六日天])/g;

/**
 * Where the page's chrome starts after the 落款 of a flattened page ([from, to)), or -1: right after
 * the last 成文日期 that follows a sentence and the issuing bodies (…。某某县司法局2025年1月20日), when a
 * token of chrome starts there (flatChrome.ts: 【打印】, 分享到：, 本文由…整理，…). What follows the 落款
 * otherwise (（此件公开发布）, 附件：…) stays the writer's.
 */
function tailAfterSignature(text: string, from: number, to: number): number {
  let found = -1;
  SIGNATURE_DATE.lastIndex = from;
  for (let m = SIGNATURE_DATE.exec(text); m && m.index < to; m = SIGNATURE_DATE.exec(text)) {
    let b = m.index;
    while (b > from && m.index - b <= MAX_ISSUER && !NOT_IN_SIGNATURE.test(text[b - 1])) b--;
    if (b <= from || !SENTENCE_END.test(text[b - 1])) continue;
    const body = withoutWatermark(text.slice(b, m.index)).trim();
    if (body && !isFrameText(body)) continue;
    const p = skipSpaces(text, m.index + m[0].length);
    if (p < to && flatTokenAt(text, p, to, isFrameText) > p) found = p;
  }
  return found;
}

/** How far back from the end of a flattened page its footer is looked for: sentence ends, characters. */
const MAX_TAIL_SENTENCES = 4;
const MAX_TAIL = 600;

/**
 * Where the page's chrome starts right after one of the last sentences of a flattened page whose
 * 落款 date was not found, or -1: when everything from there to the end is chrome, token after token
 * (flatChrome.ts: 分享到：微信 微博, 来源：某某县司法局, 【打印本页】, 本文由…整理，转载请注明出处。), up to
 * the end or to a footer word (主办单位, 上一篇：) that takes the rest. The earliest such sentence
 * end wins (a template site's outro ends on 。 itself). Nothing that is no chrome token is passed
 * over, so a 落款 or a 附注 after the last sentence (某某县司法局, （此件公开发布）) leaves the tail to
 * tailChromeStart.
 */
function chromeAfterSentence(text: string, from: number, to: number): number {
  let found = -1;
  for (let k = to - 1, seen = 0; k >= from && to - k <= MAX_TAIL && seen < MAX_TAIL_SENTENCES; k--) {
    if (!'。！？'.includes(text[k])) continue;
    seen++;
    const p = skipSpaces(text, k + 1);
    if (p < to && chromeToEnd(text, p, to)) found = p;
  }
  return found;
}

/**
 * Whether [p, to) is chrome tokens all the way, each one the guard lets go, or up to a footer word
 * whose rest the guard lets go whole (…。返回顶部按钮旁设置了…入口。 is the writer's sentence).
 */
function chromeToEnd(text: string, p: number, to: number): boolean {
  while (p < to) {
    if (tailWordAt(text, p)) return mayRemove(text.slice(p, to));
    const n = flatTokenAt(text, p, to, isFrameText);
    if (n <= p || !mayRemove(text.slice(p, n))) return false;
    p = skipSpaces(text, n);
  }
  return true;
}

/**
 * The words between the last sentence and the 落款's date without a template site's watermark before
 * the bodies (…。第一范文网 www.diyifanwen.com 中共某某乡委员会 某某乡人民政府 2024年2月2日): the bodies.
 */
function withoutWatermark(between: string): string {
  let end = -1;
  BODY_ADDRESS.lastIndex = 0;
  for (let m = BODY_ADDRESS.exec(between); m; m = BODY_ADDRESS.exec(between)) end = m.index + m[0].length;
  if (end < 0) return between;
  if (between[end] === '】' || between[end] === ']') end++;
  return addressLine(between.slice(0, end).trim()) === 'watermark' ? between.slice(end) : between;
}

/** The date that ends a run-on line (its trailing space cut first). */
const DATE_AT_END = /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const SENTENCE_END = /[。！？；;]/;
/** What cannot stand between the last sentence and the date: a sentence end, a comma or a colon. */
const NOT_IN_SIGNATURE = /[。！？；;，,：:]/;
const MAX_ISSUER = 60;

/**
 * Breaks before the issuing body and before the date at the end of a run-on line (none when absent):
 * the 落款 run on after the last sentence, …。某某镇人民政府 2025年1月20日. Found by scanning back from
 * the date, not by one pattern from each sentence end (that pattern was polynomial on long lines).
 */
function signatureBreaks(text: string, from: number, to: number): number[] {
  const tail = text.slice(from, to).trimEnd();
  const date = DATE_AT_END.exec(tail);
  if (!date) return [];
  let end = date.index;
  while (end > 0 && !NOT_IN_SIGNATURE.test(tail[end - 1])) end--;
  if (end === 0 || !SENTENCE_END.test(tail[end - 1])) return [];
  const between = tail.slice(end, date.index);
  const body = between.trim();
  if (body.length > MAX_ISSUER || (body && !isBodyLine(body))) return [];
  const dateAt = from + date.index;
  const bodyAt = from + end + (between.length - between.trimStart().length);
  return body ? [bodyAt, dateAt] : [dateAt];
}

const ADDRESSEE_IN_RUN = /^[^。，,；;：:\s]{2,40}[：:]/;
const NOT_ADDRESSEE = /如下|现将|报告|汇报/;

/** The header of a run-on line: where its pieces start, and which stretches are page chrome. */
interface HeaderCut {
  readonly breaks: number[];
  readonly chrome: [number, number][];
  readonly title?: [number, number];
}

/**
 * Breaks before the first heading: around the title, after the chrome that follows it, after the
 * addressee. Before the title only what is recognised as chrome token by token (a breadcrumb and
 * its crumbs, metadata fields, reading tools) is chrome, each token judged by the guard: the
 * issuing bodies and the 发文字号 run into the header stay the writer's (某某县人民政府 某府发[2025]3号).
 */
function headerBreaks(text: string, from: number, to: number): HeaderCut {
  const breaks: number[] = [];
  const chrome: [number, number][] = [];
  const title = titleInRun(text, from, to);
  let lead = skipSpaces(text, from);
  if (title) {
    const [ts, te] = title;
    if (ts > lead) {
      for (const [a, b] of chromeTokens(text, lead, fieldValueStart(text, lead, ts))) {
        chrome.push([a, b]);
        breaks.push(a, b);
      }
      breaks.push(ts);
    }
    lead = chromeEnd(text, te, to);
    const after = skipSpaces(text, te);
    if (lead > after && mayRemove(text.slice(after, lead))) chrome.push([after, lead]);
    breaks.push(te);
    if (lead > te && lead < to) breaks.push(lead);
  }
  const a = ADDRESSEE_IN_RUN.exec(text.slice(lead, to));
  if (a && !NOT_ADDRESSEE.test(a[0]) && lead + a[0].length < to) breaks.push(lead + a[0].length);
  return { breaks: [...new Set(breaks.filter((b) => b > from && b < to))].sort((x, y) => x - y), chrome, ...(title ? { title } : {}) };
}

/** What stands between tokens of chrome and does not part them: white space. */
const BOUNDARY_CHAR = /[\s\u3000>＞»›|｜\]】）):：。，,]/;

/**
 * The stretches of chrome in [from, to), token by token (chrome.ts headerTokenAt), each token at a
 * boundary and judged by the guard on its own (removal.ts); tokens next to each other are one stretch.
 */
function chromeTokens(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let p = from;
  let boundary = true;
  while (p < to) {
    if (/[\s\u3000]/.test(text[p])) {
      p = Math.max(p + 1, skipSpaces(text, p));
      boundary = true;
      continue;
    }
    const end = boundary ? flatTokenAt(text, p, to, isFrameText) : p;
    if (end > p) {
      const goes = mayRemove(text.slice(p, end));
      const last = out[out.length - 1];
      // Tokens next to each other are one stretch while the stretch, judged whole, may go too.
      if (goes && last && text.slice(last[1], p).trim() === '' && mayRemove(text.slice(last[0], end))) last[1] = end;
      else if (goes) out.push([p, end]);
      p = skipSpaces(text, end);
      boundary = true;
      continue;
    }
    boundary = BOUNDARY_CHAR.test(text[p]);
    p++;
  }
  return out.map(([a, b]) => [a, trimEndIndex(text, b)]);
}

/** Past the chrome that starts at `at` (metadata with a date or count, reading tools): where the report goes on. */
function chromeEnd(text: string, at: number, to: number): number {
  let pos = at;
  for (let guard = 0; guard < 40; guard++) {
    const p = skipSpaces(text, pos);
    const n = chromeTokenAt(text, p, to);
    if (n <= p) return p;
    pos = n;
  }
  return pos;
}
/** The pieces of a run-on line between its breaks, each as a line of its own (same physical line); chrome pieces are debris. */
export function runOnPieces(cl: CleanLine, ro: Pick<RunOnLine, 'breaks' | 'chrome'>): CleanLine[] {
  const out: CleanLine[] = [];
  const cuts = [cl.contentStart, ...ro.breaks, cl.contentEnd];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const start = skipSpaces(cl.line.text, cuts[k]);
    const end = Math.max(start, trimEndIndex(cl.line.text, cuts[k + 1]));
    if (end <= start) continue;
    const chrome = ro.chrome.some(([a, b]) => start >= a && end <= b);
    out.push({ line: cl.line, debris: cl.debris, isDebris: chrome, contentStart: chrome ? end : start, contentEnd: end });
  }
  return out;
}
