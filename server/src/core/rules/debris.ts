/**
 * `debris`: Word bookmarks, web-page chrome and page numbers left in the text. The fix removes
 * exactly the debris: a debris line goes with its line break, an inline span goes alone, and
 * nothing that can be report text goes at all.
 */
import { withoutInlineDebris, type CleanLine } from '../lines/cleanLines';
import { mayRemove } from '../lines/removal';
import { t } from '../messages';
import type { DebrisKind, Locale, Range } from '../model';
import { emitLineFindings, type LineFinding } from './lineFindings';
import type { AnalysisContext } from './context';
import type { Rule } from './rule';

const NONE: readonly LineFinding[] = [];

export const debris: Rule = {
  code: 'debris',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '残留的 Word 书签、网页文字或页码',
    en: 'Word bookmarks, web-page text or page numbers left in the text',
  },
  docs: {
    finds:
      'Word `[bookmark: …]`; web-page chrome (`data.kind` `web`: breadcrumbs, reading tools, share widgets, counters, footers; `metadata`: 索引号/发布机构 … blocks of several labels above or below the body — one label alone stays; `template`: template-site boilerplate and watermark lines); PDF page numbers and running headers (`page-number`, `running-header`); chrome run into a flattened page (see [Plain text as it arrives](#plain-text-as-it-arrives-web-pastes-pdf-text-lost-line-breaks-lost-numbering))',
    fix: 'remove it, one or all: a debris line goes with its line break, an inline span alone; a line that can be report text is never debris',
  },
  fixAll: { title: 'debris.fixAll' },
  run(ctx, emit) {
    // The findings depend on the line's text, its debris spans and whether a line follows (the fix
    // of a debris line takes its line break): computed for the lines that changed (lineFindings.ts).
    emitLineFindings(ctx, 'debris', emit, lineFindings, undefined, linesWithDebris);
  },
};

/**
 * The lines with debris spans, ascending: the only lines with findings, and those a fresh analysis
 * computes (a check and its dispatch for each of the varied 1 MB's 11,743 lines cost more: the rule alone
 * over it, 4 pairs, 0.27-0.28 → 0.13-0.14 ms).
 */
function linesWithDebris(ctx: AnalysisContext): number[] {
  const out: number[] = [];
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) if (lines[i].debris.length > 0) out.push(i);
  return out;
}

function lineFindings(cl: CleanLine, ctx: AnalysisContext): readonly LineFinding[] {
  return cl.debris.length === 0 ? NONE : lineDebris(ctx.locale, cl, cl.line.index === ctx.lines.length - 1);
}

/**
 * One line's debris findings. The fix removes the debris spans, and only they came through the
 * one door (lines/removal.ts), where the guard judged the words each stands for: whatever
 * recognised the debris, the writer's own sentence is never deleted. A line that is debris only
 * through its inline spans (a bookmark alone) goes whole when what is left of it cannot be report text.
 */
function lineDebris(locale: Locale, cl: CleanLine, last: boolean): LineFinding[] {
  const text = cl.line.text;
  const finding = (
    start: number,
    end: number,
    remove: (line: number) => Range,
    shown: string,
    kind: DebrisKind,
    removable: boolean,
  ): LineFinding => ({
    start,
    end,
    message: t(locale, `debris.${kind}`, { text: shown.length > 30 ? shown.slice(0, 30) + '…' : shown }),
    data: { kind },
    fixes: (line) =>
      removable ? [{ title: t(locale, 'debris.fix'), edits: [{ range: remove(line), newText: '' }], preferred: true }] : [],
  });
  if (cl.isDebris) {
    // The whole line is debris: one finding, and the fix takes the line with its break.
    const first = Math.min(...cl.debris.map((d) => d.start));
    const end = Math.max(...cl.debris.map((d) => d.end));
    const main = cl.debris.find((d) => d.wholeLine) ?? cl.debris[0];
    const whole = (line: number): Range =>
      last
        ? { start: { line, character: 0 }, end: { line, character: text.length } }
        : { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
    return [
      finding(
        first,
        end,
        whole,
        text.slice(first, end).trim(),
        main.kind,
        cl.debris.some((d) => d.wholeLine) || mayRemove(withoutInlineDebris(text)),
      ),
    ];
  }
  return cl.debris.map((d) => {
    const span = (line: number): Range => ({ start: { line, character: d.start }, end: { line, character: d.end } });
    return finding(d.start, d.end, span, text.slice(d.start, d.end), d.kind, true);
  });
}
