/**
 * Web-page chrome that a single regular expression describes badly (DOMAIN.md §7): a line of
 * metadata fields (`[ 索引号 ] … [ 发布机构 ] …`, `发布时间：… 来源：…`), a field alone on its line
 * whose value follows on the next, and a line made only of reading tools and share buttons
 * (`【字体：大 中 小】【打印】【关闭】`). The words are data (data/debris.json); these functions
 * only say how they combine, each in one linear pass over one trimmed line.
 */
import rawDebris from '../data/debris.json';
import { skipSpaces } from '../text/lineIndex';
import { UnitClass, unitTable } from '../text/unitTable';
import { FirstCharAlternation } from './firstCharAlternation';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field name, with the spaces pages put between its characters (索 引 号). */
const fieldSource = (f: string) => [...f].map(escape).join('[ \\t\\u3000]*');
const FIELD = `(?:${[...rawDebris.metadataFields]
  .sort((a, b) => b.length - a.length)
  .map(fieldSource)
  .join('|')})`;
/** A field label: bracketed (`[ 索引号 ]`, `【发布机构】`) or followed by a colon (`来源：`). */
const LABEL = new RegExp(`[\\[【［〔]\\s*${FIELD}\\s*[\\]】］〕]\\s*[:：]?|${FIELD}\\s*[:：]`, 'g');
const LABEL_AT_START = new RegExp(`^[【\\[]?\\s*(?:[\\[【［〔]\\s*${FIELD}\\s*[\\]】］〕]\\s*[:：]?|${FIELD}\\s*[:：])`);
const BARE_LABEL = new RegExp(`^(?:${rawDebris.metadataFieldsBare.map(fieldSource).join('|')})$`);
/** A value is short and is not a sentence. */
const NOT_A_VALUE = /[。；！？!?，]/;
const MAX_VALUE = 60;
const MAX_METADATA_LINE = 300;

/** `pairs`: one or more `label value` pairs; `label`: one field label alone (its value may follow on the next line). */
export interface MetadataLine {
  readonly shape: 'pairs' | 'label';
  /**
   * How many labels the line holds. Every label is one a writer may use too (成文日期, 名称, 来源 …):
   * a line of them is metadata only in a portal's metadata block, several labels together
   * (chromeBlocks.ts).
   */
  readonly labels: number;
}

/** A crawler's or a Markdown converter's list item (`- [ 索引号 ] …`) and bold labels (`**索引号**：`). */
const LIST_MARK = /^[-*+•·]\s+/;
const BOLD = /\*\*/g;
/** The cells of a table row pasted as text: `|`-separated (Markdown) or tab-separated. */
const CELL = /(?<!\s)\s*[|｜\t]\s*/; // the lookbehind: one start per run of spaces (linear)
const FIELD_ALONE = new RegExp(`^${FIELD}$`);

/**
 * What a line of a portal's metadata is, or null: pairs of `[ 名称 ] 值`, `名称：值`, a crawler's
 * list item (`- [ 发布机构 ] 某某镇人民政府`), a table row (`| 索引号 | 0000… | 发布机构 | … |`,
 * tab-separated cells), or one label alone. Values are short and are not sentences.
 */
export function metadataLine(trimmed: string, mayHoldRowMark = true): MetadataLine | null {
  if (trimmed.length > MAX_METADATA_LINE) return null;
  // Most lines are neither a row nor start like a label: one character and one scan say so. The
  // scan is skipped when the caller knows the line holds no row mark (`mayHoldRowMark` false:
  // cleanLines.ts searched the document for them once).
  if (!mayStartMetadata(trimmed) && !(mayHoldRowMark && ROW_MARK.test(trimmed))) return null;
  return readMetadataLine(trimmed);
}

/** metadataLine without its first look (exported for test/lineShortcuts.test.ts, which holds them equal). */
export function readMetadataLine(trimmed: string): MetadataLine | null {
  if (trimmed.length > MAX_METADATA_LINE) return null;
  const text = trimmed.replace(LIST_MARK, '').replace(BOLD, '');
  if (/[|｜\t]/.test(text)) {
    const row = metadataRow(text);
    if (row) return row;
  }
  if (!LABEL_AT_START.test(text)) return null;
  const body = text.replace(/^[【\[](?=[^\]】]*[:：])\s*/, '').replace(/[】\]]$/, '');
  if (NOT_A_VALUE.test(body.replace(/，(?=\s*$)/, ''))) return null;
  LABEL.lastIndex = 0;
  let from = 0;
  let labels = 0;
  for (let m = LABEL.exec(body); m; m = LABEL.exec(body)) {
    if (m.index - from > MAX_VALUE) return null;
    from = m.index + m[0].length;
    labels++;
  }
  if (labels === 0 || body.length - from > MAX_VALUE) return null;
  return { shape: labels === 1 && body.slice(from).trim() === '' ? 'label' : 'pairs', labels };
}

/**
 * The characters a metadata line may start with (what LABEL_AT_START can match first, and the list
 * mark and bold that are taken off before it): a line that starts otherwise and holds no cell
 * separator is no metadata line. Removing the list mark may remove a tab: a line without one before
 * has none after.
 */
const METADATA_FIRST = ['-', '*', '+', '•', '·', '【', '[', '［', '〔', ...rawDebris.metadataFields.map((f) => f[0])];
const METADATA_START = unitTable(METADATA_FIRST);
const ROW_MARK = /[|｜\t]/;
function mayStartMetadata(trimmed: string): boolean {
  return startsWithOneOf(METADATA_START, trimmed);
}

/** Whether `text` starts with a unit of `table` or with white space (what `\s` matches, and U+200B: a first look may let more through, never fewer). */
function startsWithOneOf(table: Uint8Array, text: string): boolean {
  return text.length > 0 && (table[text.charCodeAt(0)] === 1 || skipSpaces(text, 0) > 0);
}

/** A table row of label and value cells, the first a label, no two values in a row. */
function metadataRow(text: string): MetadataLine | null {
  const cells = text.split(CELL).filter((c, k, all) => c !== '' || (k > 0 && k < all.length - 1));
  if (cells.length < 2) return null;
  let labels = 0;
  let previousWasLabel = false;
  for (let k = 0; k < cells.length; k++) {
    const label = FIELD_ALONE.test(cells[k]);
    if (label) {
      previousWasLabel = true;
      labels++;
      continue;
    }
    if (!previousWasLabel || cells[k].length > MAX_VALUE || NOT_A_VALUE.test(cells[k])) return null;
    previousWasLabel = false;
  }
  return FIELD_ALONE.test(cells[0]) ? { shape: 'pairs', labels } : null;
}

/** A metadata field name alone, without colon or bracket (a one-cell-a-line metadata table), or null. */
export function bareMetadataLabel(trimmed: string): MetadataLine | null {
  if (trimmed.length > 12 || !BARE_LABEL.test(trimmed)) return null;
  return { shape: 'label', labels: 1 };
}

/** A metadata field name alone, without colon or bracket (a one-cell-a-line metadata table). */
export function isBareMetadataLabel(trimmed: string): boolean {
  return bareMetadataLabel(trimmed) !== null;
}

/** The value line after a label line: short, not a sentence, not a label (县委、县政府： is the addressee). */
export function isMetadataValue(trimmed: string): boolean {
  return trimmed.length <= MAX_VALUE && !NOT_A_VALUE.test(trimmed) && !/[:：]$/.test(trimmed);
}

const TOOLS = new Set(rawDebris.toolWords);
/** The longest tool word: a longer line or word is none, found without hashing it for the set. */
const TOOL_WORD_MAX = Math.max(...rawDebris.toolWords.map((w) => w.length));

/** One reading-tool, share or navigation word (data/debris.json toolWords): 打印, 微信, 二维码, 更多. */
export function isToolWord(word: string): boolean {
  return TOOLS.has(word);
}
// Not 、 or ，: words listed with them are the writer's prose (微信、微博), not a bar of buttons.
const TOOL_SEPARATORS = /[\s|｜/／·•:：【】[\]〔〕()（）<>《》]+/;
const MAX_TOOL_LINE = 80;
const SEPARATORS_ALL = new RegExp(TOOL_SEPARATORS.source, 'g');
const TOOL_SEPARATOR_UNITS = new UnitClass(TOOL_SEPARATORS);
/**
 * The first characters of the tool words and the separators' (TOOL_SEPARATORS), by UTF-16 unit: a
 * line that starts with any other character is no tool line (no split needed, no regex tried).
 */
const TOOL_START = unitTable([...[...TOOLS].map((w) => w[0]), ...'|｜/／·•:：【】[]〔〕()（）<>《》']);

/** A line made only of reading-tool, share and navigation words: 【字体：大 中 小】【打印】【关闭】, 分享到：微信 微博. */
export function isToolLine(trimmed: string): boolean {
  if (trimmed.length > MAX_TOOL_LINE) return false;
  if (!startsWithOneOf(TOOL_START, trimmed)) return false;
  // One ordinary word alone (大, 中, 返回, 更多) is too little to call a line chrome.
  const words = countWords(trimmed, TOOL_SEPARATOR_UNITS, isToolWord, TOOL_WORD_MAX);
  return words > 1 || (words === 1 && trimmed.replace(SEPARATORS_ALL, '').length >= 2);
}

/**
 * How many words stand between the separators (runs of the units `separators` holds) when `ok`
 * accepts each, or -1 at the first it refuses: the words are read one at a time, no array of them
 * is made (most lines that get this far are report text, and the first word says no). Read unit by
 * unit, not with the separators' regex: a match object per word was most of the time these checks
 * took on every short line (round 15). A word longer than `maxWord`, which `ok` would refuse, is
 * refused where it passes that length (a line of prose is not read to its end: round 17).
 */
function countWords(text: string, separators: UnitClass, ok: (word: string) => boolean, maxWord: number): number {
  const n = text.length;
  let words = 0;
  let from = 0;
  for (;;) {
    let end = from;
    while (end < n && !separators.has(text.charCodeAt(end))) if (++end - from > maxWord) return -1;
    if (end > from) {
      if (!ok(from === 0 && end === n ? text : text.slice(from, end))) return -1;
      words++;
    }
    if (end === n) return words;
    from = end + 1;
    while (from < n && separators.has(text.charCodeAt(from))) from++;
  }
}

const PLAIN = new Set(rawDebris.toolWordsPlain);

/**
 * A line of reading tools and share buttons: `tools` when one of its words is chrome anywhere
 * (打印, 分享到, 字号 …), `plain` when every word is also ordinary outside a portal (微信 微博 as a
 * table's header row, 大 / 中 / 小, 首页): such a line is chrome only beside chrome or in a block of
 * chrome outside the body (cleanLines.ts). One word alone is always `plain`.
 */
export function toolLineKind(trimmed: string): 'tools' | 'plain' | null {
  if (trimmed.length <= TOOL_WORD_MAX && TOOLS.has(trimmed)) return 'plain';
  if (!isToolLine(trimmed)) return null;
  for (const w of trimmed.split(SEPARATORS_ALL)) if (w && !PLAIN.has(w)) return 'tools';
  return 'plain';
}

const NAVIGATION = new Set(rawDebris.navigationWords);
/** A portal's own name as its banner or navigation shows it: 某某县人民政府门户网站, 某某县人民政府网, 走进某某. */
const SITE_NAME = /^(?:[\u4e00-\u9fa5]{2,24}(?:门户网站|政府网|政务网|网站)|走进[\u4e00-\u9fa5]{1,8})$/;
/** The longest word isNavigationWord accepts: a SITE_NAME (24 characters and 门户网站), a navigation or tool word. */
const NAV_WORD_MAX = Math.max(24 + 4, ...rawDebris.navigationWords.map((w) => w.length), TOOL_WORD_MAX);
const NAV_SEPARATORS = new UnitClass(/[\s|｜/／·•]+/);
const MAX_NAV_LINE = 60;

/** A line of a portal's column and navigation names (政务公开 | 政务服务 | 互动交流, 法治政府建设 alone). */
export function isNavigationLine(trimmed: string): boolean {
  if (trimmed.length === 0 || trimmed.length > MAX_NAV_LINE) return false;
  // The first word is one isNavigationWord accepts: a listed word (its first unit in LISTED_START),
  // 走进…, or a portal's name (SITE_NAME: every one holds 网, those ending in 站 too). A line that
  // starts with no such unit nor with a separator, and holds no 网, is none (one native search, not
  // its first word read unit by unit: every short line asks — round 20).
  const first = trimmed.charCodeAt(0);
  if (LISTED_START[first] !== 1 && first !== WALK_IN && !NAV_SEPARATORS.has(first) && trimmed.indexOf('网') < 0) return false;
  return countWords(trimmed, NAV_SEPARATORS, isNavigationWord, NAV_WORD_MAX) > 0;
}

/**
 * The first units and the longest of the navigation and tool words: a word that starts otherwise or
 * is longer is none of them, known without hashing it for the sets (every short line's first word is
 * asked: round 17).
 */
const LISTED_START = unitTable([...rawDebris.navigationWords, ...rawDebris.toolWords].map((w) => w[0]));
/** The first unit of 走进 (a portal's 走进某某: isNavigationWord). */
const WALK_IN = '走'.charCodeAt(0);
const LISTED_MAX = Math.max(...rawDebris.navigationWords.map((w) => w.length), TOOL_WORD_MAX);

/** A navigation name, a portal's name (SITE_NAME ends in 网 or 站, or starts with 走进: only those are tried) or a tool word. */
function isNavigationWord(w: string): boolean {
  if (w.length <= LISTED_MAX && LISTED_START[w.charCodeAt(0)] === 1 && (NAVIGATION.has(w) || TOOLS.has(w))) return true;
  const last = w[w.length - 1];
  return (last === '网' || last === '站' || w.startsWith('走进')) && SITE_NAME.test(w);
}

/** A web address: scheme or www., a host of labels, a port, a path. */
const ADDRESS = /(?:https?:\/\/|(?<![A-Za-z0-9-]))[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d{1,5})?(?:\/[A-Za-z0-9./?=&_%#:~+-]*)?/g;
const TLD = /\.(?:com|cn|net|org|cc|top|vip|info|gov|edu|xyz|site|club)$/i;
const GOV = /(?:^|\.)gov(?:\.cn)?$/i;
const PAGE = /\/[^/]+\/[^/]|\.(?:s?html?|jsp|aspx?|php)(?:$|\?)/i;
const TEMPLATE_HOST = new RegExp(rawDebris.templateSiteHints.map(escape).join('|'), 'i');
const SITE_WORDS = /范文|文库|文档|资料|作文|美文|下载|来源|原文|出处|尽在|访问|转载|更多|网址|网$|网站$|网】$/;
const SENTENCE = /[。，；！？,;!?、]/;
/** Past this a line is no address line (and the address pattern is never run on a long line). */
const MAX_ADDRESS_LINE = 300;

/**
 * A line that is a web address or carries one: `watermark` for a template site's (a site's name
 * or words with an address that is not a government's: 第一范文网 www.diyifanwen.com), `crawler`
 * for the address of a page alone on its line (a crawler's source URL), `address` for one a writer
 * may write too (某某县司法局门户网站 www.mxsf.gov.cn, “渝快办”平台（cq.gov.cn）, www.mx.gov.cn): chrome
 * only in a block of chrome outside the body. Null when the line is a sentence or has no address.
 */
export function addressLine(trimmed: string): 'watermark' | 'crawler' | 'address' | null {
  if (trimmed.length > MAX_ADDRESS_LINE || trimmed.indexOf('.') < 0 || SENTENCE.test(trimmed)) return null;
  let rest = '';
  let from = 0;
  let found = 0;
  let gov = true;
  let page = false;
  let template = false;
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(trimmed); m; m = ADDRESS.exec(trimmed)) {
    const bare = m[0].replace(/^https?:\/\//, '');
    const cut = bare.search(/[:/]/);
    const host = cut < 0 ? bare : bare.slice(0, cut);
    if (!TLD.test(host) && !/^https?:/.test(m[0])) continue;
    found++;
    rest += trimmed.slice(from, m.index);
    from = m.index + m[0].length;
    if (!GOV.test(host)) gov = false;
    if (PAGE.test(m[0].replace(/^https?:\/\/[^/]*/, ''))) page = true;
    if (TEMPLATE_HOST.test(host)) template = true;
  }
  if (found === 0) return null;
  rest = (rest + trimmed.slice(from)).replace(/[\s\u3000【】[\]（）()<>《》“”"':：|｜-]+/g, '');
  if (rest.length > 40) return null;
  if (template || (!gov && SITE_WORDS.test(rest))) return 'watermark';
  if (rest === '' && page) return 'crawler';
  return 'address';
}

/** Tried only on a line whose first unit can start it (firstCharAlternation.ts: a regex call per line was the cost — round 20). */
const ATTACHMENT_LINK = new FirstCharAlternation([rawDebris.attachmentLink]);

/** A link to an attached file under a web copy (附件：某某.pdf); a writer's 附件说明 may name a file too. */
export function isAttachmentLink(trimmed: string): boolean {
  return ATTACHMENT_LINK.test(trimmed);
}

/** A Markdown table's rule row (| --- | --- |). */
const TABLE_RULE_UNITS = new UnitClass(/[|｜\s:：-]+/);

export function isTableRule(trimmed: string): boolean {
  // Its first unit is one of the rule's (no regex call for a line that starts otherwise: every line asks — round 20).
  if (trimmed.length === 0 || !TABLE_RULE_UNITS.has(trimmed.charCodeAt(0))) return false;
  return /^[|｜\s:：-]+$/.test(trimmed) && /-{3}/.test(trimmed) && /[|｜]/.test(trimmed);
}

/** The words of a portal's validity field and the like, run into the text after them (现行有效某某镇…报告). */
const VALUE_WORDS = new RegExp(`(?:${rawDebris.metadataValueWords.map(escape).join('|')})`, 'y');
const GLUED_TOOLS = /^(?:[【[]\s*(?:(?:字体|字号)\s*(?:[:：]\s*)?大\s*中\s*小|打印|打印本页|关闭|关闭窗口|收藏|分享)\s*[】\]]\s*)+/;
const HEADING_MARK = /^#{1,6}[ \t]+/;

/**
 * Where a title starts on a line of chrome run into it (the crawler lost the break): a list item's
 * field and its value (`- [ 时效 ] 现行有效`), a Markdown heading mark (`# `), reading tools
 * (`【字体：大 中 小】`), a validity word (`现行有效`) — each only before a report's title
 * (debrisGuard.ts isTitleText). 0 when the line is not such.
 */
export function gluedTitleStart(trimmed: string, isTitle: (s: string) => boolean): number {
  // Most lines start with none of the characters such chrome can start with (GLUED_START): no regex tried.
  return startsWithOneOf(GLUED_START, trimmed) ? readGluedTitleStart(trimmed, isTitle) : 0;
}

/**
 * What a heading mark, reading tools, a list mark, a label (LABEL_STICKY: a bracket, bold, a field) or a
 * validity word can start with: the first looks of gluedTitleStart.
 */
const GLUED_START = unitTable(['#', ...METADATA_FIRST, ...rawDebris.metadataValueWords.map((w) => w[0])]);

/** gluedTitleStart without its first look (exported for test/lineShortcuts.test.ts, which holds them equal). */
export function readGluedTitleStart(trimmed: string, isTitle: (s: string) => boolean): number {
  let at = 0;
  const mark = HEADING_MARK.exec(trimmed) ?? GLUED_TOOLS.exec(trimmed);
  if (mark) at = mark[0].length;
  else {
    const list = LIST_MARK.exec(trimmed);
    const from = list ? list[0].length : 0;
    LABEL_STICKY.lastIndex = from;
    const label = LABEL_STICKY.exec(trimmed);
    at = label ? from + label[0].length : from;
    while (trimmed[at] === ' ' || trimmed[at] === '\u3000') at++;
    VALUE_WORDS.lastIndex = at;
    const value = VALUE_WORDS.exec(trimmed);
    if (!value) return 0;
    at += value[0].length;
  }
  while (trimmed[at] === ' ' || trimmed[at] === '\u3000') at++;
  return at > 0 && at < trimmed.length && isTitle(trimmed.slice(at)) ? at : 0;
}

const RUN_ON_CHROME = new RegExp(rawDebris.runOnChrome.map((p) => `(?:${p})`).join('|'), 'y');
/** A label as flattened pages hold it: bracketed, with a colon, or bold (a Markdown converter's `**索引号**：`). */
const LABEL_STICKY = new RegExp(`${LABEL.source}|\\*\\*[ \\t]*${FIELD}[ \\t]*\\*\\*[ \\t]*[:：]`, 'y');
const BARE_FIELDS = [...rawDebris.metadataFieldsBare].sort((a, b) => b.length - a.length);
const INNER_SPACE = /[ \t\u3000]/;

/**
 * The length of a field name without colon or bracket at `at`, as a metadata table read cell by cell
 * has it (索引号 1150…, 发布机构某某镇人民政府, 索 引 号), or 0. Compared character by character, longest
 * name first (an alternation of the names with the spaces between their characters is one recheck
 * cannot decide).
 */
function bareFieldAt(text: string, at: number): number {
  for (const f of BARE_FIELDS) {
    let k = at;
    let i = 0;
    for (; i < f.length && text[k] === f[i]; i++) {
      k++;
      if (i + 1 < f.length) while (INNER_SPACE.test(text[k] ?? '')) k++;
    }
    if (i === f.length) return k - at;
  }
  return 0;
}
/** Fields whose value is a date (成文日期, 发布时间): the value is the date and ends with it. */
const DATE_FIELD = /日期|时间/;
/** A metadata value inside flattened text: a date (and time), a count, or nothing. */
const VALUE_STICKY = /\s*(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,9}\s*次?)?/y;
const TOOL_WORDS = [...TOOLS].filter((w) => w.length >= 2).sort((a, b) => b.length - a.length);

/**
 * The end of the chrome token at `at` in a page flattened into one line (metadata label with a
 * date or count, a reading tool, a pattern of data/debris.json `runOnChrome`), or `at` when none.
 */
export function chromeTokenAt(text: string, at: number, to: number): number {
  RUN_ON_CHROME.lastIndex = at;
  let m = RUN_ON_CHROME.exec(text);
  if (m && m[0].length > 0) return Math.min(to, at + m[0].length);
  LABEL_STICKY.lastIndex = at;
  m = LABEL_STICKY.exec(text);
  if (m) {
    VALUE_STICKY.lastIndex = at + m[0].length;
    const v = VALUE_STICKY.exec(text);
    return Math.min(to, at + m[0].length + (v ? v[0].length : 0));
  }
  const tool = TOOL_WORDS.find((w) => text.startsWith(w, at));
  return tool ? Math.min(to, at + tool.length) : at;
}

const RUN_ON_TAIL = new RegExp(rawDebris.runOnTail.map((p) => `(?:${p})`).join('|'), 'g');
const RUN_ON_TAIL_AT = new RegExp(RUN_ON_TAIL.source, 'y');

/** A footer word (data/debris.json runOnTail: 主办单位, 上一篇：, 版权所有) at `at`: a page's footer goes on from there. */
export function tailWordAt(text: string, at: number): boolean {
  RUN_ON_TAIL_AT.lastIndex = at;
  return RUN_ON_TAIL_AT.test(text);
}
/** What may stand right before a footer word: nothing, white space, a closing bracket, another footer word's end. */
const TAIL_BOUNDARY = /[\s\u3000】\]）)|｜>＞]/;

/**
 * Where the page footer starts after the last sentence of a flattened page ([from, to)), or -1. A
 * footer word starts it only at a boundary (after white space, a bracket or the sentence's end),
 * with nothing but the 落款 between that sentence and it (某某县司法局 2025年1月20日: isFrame), and
 * only when what it would take cannot be the writer's words (removal.ts): …教育。附件：某某县…相关阅读书目
 * ends with the writer's words, not with a footer.
 */
export function tailChromeStart(
  text: string,
  from: number,
  to: number,
  isFrame: (s: string) => boolean,
  mayGo: (s: string) => boolean,
): number {
  let last = -1;
  for (let k = to - 1; k >= from; k--) {
    if ('。！？'.includes(text[k])) {
      last = k;
      break;
    }
  }
  if (last < 0) return -1;
  const rest = text.slice(last + 1, to);
  RUN_ON_TAIL.lastIndex = 0;
  for (let m = RUN_ON_TAIL.exec(rest); m; m = RUN_ON_TAIL.exec(rest)) {
    if (m.index > 0 && !TAIL_BOUNDARY.test(rest[m.index - 1])) continue;
    // The first footer word at a boundary decides: after the 落款 (short), and only if what it takes may go.
    const before = m.index <= MAX_SIGNATURE ? rest.slice(0, m.index).trim() : null;
    if (before === null || (before && !isFrame(before))) return -1;
    return mayGo(rest.slice(m.index)) ? last + 1 + m.index : -1;
  }
  return -1;
}
const MAX_SIGNATURE = 80;

const TIME_OF_DAY = /(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?/y;
const CRUMB_LABEL = /(?:您当前的?位置|您现在的?位置|当前位置|所在位置|您的位置)\s*(?:是\s*)?[:：]/y;
const HOME = /(?:网站首页|门户首页|政府首页|首页|主页)/y;
const CRUMB_SEPARATOR = /(?:>>|[>＞»›→])\s*/y; // tokens start after white space (runOn.ts chromeTokens)
const MAX_CRUMB = 40;
/** Metadata labels whose value names an organisation: 发布机构, 发文机关, 来源, 信息来源, 发布单位, 责任部门. */
const ORGANISATION_LABEL = /机构|机关|来源|单位|部门/;

/** Where a crumb or a field's value ends: white space, a crumb separator, a bracket opening the next label. */
const VALUE_END = /[\s\u3000>＞»›→【[]/;
const MAX_FIELD_VALUE = 60;

/**
 * The end of the chrome token at `at` in the header of a page flattened into one line (before its
 * title, up to `to`), or `at` when none: a breadcrumb's label (您当前的位置：), its home (首页) and
 * each crumb after a separator (> 政务公开), a metadata field with its value ([ 发布机构 ]某某镇人民政府,
 * 索引号：1150…), and what chromeTokenAt knows (reading tools, dates, counters). A crumb or a value
 * ends at white space, a separator or the next label; a tool word or the home ends at a boundary
 * (首页服务站 is no 首页), a crumb where a 发文机关 or 发文字号 run into it begins (`isFrameAt`). Each token
 * is judged on its own before it goes (runOn.ts, removal.ts).
 */
export function headerTokenAt(text: string, at: number, to: number, isFrameAt: (s: string) => boolean): number {
  CRUMB_LABEL.lastIndex = at;
  let m = CRUMB_LABEL.exec(text);
  if (m) return Math.min(to, at + m[0].length);
  CRUMB_SEPARATOR.lastIndex = at;
  m = CRUMB_SEPARATOR.exec(text);
  if (m) {
    const from = at + m[0].length;
    return frameCut(text, from, valueEnd(text, from, to, MAX_CRUMB), isFrameAt);
  }
  LABEL_STICKY.lastIndex = at;
  m = LABEL_STICKY.exec(text);
  // A table read cell by cell: the field name bare, its value after a space or a tab, or none.
  const label = m ? m[0] : text.slice(at, at + bareFieldAt(text, at));
  if (label) {
    let v = at + label.length;
    while (v < to && (text[v] === ' ' || text[v] === '\u3000' || text[v] === '\t')) v++;
    // An empty field ([ 发文字号 ] [ 发布机构 ]…, 文　　号：主 题 词：…) ends at its label.
    if (v >= to || text[v] === '[' || text[v] === '【' || labelAt(text, v)) return Math.min(to, at + label.length);
    // A bare name glued to words that make a body's name with it is the writer's (索引号管理办公室).
    if (!m && v === at + label.length && isFrameAt(text.slice(at, valueEnd(text, v, to, MAX_FIELD_VALUE)))) return at;
    // A date field's value is the date (发布日期2024-01-28/data/crawl/…: the page's next token follows it straight).
    if (DATE_FIELD.test(label)) {
      DATE_VALUE.lastIndex = v;
      const d = DATE_VALUE.exec(text);
      if (d) return Math.min(to, v + d[0].length);
    }
    // A field whose value is a body (发布机构, 来源) keeps that body's whole name as chrome (cut after
    // its first character, 某某县司法局 left 某县司法局 behind as text); any other field's value may be
    // empty, the writer's 发文机关 run into it ([ 有效性 ]中共旺草镇党委 …).
    // After that name, only a new body led by a place or 中共, or a 发文字号, starts the writer's header
    // (某某县人民政府办公室 is one name).
    const end = valueEnd(text, v, to, MAX_FIELD_VALUE);
    if (!ORGANISATION_LABEL.test(label)) return frameCut(text, v, end, isFrameAt, 0);
    const name = BODY_NAME.exec(text.slice(v, end));
    return name ? frameCut(text, v, end, () => false, name[0].length) : frameCut(text, v, end, isFrameAt, 1);
  }
  HOME.lastIndex = at;
  m = HOME.exec(text);
  if (m && atBoundary(text, at + m[0].length, to)) return at + m[0].length;
  // The time after a date field's value (发布时间：2025-02-11 10:32): the value ended at the space.
  TIME_OF_DAY.lastIndex = at;
  m = TIME_OF_DAY.exec(text);
  if (m && atBoundary(text, at + m[0].length, to)) return at + m[0].length;
  const end = chromeTokenAt(text, at, to);
  return end > at && (RUN_ON_CHROME_AT(text, at) || atBoundary(text, end, to)) ? end : at;
}

/**
 * A crumb or a value run into the writer's header without a space (…> 法治政府建设中共某某镇委员会,
 * [ 主题分类 ]其他某府发[2025]3号): it ends where the 发文机关 or the 发文字号 begins.
 */
function frameCut(text: string, from: number, end: number, isFrameAt: (s: string) => boolean, skip = 1): number {
  for (let k = from + skip; k < end; k++) {
    const head = text.slice(k, Math.min(end, k + 30));
    if (ISSUER_START.test(head) || BODY_NAME.test(head) || isFrameAt(text.slice(k, end))) return k;
  }
  return end;
}
/** Where a 发文字号 may begin (an issuer's abbreviation before a bracketed year), or a 发文机关 led by 中共. */
const ISSUER_START = /^(?:中共|[\u4e00-\u9fa5]{1,8}[〔［[【(（]\s*(?:19|20)\d{2})/;

/**
 * The shortest name of a body at the start of a text: a place (某某县…) followed by a body's name
 * (…人民政府, …司法局), 中共 before it or not (某某县司法局, 中共某某县委办公室); not 万盛经济技术开发区 alone.
 */
const BODY_NAME =
  /^(?:中共)?[\u4e00-\u9fa5]{1,6}(?:省|市|县|区|镇|乡|州|旗)[\u4e00-\u9fa5]{0,12}?(?:委员会|人民政府|政府|党委|党工委|办公室|办事处|局|中心|街道)/;

const RUN_ON_CHROME_AT = (text: string, at: number): boolean => {
  RUN_ON_CHROME.lastIndex = at;
  const m = RUN_ON_CHROME.exec(text);
  return m !== null && m[0].length > 0;
};

/** A date as a field's value: 2024-01-28, 2024年1月28日, with the time of day or not. */
const DATE_VALUE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/y;

/**
 * Where a crumb or a value ends: white space, a crumb separator, the next field's label (a table read
 * cell by cell runs them together: …/2024-00011发布机构沙河镇人民政府主题分类…, 工作报告索 引 号：…).
 */
function valueEnd(text: string, from: number, to: number, max: number): number {
  let k = from;
  const limit = Math.min(to, from + max);
  while (k < limit && !((VALUE_END.test(text[k]) && text[k] !== '[' && text[k] !== '【') || labelAt(text, k))) k++;
  // A value that runs past its limit without an end is no value: the words are the writer's.
  return k === limit && limit < to && !VALUE_END.test(text[limit]) ? from : k;
}

const labelAt = (text: string, k: number): boolean => {
  LABEL_STICKY.lastIndex = k;
  return LABEL_STICKY.test(text) || bareFieldAt(text, k) > 0;
};

const atBoundary = (text: string, k: number, to: number) => k >= to || /[\s\u3000>＞»›|｜【】[\]（）()]/.test(text[k]);
