/**
 * Report profiles: what a report kind requires, as data. A profile names its parts, how their
 * headings are recognised (regular expressions over the heading title), which are mandatory,
 * and how year words decide between "this year" and "next year" parts.
 */
import { builtinProfileDefinitions } from '../data/profiles.generated';
import type { Locale } from '../model';
import type { LocalizedText, Profile, ProfileDefinition } from '../profileTypes';

export type { CompiledPart, LocalizedText, PartDefinition, Profile, ProfileDefinition, TableArithmetic } from '../profileTypes';

export function compileProfile(def: ProfileDefinition): Profile {
  return {
    ...def,
    compiledParts: def.parts.map((p) => ({ ...p, patterns: p.headings.map((h) => new RegExp(h)) })),
  };
}

/** Every profile file of profiles/ (the generated index: adding a report kind is adding its file). */
export const builtinProfiles: readonly Profile[] = builtinProfileDefinitions.map((d) => compileProfile(d as ProfileDefinition));

/** The report kind this tool was made for: the default when nothing chooses another. */
const DEFAULT_PROFILE_ID = 'fzzf-annual';

/** The built-in profile whose `detect.title` patterns match the title, if any (first in list order). */
export function profileForTitle(title: string | undefined, profiles: readonly Profile[] = builtinProfiles): Profile | undefined {
  if (!title) return undefined;
  return profiles.find((p) => p.detect?.title?.some((re) => new RegExp(re).test(title)));
}

export function defaultProfile(): Profile {
  return findProfile(DEFAULT_PROFILE_ID) ?? builtinProfiles[0];
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
