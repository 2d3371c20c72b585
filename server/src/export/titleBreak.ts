/**
 * Where a title breaks (GB/T 9704 §7.3.1: 标题回行时，要做到词意完整，排列对称，长短适宜; 梯形或菱形):
 * at meaning boundaries (after 关于, after 的/情况, before 的报告), in lines of balanced length, never
 * one or two characters alone, never inside a number (2024年) or a Latin word. The one place for
 * it: blocks.ts gives the title's lines to the .docx writer and the page preview alike.
 */
import { textWidth } from './width';

/** The most a 2号 title line holds on the 156 mm line (20.3 characters at 21.75 pt), less half a character of slack for wide digits. */
export const TITLE_LINE_WIDTH = 19.5;

/** Boundaries after these words are good places to break (cost 0 or 1). */
const AFTER: readonly [string, number][] = [
  ['关于', 0],
  ['情况', 0],
  ['年度', 1],
  ['年', 1],
  ['工作', 1],
  ['建设', 1],
  ['人民政府', 0],
  ['委员会', 0],
  ['党委', 0],
  ['的', 1],
  ['和', 1],
  ['及', 1],
  ['与', 1],
  ['、', 0],
  ['，', 0],
  [' ', 0],
  ['\u3000', 0],
];
/** Boundaries before these words are good places to break. */
const BEFORE: readonly [string, number][] = [
  ['的报告', 0],
  ['的工作报告', 0],
  ['情况的报告', 0],
  ['工作情况', 1],
  ['年度报告', 1],
  ['关于', 0],
  ['（', 1],
  ['《', 1],
];
/** Words a break never falls inside (a break inside costs more than anywhere else). */
const WORDS = [
  '报告',
  '情况',
  '工作',
  '建设',
  '法治',
  '政府',
  '年度',
  '推进',
  '人民',
  '委员会',
  '党委',
  '依法',
  '行政',
  '治理',
  '实施',
  '落实',
];

/** Characters that may not start a line, and ones that may not end one. */
const NO_START = new Set('，。、；：？！）》」』”’】〕…—,.;:?!)%％');
const NO_END = new Set('（《「『“‘【〔([');

const ALNUM = /[0-9A-Za-z０-９]/;

/** The cost of a break before index `i` of `chars` (Infinity: never). */
function breakCost(chars: readonly string[], i: number): number {
  const before = chars[i - 1];
  const after = chars[i];
  if (NO_START.has(after) || NO_END.has(before) || after === ' ' || after === '\u3000') return Infinity;
  // Numbers and Latin words stay whole, and a number keeps its 年/月/日/% (2024年, 100%).
  if (ALNUM.test(before) && (ALNUM.test(after) || /[年月日号%％.．]/.test(after))) return Infinity;
  const head = chars.slice(0, i).join('');
  const tail = chars.slice(i).join('');
  let cost = 6;
  for (const [w, c] of AFTER) if (head.endsWith(w)) cost = Math.min(cost, c);
  for (const [w, c] of BEFORE) if (tail.startsWith(w)) cost = Math.min(cost, c);
  for (const w of WORDS) {
    for (let k = 1; k < w.length; k++) if (head.endsWith(w.slice(0, k)) && tail.startsWith(w.slice(k))) cost = Math.max(cost, 12);
  }
  return cost;
}

/**
 * The title's lines: one line when it fits, else the fewest lines that fit, with breaks chosen for
 * meaning first and balance second. A line of one or two characters is never chosen while any
 * other split exists. Every character stays, in order (joining the lines gives the text back).
 */
export function breakTitle(text: string, maxWidth = TITLE_LINE_WIDTH): string[] {
  const chars = Array.from(text);
  const total = textWidth(text);
  if (total <= maxWidth || chars.length < 6) return [text];
  // Widths of prefixes, so a line's width is one subtraction.
  const at = [0];
  for (const ch of chars) at.push(at[at.length - 1] + textWidth(ch));
  const costs = chars.map((_, i) => (i === 0 ? Infinity : breakCost(chars, i)));
  for (let lines = Math.ceil(total / maxWidth); lines <= Math.min(6, chars.length); lines++) {
    const best = bestSplit(chars.length, lines, at, costs, maxWidth, total);
    if (best) return best.map((b, k) => chars.slice(k === 0 ? 0 : best[k - 1], b).join('')).slice(1);
  }
  return greedy(chars, maxWidth);
}

/**
 * Break positions for `lines` lines (returned as [0?, b1, …, end] ends of each line, with a leading
 * placeholder) minimising the break costs plus how unequal the lines are; null when no split fits.
 * Titles are short (under 100 characters), so a search over break positions line by line is cheap.
 */
function bestSplit(
  n: number,
  lines: number,
  at: readonly number[],
  costs: readonly number[],
  maxWidth: number,
  total: number,
): number[] | null {
  const ideal = total / lines;
  let best: { score: number; ends: number[] } | null = null;
  const walk = (start: number, left: number, ends: number[], score: number) => {
    if (best && score >= best.score) return;
    if (left === 1) {
      const w = at[n] - at[start];
      if (w > maxWidth + 1e-9 || n - start <= 2) return;
      const s = score + Math.abs(w - ideal);
      if (!best || s < best.score) best = { score: s, ends: [...ends, n] };
      return;
    }
    for (let end = start + 3; end <= n - 3; end++) {
      const w = at[end] - at[start];
      if (w > maxWidth + 1e-9) break;
      if (costs[end] === Infinity) continue;
      walk(end, left - 1, [...ends, end], score + costs[end] * 1.5 + Math.abs(w - ideal));
    }
  };
  walk(0, lines, [0], 0);
  return best ? (best as { ends: number[] }).ends : null;
}

/** No good split at all (a title of one long Latin word): lines of equal length that fit. */
function greedy(chars: readonly string[], maxWidth: number): string[] {
  const widest = chars.reduce((w, ch) => Math.max(w, textWidth(ch)), 0.5);
  const perLine = Math.max(1, Math.floor(maxWidth / widest));
  const lines = Math.ceil(chars.length / perLine);
  const size = Math.ceil(chars.length / lines);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}
