/**
 * `punctuation-width`: half-width , ; : ( ) ? ! written in Chinese text. A mark counts only
 * when Chinese stands before it and Chinese (or the line end) after it; brackets only when
 * they enclose Chinese. Numbers (1,000 3:00), URLs and Latin text are left alone. One finding
 * per line, so a text written with half-width commas throughout is not a wall of warnings.
 */
import { t } from '../messages';
import type { Locale, TextEdit } from '../model';
import { outlineLines, type OutlineLines } from '../document/outlineLines';
import type { CleanLine } from '../lines/cleanLines';
import { emitLineFindings, type LineFinding } from './lineFindings';
import { CJK, contentSegments } from '../lines/segments';
import { UnitClass } from '../text/unitTable';
import type { AnalysisContext } from './context';
import type { Rule } from './rule';
import { LookedTogether } from './lookedTogether';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
/** Chinese text or full-width punctuation that may stand next to a mark. */
const CHINESE_SIDE = /[\u3400-\u9fff\uf900-\ufaff〇“”‘’《》（）【】、。，；：]/;
// An address starts only where its run of letters starts (the lookbehind): a long run is one attempt, not one per letter.
const URL = /(?:https?|ftp):\/\/\S+|www\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+/g;
/**
 * The marks converted (brackets aside), found by a native scan from mark to mark: a fresh analysis
 * reads only the lines holding one (linesHolding.ts), where reading every character after the first
 * in script cost more than a call per mark (the rule alone over the varied 1 MB, 4 pairs: 2.40-2.46 →
 * 2.23-2.25 ms).
 */
const MARK = /[,;:?!]/g;
/** What may stand between a mark and its neighbour, and the neighbours that count as Chinese, by unit. */
const SPACE = new UnitClass(/\s/);
const CHINESE = new UnitClass(CHINESE_SIDE);
/** A mark or an opening bracket: a line without one has nothing for this rule. */
const ANY_MARK = /[,;:?!(]/;
/** The same class looked for in the whole text when every line is computed, with the other line rules' (lookedTogether.ts). */
const LOOK = new LookedTogether(ANY_MARK);
const NO_MARKS: readonly LineFinding[] = [];
const PAREN = /\(([^()\n]{1,60})\)/g;

export const punctuationWidth: Rule = {
  code: 'punctuation-width',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '中文文字中使用了半角标点',
    en: 'Half-width punctuation in Chinese text',
  },
  docs: {
    finds: 'half-width `, ; : ( ) ? !` in Chinese text (Chinese before and after; brackets around Chinese); one finding per line',
    fix: 'convert to full width, the line or the whole file; numbers (`1,000`, `3:00`), URLs and Latin text stay',
  },
  fixAll: { title: 'punctuation-width.fixAll' },
  // A per-character scan of every line: skipped on documents above govreport.maxDocumentSize.
  costly: true,
  run(ctx, emit) {
    // Ordinals like (一) belong to heading-style; their brackets are left to it.
    const ordinals = outlineLines(ctx.outline, ctx.lines.length);

    // A line's finding depends on its text and its ordinals only (the content pieces of a line that
    // is not debris follow from its text): computed for the lines that changed (lineFindings.ts).
    emitLineFindings(ctx, 'punctuation-width', emit, lineFindings, ordinals, LOOK);
  },
};

function lineFindings(cl: CleanLine, ctx: AnalysisContext, ordinals: OutlineLines): readonly LineFinding[] {
  if (cl.isDebris || cl.contentStart >= cl.contentEnd) return NO_MARKS; // no content, no marks
  const text = cl.line.text;
  // Most lines hold no half-width mark at all: one native scan says so.
  if (!ANY_MARK.test(text)) return NO_MARKS;
  return lineFinding(ctx.locale, text, marksOf(text, contentSegments(cl), ordinals.spans(cl.line.index) ?? []));
}

/** One finding per line: on the first mark, naming them all; the fix converts every one. */
function lineFinding(locale: Locale, text: string, at: readonly number[]): readonly LineFinding[] {
  if (at.length === 0) return NO_MARKS;
  return [
    {
      start: at[0],
      end: at[0] + 1,
      message: t(locale, 'punctuation-width', { count: at.length, marks: distinctMarks(text, at) }),
      data: { count: at.length },
      fixes: (line) => [
        {
          title: t(locale, 'punctuation-width.fix'),
          edits: at.map((i): TextEdit => ({
            range: { start: { line, character: i }, end: { line, character: i + 1 } },
            newText: FULL[text[i]],
          })),
          preferred: true,
        },
      ],
    },
  ];
}

/**
 * The marks at `at`, each once in the order first met, spaced (`, ;`): a string built by a loop, not
 * an array, a set and a copy of it per line with a finding (430 in the varied 1 MB; the rule alone over
 * it, 4 pairs: 2.23-2.29 → 2.04-2.14 ms).
 */
export function distinctMarks(text: string, at: readonly number[]): string {
  let out = '';
  for (const i of at) {
    const mark = text[i];
    // A mark is one character, never a space: found in `out` only as itself.
    if (!out.includes(mark)) out = out === '' ? mark : `${out} ${mark}`;
  }
  return out;
}

/**
 * Line offsets of the half-width marks to convert, in order. Each mark found by MARK, its neighbours
 * read unit by unit from tables learnt from the classes (a space, a Chinese neighbour): the regex scan
 * of round 19 made a match object per mark and a one-character string per neighbour asked, and a set,
 * a slice and a sorted copy per line.
 */
function marksOf(text: string, segments: readonly [number, number][], ordinals: readonly [number, number][]): readonly number[] {
  // The brackets enclosing Chinese and the marks, each in ascending order (the pieces come in order).
  let brackets: Set<number> | undefined;
  const marks: number[] = [];
  for (const [from, to] of segments) {
    const open = text.indexOf('(', from);
    if (open >= 0 && open < to) {
      const seg = text.slice(from, to);
      PAREN.lastIndex = 0;
      for (let m = PAREN.exec(seg); m; m = PAREN.exec(seg)) {
        if (CJK.test(m[1]) && !/[A-Za-z]{2,}/.test(m[1])) {
          (brackets ??= new Set()).add(from + m.index).add(from + m.index + m[0].length - 1);
        }
      }
    }
    // A neighbour counts as Chinese when it is Chinese or a bracket converted above. (Never a mark
    // converted before it: that one would have had this mark, no Chinese, as its right neighbour.)
    MARK.lastIndex = from;
    while (MARK.test(text)) {
      const i = MARK.lastIndex - 1;
      if (i >= to) break;
      let p = i - 1;
      while (p >= from && SPACE.has(text.charCodeAt(p))) p--;
      let n = i + 1;
      while (n < to && SPACE.has(text.charCodeAt(n))) n++;
      if (p < from || !(CHINESE.has(text.charCodeAt(p)) || brackets?.has(p) === true)) continue;
      if (n < to && !(CHINESE.has(text.charCodeAt(n)) || brackets?.has(n) === true)) continue;
      marks.push(i);
    }
  }
  const found = brackets === undefined ? marks : merged([...brackets], marks);
  if (found.length === 0) return found;
  const skip = [...ordinals];
  // Each URL alternative needs ://, www. or @: without them the URL scan finds nothing.
  if (text.includes('://') || text.includes('www.') || text.includes('@')) {
    URL.lastIndex = 0;
    for (let m = URL.exec(text); m; m = URL.exec(text)) skip.push([m.index, m.index + m[0].length]);
  }
  return skip.length === 0 ? found : withoutSpans(found, skip);
}

/** Two ascending lists of distinct offsets as one. */
function merged(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++]);
  return out;
}

/** The sorted offsets that fall in none of the spans: one sweep over both, sorted. */
function withoutSpans(sorted: readonly number[], spans: [number, number][]): number[] {
  spans.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  let k = 0;
  let reach = -1; // the furthest end of the spans starting at or before the offset
  for (const i of sorted) {
    while (k < spans.length && spans[k][0] <= i) reach = Math.max(reach, spans[k++][1]);
    if (i >= reach) out.push(i);
  }
  return out;
}
