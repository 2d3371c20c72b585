/** `placeholder`: text left from a template — XX, ××, ＊次, __, 【待补充】, X月X日 (data/rules.json). */
import vocabulary from '../data/rules.json';
import { t } from '../messages';
import type { CleanLine } from '../lines/cleanLines';
import { contentSegments } from '../lines/segments';
import type { Locale } from '../model';
import { emitLineFindings, type LineFinding } from './lineFindings';
import { neededClass } from '../text/neededUnits';
import { LookedTogether } from './lookedTogether';
import type { AnalysisContext } from './context';
import type { Rule } from './rule';

const PATTERNS = vocabulary.placeholders.patterns.map((p) => new RegExp(p, 'g'));
/** All patterns as one alternation: an ordinary line costs one regex call instead of one per pattern. */
const ANY = new RegExp(vocabulary.placeholders.patterns.map((p) => `(?:${p})`).join('|'));
/**
 * A character one of which every placeholder holds (X, ×, ○, ＊, _, 【 …, read from the patterns:
 * text/neededUnits.ts): a line without one is passed over by one native scan, before the alternation.
 */
const NEEDED = neededClass(vocabulary.placeholders.patterns);
/** The same class looked for in the whole text when every line is computed, with the other line rules' (lookedTogether.ts). */
const LOOK = NEEDED === null ? undefined : new LookedTogether(NEEDED);
const NONE: readonly LineFinding[] = [];

export const placeholder: Rule = {
  code: 'placeholder',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '残留的模板占位符（XX、××、【待补充】等）',
    en: 'Template placeholders left in the text (XX, ××, 【待补充】 …)',
  },
  docs: {
    finds: 'template text left in: XX, ××, ＊次, `__`, 【待补充】, X月X日, 20XX年 (patterns in `data/rules.json`)',
  },
  run(ctx, emit) {
    // The content pieces of a line that is not debris follow from its text: computed for the lines that changed (lineFindings.ts).
    emitLineFindings(ctx, 'placeholder', emit, lineFindings, undefined, LOOK);
  },
};

function lineFindings(cl: CleanLine, ctx: AnalysisContext): readonly LineFinding[] {
  if (cl.isDebris || cl.contentStart >= cl.contentEnd) return NONE;
  // A line without debris spans is one piece, its content: most hold no placeholder, found with one
  // test and nothing made (a list of pieces, a slice, a list of findings per line: round 17).
  if (NEEDED !== null && !NEEDED.test(cl.line.text)) return NONE;
  if (cl.debris.length === 0 && !ANY.test(cl.content ?? cl.line.text.slice(cl.contentStart, cl.contentEnd))) return NONE;
  const found = placeholders(ctx.locale, cl.line.text, contentSegments(cl));
  return found.length === 0 ? NONE : found;
}

function placeholders(locale: Locale, text: string, segments: readonly [number, number][]): LineFinding[] {
  const out: LineFinding[] = [];
  // Characters already reported on this line. One pattern's matches never overlap each other, so
  // marking and testing the characters of each match keeps the line linear (searching the list
  // of findings per match was quadratic: 40,000 × XX年XX月 took 18 s).
  let seen: Uint8Array | undefined;
  for (const [from, to] of segments) {
    const seg = text.slice(from, to);
    if (!ANY.test(seg)) continue;
    seen ??= new Uint8Array(text.length);
    for (const re of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(seg); m; m = re.exec(seg)) {
        const start = from + m.index;
        const end = start + m[0].length;
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        if (overlaps(seen, start, end)) continue;
        seen.fill(1, start, end);
        out.push({ start, end, message: t(locale, 'placeholder', { text: m[0] }), data: { text: m[0] } });
      }
    }
  }
  return out;
}

function overlaps(seen: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (seen[i]) return true;
  return false;
}
