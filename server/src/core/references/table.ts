/**
 * The references reports cite (DOMAIN.md §8) as data: congresses, plenums, laws and campaigns
 * with their dates, plan periods, old names with their replacements. Built in from
 * data/references.json; a workspace may add or replace entries (AnalyzeOptions.references).
 * Compiled once per list into one regular expression per entry (literal names and patterns as
 * alternatives, longest first) plus one alternation that lets an ordinary line be passed over
 * with a single test.
 */
import builtin from '../data/references.json';
import { alternativesOf, NeededFilter, neededSets, UnitClasses, type Needed } from '../text/neededUnits';

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
  /**
   * A one-character class every citation holds a character of: each name's or pattern's rarest needed
   * set (the first of `rarestFirst`), joined — 17 characters for the built-in entries, held by
   * 2,182 of the varied 1 MB's 11,743 lines; null when a name or pattern needs none. Too scattered to
   * be read natively in front of the filter (round 18: 10–20 ns a character), it is read in the pass
   * the line rules make anyway (rules/lookedTogether.ts, rules/citationLines.ts).
   */
  readonly rare: RegExp | null;
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

/**
 * The characters of a report that most of its lines hold, most common first: each is on 4.5 % of the
 * lines or more (the seeds, the example and the test fixtures' reports, 905 lines: 法 58 %, 政 44 %,
 * 治 38 % … 想 5 %). A line holding one says little about what it cites.
 */
const COMMON = '法政治、2建一年设府0，人行（）二主的要全1和民报实区三委次制依会题平规“”员第党5市学大县导传项日宣领中思四体社习组议新近想';

/** How common a needed set's characters are in reports: 0 for none listed in COMMON, more the more common its most common. */
function commonness(needed: Needed): number {
  let most = 0;
  for (const u of needed.units ?? []) {
    const at = COMMON.indexOf(String.fromCharCode(u));
    if (at >= 0) most = Math.max(most, COMMON.length - at);
  }
  return most;
}

/**
 * An alternative's needed sets, the rarest in reports first (else in the order of the pattern). The
 * filter gives the sets of all alternatives a bit each, round by round in the order given, and has
 * 30 bits: given in the pattern's order, they went to 党, 的, 法, 治, 中, 全, 大, and 法治政府建设实施纲要
 * was tried on every line holding 法 and 治 — 3,673 of the varied 1 MB's 9,611 content lines, for 33
 * matches; a line was tried against 2.1 entries on average (8,756 tries). Now against 纲 and 施: 55
 * lines, and 2,277 tries in all (1,704 lines). The scan alone over that text: 5.4 → 3.7 ms.
 */
function rarestFirst(needs: readonly Needed[]): Needed[] {
  return needs
    .map((needed, i) => ({ needed, i, common: commonness(needed) }))
    .sort((a, b) => a.common - b.common || a.i - b.i)
    .map((x) => x.needed);
}

function build(definitions: readonly ReferenceDefinition[]): ReferenceTable {
  const entries = definitions.filter((d) => d.names.length || d.patterns?.length).map(compile);
  const any = new RegExp(entries.map((e) => e.re.source).join('|'));
  const alternatives = entries.flatMap((e, group) =>
    (alternativesOf(e.re.source) ?? [null]).map((a) => ({
      needs: a === null ? [] : rarestFirst(neededSets(a.ast.elements, false)),
      group,
    })),
  );
  const filter = new NeededFilter(new UnitClasses(alternatives.flatMap((a) => a.needs.map((n) => n.units!))), alternatives);
  return { entries, any, filter, rare: rareClass(alternatives.map((a) => a.needs)) };
}

/** One character class holding a unit of the first needed set of every alternative (ReferenceTable.rare). */
function rareClass(needs: readonly (readonly Needed[])[]): RegExp | null {
  const units = new Set<number>();
  for (const n of needs) {
    if (n.length === 0) return null;
    for (const u of n[0].units!) units.add(u);
  }
  if (units.size === 0) return null;
  const cls = new RegExp(`[${[...units].map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('')}]`);
  // A class looked for line by line holds no line break.
  return cls.test('\n') || cls.test('\r') ? null : cls;
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
