/** Everything a rule may read: the finished model pieces plus the text geometry. */
import type { AnalysisCache } from './cache';
import type { CleanLine } from './debris';
import type { Figure, Header, Locale, OutlineNode, PartStatus, Range, Signature } from './model';
import type { Profile } from './profile';
import type { ReferenceTable } from './references/table';
import type { RunOnLine } from './runOn';
import type { PreviousReport } from './similarity/reuse';
import type { TextIndex } from './text';

export interface AnalysisContext {
  readonly text: string;
  readonly index: TextIndex;
  readonly lines: readonly CleanLine[];
  readonly locale: Locale;
  readonly profile: Profile;
  readonly header: Header;
  readonly year: number | null;
  readonly outline: readonly OutlineNode[];
  readonly parts: readonly PartStatus[];
  readonly signature: Signature | null;
  /** Every figure of the text (figures/extract.ts). */
  readonly figures: readonly Figure[];
  /** Lines that lost their line breaks, by line number, with where the breaks belong (runOn.ts). */
  readonly runOn: ReadonlyMap<number, RunOnLine>;
  /** Events, periods and names reports cite (built in plus the workspace's). */
  readonly references: ReferenceTable;
  /** Last year's report of the same body, when the caller found one (reused-text). */
  readonly previous?: PreviousReport;
  /** Line-local results of the previous analysis of this document, when the caller keeps them. */
  readonly cache?: AnalysisCache;
  /** The first line with content (or line 0): where document-wide findings go without a title. */
  firstContentLineRange(): Range;
}
