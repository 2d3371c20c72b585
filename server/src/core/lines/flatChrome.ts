/**
 * Page chrome as it stands in a page flattened into one line (DOMAIN.md §7), token by token, where
 * chrome.ts headerTokenAt does not reach: a portal's column and navigation names run together
 * (首页政务公开政务服务), its site name, a bar of reading tools (大中小, 【大】【中】【小】, A+ A A-), a
 * share widget's names (微信微博QQ空间), a crawler's path or address, a template site's sentence about
 * its copy (本文由…整理，仅供参考。), a watermark with a site's address, a banner or date line with the
 * portal's body before it (某某县人民政府 2025年3月4日星期二, … The People's Government of …), a
 * footer's lines (Copyright ©…, 建议使用…浏览). runOn.ts chains tokens from a boundary, so a word
 * inside the writer's name (某某县政务服务中心) is never one; every stretch is judged by the guard.
 */
import rawDebris from '../data/debris.json';
import { addressLine, headerTokenAt } from './chrome';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The words of navigation, tools and share widgets, longest first; one-character tools only as a bar (大中小). */
// The bars first: A+ A A- is one token, not A+ alone with A A- left over.
const WORD = new RegExp(
  `(?:[【\\[]?大[】\\]]?\\s*[【\\[]?中[】\\]]?\\s*[【\\[]?小[】\\]]?|A\\+\\s*A\\s*A-|[|｜]|[-*+•]\\s)|(?:${[
    ...new Set([...rawDebris.navigationWords, ...rawDebris.toolWords.filter((w) => w.length >= 2 && !/^[【】]$/.test(w))]),
  ]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?:[:：](?![0-9]))?`,
  'y',
);
/** A portal's own name: 某某县人民政府门户网站, 某某县人民政府网, 走进某某. */
const SITE = /(?:[\u4e00-\u9fa5]{2,24}?(?:门户网站|政府网|政务网)|走进[\u4e00-\u9fa5]{2})/y;
/** A banner's English name of the government, or a portal's date with the weekday (and the lunar date). */
const BANNER_TAIL =
  /(?:The[ \t]+)?People's[ \t]+Government[ \t]+of(?:[ \t]+[A-Z][A-Za-z'-]*){1,4}|(?:今天是[ \t]*)?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[ \t\u3000]*(?:星期|周)[一二三四五六日天](?:[ \t\u3000]*农历[正一二三四五六七八九十冬腊]{1,2}月[初十廿三][一二三四五六七八九十])?/y;
/** The body's name before a banner's tail (某某县人民政府 2025年3月4日星期二). */
const BANNER_BODY_END = /(?:人民政府|政府|委员会|党委|局|厅|办公室|办事处)$/;
const MAX_BANNER_BODY = 30;
/** A footer's lines: copyright (© 2025 … All Rights Reserved), the browser notice (建议使用…浏览本站). */
const FOOTERS: readonly (readonly [string, string, number])[] = [
  ['©', 'All Rights Reserved', 60],
  ['Copyright', 'All Rights Reserved', 70],
  ['建议使用', '浏览本站', 40],
  ['建议使用', '浏览器', 40],
];
/** A crawler's local path starts so (D:\\, /data/…); it ends with its file's extension. */
const PATH_START = /[A-Za-z]:\\|\/(?:data|home|tmp|var|crawl|mnt|Users)\//y;
const PATH_END = /\.(?:s?html?|txt|json|md)(?![A-Za-z])/;
const MAX_PATH = 200;
/** An address (scheme or www.) and what stands around it up to white space. */
const ADDRESS_START = /(?:https?:\/\/|www\.)[A-Za-z0-9.-]+[A-Za-z0-9./?=&_%#:~+-]*/y;
const TEMPLATE = new RegExp(rawDebris.templateMarks.map((p) => `(?:${p})`).join('|'));
const TEMPLATE_START =
  /以下是|小编|本文由|本文来源|开头部分|更多相关|更多精品|免费下载|相关推荐|（本文档|\(本文档|第一范文网|[\u4e00-\u9fa5]{1,6}范文网/y;
const MAX_TEMPLATE = 80;
/** What ends a template site's words after their mark: a count of characters, a closing bracket. */
const MARK_TAIL = /[0-9０-９]{0,6}\s*字?[）)]?/y;

/**
 * The end of the chrome token at `at` in a flattened page (before `to`), or `at` when none.
 * `isFrameAt` says where the writer's 发文机关 or 发文字号 begins (crumbs and values end there).
 */
export function flatTokenAt(text: string, at: number, to: number, isFrameAt: (s: string) => boolean): number {
  const known = headerTokenAt(text, at, to, isFrameAt);
  if (known > at) return known;
  const special = bannerEnd(text, at, to) || footerEnd(text, at, to) || pathEnd(text, at, to);
  if (special > at) return special;
  // A template site's sentence or watermark before the words it starts with (更多相关范文请访问 www…: not 更多 alone).
  const template = templateEnd(text, at, to);
  if (template > at) return template;
  for (const re of [SITE, WORD]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && m[0].length > 0 && at + m[0].length <= to) return at + m[0].length;
  }
  ADDRESS_START.lastIndex = at;
  const a = ADDRESS_START.exec(text);
  return a ? at + a[0].length : at;
}

/** A banner at `at`: its tail, or a body's name and its tail; 0 when none. */
function bannerEnd(text: string, at: number, to: number): number {
  for (let k = at; k <= Math.min(to, at + MAX_BANNER_BODY); k++) {
    if (k > at && !BANNER_BODY_END.test(text.slice(at, k))) {
      if (!/[\u4e00-\u9fa5]/.test(text[k - 1])) return 0;
      continue;
    }
    let p = k;
    while (p < to && /[ \t\u3000]/.test(text[p])) p++;
    BANNER_TAIL.lastIndex = p;
    const m = BANNER_TAIL.exec(text);
    if (m && p + m[0].length <= to) return p + m[0].length;
  }
  return 0;
}

/** A footer's line at `at` (copyright, the browser notice): its end, or 0. */
function footerEnd(text: string, at: number, to: number): number {
  for (const [start, end, max] of FOOTERS) {
    if (!text.startsWith(start, at)) continue;
    const k = text.indexOf(end, at + start.length);
    if (k >= 0 && k + end.length <= Math.min(to, at + max)) return k + end.length;
  }
  return 0;
}

/** A crawler's local path (up to its extension) or a Markdown link ([首页](http://…)) at `at`: its end, or 0. */
function pathEnd(text: string, at: number, to: number): number {
  if (text[at] === '[') {
    const close = text.indexOf(']', at);
    if (close < 0 || close - at > 21 || text[close + 1] !== '(') return 0;
    const paren = text.indexOf(')', close);
    return paren >= 0 && paren < to && paren - close <= MAX_PATH && !/\s/.test(text.slice(close, paren)) ? paren + 1 : 0;
  }
  PATH_START.lastIndex = at;
  if (!PATH_START.test(text)) return 0;
  let e = at;
  while (e < Math.min(to, at + MAX_PATH) && !/[\s\u3000]/.test(text[e])) e++;
  const m = PATH_END.exec(text.slice(at, e));
  return m ? at + m.index + m[0].length : 0;
}

/**
 * A template site's sentence or watermark at `at` (本文由第一范文网用户整理，仅供参考。, 第一范文网
 * www.diyifanwen.com, 本文来源：https://…): to its sentence end or the end of its address; `at` when none.
 */
function templateEnd(text: string, at: number, to: number): number {
  TEMPLATE_START.lastIndex = at;
  if (!TEMPLATE_START.test(text)) return at;
  const limit = Math.min(to, at + MAX_TEMPLATE);
  let end = at;
  while (end < limit && !'。！？'.includes(text[end])) end++;
  const sentence = end < limit;
  if (sentence) end++;
  const s = text.slice(at, end);
  const mark = TEMPLATE.exec(s);
  if (mark) {
    if (sentence) return end;
    // No sentence end near: the site's words end with the mark and the count after it (开头部分已省略500字),
    // not 80 characters on, inside what follows.
    const after = at + mark.index + mark[0].length;
    MARK_TAIL.lastIndex = after;
    return after + (MARK_TAIL.exec(text)?.[0].length ?? 0);
  }
  // A watermark: a site's name and its address (第一范文网 www.diyifanwen.com).
  const addr = /(?:https?:\/\/|www\.)[A-Za-z0-9./?=&_%#:~+-]+/.exec(s);
  if (!addr) return at;
  const stop = addr.index + addr[0].length;
  const closing = s[stop] === '】' || s[stop] === ']' ? 1 : 0;
  return addressLine(s.slice(0, stop + closing)) === 'watermark' ? at + stop + closing : at;
}
