/**
 * The debris guard: can this line be report text? Debris (web chrome, page numbers) is removed
 * by a quick fix, fix-all and source.fixAll, so a line is only debris when it cannot be the
 * writer's own words. Whatever recognises debris — the patterns in data/debris.json, the tail
 * after 返回顶部, and any recognition added later — asks this first, and the debris fix asks it
 * again before it removes a line. The line is judged whole: a pattern that matches its start
 * (扫一扫, 分享, 主办单位：, 来源：) decides nothing if the rest of the line reads as a report.
 *
 * A line can be report text when it has any of:
 * - a heading ordinal at its start (一、 （一） 1. （1） 一是), before words or a year (三、2025年工作安排);
 * - a sentence end (。！？);
 * - a count with its unit (36件, 500册, 12个) that is not a page's visit counter (浏览次数：36次);
 * - a verb of the report's vocabulary (受理, 办理, 开展, 编印 …; data/debris.json reportVerbs),
 *   unless the line is a link to another page (上一篇：关于开展…的通知; data/debris.json linkLabels);
 * - the frame of a 公文 (GB/T 9704): nothing but issuing bodies' names, 发文字号 and a 成文日期
 *   (某某县人民政府 某府发〔2025〕3号, 某某镇人民政府 2025年1月20日);
 * - a 发文字号 that is not a metadata field's value (某府发[2025]3号, not 文号：某府发〔2025〕3号);
 * - a report's title (…关于2024年法治政府建设情况的报告: 报告 or 总结 at the end, a year or 关于,
 *   no label, link or bracket);
 * - a 附注 (GB/T 9704 §7.3.7: （此件公开发布）, (此件主动公开), （此件依申请公开）) anywhere in it: a span
 *   that holds one is never let go, whatever chrome stands around it.
 * Chrome has none of these: it is labels, links, names, dates and numbers without units. Commas
 * alone say nothing (建议使用IE9以上浏览器，1366*768分辨率浏览本站 is chrome). A template site's own
 * words are never the writer's, whatever their punctuation (以下是小编为大家整理的…，供大家参考。;
 * data/debris.json templateMarks), unless they hold a count.
 */
import rawDebris from '../data/debris.json';
import figureWords from '../data/figures.json';
import { DATE_LINE, isBodyLine } from './frameLines';
import { toHalfWidthDigits } from '../text/numerals';

const HEADING_START =
  /^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[ \t\u3000]*[、．.]|[（(][ \t\u3000]*[一二三四五六七八九十]{1,3}[ \t\u3000]*[）)]|[0-9０-９]{1,2}[ \t\u3000]*[.．、](?![0-9０-９])|[（(][ \t\u3000]*[0-9０-９]{1,2}[ \t\u3000]*[）)]|[一二三四五六七八九十]{1,3}是)[ \t\u3000]*[\u3400-\u9fff0-9０-９]/;
const SENTENCE_END = /[。！？]/;
const FULL_STOP = '。'.charCodeAt(0);
const EXCLAMATION = '！'.charCodeAt(0);
const QUESTION = '？'.charCodeAt(0);

/**
 * Whether the text holds a sentence end (SENTENCE_END), its last character looked at first: most
 * lines of a report end with one, and the regex read them to their end to find it (round 17).
 */
function hasSentenceEnd(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === FULL_STOP || last === EXCLAMATION || last === QUESTION || SENTENCE_END.test(text);
}
/** A visit counter or a page number: numbers chrome shows with a unit-like word. */
const COUNTERS = /(?:浏览|访问|阅读|点击)(?:次数|量|数)?\s*(?:[:：]\s*)?[0-9０-９]+\s*次?|第\s*[0-9０-９]+\s*页|共\s*[0-9０-９]+\s*页/g;
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An Arabic count right before a unit (the units figure extraction knows). */
// Not 分 (a score, or 1366*768分辨率 in a browser notice).
const COUNT = new RegExp(
  `[0-9０-９](?:余|多)?(?:${figureWords.units
    .filter((u) => u !== '分')
    .map(escape)
    .join('|')})`,
);
const VERBS = new RegExp(rawDebris.reportVerbs.map(escape).join('|'));
const LINK_LABEL = new RegExp(`^[【\\[]?\\s*(?:${rawDebris.linkLabels.map(escape).join('|')})\\s*(?:[】\\]]\\s*)?[:：]`);

const TEMPLATE_MARK = new RegExp(rawDebris.templateMarks.map((p) => `(?:${p})`).join('|'));
const MAX_TEMPLATE_LINE = 150;

/** Can this line (its text, with or without indentation) be the writer's own words? */
export function canBeReportText(line: string): boolean {
  const text = line.trim();
  if (text.length === 0) return false;
  return readsAsWriting(text) || isFrameText(text) || hasOwnDocNumber(text) || isTitleText(text) || NOTE.test(text);
}

/** A 附注 of GB/T 9704 in brackets: how the document is published (（此件公开发布）, (此件主动公开)). */
const NOTE = /[（(][ \u3000]*此件[^（）()]{1,20}[）)]/;

/**
 * The guard's first half: a heading, a sentence, a report verb, a count (the second half is the
 * frame: bodies, 发文字号, dates, titles). A template site's intro or outro (小编…供大家参考。) is
 * the site's, though it ends a sentence.
 */
export function readsAsWriting(line: string): boolean {
  const text = line.trim();
  // The counts only once the counters are out of the way (浏览次数：36次 counts nothing).
  const counts = () => COUNT.test(text.includes('次') || text.includes('页') ? text.replace(COUNTERS, ' ') : text);
  if (text.length <= MAX_TEMPLATE_LINE && TEMPLATE_MARK.test(text) && !counts()) return false;
  // The sentence end first: its last-unit check answers for most of the body's lines without a regex
  // (both checks are pure: the order changes only the cost — round 20).
  if (hasSentenceEnd(text) || HEADING_START.test(text)) return true;
  // A verb counts outside links to other pages: 下一篇：关于开展…的通知 names a page, it says nothing.
  if (VERBS.test(text) && !LINK_LABEL.test(text)) return true;
  return counts();
}

/** The lead's last words (现将有关情况报告如下：): the body begins. */
const LEAD_END = /如下\s*[:：]$/;

/**
 * The 主送机关 (区委、区政府： / 县委：): the letter begins, so a portal's info bar (发布时间：… 来源：…) is
 * above it, never below. Names of bodies only, with the colon ending the line.
 */
const ADDRESSEE = /^[\u4e00-\u9fa5、，,]{0,30}(?:委|政府|人大|政协|党组|办公室|局|厅)[\u4e00-\u9fa5]{0,4}[:：]$/;

/** A line of the body itself: a heading, a sentence, the lead's 如下：, the addressee (where a portal's chrome is not). */
export function isBodyEvidence(text: string): boolean {
  // The sentence end first: its last-unit check answers for most of the body's lines without a regex
  // (both checks are pure: the order changes only the cost — round 20).
  if (hasSentenceEnd(text) || HEADING_START.test(text)) return true;
  // Both others end with a colon: only a line that does is tried with them (every line asks).
  const last = text.charCodeAt(text.length - 1);
  return (last === 0x3a || last === 0xff1a) && (LEAD_END.test(text) || ADDRESSEE.test(text));
}

/** A 发文字号 alone: the issuer's abbreviation, the year in brackets, the number (某府发〔2025〕3号). */
const DOC_NUMBER_ALONE = /^[\u4e00-\u9fa5]{1,16}\s*[〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*(?:第\s*)?\d{1,5}\s*号$/;
/** A 发文字号 inside a text, from its issuer's abbreviation on. */
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}\s*[〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*(?:第\s*)?\d{1,5}\s*号/g;
/** What stands before a metadata field's value: its label's colon or closing bracket. */
const BEFORE_VALUE = /(?:[:：\]】］〕|｜]|\t)[ \u3000]*$/;

/**
 * The frame of a 公文: every white-space separated piece an issuing body's name, a 发文字号 or a
 * 成文日期 (某某县人民政府 某府发〔2025〕3号; 某某镇人民政府 2025年1月20日; 中共某某镇委员会 某某镇人民政府).
 */
export function isFrameText(text: string): boolean {
  const pieces = text.split(/[\s\u3000]+/).filter(Boolean);
  if (pieces.length === 0 || pieces.length > 6) return false;
  return pieces.every((p) => isIssuingBody(p) || DOC_NUMBER_ALONE.test(toHalfWidthDigits(p)) || DATE_LINE.test(toHalfWidthDigits(p)));
}

/**
 * An issuing body's name, more strictly than a header line (frameLines.ts isBodyLine): a suffix that
 * names a body (not 部 of 返回顶部 or 站 of 网站), and not a word of a portal's navigation (新闻中心).
 */
const ISSUER_SUFFIX =
  /(?:委员会|人民政府|政府|党委|党组|党工委|工委|办公室|办公厅|办事处|管委会|局|厅|中心|大队|支队|总队|联合会|街道|镇|乡|人民法院|人民检察院|司法所|派出所|工作站|服务站|管理处|管理所|公司|集团)$/;
const PORTAL_WORDS = new Set([...rawDebris.navigationWords, ...rawDebris.toolWords]);

/**
 * A portal field's label run into a body's name (发布机构沙河镇人民政府: a metadata table read cell by
 * cell, nothing between): no body's name starts with one.
 */
const FIELD_BEFORE_NAME =
  /^(?:发布机构|发文机关|发布单位|发文单位|公开单位|来源单位|所属机构|信息来源|文章来源|稿件来源)(?=[\u4e00-\u9fa5])/;

export function isIssuingBody(piece: string): boolean {
  return ISSUER_SUFFIX.test(piece) && isBodyLine(piece) && !PORTAL_WORDS.has(piece) && !FIELD_BEFORE_NAME.test(piece);
}

/** A 发文字号 in the text that is not the value of a metadata field (文号：…, [ 发文字号 ] …). */
function hasOwnDocNumber(text: string): boolean {
  if (!/号/.test(text)) return false;
  const t = toHalfWidthDigits(text);
  DOC_NUMBER.lastIndex = 0;
  for (let m = DOC_NUMBER.exec(t); m; m = DOC_NUMBER.exec(t))
    if (!BEFORE_VALUE.test(t.slice(Math.max(0, m.index - 8), m.index))) return true;
  return false;
}

const TITLE_TAIL = /(?:报告|总结)(?:[（(][^（()）]{0,20}[）)])?$/;
const TITLE_YEAR = /(?:19|20)\d{2}|[二][〇○零][一二三四五六七八九〇○零]{2}|关于/;
const NOT_IN_TITLE = /[:：\[\]【】|｜<>＜＞/\\]/;
const MAX_TITLE = 80;

/** A report's title: 报告 or 总结 at the end, a year or 关于, no label, link, bracket or path. */
export function isTitleText(text: string): boolean {
  return text.length <= MAX_TITLE && TITLE_TAIL.test(text) && TITLE_YEAR.test(text) && !NOT_IN_TITLE.test(text);
}
