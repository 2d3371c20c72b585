/**
 * The analysis core's one door — API boundary: everything the front ends (server/src/lsp,
 * server/src/cli, server/src/config) use is exported here, and they import nothing else under
 * core/ (test/purity.test.ts fails otherwise). Text in, a `ReportModel` out (`analyze`); the
 * other exports are pure functions over that model.
 * Architecture invariant: pure. No LSP, no VS Code, no Node built-ins are imported anywhere
 * under core/ (the same test), so the same code runs in the server, the CLI, a web worker and
 * the tests. What the core needs from outside (files beside a report) is injected through
 * `createLanguageService`.
 */
import { analyze, type AnalyzeOptions } from './analyze';
import type { ReportModel } from './model';
import { PreviousYearFinder } from './workspace/lastYearNeighbour';
import type { PreviousReportSource } from './similarity/lastYearReuse';
import { similarPairs, type SimilarPair } from './workspace/similarPairs';
import { noReportFiles, type ReportFiles } from './workspace/reportFiles';

// The analysis and its model.
export { analyze, LARGE_DOCUMENT, type AnalyzeOptions } from './analyze';
export type { IgnoredFinding } from './rules/run';
export type * from './model';
export { TextIndex } from './text/lineIndex';
export { csvCell } from './text/csv';
export { AnalysisCache } from './text/lineCache';
export { MAX_TEXT_LENGTH, TOO_LARGE } from './sizeGuard';
export { SEVERITIES, RULE_SETTINGS, severityCounts, type RuleSetting } from './severity';

// Profiles: what a report kind requires.
export {
  builtinProfiles,
  findProfile,
  defaultProfile,
  compileProfile,
  profileForTitle,
  resolveProfile,
  localized,
} from './document/profile';
export type { Profile, ProfileDefinition, PartDefinition, LocalizedText } from './document/profile';

// Messages.
export { t, toLocale, type MessageKey } from './messages';

// Rules: their metadata (codes, descriptions, default severities, fix-all titles).
export { rules, guards, fixAllCodes, ruleByCode, ruleInfo } from './rules';
export type { Rule, RuleInfo } from './rules/rule';

// Views and features over a model, shared by every front end.
export { outlineView, partDetail, type OutlineView } from './features/views';
export { nodesAtLine, walkOutline } from './document/outlineWalk';
export { completeLine, type Suggestion } from './features/completion';
export { fixAllEdits, mergeEdits, renumberAll } from './edits/fixes';
export { applyEdits } from './edits/apply';
export { isSafeFix, safeFixEdits } from './features/fixAll';
export { findingKeys, findingByKey, findingKey, findingPlace, placeAt } from './features/findingKey';
export { uriFileName } from './workspace/uriFileName';
export { isAttachmentHead } from './lines/frameLines';
export { ADDRESSEES, newReport, reportSkeleton, type NewReportRequest } from './edits/skeleton';
export { highlights, type Highlight, type HighlightKind } from './features/highlights';
export { hasReportTitleWords, looksLikeReport } from './features/detect';
export { figureRows, toCsv, figureHover, FIGURE_COLUMNS, type FigureRow } from './figures';
export { keyFigures, type KeyFigure } from './figures/keyFigures';
export { referenceHover } from './references/hover';
export { builtinReferences, type ReferenceDefinition } from './references/table';
export { reusedHover } from './similarity/hover';
export { bodyKeyOf, bodyEvidence, type BodyEvidence } from './similarity/body';
export type { PreviousReport } from './similarity/paragraphReuse';
export type { PreviousReportSource } from './similarity/lastYearReuse';
export { byCluster, SimilarityCorpus, verifyPair, type Candidate, type PairResult } from './similarity/corpus';
export { prepareReport, verifyPrepared, type PreparedReport } from './similarity/prepared';
export { reportIdentity } from './workspace/identity';
export { similarPairs, sortPairs, bodyKeyOfText, type SimilarPair, type NamedText } from './workspace/similarPairs';

// What is injected.
export { noReportFiles, type ReportFiles } from './workspace/reportFiles';
export { bodyKey } from './workspace/lastYearNeighbour';

/** What a front end gives the language service: access to the files beside a report. */
export interface LanguageServiceOptions {
  /** Report files beside a document (for last year's report); none when absent. */
  readonly files?: ReportFiles;
}

/** The parts of the core that need something from outside, built once per front end. */
export interface LanguageService {
  readonly analyze: (text: string, options?: AnalyzeOptions) => ReportModel;
  /** Last year's report of the same body beside `uri` (through the injected files), or undefined. */
  readonly previousYear: (uri: string, model: ReportModel, options: AnalyzeOptions) => ReportModel | undefined;
  /** For analysing the document at `uri`: where reused-text finds last year's report (AnalyzeOptions.previous). */
  readonly previousReport: (uri: string, options: () => AnalyzeOptions) => PreviousReportSource;
  /** Pairs of the reports in `uri`'s folder sharing at least `threshold` of their text (names are URIs). */
  readonly similarInFolder: (uri: string, threshold: number) => SimilarPair[];
  /** The report files in the folder `uri` and below (at most `limit`), with a reader; none where folders cannot be listed. */
  readonly reportsUnder: (
    uri: string,
    limit: number,
  ) => { readonly uris: readonly string[]; readonly read: (uri: string) => string | undefined };
}

/** Builds the service over the injected file access (cf. vscode-markdown-languageservice's `createLanguageService`). */
export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const files = options.files ?? noReportFiles;
  const previous = new PreviousYearFinder(files);
  return Object.freeze({
    analyze,
    previousYear: (uri: string, model: ReportModel, opts: AnalyzeOptions) => previous.find(uri, model, opts),
    previousReport: (uri: string, opts: () => AnalyzeOptions) => previous.source(uri, opts),
    similarInFolder: (uri: string, threshold: number) => {
      const docs = files.siblings(uri).flatMap((u) => {
        const text = files.stamp(u) === undefined ? undefined : files.read(u);
        return text === undefined ? [] : [{ name: u, text }];
      });
      return similarPairs(docs, threshold);
    },
    reportsUnder: (uri: string, limit: number) => ({ uris: files.under?.(uri, limit) ?? [], read: (u: string) => files.read(u) }),
  });
}
