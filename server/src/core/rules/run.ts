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
 * place (`placeKey`): a rule over the whole document (figure-rate, figure-sum, year-mismatch …)
 * emits new objects at every analysis, and a keystroke elsewhere leaves most of them as they were.
 */
const LAST_BY_PLACE = documentMemo<Map<string, Map<string, Finding>>>('findingsByPlace', () => new Map());

function runAll(ctx: AnalysisContext, options: RuleOptions): Finding[] {
  const findings: Finding[] = [];
  const large = isLarge(ctx.text, options);
  const byPlace = ctx.cache?.document(LAST_BY_PLACE);
  for (const rule of options.rules) {
    const setting = options.severities?.[rule.code];
    if (setting === 'off' || (large && rule.costly)) continue;
    // A rule's findings count only when it finishes: a rule that throws midway is skipped whole.
    const own: Finding[] = [];
    const kept = byPlace && { last: byPlace.get(rule.code), next: new Map<string, Finding>() };
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
  const place = kept && compute === undefined ? placeKey(f) : undefined;
  if (place !== undefined) {
    const last = kept!.last?.get(place);
    if (last !== undefined && last.severity === severity && sameEmitted(last, f)) {
      kept!.last!.delete(place); // handed out once per model
      kept!.next.set(place, last);
      cache!.findings.set(f, last);
      return last;
    }
  }
  const out = { ...f, code, severity } as Finding;
  cache?.findings.set(f, out);
  if (place !== undefined) kept!.next.set(place, out);
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

/** The last analysis's findings of one rule by place, and this analysis's (rules/run.ts LAST_BY_PLACE). */
interface KeptByPlace {
  readonly last: Map<string, Finding> | undefined;
  readonly next: Map<string, Finding>;
}

/** Where a finding stands and what it says: two findings of a rule with the same key are compared field by field. */
function placeKey(f: Emitted): string {
  const { start, end } = f.range;
  return `${start.line}:${start.character}:${end.line}:${end.character}:${f.message}`;
}

/** Whether a finding made from an emitted object equals `f` in every field the emitted object has (code and severity aside). */
function sameEmitted(last: Finding, f: Emitted): boolean {
  const keys = Object.keys(f);
  const lastKeys = Object.keys(last);
  // The finding has the emitted object's fields in its order, then code and severity (`{ ...f, code, severity }`).
  if (lastKeys.length !== keys.length + (keys.includes('severity') ? 1 : 2)) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as keyof Emitted;
    if (lastKeys[i] !== k) return false;
    if (k === 'severity' || k === 'range' || k === 'message') continue; // compared already (severity, the place key)
    if (!sameValue(last[k as keyof Finding], f[k])) return false;
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
