/**
 * Web-page chrome that a single regular expression describes badly (DOMAIN.md §7): a line of
 * metadata fields (`[ 索引号 ] … [ 发布机构 ] …`, `发布时间：… 来源：…`), a field alone on its line
 * whose value follows on the next, and a line made only of reading tools and share buttons
 * (`【字体：大 中 小】【打印】【关闭】`). The words are data (data/debris.json); these functions
 * only say how they combine, each in one linear pass over one trimmed line.
 */
import rawDebris from '../data/debris.json';
import { canBeReportText } from './debrisGuard';

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

export type MetadataLine = 'pairs' | 'label';

/**
 * `pairs`: the line is one or more `label value` pairs (values short, no sentence punctuation);
 * `label`: the line is one field label alone (its value may follow on the next line). Else null.
 */
export function metadataLine(trimmed: string): MetadataLine | null {
  if (trimmed.length > MAX_METADATA_LINE || !LABEL_AT_START.test(trimmed)) return null;
  const body = trimmed.replace(/^[【\[](?=[^\]】]*[:：])\s*/, '').replace(/[】\]]$/, '');
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
  return labels === 1 && body.slice(from).trim() === '' ? 'label' : 'pairs';
}

/** A metadata field name alone, without colon or bracket (a one-cell-a-line metadata table). */
export function isBareMetadataLabel(trimmed: string): boolean {
  return trimmed.length <= 12 && BARE_LABEL.test(trimmed);
}

/** The value line after a label line: short, not a sentence, not a label (县委、县政府： is the addressee). */
export function isMetadataValue(trimmed: string): boolean {
  return trimmed.length <= MAX_VALUE && !NOT_A_VALUE.test(trimmed) && !/[:：]$/.test(trimmed);
}

const TOOLS = new Set(rawDebris.toolWords);

/** One reading-tool, share or navigation word (data/debris.json toolWords): 打印, 微信, 二维码, 更多. */
export function isToolWord(word: string): boolean {
  return TOOLS.has(word);
}
// Not 、 or ，: words listed with them are the writer's prose (微信、微博), not a bar of buttons.
const TOOL_SEPARATORS = /[\s|｜/／·•:：【】[\]〔〕()（）<>《》]+/;
const MAX_TOOL_LINE = 80;
const SEPARATORS_ALL = new RegExp(TOOL_SEPARATORS.source, 'g');
/** The first characters of the tool words: a line that starts with any other word is no tool line (no split needed). */
const TOOL_FIRST = new Set([...TOOLS].map((w) => w[0]));

/** A line made only of reading-tool, share and navigation words: 【字体：大 中 小】【打印】【关闭】, 分享到：微信 微博. */
export function isToolLine(trimmed: string): boolean {
  if (trimmed.length > MAX_TOOL_LINE) return false;
  if (!TOOL_FIRST.has(trimmed[0]) && !TOOL_SEPARATORS.test(trimmed[0])) return false;
  // The words between separators, read one at a time: the first that is not a tool word says no
  // (most lines that get this far are report text, and need not be split whole).
  let words = 0;
  let first = '';
  let from = 0;
  SEPARATORS_ALL.lastIndex = 0;
  for (;;) {
    const m = SEPARATORS_ALL.exec(trimmed);
    const end = m ? m.index : trimmed.length;
    if (end > from) {
      const word = trimmed.slice(from, end);
      if (!TOOLS.has(word)) return false;
      if (words++ === 0) first = word;
    }
    if (!m) break;
    from = m.index + m[0].length;
  }
  // One ordinary word alone (大, 中, 返回, 更多) is too little to call a line chrome.
  return words > 1 || (words === 1 && first.length >= 2);
}

const RUN_ON_CHROME = new RegExp(rawDebris.runOnChrome.map((p) => `(?:${p})`).join('|'), 'y');
const LABEL_STICKY = new RegExp(LABEL.source, 'y');
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

const RUN_ON_TAIL = new RegExp(rawDebris.runOnTail.map((p) => `(?:${p})`).join('|'));

/**
 * Where the page footer starts after the last sentence of a flattened page ([from, to)), or -1.
 * What stands between that sentence and the footer is the signature: when it can be the writer's
 * words (继续推进依法行政，相关阅读材料发放500份), there is no footer (reportText.ts).
 */
export function tailChromeStart(text: string, from: number, to: number): number {
  let last = -1;
  for (let k = to - 1; k >= from; k--) {
    if ('。！？'.includes(text[k])) {
      last = k;
      break;
    }
  }
  if (last < 0) return -1;
  const rest = text.slice(last + 1, to);
  const m = RUN_ON_TAIL.exec(rest);
  return m && !canBeReportText(rest.slice(0, m.index)) ? last + 1 + m.index : -1;
}
