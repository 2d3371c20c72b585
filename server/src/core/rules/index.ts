/** The rules that run on every document, in reporting order. */
import { datedReference } from './datedReference';
import { debris } from './debris';
import { emptyPart } from './emptyPart';
import { figurePercent } from './figurePercent';
import { figureRate } from './figureRate';
import { figureSum } from './figureSum';
import { headingSequence } from './headingSequence';
import { headingStyle } from './headingStyle';
import { missingPart } from './missingPart';
import { missingSignature } from './missingSignature';
import { missingTitle } from './missingTitle';
import { outdatedReference } from './outdatedReference';
import { partWithoutCauses } from './partWithoutCauses';
import { placeholder } from './placeholder';
import { punctuationWidth } from './punctuationWidth';
import { guards } from './guards';
import { reusedText } from './reusedText';
import { staleFigures } from './staleFigures';
import type { Rule, RuleInfo } from './rule';
import { runOnText } from './runOnText';
import { unbalancedPair } from './unbalancedPair';
import { yearMismatch } from './yearMismatch';

export const rules: readonly Rule[] = [
  missingPart,
  partWithoutCauses,
  emptyPart,
  headingSequence,
  headingStyle,
  yearMismatch,
  missingTitle,
  missingSignature,
  debris,
  runOnText,
  unbalancedPair,
  placeholder,
  punctuationWidth,
  figureSum,
  figurePercent,
  figureRate,
  datedReference,
  outdatedReference,
  reusedText,
  staleFigures,
];

/** The rule with that code, if any. */
export function ruleByCode(code: string): Rule | undefined {
  return rules.find((r) => r.code === code);
}

/** What a code means, for any code a finding can have: the rules' and the size guards'. */
export function ruleInfo(code: string): RuleInfo | undefined {
  return ruleByCode(code) ?? guards.find((g) => g.code === code);
}

export { guards };

/** Codes whose fixes may be applied all at once. */
export const fixAllCodes: ReadonlySet<string> = new Set(rules.filter((r) => r.fixAll).map((r) => r.code));
