/**
 * The last stage of an analysis: every rule over the finished document. A rule that throws is
 * skipped whole and the others still report; past the size limit the costly rules are skipped and
 * one `large-document` finding says so.
 */
import { t } from '../messages';
import type { Finding, Fix, Locale, Severity } from '../model';
import { keepShape } from '../keptShapes';
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

/**
 * The hidden entries by rule, each rule's as the set of trimmed line texts: one lookup per finding,
 * not a filter of the whole list per finding.
 */
function hiddenByRule(ignore: readonly IgnoredFinding[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const i of ignore) {
    let texts = out.get(i.rule);
    if (texts === undefined) out.set(i.rule, (texts = new Set()));
    texts.add(i.text.trim());
  }
  return out;
}

/** Whether `f` is one the writer hid: same rule, found on a line whose trimmed text is the entry's. */
function hidden(ctx: AnalysisContext, byRule: Map<string, Set<string>>, f: Finding): boolean {
  const texts = byRule.get(f.code);
  if (texts === undefined) return false;
  const line = ctx.index.lines[f.range.start.line];
  return texts.has(line ? line.text.trim() : '');
}

export function runRules(ctx: AnalysisContext, options: RuleOptions): Finding[] {
  const all = runAll(ctx, options);
  const ignore = options.ignore;
  if (!ignore?.length) return all;
  const byRule = hiddenByRule(ignore);
  return all.filter((f) => !hidden(ctx, byRule, f));
}

/**
 * The runner's side of one rule's `emit`, for helpers that keep a rule's model findings from one
 * analysis to the next (lineFindings.ts): a line whose findings are as they were hands them out
 * whole, without a lookup per finding. Found with `emissionOf(emit)` while the rule runs.
 */
export interface RuleEmission {
  /** What the findings' severity depends on besides the finding (the setting, else the rule's default). */
  readonly severity: Severity;
  /** The model finding for an emitted one, made anew. */
  make(f: Emitted): Finding;
  /** Model findings `make` gave at an earlier analysis of this rule with this `severity`, added as they are. */
  add(list: readonly Finding[]): void;
}

/** The rule running now, with its emit function (rules run one at a time, synchronously). */
let running: { readonly emit: (f: Emitted) => void; readonly emission: RuleEmission } | undefined;

/** The runner's side of `emit`, when `emit` is the one the runner gave the rule running now; else undefined. */
export function emissionOf(emit: (f: Emitted) => void): RuleEmission | undefined {
  return running !== undefined && running.emit === emit ? running.emission : undefined;
}

/**
 * The findings of the last analysis made from emitted objects met for the first time, by rule, in
 * the order emitted: a rule over the whole document (figure-rate, figure-sum, year-mismatch …)
 * emits new objects at every analysis, and a keystroke elsewhere leaves most of them as they were.
 */
const LAST_EMITTED = documentMemo<Map<string, Finding[]>>('findingsByRule', () => new Map());

function runAll(ctx: AnalysisContext, options: RuleOptions): Finding[] {
  const findings: Finding[] = [];
  const large = isLarge(ctx.text, options);
  const byRule = ctx.cache?.document(LAST_EMITTED);
  const cache = ctx.cache;
  for (const rule of options.rules) {
    const setting = options.severities?.[rule.code];
    if (setting === 'off' || (large && rule.costly)) continue;
    const code = rule.code;
    // A rule's findings count only when it finishes: a rule that throws midway is skipped whole.
    const from = findings.length;
    const kept = byRule && new Kept(byRule.get(code));
    const run = new RuleRun(findings, from, code, setting, rule.defaultSeverity, cache, kept);
    // A one-line closure: the work is RuleRun's, compiled once (RuleRun says why).
    const emit = (f: Emitted) => run.emit(f);
    running = { emit, emission: run };
    try {
      rule.run(ctx, emit);
      if (kept) byRule!.set(code, kept.next);
    } catch (error) {
      findings.length = from;
      options.onRuleError?.(code, error);
    } finally {
      running = undefined;
    }
  }
  const largeSetting = options.severities?.[LARGE_DOCUMENT];
  if (large && largeSetting !== 'off') findings.push(largeDocument(ctx, options.maxDocumentSize!, largeSetting));
  return findings;
}

/**
 * One rule's run at one analysis: what its `emit` and the runner's side of it (RuleEmission) do. A
 * class with the rule's `emit` a one-line closure over it, not closures doing the work: V8 keeps a
 * closure's optimised code only while a closure of it lives, so closures made per rule and analysis
 * were compiled again after every full collection (keptShapes.ts, docs/performance.md round 15).
 */
class RuleRun implements RuleEmission {
  readonly severity: Severity;
  constructor(
    private readonly findings: Finding[],
    private readonly from: number,
    private readonly code: string,
    private readonly setting: Severity | undefined,
    private readonly defaultSeverity: Severity,
    private readonly cache: AnalysisCache | undefined,
    private readonly kept: Kept | undefined,
  ) {
    this.severity = setting ?? defaultSeverity;
  }

  emit(f: Emitted): void {
    // Past MAX_FINDINGS_PER_RULE a rule's findings are dropped: a line of a million stray 】 is
    // one problem to the writer, not a million diagnostics to publish.
    if (this.findings.length - this.from < MAX_FINDINGS_PER_RULE)
      this.findings.push(finding(f, this.code, this.setting ?? f.severity ?? this.defaultSeverity, this.cache, this.kept));
  }

  make(f: Emitted): Finding {
    return made(f, this.code, this.setting ?? f.severity ?? this.defaultSeverity);
  }

  add(list: readonly Finding[]): void {
    const room = MAX_FINDINGS_PER_RULE - (this.findings.length - this.from);
    const n = Math.min(room, list.length);
    for (let i = 0; i < n; i++) this.findings.push(list[i]);
  }
}

/** Whether the text is past the size limit above which the costly rules are skipped. */
export function isLarge(text: string, options: Pick<RuleOptions, 'maxDocumentSize'>): boolean {
  return options.maxDocumentSize !== undefined && text.length > options.maxDocumentSize;
}

/**
 * The finding for an emitted object: the same model finding when the object was handed out again
 * (an unchanged line's, rules/lineFindings.ts), else an equal one of the last analysis, else new.
 */
function finding(f: Emitted, code: string, severity: Severity, cache?: AnalysisCache, kept?: Kept): Finding {
  // The same emitted object (an unchanged line's finding, rules/lineFindings.ts): the same finding.
  const before = cache?.findings.get(f);
  if (before && before.code === code && before.severity === severity) return before;
  // An emitted object met for the first time, without fixes (a fix may read other lines): the last
  // analysis's finding of the rule equal in every field is handed out again. Searched in the order
  // emitted, compared field by field: no key string, map or array made per finding (issue 27).
  if (kept !== undefined && f.fixes === undefined) {
    const last = kept.take(f, severity);
    if (last !== undefined) return last;
    const out = made(f, code, severity);
    cache?.findings.set(f, out);
    kept.next.push(out);
    return out;
  }
  const out = made(f, code, severity);
  cache?.findings.set(f, out);
  return out;
}

/**
 * The finding as the model holds it. Fixes given as a function become a getter that computes
 * them on first read and then keeps them: `finding.fixes` reads like plain data (JSON, spread
 * and structured clone see the edits), but nobody pays for the edits of a fix never asked for.
 *
 * Written out field by field (an emitted finding has only these: rule.ts `Emitted`), not as
 * `{ ...f, code, severity }`: V8's spread with fields added after it cost ~3 µs a finding (a line
 * deleted from the varied 1 MB makes ~480 findings again, docs/performance.md round 12). The getter is
 * one function for every finding, defined with its function kept on the finding under a symbol (not
 * enumerable: JSON, spread, `deepStrictEqual` and structured clone do not see it) — not a getter
 * written in the literal: V8 gives an object literal with an accessor a map of its own at every
 * evaluation, which the literal's first map keeps until a full collection, and with it the fix's
 * closure and all it holds (the analysis's context, the whole text: 740 KB a keystroke in the varied
 * 1 MB promoted and left for a full collection, round 14). 480 findings made in a micro-benchmark:
 * 0.9–1.4 ms with the getter in the literal, 0.6 ms this way.
 */
function made(f: Emitted, code: string, severity: Severity): Finding {
  const { message, range, data, fixes } = f;
  if (typeof fixes === 'function') {
    const out: Finding = data === undefined ? { code, severity, message, range } : { code, severity, message, range, data };
    Object.defineProperty(out, FIXES_OF, { value: fixes, writable: true });
    return Object.defineProperty(out, 'fixes', LAZY_FIXES);
  }
  if (fixes === undefined) return data === undefined ? { code, severity, message, range } : { code, severity, message, range, data };
  return data === undefined ? { code, severity, message, range, fixes } : { code, severity, message, range, data, fixes };
}

/** Where a finding made with fixes to compute keeps the function that computes them. */
const FIXES_OF = Symbol('fixesOf');

/** The one getter of every finding whose fixes are computed when read: computes them, then keeps them in its place (a plain property from then on). */
const LAZY_FIXES: PropertyDescriptor = {
  get(this: Finding & { [FIXES_OF]: (() => readonly Fix[]) | undefined }) {
    const fixes = this[FIXES_OF]!();
    Object.defineProperty(this, 'fixes', { value: fixes, enumerable: true, configurable: true, writable: true });
    // The function and what its closure holds (the analysis it was made in) go with it, as the getter did.
    this[FIXES_OF] = undefined;
    return fixes;
  },
  enumerable: true,
  configurable: true,
};

/** How far past the last one handed out the last analysis's findings are searched: a rule's findings stay linear. */
const WINDOW = 8;

/**
 * One rule's findings of the last analysis made from emitted objects without fixes, in the order
 * emitted, and this analysis's. A rule emits its findings in the same order each time, so the one
 * equal to the next emitted object, if any, is among the few after the last one handed out: each
 * is handed out once per model, in order.
 */
class Kept {
  readonly next: Finding[] = [];
  private from = 0;

  constructor(private readonly last: readonly Finding[] | undefined) {}

  take(f: Emitted, severity: Severity): Finding | undefined {
    const list = this.last;
    if (list === undefined) return undefined;
    const end = Math.min(list.length, this.from + WINDOW);
    for (let i = this.from; i < end; i++) {
      const last = list[i];
      if (last.severity === severity && samePlace(last, f) && sameEmitted(last, f)) {
        this.from = i + 1;
        this.next.push(last);
        return last;
      }
    }
    return undefined;
  }
}

// Made at every analysis, for every rule: one of each kept for its shape (keptShapes.ts).
keepShape(new Kept(undefined));
keepShape(new RuleRun([], 0, '', undefined, 'warning', undefined, undefined));

/** Same range and message. */
function samePlace(last: Finding, f: Emitted): boolean {
  const a = last.range;
  const b = f.range;
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character &&
    last.message === f.message
  );
}

/** Key lists reused by depth (a comparison allocates nothing once they have grown). */
const scratch: string[][] = [];

function keysOf(o: object, depth: number): string[] {
  const keys = (scratch[depth] ??= []);
  keys.length = 0;
  for (const k in o) keys.push(k);
  return keys;
}

/**
 * Whether a finding made from an emitted object without fixes equals the one `made` would make of `f`,
 * severity, range and message aside (compared already): the same data, by value, key order included
 * (`made` writes every finding's fields in one order, so equal data is equal JSON).
 */
function sameEmitted(last: Finding, f: Emitted): boolean {
  return sameValue(last.data, f.data, 1);
}

/** Plain data compared by value (a finding's data: numbers, strings, arrays and records of them), key order included. */
function sameValue(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const array = Array.isArray(a);
  if (array !== Array.isArray(b)) return false;
  if (array) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameValue(x[i], y[i], depth + 1)) return false;
    return true;
  }
  const kb = keysOf(b, depth);
  let i = 0;
  for (const k in a) {
    if (i >= kb.length || kb[i] !== k) return false;
    i++;
  }
  if (i !== kb.length) return false;
  // The key list of this depth is reused below: walk `a`'s keys again, not the list.
  for (const k in a) if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
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
