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
 * `日` and one of `星期周礼拜` for a date line), when they are few. One scan of a line notes which of
 * its bucket's needed sets it holds a character of (a table by UTF-16 unit, read once per
 * character), and only the alternatives all of whose sets it touches are tried (round 17: a line of
 * prose starting with a Chinese character was tried with the ten unanchored or wide alternatives
 * whenever it held one character of any of them — 年, 号, 字 are in most lines). `test` therefore
 * answers exactly what the plain alternation answers (test/firstCharAlternation.test.ts proves it
 * over the data, the seeds and random strings).
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** The atoms one of which a match's first character matches, and whether a match may be empty. */
interface First {
  readonly atoms: readonly string[];
  readonly nullable: boolean;
}

/**
 * Atoms one of which some character of every match matches, how many characters they match at
 * most, and what choosing them costs: their size, more when the dispatch has tried them already.
 * `units`: the UTF-16 units they match, when the atoms say so plainly (characters, ranges, `\d`).
 */
interface Needed {
  readonly atoms: readonly string[];
  readonly size: number;
  readonly cost: number;
  readonly units: readonly number[] | null;
}

interface Alternative {
  readonly source: string;
  /** The atoms one of which the line's first character must match; `null`: any line may match it. */
  readonly starts: readonly RegExp[] | null;
  /** For each element a match cannot skip, the units one of which the line must hold (few, plainly known ones only). */
  readonly needs: readonly Needed[];
}

/**
 * What a line starting with one character is tried with: the alternatives its first character
 * allows, each with the needed sets (bits of `classMask`) a line must touch for it to be tried.
 */
interface Bucket {
  readonly alternatives: readonly Alternative[];
  /** Per alternative, the bits of the needed sets it requires (0: tried on every line of the bucket). */
  readonly required: Uint32Array;
  /** Per unit class (see `classOf`), the bucket's needed sets it belongs to. */
  readonly classMask: Uint32Array;
  /** Every needed set's bit: a scan that has seen them all can stop. */
  readonly allSets: number;
  /** The alternation of each set of alternatives tried, by its bits (alternative k: bit k). */
  readonly bySubset: Map<number, RegExp>;
}

/** A needed set of more characters than this filters too little to be worth its bit. */
const NEEDS_MAX = 256;
const WIDE = 0x10000;
/** Bits of a bucket's masks: needed sets and alternatives (one more than 30 is tried on every line). */
const BITS = 30;

export class FirstCharAlternation {
  private readonly alternatives: readonly Alternative[];
  /** The whole alternation, for the empty line (no first character to dispatch on). */
  private readonly whole: RegExp;
  /** Each first character's bucket (`null`: nothing can match); the same bucket for the same alternatives. */
  private readonly byChar = new Map<number, Bucket | null>();
  private readonly byAlternatives = new Map<string, Bucket | null>();
  /**
   * Each UTF-16 unit's class: units in the same needed sets share one (0: in none). A line's scan
   * reads two small tables per unit, not a table per bucket (256 KB each).
   */
  private readonly classOf = new Uint16Array(0x10000);
  /** The needed sets (by key) each class belongs to, as indexes into `sets`. */
  private readonly classSets: number[][] = [[]];
  private readonly sets: string[] = [];

  constructor(sources: readonly string[]) {
    const parser = new RegExpParser();
    this.alternatives = sources.flatMap((source) => {
      // Joined into one alternation, a group's number changes: a pattern that refers back to one is kept whole and tried on every line.
      if (/\\[1-9]|\\k</.test(source)) return [{ source, starts: null, needs: [] }];
      const pattern = parser.parsePattern(source, 0, source.length, { unicode: false });
      return pattern.alternatives.map((a) => ({
        source: source.slice(a.start, a.end),
        starts: startsOf(a),
        needs: neededSets(a.elements, startsOf(a) !== null),
      }));
    });
    this.whole = anyOf(this.alternatives.map((a) => a.source));
    this.learnClasses();
  }

  /** Whether any of the patterns matches the line (as the plain alternation of all of them would say). */
  test(line: string): boolean {
    if (line.length === 0) return this.whole.test(line);
    const c = line.charCodeAt(0);
    let bucket = this.byChar.get(c);
    if (bucket === undefined) this.byChar.set(c, (bucket = this.bucketFor(c)));
    if (bucket === null) return false;
    const subset = this.subsetOf(bucket, line);
    return subset !== 0 && this.alternationOf(bucket, subset).test(line);
  }

  /** The alternatives `test` tries on a line (none when the line lacks what each of them needs). For tests. */
  tried(line: string): readonly string[] {
    if (line.length === 0) return this.alternatives.map((a) => a.source);
    const bucket = this.bucketFor(line.charCodeAt(0));
    if (bucket === null) return [];
    const subset = this.subsetOf(bucket, line);
    return bucket.alternatives.filter((_, k) => (subset & (1 << k)) !== 0).map((a) => a.source);
  }

  /** The alternatives of the bucket whose needed sets the line touches, as bits. */
  private subsetOf(bucket: Bucket, line: string): number {
    const classMask = bucket.classMask;
    const classOf = this.classOf;
    const all = bucket.allSets;
    // Unit by unit in script: a regex of the sets' units that jumps from one to the next met so many
    // of them (年, 日, digits) that its calls cost five times this loop (round 17).
    let seen = 0;
    for (let i = 0; i < line.length && seen !== all; i++) seen |= classMask[classOf[line.charCodeAt(i)]];
    const required = bucket.required;
    let subset = 0;
    for (let k = 0; k < required.length; k++) if ((seen & required[k]) === required[k]) subset |= 1 << k;
    return subset;
  }

  private alternationOf(bucket: Bucket, subset: number): RegExp {
    let re = bucket.bySubset.get(subset);
    if (re === undefined) {
      re = anyOf(bucket.alternatives.filter((_, k) => (subset & (1 << k)) !== 0).map((a) => a.source));
      bucket.bySubset.set(subset, re);
    }
    return re;
  }

  /** The alternatives a line starting with `c` can match, in their order, with the needed sets each requires. */
  private bucketFor(c: number): Bucket | null {
    const ch = String.fromCharCode(c);
    const fits = this.alternatives.filter((a) => a.starts === null || a.starts.some((atom) => atom.test(ch)));
    const key = fits.map((a) => this.alternatives.indexOf(a)).join(',');
    let bucket = this.byAlternatives.get(key);
    if (bucket !== undefined) return bucket;
    if (fits.length === 0) bucket = null;
    else {
      // More alternatives than bits: the rest joined into the last, tried on every line of the bucket.
      const kept: Alternative[] =
        fits.length <= BITS
          ? fits
          : [
              ...fits.slice(0, BITS - 1),
              {
                source: fits
                  .slice(BITS - 1)
                  .map((a) => `(?:${a.source})`)
                  .join('|'),
                starts: null,
                needs: [],
              },
            ];
      // The needed sets this bucket's alternatives require, a bit each: each alternative's smallest set
      // first, then each one's next smallest, until the bits run out (a set left out is not required).
      const bit = new Map<string, number>();
      const required = new Uint32Array(kept.length);
      const byCost = kept.map((a) => [...a.needs].sort((x, y) => x.cost - y.cost));
      for (let round = 0; byCost.some((needs) => needs.length > round); round++)
        byCost.forEach((needs, k) => {
          if (round >= needs.length) return;
          const setKey = needs[round].units!.join(',');
          let b = bit.get(setKey);
          if (b === undefined && bit.size < BITS) bit.set(setKey, (b = bit.size));
          if (b !== undefined) required[k] |= 1 << b;
        });
      const classMask = new Uint32Array(this.classSets.length);
      this.classSets.forEach((sets, cls) => {
        for (const s of sets) {
          const b = bit.get(this.sets[s]);
          if (b !== undefined) classMask[cls] |= 1 << b;
        }
      });
      bucket = { alternatives: kept, required, classMask, allSets: bit.size === 0 ? 0 : (2 ** bit.size - 1) | 0, bySubset: new Map() };
    }
    this.byAlternatives.set(key, bucket);
    return bucket;
  }

  /** Gives every unit of a needed set the class of the sets it is in. */
  private learnClasses(): void {
    const setsOfUnit = new Map<number, number[]>();
    const index = new Map<string, number>();
    for (const a of this.alternatives)
      for (const { units } of a.needs) {
        const key = units!.join(',');
        if (index.has(key)) continue;
        index.set(key, this.sets.length);
        for (const u of units!) {
          let list = setsOfUnit.get(u);
          if (list === undefined) setsOfUnit.set(u, (list = []));
          list.push(this.sets.length);
        }
        this.sets.push(key);
      }
    const classOfKey = new Map<string, number>();
    for (const [u, sets] of setsOfUnit) {
      const key = sets.join(',');
      let cls = classOfKey.get(key);
      if (cls === undefined) {
        classOfKey.set(key, (cls = this.classSets.length));
        this.classSets.push(sets);
      }
      this.classOf[u] = cls;
    }
  }
}

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

/** The first atoms of a sequence: those of each element up to the first that cannot match empty; `null`: unknown. */
function firstOfSequence(elements: readonly AST.Element[]): First | null {
  const atoms: string[] = [];
  for (const e of elements) {
    const f = firstOf(e);
    if (f === null) return null;
    atoms.push(...f.atoms);
    if (!f.nullable) return { atoms, nullable: false };
  }
  return { atoms, nullable: true };
}

function firstOf(e: AST.Element): First | null {
  switch (e.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
      // One character, whatever its place (no flags: no case folding, no Unicode mode).
      return single(e) ? { atoms: [e.raw], nullable: false } : null;
    case 'Group':
    case 'CapturingGroup': {
      const alternatives = plainAlternatives(e);
      if (alternatives === null) return null;
      const atoms: string[] = [];
      let nullable = false;
      for (const alt of alternatives) {
        const f = firstOfSequence(alt.elements);
        if (f === null) return null;
        atoms.push(...f.atoms);
        nullable ||= f.nullable;
      }
      return { atoms, nullable };
    }
    case 'Quantifier': {
      const f = firstOf(e.element);
      return f === null ? null : { atoms: f.atoms, nullable: f.nullable || e.min === 0 };
    }
    case 'Assertion':
      // ^, $, \b and lookarounds consume nothing: what follows them comes first. Leaving out what
      // they require only lets more alternatives in.
      return { atoms: [], nullable: true };
    default:
      // Backreferences: unknown.
      return null;
  }
}

/**
 * The needed sets of an alternative: for each element of its sequence a match cannot skip, the units
 * one of which that element's match holds — when they are few and the atoms say which plainly.
 * Every one of them is in every match: a line lacking a unit of any one cannot match.
 */
function neededSets(elements: readonly AST.Element[], dispatched: boolean): Needed[] {
  const out: Needed[] = [];
  let start = dispatched;
  for (const e of elements) {
    const n = neededOfElement(e, start);
    if (n !== null && n.units !== null && n.size <= NEEDS_MAX) out.push({ ...n, units: [...new Set(n.units)].sort((x, y) => x - y) });
    const f = firstOf(e);
    if (f === null || !f.nullable) start = false;
  }
  return out;
}

/**
 * What every match of a sequence contains a character of: the needed set of one element a match
 * cannot skip (the cheapest whose units are known, the earlier on a tie); `null` when none is.
 * `atStart`: the sequence begins at the line start of a dispatched alternative (`^…`), where its
 * first character is the line's first, which the dispatch has tried already: an atom there costs
 * more, and is taken only when nothing else is needed.
 */
function neededOf(elements: readonly AST.Element[], atStart: boolean): Needed | null {
  let best: Needed | null = null;
  let start = atStart;
  for (const e of elements) {
    const n = neededOfElement(e, start);
    if (n !== null && n.units !== null && (best === null || n.cost < best.cost)) best = n;
    const f = firstOf(e);
    if (f === null || !f.nullable) start = false;
  }
  return best;
}

function neededOfElement(e: AST.Element, atStart: boolean): Needed | null {
  switch (e.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass': {
      if (!single(e)) return null;
      const units = unitsOf(e);
      const size = units === null ? WIDE : units.length;
      return { atoms: [e.raw], size, cost: atStart ? size + WIDE : size, units };
    }
    case 'Group':
    case 'CapturingGroup': {
      // Every match of a group is a match of one of its alternatives: each needs its own set.
      const alternatives = plainAlternatives(e);
      if (alternatives === null) return null;
      const atoms: string[] = [];
      const units: number[] = [];
      let size = 0;
      let cost = 0;
      for (const alt of alternatives) {
        const n = neededOf(alt.elements, atStart);
        if (n === null || n.units === null) return null;
        atoms.push(...n.atoms);
        units.push(...n.units);
        size += n.size;
        cost += n.cost;
      }
      return { atoms, size, cost, units };
    }
    case 'Quantifier':
      return e.min >= 1 ? neededOfElement(e.element, atStart) : null;
    default:
      // Assertions consume nothing; backreferences: unknown.
      return null;
  }
}

/** Whether an atom matches exactly one character (no class with strings, no Unicode property). */
function single(e: AST.Character | AST.CharacterSet | AST.CharacterClass): boolean {
  if (e.type === 'CharacterClass') return !e.unicodeSets;
  return e.type === 'Character' || e.kind !== 'property';
}

/** The alternatives of a group, or `null` when modifiers ((?i:…)) read its atoms under other flags. */
function plainAlternatives(e: AST.Group | AST.CapturingGroup): readonly AST.Alternative[] | null {
  return e.type === 'Group' && e.modifiers ? null : e.alternatives;
}

/**
 * The UTF-16 units an atom matches, when it says so plainly and they are few: a character, a range,
 * `\d` (ASCII digits: no Unicode mode), a class of those; `null` for anything else (a negated class,
 * `\s`, `\w`, `.`): no class is re-implemented here, an atom not read leaves a line unfiltered.
 */
function unitsOf(e: AST.Character | AST.CharacterSet | AST.CharacterClass | AST.CharacterClassElement): number[] | null {
  switch (e.type) {
    case 'Character':
      return e.value <= 0xffff ? [e.value] : null;
    case 'CharacterClassRange': {
      if (e.max.value > 0xffff || e.max.value - e.min.value >= NEEDS_MAX) return null;
      const units: number[] = [];
      for (let u = e.min.value; u <= e.max.value; u++) units.push(u);
      return units;
    }
    case 'CharacterSet':
      return e.kind === 'digit' && !e.negate ? [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39] : null;
    case 'CharacterClass': {
      if (e.negate || e.unicodeSets) return null;
      const units: number[] = [];
      for (const x of e.elements) {
        const u = unitsOf(x);
        if (u === null || units.length + u.length > NEEDS_MAX) return null;
        units.push(...u);
      }
      return units;
    }
    default:
      return null;
  }
}
