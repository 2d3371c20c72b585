/**
 * The rule contract. A rule reads the finished document model and returns findings; it never
 * parses text again. Rules are listed in rules/index.ts; their codes are public.
 */
import type { Finding, Locale, Severity } from '../model';
import type { AnalysisContext } from '../context';

export interface Rule {
  /** Stable public code, e.g. `missing-part`. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  /**
   * True for a check whose cost grows faster than reading the structure (arithmetic over every
   * figure, text-wide comparisons): it is skipped above `maxDocumentSize`, and the document gets
   * one `large-document` information finding instead.
   */
  readonly costly?: boolean;
  /** True when the findings' fixes may be applied all at once ("fix all of this kind in the file"). */
  readonly fixAll?: boolean;
  /** `severity` in a finding overrides the rule's default for that finding (a setting overrides both). */
  run(ctx: AnalysisContext, emit: (f: Omit<Finding, 'code' | 'severity'> & { severity?: Severity }) => void): void;
}

export type { Locale };
