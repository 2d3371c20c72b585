/**
 * The document model: plain, immutable data that every feature reads.
 * API boundary: `analyze()` (index.ts) returns a `ReportModel`; nothing here knows about
 * LSP, VS Code or Node. Positions follow LSP conventions (UTF-16, 0-based) so adapters
 * map them one to one.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

import type { Profile } from './profileTypes';

export type Locale = 'zh-cn' | 'en';

/** A piece of the text, with where it is. */
export interface TextSpan {
  readonly text: string;
  readonly range: Range;
}

/** GB/T 9704 ordinal styles (`item` is the 一是/二是 enumeration inside paragraphs). */
export type OrdinalStyle =
  | 'cn-comma' //   一、
  | 'cn-paren' //   （一）
  | 'num-dot' //    1.
  | 'num-paren' //  （1）
  | 'item'; //      一是

export interface OrdinalInfo {
  readonly style: OrdinalStyle;
  /** The numeric value of the ordinal (一 → 1, （三） → 3). */
  readonly value: number;
  /** The ordinal exactly as written, including any stray punctuation: `(一)、`, `1、`. */
  readonly text: string;
  readonly range: Range;
  /** Variations from the GB/T 9704 form of the style (half-width brackets, `1、`, a stray 、 …). */
  readonly variants: readonly string[];
}

export type OutlineKind = 'heading' | 'item';

export interface OutlineNode {
  readonly kind: OutlineKind;
  /** The heading as written, ordinal included, without debris or run-in body text. */
  readonly name: string;
  /** The title without the ordinal. */
  readonly title: string;
  /** Nominal GB/T level of the ordinal style: 一、=1 （一）=2 1.=3 （1）=4 一是=5. */
  readonly rank: number;
  /** Depth in the tree, from 1. */
  readonly depth: number;
  readonly ordinal: OrdinalInfo;
  /** 0-based line the heading starts on. */
  readonly line: number;
  /** The heading itself (ordinal + title). */
  readonly selectionRange: Range;
  /** The whole section: heading through the end of its content. */
  readonly range: Range;
  /** Part ids of the profile this heading carries (root headings only). */
  readonly parts: readonly string[];
  /** True when the part was inferred (topical parts standing for `measures`). */
  readonly inferredPart: boolean;
  readonly children: readonly OutlineNode[];
}

/**
 * `web`: portal chrome (breadcrumbs, reading tools, counters, footers); `metadata`: a portal's
 * metadata fields (索引号, 发布机构 …); `template`: an essay or template site's boilerplate and
 * watermark lines; `page-number` and `running-header`: a PDF's page furniture.
 */
export type DebrisKind = 'bookmark' | 'web' | 'page-number' | 'metadata' | 'template' | 'running-header';

export interface Debris {
  readonly kind: DebrisKind;
  readonly text: string;
  readonly range: Range;
  /** True when the debris is the whole line. */
  readonly wholeLine: boolean;
}

export interface Header {
  /** 发文机关 lines above the title. */
  readonly bodies: readonly TextSpan[];
  /** The title, joined when it wraps over two lines. */
  readonly title?: TextSpan & { readonly lines: readonly number[] };
  /** 主送机关, a line ending in ：. */
  readonly addressee?: TextSpan;
  /** The lead paragraph(s) before the first heading. */
  readonly lead?: TextSpan;
}

export interface Signature {
  readonly bodies: readonly TextSpan[];
  readonly date?: TextSpan & { readonly year: number; readonly month: number; readonly day: number };
  /** First line of the signature block. */
  readonly line: number;
}

export interface PartStatus {
  readonly id: string;
  readonly name: string;
  readonly mandatory: boolean;
  readonly present: boolean;
  /** 0-based line of the heading that carries it, or null. */
  readonly line: number | null;
  /** True when no heading names the part but topical parts stand for it. */
  readonly inferred: boolean;
  /** Where a non-root heading or 一是 item mentions the part, when the part itself is absent. */
  readonly mentionedAt: { readonly line: number; readonly name: string } | null;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** True when this fix is the obvious one (VS Code's "preferred" quick fix). */
  readonly preferred?: boolean;
}

export interface Finding {
  /** Stable rule code, e.g. `missing-part`: public interface. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly fixes?: readonly Fix[];
}

export interface ProfileSummary {
  readonly id: string;
  readonly name: string;
}

/**
 * A figure: a quantity with its unit and what it counts (DOMAIN.md §4), e.g. 主动公开政府信息293条.
 * Indices (`index`, `partOf`, `shareOf`, `subjectFrom`) point into `ReportModel.figures`.
 */
export interface Figure {
  readonly index: number;
  readonly value: number;
  /** A measure word (件 人次 万元 …) or `%`. */
  readonly unit: string;
  /** What is counted, from the clause before the number (主动公开政府信息); may be empty. */
  readonly label: string;
  /** The part of the label taken from an earlier figure of the sentence (化解551件 → 矛盾纠纷). */
  readonly subject?: string;
  readonly subjectFrom?: number;
  /** True when 余/多/近/超/以上/约 … qualify the number. */
  readonly approximate: boolean;
  /** The qualifying word as written (余, 以上, 近 …). */
  readonly modifier?: string;
  /** The figure as written, modifiers included: 1万余份, 100%以上. */
  readonly text: string;
  readonly range: Range;
  readonly line: number;
  /** Names of the outline nodes containing it, outermost first. */
  readonly section: readonly string[];
  /** Part ids of the level-1 part it sits in. */
  readonly parts: readonly string[];
  /** Sentence number in the document: figures of one sentence share it, of two sentences never (not consecutive: a line without text counts one). */
  readonly sentence: number;
  /** This figure itemises the total at that index (…672件，其中行政许可269件…). */
  readonly partOf?: number;
  /** This percentage is the share of the count at that index (行政许可269件，占比36%). */
  readonly shareOf?: number;
}

/** How much of the report repeats last year's (present only when a previous report was compared). */
export interface ReuseSummary {
  /** The previous report as the caller named it. */
  readonly file: string;
  /** Share of the report's words in paragraphs that repeat last year's, 0…1. */
  readonly share: number;
  /** How many paragraphs repeat. */
  readonly paragraphs: number;
  /** 0-based line of the first repeated paragraph. */
  readonly firstLine: number | null;
}

export interface ReportModel {
  /** The profile's id and name in the model's locale (what front ends print). */
  readonly profile: ProfileSummary;
  /**
   * The compiled profile the analysis used — a built-in one or one defined in `.govreport.json`.
   * Features that need the profile's parts (completion, skeletons) read it here; nothing looks a
   * profile up again by id, which would miss user-defined profiles.
   */
  readonly compiledProfile: Profile;
  readonly locale: Locale;
  readonly lineCount: number;
  readonly header: Header;
  readonly year: number | null;
  readonly outline: readonly OutlineNode[];
  readonly parts: readonly PartStatus[];
  readonly signature: Signature | null;
  readonly debris: readonly Debris[];
  readonly findings: readonly Finding[];
  /** Every figure of the text, in document order (DOMAIN.md §4). */
  readonly figures: readonly Figure[];
  /** The comparison with last year's report, when one was given (AnalyzeOptions.previous). */
  readonly reuse?: ReuseSummary;
}
