/**
 * An alternation of line patterns (data/debris.json's whole-line patterns) that tries, on a line,
 * only the alternatives that can match a line starting with its first character. irregexp tries
 * the alternatives of one alternation one after the other, so a line paid for all 51 of them; most
 * are anchored at the line start (`^`) and can begin with a few characters only.
 *
 * Each alternative's possible first characters are read from its syntax tree (regexpp, the parser
 * ESLint uses, at load time, so the dispatch never goes stale when the data changes). An alternative
 * takes part in every line's alternation unless it is anchored at the start, cannot match the empty
 * string, and its first character is known: then it is left out only for a line whose first
 * character it cannot match. Whether a character can start an alternative is asked of the
 * alternative's own first atoms, compiled alone (`[^\s>＞»›]`, `\d`, `微`), so no character class is
 * re-implemented here.
 *
 * The alternatives that start with a class as wide as `[^\s>＞»›。，；]` are in nearly every line's
 * alternation and cost the most (a greedy run, then backtracking). So each alternative also names
 * the characters every match of it contains: for each element of its sequence that a match cannot
 * skip, the characters one of which that element matches (`[>＞»›]` for the breadcrumb; `年`, `月`,
 * `日` and one of `星期周礼拜` for a date line), when they are few (text/neededUnits.ts reads them and
 * filters by them). One scan of a line notes which of its bucket's needed sets it holds a character
 * of (two small tables read per character), and only the alternatives all of whose sets it touches
 * are tried (round 17: a line of prose starting with a Chinese character was tried with the ten
 * unanchored or wide alternatives whenever it held one character of any of them — 年, 号, 字 are in
 * most lines). `test` therefore
 * answers exactly what the plain alternation answers (test/firstCharAlternation.test.ts proves it
 * over the data, the seeds and random strings).
 */
import type { AST } from '@eslint-community/regexpp';
import { visualHalves } from '../text/width';
import { alternativesOf, firstOfSequence, NeededFilter, neededSets, UnitClasses, type Needed } from '../text/neededUnits';

interface Alternative {
  readonly source: string;
  /** The atoms one of which the line's first character must match; `null`: any line may match it. */
  readonly starts: readonly RegExp[] | null;
  /** For each element a match cannot skip, the units one of which the line must hold (few, plainly known ones only). */
  readonly needs: readonly Needed[];
}

/** What a line starting with one character is tried with: the alternatives its first character allows, and their filter. */
interface Bucket {
  readonly alternatives: readonly Alternative[];
  /** Alternative k is group k (the 31st on share a bit: tried together). */
  readonly filter: NeededFilter;
  /** The alternation of each set of alternatives tried, by their bits. */
  readonly bySubset: Map<number, RegExp>;
}

export class FirstCharAlternation {
  private readonly alternatives: readonly Alternative[];
  /** The whole alternation, for the empty line (no first character to dispatch on). */
  private readonly whole: RegExp;
  /**
   * Each first character's bucket, by its unit: 0 not yet looked at, 1 nothing can match, else the
   * bucket at `buckets[k - 2]` (the same bucket for the same alternatives). A table read, where a
   * Map keyed by the unit hashed it at every line (round 21: a tenth of a fresh scan's whole-line test).
   * Made at the first line asked about (a pattern tested alone in the tests needs none).
   */
  private bucketOfUnit: Uint16Array | undefined;
  private readonly buckets: Bucket[] = [];
  private readonly byAlternatives = new Map<string, Bucket | null>();
  private readonly classes: UnitClasses;

  constructor(sources: readonly string[]) {
    this.alternatives = sources.flatMap((source) => {
      const alternatives = alternativesOf(source);
      if (alternatives === null) return [{ source, starts: null, needs: [] }];
      return alternatives.map(({ source, ast }) => {
        const starts = startsOf(ast);
        return { source, starts, needs: neededSets(ast.elements, starts !== null) };
      });
    });
    this.whole = anyOf(this.alternatives.map((a) => a.source));
    this.classes = new UnitClasses(this.alternatives.flatMap((a) => a.needs.map((n) => n.units!)));
  }

  /** Whether any of the patterns matches the line (as the plain alternation of all of them would say). */
  test(line: string): boolean {
    return this.testAt(line, line, 0);
  }

  /** `test(line)` where `line` lies in `flat` from `at` (its units are read there: cleanLines.ts). */
  testAt(line: string, flat: string, at: number): boolean {
    if (line.length === 0) return this.whole.test(line);
    const k = this.bucketAt(flat.charCodeAt(at));
    if (k === 1) return false;
    const bucket = this.buckets[k - 2];
    const subset = bucket.filter.groupsInRange(flat, at, at + line.length);
    return subset !== 0 && this.alternationOf(bucket, subset).test(line);
  }

  /**
   * `testAt`, and into `width` the visual width in halves of `widthFrom`–`widthTo` of `flat` (the line
   * from its start, as cleanLines.ts keeps it; `widthTo` already bounded, `widthFrom` ≤ `at`), read in
   * the same loop as the units the patterns need where the two overlap.
   */
  testMeasuringAt(line: string, flat: string, at: number, widthFrom: number, widthTo: number, width: { halves: number }): boolean {
    const k = line.length === 0 ? 1 : this.bucketAt(flat.charCodeAt(at));
    if (k === 1) {
      width.halves = visualHalves(flat, widthFrom, widthTo);
      return this.testAt(line, flat, at);
    }
    const bucket = this.buckets[k - 2];
    const subset = bucket.filter.groupsAndHalves(flat, at, at + line.length, widthFrom, widthTo, width);
    return subset !== 0 && this.alternationOf(bucket, subset).test(line);
  }

  /** The table entry of the bucket of a line starting with unit `c` (bucketOfUnit: 1 none, else `buckets[k - 2]`). */
  private bucketAt(c: number): number {
    const table = (this.bucketOfUnit ??= new Uint16Array(0x10000));
    const k = table[c];
    return k !== 0 ? k : (table[c] = this.bucketIndex(this.bucketFor(c)));
  }

  /** The alternatives `test` tries on a line (none when the line lacks what each of them needs). For tests. */
  tried(line: string): readonly string[] {
    if (line.length === 0) return this.alternatives.map((a) => a.source);
    const bucket = this.bucketFor(line.charCodeAt(0));
    return bucket === null ? [] : inSubset(bucket.alternatives, bucket.filter.groupsIn(line)).map((a) => a.source);
  }

  /** The table entry of a bucket (bucketOfUnit). */
  private bucketIndex(bucket: Bucket | null): number {
    if (bucket === null) return 1;
    let k = this.buckets.indexOf(bucket);
    if (k < 0) k = this.buckets.push(bucket) - 1;
    return k + 2;
  }

  private alternationOf(bucket: Bucket, subset: number): RegExp {
    let re = bucket.bySubset.get(subset);
    if (re === undefined) bucket.bySubset.set(subset, (re = anyOf(inSubset(bucket.alternatives, subset).map((a) => a.source))));
    return re;
  }

  /** The alternatives a line starting with `c` can match, in their order, and their filter. */
  private bucketFor(c: number): Bucket | null {
    const ch = String.fromCharCode(c);
    const fits = this.alternatives.filter((a) => a.starts === null || a.starts.some((atom) => atom.test(ch)));
    const key = fits.map((a) => this.alternatives.indexOf(a)).join(',');
    let bucket = this.byAlternatives.get(key);
    if (bucket === undefined) {
      const filter = () =>
        new NeededFilter(
          this.classes,
          fits.map((a, group) => ({ needs: a.needs, group })),
        );
      bucket = fits.length === 0 ? null : { alternatives: fits, filter: filter(), bySubset: new Map() };
      this.byAlternatives.set(key, bucket);
    }
    return bucket;
  }
}

/** The alternatives whose group bits are in `subset` (alternative k is group k; from the 31st on they share bit 30). */
const inSubset = <T>(alternatives: readonly T[], subset: number): T[] =>
  alternatives.filter((_, k) => (subset & (1 << Math.min(k, 30))) !== 0);

const anyOf = (sources: readonly string[]) => new RegExp(sources.map((s) => `(?:${s})`).join('|'));

/**
 * The first atoms of an alternative anchored at the line start (`^…`) that cannot match the empty
 * string, each compiled to test one character; `null` for any other alternative (it may match
 * anywhere in the line, or match nothing at its start).
 */
function startsOf(a: AST.Alternative): RegExp[] | null {
  const [head, ...rest] = a.elements;
  if (head === undefined || head.type !== 'Assertion' || head.kind !== 'start') return null;
  const first = firstOfSequence(rest);
  if (first === null || first.nullable) return null;
  return first.atoms.map((atom) => new RegExp(`^(?:${atom})$`));
}
