/**
 * The analysis itself: `analyze(text, options) → ReportModel`, in four named stages —
 * read the lines (what each line is), read the structure (the outline), read the frame (header,
 * 落款, profile, year, parts), run the rules over the finished document. Front ends reach it
 * through the façade (index.ts).
 */
import { defaultProfile, findProfile, localized, type Profile } from './document/profile';
import { readFrame } from './document/frame';
import { readStructure } from './document/structure';
import { extractFigures } from './figures';
import { debrisOf, readLines } from './lines/readLines';
import { contentSegments } from './lines/segments';
import { toLocale } from './messages';
import type { Locale, ReportModel, Severity } from './model';
import { referenceTable, type ReferenceDefinition } from './references/table';
import { rules } from './rules';
import type { AnalysisContext } from './rules/context';
import type { Rule } from './rules/rule';
import { isLarge, runRules, type IgnoredFinding } from './rules/run';
import { bodyEvidence } from './similarity/body';
import { resolvePrevious, reuseSummary, type PreviousReportSource } from './similarity/lastYearReuse';
import { declinedModel, MAX_TEXT_LENGTH } from './sizeGuard';
import type { AnalysisCache } from './text/lineCache';

export { LARGE_DOCUMENT, MAX_FINDINGS_PER_RULE } from './rules/run';

export interface AnalyzeOptions {
  /** 'zh-cn' (default) or 'en'; any BCP 47 tag is accepted. */
  readonly locale?: string;
  /** Profile id or a compiled profile; without one the title chooses (`detect.title`), else `fzzf-annual`. */
  readonly profile?: string | Profile;
  /** Severity overrides by rule code; 'off' drops the rule. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /**
   * Above this many characters, costly rules are skipped and one `large-document` information
   * finding says so (the structure and the cheap rules still run). No limit when absent.
   */
  readonly maxDocumentSize?: number;
  /** Called when a rule throws: the rule is skipped, the others still report. */
  readonly onRuleError?: (code: string, error: unknown) => void;
  /** Texts longer than this (UTF-16 units) are not analysed; the model carries one `too-large` finding. */
  readonly maxLength?: number;
  /** The rules to run instead of the built-in list (tests inject failing rules through it). */
  readonly rules?: readonly Rule[];
  /**
   * Keep one per document and pass it to each analysis of it: unchanged lines reuse the previous
   * analysis's line-local work (the result is the same as without it, only faster).
   */
  readonly cache?: AnalysisCache;
  /** Events, periods and names to cite-check besides the built-in ones (`.govreport.json` references). */
  readonly references?: readonly ReferenceDefinition[];
  /** Last year's report of the same body (reused-text), or how to find it once year and title are known. */
  readonly previous?: PreviousReportSource;
  /** Findings hidden one by one (`.govreport.json` `ignore`: rule code and the text of the line). */
  readonly ignore?: readonly IgnoredFinding[];
  /**
   * The share of the report (0–1) repeated from last year's report above which `reused-text` findings
   * are warnings rather than information (`.govreport.json` `reuseWarning`, `--reuse-warning`); default 0.5.
   */
  readonly reuseWarning?: number;
}

const REUSED_TEXT = 'reused-text';

export function analyze(text: string, options: AnalyzeOptions = {}): ReportModel {
  const locale = toLocale(options.locale);
  const requested = typeof options.profile === 'object' ? options.profile : options.profile ? findProfile(options.profile) : undefined;
  const limit = options.maxLength ?? MAX_TEXT_LENGTH;
  if (text.length > limit) return declinedModel(text, limit, emptyModel(requested ?? defaultProfile(), locale, 1));
  const cache = options.cache;

  // 1. What each line is (debris, chrome, content), updated from the last analysis with a cache.
  const { index, lines: classified } = readLines(text, cache);
  // 2. The outline, the body's end, hard wraps, run-on lines, lost ordinals.
  const structure = readStructure(text, classified, requested, cache, index);
  const { lines, draft, wrap } = structure;
  // 3. The header and the 落款, then the profile, the year and the parts.
  const { header, signature, profile, year, parts, outline } = readFrame(text, index, structure, requested, locale);
  const figures = extractFigures({ index, lines, outline, segments: contentSegments, joins: wrap?.next }, cache);
  const ctx: AnalysisContext = {
    text,
    index,
    lines,
    locale,
    profile,
    header,
    year,
    outline,
    parts,
    signature,
    figures,
    cache,
    runOn: draft.runOn,
    references: referenceTable(options.references),
    previous: resolvePrevious(options.previous, year, bodyEvidence({ header, signature })),
    reuseWarning: options.reuseWarning,
    firstContentLineRange() {
      const first = lines.find((c) => !c.isDebris && c.contentStart < c.contentEnd);
      const at = first ? index.lineStart(first.line.index) : 0;
      return first ? index.range(at + first.contentStart, at + first.contentEnd) : index.lineRange(0);
    },
  };
  // 4. The rules over the finished document.
  const findings = runRules(ctx, { ...options, rules: options.rules ?? rules });
  if (cache) cache.index = index;
  cache?.rotate();

  const reuse = ctx.previous && options.severities?.[REUSED_TEXT] !== 'off' && !isLarge(text, options) ? reuseSummary(ctx) : undefined;
  return {
    ...emptyModel(profile, locale, index.lineCount),
    header,
    year,
    outline,
    parts,
    signature,
    debris: debrisOf(index, lines),
    findings,
    figures,
    ...(reuse ? { reuse } : {}),
  };
}

/** A model with nothing found: the shape every model starts from (a declined text's, an empty one's). */
export function emptyModel(profile: Profile, locale: Locale, lineCount: number): ReportModel {
  return {
    profile: { id: profile.id, name: localized(profile.name, locale) },
    compiledProfile: profile,
    locale,
    lineCount,
    header: { bodies: [] },
    year: null,
    outline: [],
    parts: [],
    signature: null,
    debris: [],
    findings: [],
    figures: [],
  };
}
