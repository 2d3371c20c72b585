/**
 * What a report kind requires, as the profile files (profiles/*.json) write it and as the core
 * uses it once compiled (document/profile.ts). Types only: the model carries its compiled profile.
 */

export interface LocalizedText {
  readonly 'zh-cn': string;
  readonly en: string;
}

export interface PartDefinition {
  readonly id: string;
  readonly name: LocalizedText;
  /** What a writer types to insert this part as a snippet (举措, jc). */
  readonly snippetPrefixes?: readonly string[];
  readonly mandatory: boolean;
  /** Regular expressions; any match in a level-1 heading title names the part. */
  readonly headings: readonly string[];
  /** The part does not count when one of these parts matches earlier in the same heading. */
  readonly yieldsTo?: readonly string[];
  /** `next`: a heading naming the year after the report year is this part; one naming only the report year is not.
   *  `current`: a heading naming only the year after the report year is not this part. */
  readonly year?: 'current' | 'next';
  /** When no heading names the part, unmatched level-1 parts before these parts stand for it. */
  readonly standsForUnmatchedBefore?: readonly string[];
  /** The standard heading (without ordinal); `{year}` is the report year, `{nextYear}` the year after. */
  readonly standardHeading?: string;
  /** Body lines put under a newly inserted part; `……` marks what the writer fills in. */
  readonly skeleton?: readonly string[];
}

export interface ProfileDefinition {
  readonly id: string;
  readonly name: LocalizedText;
  /** What a writer types to insert the whole report skeleton of this kind as a snippet (报告, bg). */
  readonly snippetPrefixes?: readonly string[];
  readonly detect?: { readonly title?: readonly string[] };
  readonly parts: readonly PartDefinition[];
  /** Dates in the year after the report year by which the report is due, earliest first (year-mismatch). */
  readonly deadlines?: readonly { readonly id: string; readonly month: number; readonly day: number; readonly name: LocalizedText }[];
  /** The order parts conventionally come in: where an inserted part goes. */
  readonly conventionalOrder?: readonly string[];
  /** Arithmetic of the report's tables (政府信息公开 §5), checked as figure-sum. */
  readonly tables?: TableArithmetic;
  /** The figures an assessor compares across reports (the assessor's page, keyFigures.ts). */
  readonly keyFigures?: readonly KeyFigureDefinition[];
}

export interface KeyFigureDefinition {
  readonly id: string;
  readonly name: LocalizedText;
  /** A figure whose label contains one of these … */
  readonly labels: readonly string[];
  /** … and none of these … */
  readonly exclude?: readonly string[];
  /** … with one of these units. */
  readonly units: readonly string[];
  /** Not a figure listed, in its sentence, after one whose label contains one of these (信息公开类行政复议0件，行政诉讼0件). */
  readonly excludeAfter?: readonly string[];
  /** Words naming the quantity in full (行政诉讼案件): a figure whose label has one is preferred to one naming it in passing. */
  readonly prefer?: readonly string[];
}

export interface TableArithmetic {
  readonly rowEquations?: readonly { readonly left: readonly string[]; readonly right: readonly string[] }[];
  readonly columnSums?: readonly { readonly after: string; readonly total: string }[];
  readonly totalColumnEvery?: readonly number[];
}

export interface CompiledPart extends PartDefinition {
  readonly patterns: readonly RegExp[];
}

export interface Profile extends ProfileDefinition {
  readonly compiledParts: readonly CompiledPart[];
}
