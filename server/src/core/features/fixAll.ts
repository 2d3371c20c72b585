/**
 * The safe fixes of a report, all at once: what the editor's Fix All (`source.fixAll.govreport`)
 * and `govreport check --fix` apply — the first fix of every finding whose rule allows fix-all
 * (debris, ordinals, punctuation width, spaces; never a word), merged so no two overlap.
 */
import type { Finding, TextEdit } from '../model';
import { mergeEdits } from '../edits/fixes';
import { fixAllCodes } from '../rules';

/** Whether `--fix` / Fix All fixes this finding. */
export function isSafeFix(f: Finding): boolean {
  return fixAllCodes.has(f.code) && !!f.fixes?.length;
}

/** Every safe fix of the findings, merged. */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  return mergeEdits(findings.filter(isSafeFix).flatMap((f) => f.fixes![0].edits));
}
