/**
 * The severity words: what a finding can be, and what a setting may say per rule (`off` drops
 * the rule). Shared by the settings check, the generated settings schema and the front ends.
 */
import type { Severity } from './model';

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const satisfies readonly Severity[];

/** A rule's setting in `govreport.rules` and `.govreport.json`: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

export const RULE_SETTINGS: readonly RuleSetting[] = [...SEVERITIES, 'off'];

/** Each severity with a count of zero, in order (`error` first). */
export function severityCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}
