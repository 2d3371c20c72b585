/**
 * The last stage of an analysis: every rule over the finished document. A rule that throws is
 * skipped whole and the others still report; past the size limit the costly rules are skipped and
 * one `large-document` finding says so.
 */
import { t } from '../messages';
import type { Finding, Locale, Severity } from '../model';
import { documentMemo, type AnalysisCache } from '../text/lineCache';
import type { AnalysisContext } from './context';
import type { Emitted, Rule } from './rule';

export const LARGE_DOCUMENT = 'large-document';

/** The most findings one rule reports in one document (the first ones, in the rule's order). */
export const MAX_FINDINGS_PER_RULE = 10_000;

export interface RuleOptions {
  readonly rules: readonly Rule[];
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** Above this many characters the costly rules are skipped. */
  readonly maxDocumentSize?: number;
  readonly onRuleError?: (code: string, error: unknown) => void;
  /** Findings hidden one by one (`.govreport.json` `ignore`): a rule's code and the text of the line it was found on. */
  readonly ignore?: readonly IgnoredFinding[];
}

/** One hidden false positive, as LTeX's hiddenFalsePositives: the rule and the (trimmed) line it was found on. */
export interface IgnoredFinding {
  readonly rule: string;
  readonly text: string;
}

/** Whether `f` is one the writer hid: same rule, found on a line whose trimmed text is the entry's. */
function hidden(ctx: AnalysisContext, ignore: readonly IgnoredFinding[], f: Finding): boolean {
  const mine = ignore.filter((i) => i.rule === f.code);
  if (mine.length === 0) return false;
  const line = ctx.index.lines[f.range.start.line];
  const text = line ? line.text.trim() : '';
  return mine.some((i) => i.text.trim() === text);
}

export function runRules(ctx: AnalysisContext, options: RuleOptions): Finding[] {
  const all = runAll(ctx, options);
  const ignore = options.ignore;
  return ignore?.length ? all.filter((f) => !hidden(ctx, ignore, f)) : all;
}

/**
 * The findings of the last analysis made from emitted objects met for the first time, by rule and
 * by the line they start on: a rule over the whole document (figure-rate, figure-sum, year-mismatch …)
 * emits new objects at every analysis, and a keystroke elsewhere leaves most of them as they were.
 */
const LAST_BY_PLACE = documentMemo<Map<string, ByLine>>('findingsByPlace', () => new Map());

function runAll(ctx: AnalysisContext, options: RuleOptions): Finding[] {
  const findings: Finding[] = [];
  const large = isLarge(ctx.text, options);
  const byPlace = ctx.cache?.document(LAST_BY_PLACE);
  for (const rule of options.rules) {
    const setting = options.severities?.[rule.code];
    if (setting === 'off' || (large && rule.costly)) continue;
    // A rule's findings count only when it finishes: a rule that throws midway is skipped whole.
    const own: Finding[] = [];
    const kept = byPlace && { last: byPlace.get(rule.code), next: new Map() as ByLine };
    try {
      // Past MAX_FINDINGS_PER_RULE a rule's findings are dropped: a line of a million stray 】 is
      // one problem to the writer, not a million diagnostics to publish.
      rule.run(ctx, (f) => {
        if (own.length < MAX_FINDINGS_PER_RULE)
          own.push(finding(f, rule.code, setting ?? f.severity ?? rule.defaultSeverity, ctx.cache, kept));
      });
      for (const f of own) findings.push(f);
      if (kept) byPlace!.set(rule.code, kept.next);
    } catch (error) {
      options.onRuleError?.(rule.code, error);
    }
  }
  const largeSetting = options.severities?.[LARGE_DOCUMENT];
  if (large && largeSetting !== 'off') findings.push(largeDocument(ctx, options.maxDocumentSize!, largeSetting));
  return findings;
}

/** Whether the text is past the size limit above which the costly rules are skipped. */
export function isLarge(text: string, options: Pick<RuleOptions, 'maxDocumentSize'>): boolean {
  return options.maxDocumentSize !== undefined && text.length > options.maxDocumentSize;
}

/**
 * The finding as the model holds it. Fixes given as a function become a getter that computes
 * them on first read and then keeps them: `finding.fixes` reads like plain data (JSON, spread
 * and structured clone see the edits), but nobody pays for the edits of a fix never asked for.
 */
function finding(f: Emitted, code: string, severity: Severity, cache?: AnalysisCache, kept?: KeptByPlace): Finding {
  // The same emitted object (an unchanged line's finding, rules/lineFindings.ts): the same finding.
  const before = cache?.findings.get(f);
  if (before && before.code === code && before.severity === severity) return before;
  const compute = f.fixes;
  // An emitted object met for the first time, without fixes (a fix may read other lines): the last
  // analysis's finding of the rule at its place, when equal in every field, is handed out again.
  // Found by its line and compared field by field: no key string made per finding (issue 27).
  const keep = kept !== undefined && compute === undefined;
  if (keep) {
    const last = takeEqual(kept.last?.get(f.range.start.line), f, severity);
    if (last !== undefined) {
      keepAt(kept.next, last);
      return last;
    }
  }
  const out = { ...f, code, severity } as Finding;
  cache?.findings.set(f, out);
  if (keep) keepAt(kept.next, out);
  if (typeof compute === 'function') {
    Object.defineProperty(out, 'fixes', {
      enumerable: true,
      configurable: true,
      get(this: Finding) {
        const fixes = compute();
        Object.defineProperty(this, 'fixes', { value: fixes, enumerable: true, configurable: true, writable: true });
        return fixes;
      },
    });
  }
  return out;
}

/**
 * One rule's findings made from emitted objects without fixes, by the line they start on, in the
 * order emitted; `from`: where the next search starts (the ones before it are handed out).
 */
type ByLine = Map<number, LineKept>;
interface LineKept {
  readonly list: Finding[];
  from: number;
}

/** The last analysis's findings of one rule by line, and this analysis's (rules/run.ts LAST_BY_PLACE). */
interface KeptByPlace {
  readonly last: ByLine | undefined;
  readonly next: ByLine;
}

function keepAt(byLine: ByLine, f: Finding): void {
  const line = f.range.start.line;
  const kept = byLine.get(line);
  if (kept) kept.list.push(f);
  else byLine.set(line, { list: [f], from: 0 });
}

/** How far past the last one handed out a line's findings are searched: a line of a million strays stays linear. */
const WINDOW = 8;

/**
 * The finding of the last analysis on the line equal to `f` in every field, if any among the next
 * few after the last one handed out (a rule emits a line's findings in the same order each time):
 * each is handed out once per model, in order.
 */
function takeEqual(candidates: LineKept | undefined, f: Emitted, severity: Severity): Finding | undefined {
  if (candidates === undefined) return undefined;
  const { list } = candidates;
  const end = Math.min(list.length, candidates.from + WINDOW);
  for (let i = candidates.from; i < end; i++) {
    const last = list[i];
    if (last.severity === severity && samePlace(last, f) && sameEmitted(last, f)) {
      candidates.from = i + 1;
      return last;
    }
  }
  return undefined;
}

/** Same range (start line compared already) and message. */
function samePlace(last: Finding, f: Emitted): boolean {
  const a = last.range;
  const b = f.range;
  return (
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character &&
    a.start.line === b.start.line &&
    last.message === f.message
  );
}

/** Whether a finding made from an emitted object equals `f` in every field the emitted object has (code and severity aside). */
function sameEmitted(last: Finding, f: Emitted): boolean {
  const keys = Object.keys(f);
  // The finding has the emitted object's fields in its order, then code and severity (`{ ...f, code, severity }`):
  // its keys walked in order without a second key array.
  let i = 0;
  for (const k in last) {
    if (i < keys.length) {
      if (k !== keys[i]) return false;
    } else if (k !== 'code' && k !== 'severity') return false;
    i++;
  }
  if (i !== keys.length + (keys.includes('severity') ? 1 : 2)) return false;
  for (const k of keys) {
    if (k === 'severity' || k === 'range' || k === 'message') continue; // compared already (severity, the place)
    if (!sameValue(last[k as keyof Finding], f[k as keyof Emitted])) return false;
  }
  return true;
}

/** Plain data compared by value (a finding's data: numbers, strings, arrays and records of them). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!sameValue((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[ka[i]])) return false;
  }
  return true;
}

/** The one finding that says the size guard skipped the costly checks (so nothing stops silently). */
function largeDocument(ctx: AnalysisContext, max: number, setting: Severity | undefined): Finding {
  const locale: Locale = ctx.locale;
  const size = ctx.text.length;
  return {
    code: LARGE_DOCUMENT,
    severity: setting ?? 'information',
    message: t(locale, LARGE_DOCUMENT, { size, max }),
    range: ctx.firstContentLineRange(),
    data: { size, max },
  };
}
