/**
 * Report profiles: what a report kind requires, as data. A profile names its parts, how their
 * headings are recognised (regular expressions over the heading title), which are mandatory,
 * and how year words decide between "this year" and "next year" parts.
 */
import fzzfAnnual from '../../../profiles/fzzf-annual.json';
import xxgkAnnual from '../../../profiles/xxgk-annual.json';
import type { Locale } from './model';

export interface LocalizedText {
  readonly 'zh-cn': string;
  readonly en: string;
}

export interface PartDefinition {
  readonly id: string;
  readonly name: LocalizedText;
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
  readonly detect?: { readonly title?: readonly string[] };
  readonly parts: readonly PartDefinition[];
  /** Dates in the year after the report year by which the report is due, earliest first (year-mismatch). */
  readonly deadlines?: readonly { readonly id: string; readonly month: number; readonly day: number; readonly name: LocalizedText }[];
  /** The order parts conventionally come in: where an inserted part goes. */
  readonly conventionalOrder?: readonly string[];
  /** Arithmetic of the report's tables (政府信息公开 §5), checked as figure-sum. */
  readonly tables?: TableArithmetic;
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

export function compileProfile(def: ProfileDefinition): Profile {
  return {
    ...def,
    compiledParts: def.parts.map((p) => ({ ...p, patterns: p.headings.map((h) => new RegExp(h)) })),
  };
}

export const builtinProfiles: readonly Profile[] = [
  compileProfile(fzzfAnnual as ProfileDefinition),
  compileProfile(xxgkAnnual as ProfileDefinition),
];

/** The built-in profile whose `detect.title` patterns match the title, if any (first in list order). */
export function profileForTitle(title: string | undefined, profiles: readonly Profile[] = builtinProfiles): Profile | undefined {
  if (!title) return undefined;
  return profiles.find((p) => p.detect?.title?.some((re) => new RegExp(re).test(title)));
}

export function defaultProfile(): Profile {
  return builtinProfiles[0];
}

export function findProfile(id: string): Profile | undefined {
  return builtinProfiles.find((p) => p.id === id);
}

/**
 * The profile a request names, given the one the user configured (an id, or a profile defined in
 * `.govreport.json`): the configured profile when the request names it or names none, else the
 * built-in with that id; the default when nothing is named or configured. Undefined when the
 * requested id is neither configured nor built in.
 */
export function resolveProfile(requested: string | undefined, configured?: string | Profile): Profile | undefined {
  const own = typeof configured === 'object' ? configured : undefined;
  if (requested) return own?.id === requested ? own : findProfile(requested);
  return own ?? (typeof configured === 'string' ? findProfile(configured) : undefined) ?? defaultProfile();
}

export function localized(t: LocalizedText, locale: Locale): string {
  return t[locale] ?? t['zh-cn'];
}
