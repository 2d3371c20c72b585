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
 *   unless the line is a link to another page (上一篇：关于开展…的通知; data/debris.json linkLabels).
 * Chrome has none of these: it is labels, links, names, dates and numbers without units. Commas
 * alone say nothing (建议使用IE9以上浏览器，1366*768分辨率浏览本站 is chrome).
 */
import rawDebris from '../data/debris.json';
import figureWords from '../data/figures.json';

const HEADING_START =
  /^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[ \t\u3000]*[、．.]|[（(][ \t\u3000]*[一二三四五六七八九十]{1,3}[ \t\u3000]*[）)]|[0-9０-９]{1,2}[ \t\u3000]*[.．、](?![0-9０-９])|[（(][ \t\u3000]*[0-9０-９]{1,2}[ \t\u3000]*[）)]|[一二三四五六七八九十]{1,3}是)[ \t\u3000]*[\u3400-\u9fff0-9０-９]/;
const SENTENCE_END = /[。！？]/;
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

/** Can this line (its text, with or without indentation) be the writer's own words? */
export function canBeReportText(line: string): boolean {
  const text = line.trim();
  if (text.length === 0) return false;
  if (HEADING_START.test(text) || SENTENCE_END.test(text)) return true;
  // A verb counts outside links to other pages: 下一篇：关于开展…的通知 names a page, it says nothing.
  if (VERBS.test(text) && !LINK_LABEL.test(text)) return true;
  // The counts only once the counters are out of the way (浏览次数：36次 counts nothing).
  return COUNT.test(text.includes('次') || text.includes('页') ? text.replace(COUNTERS, ' ') : text);
}
