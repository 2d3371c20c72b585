/**
 * The rule contract. A rule reads the finished document model and returns findings; it never
 * parses text again. Rules are listed in rules/index.ts; their codes are public.
 */
import type { Finding, Fix, Locale, Severity } from '../model';
import type { AnalysisContext } from './context';
import type { MessageKey } from '../messages';
import type { LocalizedText } from '../document/profile';

/**
 * What a rule says about itself. The settings schema in package.json, the README's rules table
 * and the SARIF rule metadata are generated from it (`npm run generate`; a test fails when they
 * are stale), so adding a rule is writing the rule, not editing six files.
 */
export interface RuleInfo {
  /** Stable public code, e.g. `missing-part`. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One sentence: what the rule finds, Chinese first (settings, SARIF `shortDescription`). */
  readonly description: LocalizedText;
  /** The README's rules table (English Markdown): what it finds in detail, and its quick fix if any. */
  readonly docs: { readonly finds: string; readonly fix?: string };
}

export interface Rule extends RuleInfo {
  /**
   * True for a check whose cost grows faster than reading the structure (arithmetic over every
   * figure, text-wide comparisons): it is skipped above `maxDocumentSize`, and the document gets
   * one `large-document` information finding instead.
   */
  readonly costly?: boolean;
  /**
   * Present when the findings' fixes may be applied all at once ("fix all of this kind in the
   * file"): `title` is the message key of that code action's title.
   */
  readonly fixAll?: { readonly title: MessageKey };
  /**
   * `severity` in a finding overrides the rule's default for that finding (a setting overrides both).
   * `fixes` may be a function: its edits are then computed only when someone reads `finding.fixes`
   * (a quick fix asked for), not for every finding of every keystroke.
   */
  run(ctx: AnalysisContext, emit: (f: Emitted) => void): void;
}

export type Emitted = Omit<Finding, 'code' | 'severity' | 'fixes'> & {
  severity?: Severity;
  fixes?: readonly Fix[] | (() => readonly Fix[]);
};

export type { Locale };
