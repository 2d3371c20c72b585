/**
 * The references reports cite (DOMAIN.md §8) as data: congresses, plenums, laws and campaigns
 * with their dates, plan periods, old names with their replacements. Built in from
 * data/references.json; a workspace may add or replace entries (AnalyzeOptions.references).
 * Compiled once per list into one regular expression per entry (literal names and patterns as
 * alternatives, longest first) plus one alternation that lets an ordinary line be passed over
 * with a single test.
 */
import builtin from '../data/references.json';
import { alternativesOf, NeededFilter, neededSets, UnitClasses } from '../text/neededUnits';

export type ReferenceKind = 'congress' | 'plenum' | 'event' | 'period' | 'name';

/** One entry of references.json (profiles/references.schema.json). */
export interface ReferenceDefinition {
  readonly id: string;
  readonly kind: ReferenceKind;
  readonly names: readonly string[];
  readonly patterns?: readonly string[];
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly until?: string;
  readonly sequence?: readonly number[];
  readonly replacement?: string;
  readonly exact?: boolean;
  readonly label?: string;
}

export interface Reference extends ReferenceDefinition {
  /** The name shown to the user. */
  readonly display: string;
  /** The date as a comparable number, YYYYMMDD. */
  readonly day: number;
  readonly untilDay?: number;
  readonly re: RegExp;
}

export interface ReferenceTable {
  readonly entries: readonly Reference[];
  /** Matches when any entry matches. */
  readonly any: RegExp;
  /**
   * Which entries a line may cite (entry k: bit k, the 31st on sharing bit 30), from the characters it
   * holds: an entry is tried only on a line holding a character of every element one of its names or
   * patterns cannot do without (text/neededUnits.ts). Round 17: `any` tried 82 alternatives at every
   * position of every line, and a line holding 法 or 十 tried every entry.
   */
  readonly filter: NeededFilter;
}

export function dayNumber(date: string): number {
  return Number(date.replace(/-/g, ''));
}

/** 2024-07-15 → 2024年7月15日 (zh) or 2024-07-15 (en). */
export function formatDay(date: string, locale: string): string {
  if (locale === 'en') return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(d: ReferenceDefinition): Reference {
  const alternatives = [...d.names.map(escape), ...(d.patterns ?? [])].sort((a, b) => b.length - a.length);
  return {
    ...d,
    display: d.names[0] ?? d.label ?? d.patterns?.[0] ?? d.id,
    day: dayNumber(d.date),
    untilDay: d.until ? dayNumber(d.until) : undefined,
    re: new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), 'g'),
  };
}

function build(definitions: readonly ReferenceDefinition[]): ReferenceTable {
  const entries = definitions.filter((d) => d.names.length || d.patterns?.length).map(compile);
  const any = new RegExp(entries.map((e) => e.re.source).join('|'));
  const alternatives = entries.flatMap((e, group) =>
    (alternativesOf(e.re.source) ?? [null]).map((a) => ({ needs: a === null ? [] : neededSets(a.ast.elements, false), group })),
  );
  const filter = new NeededFilter(new UnitClasses(alternatives.flatMap((a) => a.needs.map((n) => n.units!))), alternatives);
  return { entries, any, filter };
}

export const builtinReferences = builtin.references as readonly ReferenceDefinition[];
const builtinTable = build(builtinReferences);
const withExtra = new WeakMap<readonly ReferenceDefinition[], ReferenceTable>();

/** The built-in table, with a workspace's entries added (an entry with a built-in id replaces it). */
export function referenceTable(extra?: readonly ReferenceDefinition[]): ReferenceTable {
  if (!extra || extra.length === 0) return builtinTable;
  let table = withExtra.get(extra);
  if (!table) {
    const ids = new Set(extra.map((e) => e.id));
    table = build([...builtinReferences.filter((b) => !ids.has(b.id)), ...extra]);
    withExtra.set(extra, table);
  }
  return table;
}
