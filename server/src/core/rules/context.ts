/** Everything a rule may read: the finished model pieces plus the text geometry. */
import type { AnalysisCache } from '../text/lineCache';
import type { CleanLine } from '../lines/cleanLines';
import type { Range, ReportModel } from '../model';
import type { Profile } from '../document/profile';
import type { ReferenceTable } from '../references/table';
import type { RunOnLine } from '../lines/runOn';
import type { PreviousReport } from '../similarity/paragraphReuse';
import type { TextIndex } from '../text/lineIndex';

/**
 * What a rule reads: the model's pieces as the model will hold them (the field list is the model's,
 * written once) plus the text geometry the analysis built on the way.
 */
export interface AnalysisContext extends Pick<ReportModel, 'locale' | 'header' | 'year' | 'outline' | 'parts' | 'signature' | 'figures'> {
  readonly text: string;
  readonly index: TextIndex;
  readonly lines: readonly CleanLine[];
  readonly profile: Profile;
  /** Lines that lost their line breaks, by line number, with where the breaks belong (runOn.ts). */
  readonly runOn: ReadonlyMap<number, RunOnLine>;
  /** Events, periods and names reports cite (built in plus the workspace's). */
  readonly references: ReferenceTable;
  /** Last year's report of the same body, when the caller found one (reused-text). */
  readonly previous?: PreviousReport;
  /** The reused share (0–1) above which reused-text is a warning (AnalyzeOptions.reuseWarning). */
  readonly reuseWarning?: number;
  /** Line-local results of the previous analysis of this document, when the caller keeps them. */
  readonly cache?: AnalysisCache;
  /** The first line with content (or line 0): where document-wide findings go without a title. */
  firstContentLineRange(): Range;
}
