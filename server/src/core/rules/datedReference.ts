/**
 * `dated-reference`: a citation of an event (congress, plenum, law, campaign — data/references.json)
 * dated after the report's 成文日期, or after the end of its report year when it has no date:
 * a report cannot cite what had not yet happened (a report on 2023 citing 二十届三中全会).
 * Kept by line (citationLines.ts): a keystroke reads the edited line's citations only.
 */
import { t } from '../messages';
import { referenceDay } from '../references/scan';
import { formatDay } from '../references/table';
import { eachCitationLine, type CitationFinding, type CitationLines } from './citationLines';
import { placeAll } from './lineFindings';
import type { AnalysisContext } from './context';
import type { Signature } from '../model';
import { perLineMemo } from './lineChanges';
import type { Emitted, Rule } from './rule';

const DATED = new Set(['congress', 'plenum', 'event']);

const KEPT = perLineMemo<CitationFinding, readonly Emitted[]>('dated-reference');

/** One run of the rule over the lines: what LINES is given. */
interface DatedRun {
  readonly ctx: AnalysisContext;
  readonly day: number;
  readonly date: Signature['date'];
  readonly emit: (e: Emitted) => void;
}

const LINES: CitationLines<CitationFinding, readonly Emitted[], DatedRun> = {
  compute(citations, _text, { ctx, day, date }) {
    const out: CitationFinding[] = [];
    for (const c of citations) {
      if (!DATED.has(c.ref.kind) || c.ref.day <= day) continue;
      const happened = formatDay(c.ref.date, ctx.locale);
      out.push({
        start: c.start,
        end: c.end,
        message: date
          ? t(ctx.locale, 'dated-reference.date', { name: c.text, happened, date: date.text })
          : t(ctx.locale, 'dated-reference.year', { name: c.text, happened, year: ctx.year! }),
        data: { id: c.ref.id, happened: c.ref.date, ...(date ? { date: date.text } : { year: ctx.year }) },
      });
    }
    return out;
  },
  place: placeAll,
  visit(list, run) {
    for (const e of list) run.emit(e);
  },
};

export const datedReference: Rule = {
  code: 'dated-reference',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '引用了晚于成文日期或报告年度的事件',
    en: 'Cites an event dated after the report',
  },
  docs: {
    finds:
      "a citation of an event dated after the report's 成文日期 (or, without one, after the end of its report year): a report on 2023 citing 二十届三中全会 (2024-07-15), 党纪学习教育 before April 2024. Events and dates are data (see [Dated and outdated wording](#dated-and-outdated-wording)); hover on a citation shows its date",
  },
  run(ctx, emit) {
    const day = referenceDay(ctx);
    if (day === null) return;
    const date = ctx.signature?.date;
    eachCitationLine(ctx, KEPT, LINES, { ctx, day, date, emit });
  },
};
