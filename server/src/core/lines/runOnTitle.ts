/**
 * The title inside the header of a page flattened into one line (DOMAIN.md §7; runOn.ts asks it):
 * the words that end in 报告/总结 and begin at 关于 or the year, with the issuing body's name when it
 * is run straight into them (临江县人民政府关于…的报告), found after any amount of page chrome and
 * whatever chrome is glued before it (`- [ 时效 ] 现行有效某某镇人民政府2024年…报告`,
 * `首页政务公开…某某县司法局2023年度…报告`). What a crawler writes is never the title: a local
 * path or an address (…报告.html), a column name (法治政府建设年度报告: no year, no 关于), a template
 * site's sentence about its copy (…整理的2023年…报告，供大家参考。), a link to another page (上一篇：…).
 */
import rawDebris from '../data/debris.json';
import { isIssuingBody } from './debrisGuard';

/** Where a title may end: 报告 or 总结, not a verb (报告如下, 报告会, 总结中). */
const TITLE_END = /(?:报告|总结)(?![如中书会期])/g;
/** A title's characters: words, digits, the brackets and marks a title may hold. */
const TITLE_CHAR = /[\u3400-\u9fff0-9０-９（）()《》“”"、·—]/;
/** After a title's last word: no path, file name or address goes on (…报告.html, …报告/), no sentence goes on (…报告，供大家参考). */
const NOT_AFTER_TITLE = /^[.．/\\，,、。；;A-Za-z_-]/;
const MAX_TITLE = 80;
/** Where a title's own words begin: 关于, or a year (not a date: 2024年3月4日 is a page's date line). */
const CORE_ABOUT = /关于/g;
const CORE_YEAR =
  /(?<![0-9０-９])(?:(?:19|20)[0-9]{2}|二[〇○零][一二三四五六七八九〇○零]{2})\s*年(?!\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月)/g;
/** A link to another page before the words (上一篇：…): they name that page. */
const LINK_BEFORE = /(?:上一篇|下一篇|上一条|下一条|相关阅读|相关文章|相关链接)[:：]?$/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Words of a portal that may be glued before the title's issuing body (现行有效, 政策文件, 关闭窗口, 某某县人民政府门户网站). */
const CHROME_WORD = new RegExp(
  `(?:${[...rawDebris.navigationWords, ...rawDebris.toolWords.filter((w) => w.length >= 2), ...rawDebris.metadataValueWords]
    .filter((w) => /^[\u4e00-\u9fa5A-Za-z]+[\u4e00-\u9fa5]$/.test(w))
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join(
      '|',
    )}|[\u4e00-\u9fa5]{2,24}?(?:门户网站|政府网|政务网|网站)|星期[一二三四五六日天]|大中小|农历[\u4e00-\u9fa5]{2,4}(?=[\u4e00-\u9fa5]))`,
  'y',
);
/** A field whose value is a validity word or nothing ([ 有效性 ]重庆市…关于…): the name may follow it straight. */
const VALIDITY_FIELD = /有效|时效/;
/** A portal field's label right before (来源：, [ 主题分类 ]). */
const FIELD_BEFORE = new RegExp(
  `(?:${rawDebris.metadataFields
    .filter((f) => !VALIDITY_FIELD.test(f))
    .map(escape)
    .join('|')})(?:[:：]|[\\]】])$`,
);
/** A field's label glued to `at` (主题分类：其他…; after a space the value is empty: a line break was there). */
function fieldRightBefore(text: string, lo: number, at: number): boolean {
  const before = text.slice(Math.max(lo, at - 12), at);
  return !/\s$/.test(before) && FIELD_BEFORE.test(before.replace(/\s+/g, ''));
}
/** A place's name alone before the year (某某区2023年度…报告): part of the title like a body's name. */
const PLACE = /^[\u4e00-\u9fa5]{2,14}(?:省|自治区|市|自治州|州|盟|县|自治县|区|旗)$/;
/** Two bodies' names in a row (中共某某镇委员会某某镇人民政府): the 发文机关 line run into the title, not the title. */
const INNER_BODY = /(?:委员会|人民政府|党委|党工委)(?=[\u4e00-\u9fa5])/;
const PORTAL_IN_NAME = /网|星期|首页|门户|栏目|位置/;

/** The title inside [from, to) of a run-on line: its start and end, or null. */
export function titleInRun(text: string, from: number, to: number): [number, number] | null {
  let best: [number, number] | null = null;
  let bestScore = -1;
  let lastStart = -1;
  TITLE_END.lastIndex = from;
  for (let m = TITLE_END.exec(text); m && m.index < to; m = TITLE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to || NOT_AFTER_TITLE.test(text.slice(end, end + 1))) continue;
    let start = end;
    while (start > from && end - start < MAX_TITLE && TITLE_CHAR.test(text[start - 1])) start--;
    // The words of a longer run already read as a title (…年度报告本报告根据…): one title.
    if (start <= lastStart) continue;
    if (LINK_BEFORE.test(text.slice(Math.max(from, start - 10), start).replace(/\s+/g, '')) || insideBookTitle(text, from, end)) continue;
    const run = text.slice(start, end);
    const core = coreStart(run);
    if (core < 0) continue;
    let at = headStart(text, from, start + core);
    if (at === start && core === 0) at = wrappedStart(text, from, start);
    lastStart = start;
    const t = text.slice(at, end);
    const score = (/(?:19|20)\d{2}|二[〇○零]/.test(t) ? 4 : 0) + (t.includes('关于') ? 2 : 0) + (/法治|政府/.test(t) ? 1 : 0);
    // The last of the best: a portal's chrome (a metadata 名称, a crawler's header) comes before the report's own title.
    if (score >= bestScore) {
      best = [at, end];
      bestScore = score;
    }
  }
  return best;
}

/**
 * Where the words run into the title at `ts` begin when a portal field's label stands before them
 * ([ 主题分类 ]其他某某县2024年…: the value and the title's place name cannot be told apart), else
 * `ts`: no chrome is cut after that point.
 */
export function fieldValueStart(text: string, lo: number, ts: number): number {
  let from = ts;
  while (from > lo && ts - from < MAX_TITLE && /[\u4e00-\u9fa5]/.test(text[from - 1])) from--;
  return from < ts && fieldRightBefore(text, lo, from) ? from : ts;
}

/** Where the title's own words begin in a run of title characters: its last 关于, else its first year; -1 when neither. */
function coreStart(run: string): number {
  let about = -1;
  CORE_ABOUT.lastIndex = 0;
  for (let m = CORE_ABOUT.exec(run); m; m = CORE_ABOUT.exec(run)) about = m.index;
  if (about >= 0) return about;
  CORE_YEAR.lastIndex = 0;
  const y = CORE_YEAR.exec(run);
  return y ? y.index : -1;
}

/**
 * Where the title starts before its 关于 or year at `core` (not before `lo`): after the chrome glued
 * to it, with the issuing body's or place's name run straight into it, else at `core`.
 */
function headStart(text: string, lo: number, core: number): number {
  // Only words: a digit or a mark before them belongs to something else.
  let from = core;
  while (from > lo && core - from < MAX_TITLE && /[\u4e00-\u9fa5]/.test(text[from - 1])) from--;
  // A number's unit ends it (临府文〔2024〕3号临江县…, 开头部分已省略500字重庆市…): the name starts after.
  if (from > lo && /[0-9０-９]/.test(text[from - 1]) && /[号字次页条]/.test(text[from])) from++;
  // A portal field's value comes first (作者：张三…, 主题分类：其他…): where it ends no one can tell.
  if (fieldRightBefore(text, lo, from)) return core;
  // A portal word written with letters (QQ空间) is read whole.
  let scan = from;
  while (scan > lo && /[A-Za-z]/.test(text[scan - 1])) scan--;
  // The name starts right after a portal word glued before it (首页政务公开某某县司法局), the last
  // after which a name stands (某某县政务服务中心 holds 政务服务), else at the run's start.
  const named = (at: number) => {
    const head = text.slice(at, core);
    return head !== '' && (isIssuingBody(head) || PLACE.test(head)) && !INNER_BODY.test(head) && !PORTAL_IN_NAME.test(head);
  };
  let after = -1;
  for (let q = scan; q < core; q++) {
    CHROME_WORD.lastIndex = q;
    const m = CHROME_WORD.exec(text);
    const end = m ? q + m[0].length : q;
    if (end > q && end < core && end > after && named(end)) after = end;
  }
  const at = after >= 0 ? after : named(from) ? from : core;
  return at < core && partyBodyBefore(text, lo, at) ? core : at;
}

/** A party committee's name (中共某某镇委员会, 中共旺草镇党委, 某某镇党工委): the first of a joint 发文机关 line. */
const PARTY_BODY = /^(?:中共[\u4e00-\u9fa5]{1,30}|[\u4e00-\u9fa5]{1,30}(?:委员会|党委|党工委))$/;
/** Portal fields' labels (not a validity field's: its value is no body), looked up by the words before a value. */
const FIELDS = new Set(rawDebris.metadataFields.filter((f) => !VALIDITY_FIELD.test(f)));
const LONGEST_FIELD = Math.max(...[...FIELDS].map((f) => f.length));

/** A portal field's label, with or without its colon or bracket, right before `at` (发布机构 中共某某镇委员会). */
function fieldLabelBefore(text: string, lo: number, at: number): boolean {
  let k = at;
  while (k > lo && /[\s:：\]】]/.test(text[k - 1])) k--;
  for (let n = 1; n <= LONGEST_FIELD && k - n >= lo; n++) if (FIELDS.has(text.slice(k - n, k))) return true;
  return false;
}

/**
 * The 发文机关 line of two bodies run into the title (中共旺草镇党委 旺草镇人民政府2024年…报告, the line
 * break lost after it): a party committee's name, then white space, then the government's name at
 * `at`. The title starts at its year or 关于, as when the two names stand together (INNER_BODY); the
 * names stay the writer's words. Not when the committee's name is a portal field's value (发布机构 …).
 */
function partyBodyBefore(text: string, lo: number, at: number): boolean {
  let k = at;
  while (k > lo && /[ \t\u3000]/.test(text[k - 1])) k--;
  if (k === at) return false;
  let j = k;
  while (j > lo && k - j < 40 && /[\u4e00-\u9fa5]/.test(text[j - 1])) j--;
  const name = text.slice(j, k);
  return PARTY_BODY.test(name) && isIssuingBody(name) && !fieldLabelBefore(text, lo, j);
}

/**
 * A title wrapped after its 关于 (永宁县人民政府关于 / 2023年度…报告) and flattened with a space for the
 * break: it starts before the space. `start` where the words after the space begin.
 */
function wrappedStart(text: string, from: number, start: number): number {
  let gap = start;
  while (gap > from && /[ \t\u3000]/.test(text[gap - 1])) gap--;
  if (gap === start || gap - 2 < from || text.slice(gap - 2, gap) !== '关于') return start;
  return headStart(text, from, gap - 2);
}

/** Inside 《…》 (a document's name: 《关于做好2023年度法治政府建设年度报告工作的通知》). */
function insideBookTitle(text: string, from: number, at: number): boolean {
  let open = 0;
  for (let k = from; k < at; k++) {
    if (text[k] === '《') open++;
    else if (text[k] === '》' && open > 0) open--;
  }
  return open > 0;
}
