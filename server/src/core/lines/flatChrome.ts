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
const WORD = new RegExp(
  `(?:${[...new Set([...rawDebris.navigationWords, ...rawDebris.toolWords.filter((w) => w.length >= 2 && !/^[【】]$/.test(w))])]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?:[:：](?![0-9]))?|(?:[【\\[]?大[】\\]]?\\s*[【\\[]?中[】\\]]?\\s*[【\\[]?小[】\\]]?|A\\+\\s*A\\s*A-|[|｜]|[-*+•]\\s)`,
  'y',
);
/** A portal's own name: 某某县人民政府门户网站, 某某县人民政府网, 走进某某. */
const SITE = /(?:[\u4e00-\u9fa5]{2,24}?(?:门户网站|政府网|政务网)|走进[\u4e00-\u9fa5]{2})/y;
/** A banner's body and its English name or its date with the weekday (a portal's date line). */
const BANNER =
  /(?:[\u4e00-\u9fa5]{2,30}?(?:人民政府|政府|委员会|党委|司法局|局|厅|办公室|办事处)[ \t\u3000]*)?(?:(?:The[ \t]+)?People's[ \t]+Government[ \t]+of(?:[ \t]+[A-Z][A-Za-z'-]*){1,4}|(?:今天是[ \t]*)?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[ \t\u3000]*(?:星期|周)[一二三四五六日天](?:[ \t\u3000]*农历[\u4e00-\u9fa5]{2,5}?(?=[\s\u3000]|$|[^\u4e00-\u9fa5]))?)/y;
/** A footer's lines: copyright, the browser notice. */
const FOOTER =
  /(?:Copyright[ \t]*)?©[ \t]*(?:19|20)\d{2}[^。！？\n]{0,40}?All[ \t]+Rights[ \t]+Reserved|建议使用[^。！？\n]{0,30}?浏览(?:本站|器)?/y;
/** A crawler's local path or a link written by a Markdown converter ([首页](http://…)). */
const PATH =
  /(?:[A-Za-z]:\\|\/(?:data|home|tmp|var|crawl|mnt|Users)\/)[^\s\u3000]{1,200}?\.(?:s?html?|txt|json|md)|\[[^\]\n]{1,20}\]\([^)\s]{1,200}\)/y;
/** An address (scheme or www.) and what stands around it up to white space. */
const ADDRESS_START = /(?:https?:\/\/|www\.)[A-Za-z0-9.-]+[A-Za-z0-9./?=&_%#:~+-]*/y;
const TEMPLATE = new RegExp(rawDebris.templateMarks.map((p) => `(?:${p})`).join('|'));
const TEMPLATE_START =
  /以下是|小编|本文由|本文来源|开头部分|更多相关|更多精品|免费下载|相关推荐|（本文档|\(本文档|第一范文网|[\u4e00-\u9fa5]{1,6}范文网/y;
const MAX_TEMPLATE = 80;

/**
 * The end of the chrome token at `at` in a flattened page (before `to`), or `at` when none.
 * `isFrameAt` says where the writer's 发文机关 or 发文字号 begins (crumbs and values end there).
 */
export function flatTokenAt(text: string, at: number, to: number, isFrameAt: (s: string) => boolean): number {
  const known = headerTokenAt(text, at, to, isFrameAt);
  if (known > at) return known;
  for (const re of [BANNER, FOOTER, PATH, SITE, WORD]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && m[0].length > 0 && at + m[0].length <= to) return at + m[0].length;
  }
  ADDRESS_START.lastIndex = at;
  const a = ADDRESS_START.exec(text);
  if (a) return at + a[0].length;
  return templateEnd(text, at, to);
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
  if (end < limit) end++;
  const s = text.slice(at, end);
  if (TEMPLATE.test(s)) return end;
  // A watermark: a site's name and its address (第一范文网 www.diyifanwen.com).
  const addr = /(?:https?:\/\/|www\.)[A-Za-z0-9./?=&_%#:~+-]+/.exec(s);
  if (!addr) return at;
  const stop = addr.index + addr[0].length;
  const closing = s[stop] === '】' || s[stop] === ']' ? 1 : 0;
  return addressLine(s.slice(0, stop + closing)) === 'watermark' ? at + stop + closing : at;
}
