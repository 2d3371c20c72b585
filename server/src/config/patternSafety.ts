/**
 * Pattern safety: a regular expression from outside (a profile or references in `.govreport.json`)
 * runs in JavaScript's backtracking engine over every heading and line of a report, so one with
 * catastrophic backtracking (`(a+)+$`) would hang the CLI and the server. Each such pattern is
 * checked once, when the configuration is loaded, by `recheck` (a maintained ReDoS checker) and
 * refused unless it is proven safe: vulnerable (exponential or polynomial time) and unknown (the
 * check ran out of time or cannot read the pattern) are both refused, with a message naming the
 * pattern. recheck's pure-JavaScript build is used everywhere (Node and the web worker alike: no
 * native binary, no worker thread, no code generated at run time) and loaded only when a pattern
 * needs checking. The built-in patterns pass the same check in test/patternSafety.test.ts.
 */
import type { Diagnostics } from 'recheck';

/** How long one pattern may be checked (recheck's own default) before it counts as unproven. */
export const CHECK_TIMEOUT_MS = 10_000;

export type PatternVerdict =
  | { readonly safe: true }
  | { readonly safe: false; readonly reason: 'invalid' | 'exponential' | 'polynomial' | 'unknown'; readonly detail?: string };

type CheckSync = (source: string, flags: string, params?: { timeout?: number | null }) => Diagnostics;
let checkSync: CheckSync | undefined;

/** recheck's pure build, required on first use (2.9 MB of code nobody needs until a pattern of their own is loaded). */
function checker(): CheckSync {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy, synchronous load on purpose
  checkSync ??= (require('recheck/lib/browser.js') as { checkSync: CheckSync }).checkSync;
  return checkSync;
}

const verdicts = new Map<string, PatternVerdict>();

/** Whether `source` (used without flags, as profiles and references use it) is a valid pattern proven free of catastrophic backtracking. */
export function checkPattern(source: string, timeout = CHECK_TIMEOUT_MS): PatternVerdict {
  const known = verdicts.get(source);
  if (known) return known;
  const verdict = judgePattern(source, timeout);
  verdicts.set(source, verdict);
  return verdict;
}

/**
 * The check itself, uncached: test/patternSafety.test.ts runs it over every built-in pattern,
 * test/sourcePatterns.test.ts over the code's own (with their flags).
 */
export function judgePattern(source: string, timeout = CHECK_TIMEOUT_MS, flags = ''): PatternVerdict {
  try {
    new RegExp(source, flags);
  } catch (e) {
    return { safe: false, reason: 'invalid', detail: (e as Error).message };
  }
  let d = checker()(source, flags, { timeout });
  // A pattern too large for recheck's automaton analysis is fuzzed, and an attack string that merely ran
  // past a time limit (250 ms, 1 s) on a loaded machine counts as proof. Asked again, a pattern that is
  // truly super-linear is refused every time (fuzzing starts from the same seed); one refused only under
  // load is not. The automaton's verdicts are exact and not asked again.
  for (let tries = 1; tries < 3 && d.status === 'vulnerable' && d.checker === 'fuzz'; tries++) d = checker()(source, flags, { timeout });
  if (d.status === 'safe') return { safe: true };
  if (d.status === 'vulnerable')
    return d.complexity.type === 'exponential'
      ? { safe: false, reason: 'exponential' }
      : { safe: false, reason: 'polynomial', detail: `O(n^${d.complexity.degree})` };
  return { safe: false, reason: 'unknown', detail: d.error.kind === 'timeout' ? undefined : d.error.kind };
}

/** Patterns already known to be safe (the built-in ones, proven by the test): not checked again when a workspace profile repeats them. */
export function trustPatterns(sources: Iterable<string>): void {
  for (const s of sources) verdicts.set(s, { safe: true });
}

/** Why a pattern was refused, Chinese first with English, naming the pattern. */
export function describeRefusal(source: string, verdict: PatternVerdict): string {
  if (verdict.safe) return '';
  const shown = JSON.stringify(source);
  switch (verdict.reason) {
    case 'invalid':
      return `正则表达式 ${shown} 无效 (not a valid regular expression): ${verdict.detail ?? ''}`;
    case 'exponential':
      return `正则表达式 ${shown} 存在灾难性回溯（指数级），已拒绝 (refused: catastrophic backtracking, exponential time)`;
    case 'polynomial':
      return `正则表达式 ${shown} 存在回溯风险（${verdict.detail}），已拒绝 (refused: super-linear backtracking, ${verdict.detail})`;
    case 'unknown':
      return (
        `正则表达式 ${shown} 无法证明不会灾难性回溯（${verdict.detail ?? `${CHECK_TIMEOUT_MS / 1000} 秒内未完成检查`}），已拒绝 ` +
        `(refused: could not be proven safe from catastrophic backtracking${verdict.detail ? `: ${verdict.detail}` : ` within ${CHECK_TIMEOUT_MS / 1000} s`})`
      );
  }
}
