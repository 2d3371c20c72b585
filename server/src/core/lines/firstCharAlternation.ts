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
 * a character every match of it contains (one of `[>＞»›]` for that one: from the element of the
 * sequence with the fewest characters that a match cannot skip), and a line that contains none of
 * its alternation's characters matches none of them, found by one scan. `test` therefore answers
 * exactly what the plain alternation answers (test/firstCharAlternation.test.ts proves it over the
 * data, the seeds and random strings).
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
 */
interface Needed {
  readonly atoms: readonly string[];
  readonly size: number;
  readonly cost: number;
}

interface Alternative {
  readonly source: string;
  /** The atoms one of which the line's first character must match; `null`: any line may match it. */
  readonly starts: readonly RegExp[] | null;
  /** Atoms one of which a character of the line must match; `null`: none known. */
  readonly needs: readonly string[] | null;
}

/** What a line starting with one character is tried with: a scan for the characters its alternatives need, then the alternation. */
interface Bucket {
  readonly needs: RegExp | null;
  readonly alternation: RegExp;
  readonly sources: readonly string[];
}

/** A needed set wider than this many characters filters too little to be worth its scan. */
const NEEDS_MAX = 256;
const WIDE = 0x10000;

export class FirstCharAlternation {
  private readonly alternatives: readonly Alternative[];
  /** The whole alternation, for the empty line (no first character to dispatch on). */
  private readonly whole: RegExp;
  /** Each first character's bucket (`null`: nothing can match); the same bucket for the same alternatives. */
  private readonly byChar = new Map<number, Bucket | null>();
  private readonly byAlternatives = new Map<string, Bucket | null>();

  constructor(sources: readonly string[]) {
    const parser = new RegExpParser();
    this.alternatives = sources.flatMap((source) => {
      // Joined into one alternation, a group's number changes: a pattern that refers back to one is kept whole and tried on every line.
      if (/\\[1-9]|\\k</.test(source)) return [{ source, starts: null, needs: null }];
      const pattern = parser.parsePattern(source, 0, source.length, { unicode: false });
      return pattern.alternatives.map((a) => {
        const head = a.elements[0];
        const needed = neededOf(a.elements, head?.type === 'Assertion' && head.kind === 'start');
        return {
          source: source.slice(a.start, a.end),
          starts: startsOf(a),
          needs: needed && needed.size <= NEEDS_MAX ? needed.atoms : null,
        };
      });
    });
    this.whole = anyOf(this.alternatives.map((a) => a.source));
  }

  /** Whether any of the patterns matches the line (as the plain alternation of all of them would say). */
  test(line: string): boolean {
    if (line.length === 0) return this.whole.test(line);
    const c = line.charCodeAt(0);
    let bucket = this.byChar.get(c);
    if (bucket === undefined) this.byChar.set(c, (bucket = this.bucketFor(c)));
    return bucket !== null && (bucket.needs === null || bucket.needs.test(line)) && bucket.alternation.test(line);
  }

  /** The alternatives `test` tries on a line (none when the line lacks every character they need). For tests. */
  tried(line: string): readonly string[] {
    if (line.length === 0) return this.alternatives.map((a) => a.source);
    const bucket = this.bucketFor(line.charCodeAt(0));
    return bucket !== null && (bucket.needs === null || bucket.needs.test(line)) ? bucket.sources : [];
  }

  /** The alternatives a line starting with `c` can match, in their order, as one regex, and the characters they need. */
  private bucketFor(c: number): Bucket | null {
    const ch = String.fromCharCode(c);
    const kept = this.alternatives.filter((a) => a.starts === null || a.starts.some((atom) => atom.test(ch)));
    const key = kept.map((a) => this.alternatives.indexOf(a)).join(',');
    let bucket = this.byAlternatives.get(key);
    if (bucket === undefined) {
      const needs = kept.every((a) => a.needs !== null) ? [...new Set(kept.flatMap((a) => a.needs!))] : null;
      const sources = kept.map((a) => a.source);
      bucket = kept.length === 0 ? null : { needs: needs && anyOf(needs), alternation: anyOf(sources), sources };
      this.byAlternatives.set(key, bucket);
    }
    return bucket;
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
 * What every match of a sequence contains a character of: the needed set of one element a match
 * cannot skip (the cheapest, the earlier on a tie); `null` when no element is known to be needed.
 * `atStart`: the sequence begins at the line start (`^…`), where its first character is the
 * line's first, which the dispatch has tried already: an atom there is taken only when nothing
 * else is needed.
 */
function neededOf(elements: readonly AST.Element[], atStart: boolean): Needed | null {
  let best: Needed | null = null;
  let start = atStart;
  for (const e of elements) {
    const n = neededOfElement(e, start);
    if (n !== null && (best === null || n.cost < best.cost)) best = n;
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
      const size = sizeOf(e);
      return { atoms: [e.raw], size, cost: atStart ? size + WIDE : size };
    }
    case 'Group':
    case 'CapturingGroup': {
      // Every match of a group is a match of one of its alternatives: each needs its own set.
      const alternatives = plainAlternatives(e);
      if (alternatives === null) return null;
      const atoms: string[] = [];
      let size = 0;
      let cost = 0;
      for (const alt of alternatives) {
        const n = neededOf(alt.elements, atStart);
        if (n === null) return null;
        atoms.push(...n.atoms);
        size += n.size;
        cost += n.cost;
      }
      return { atoms, size, cost };
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

/** How many characters an atom matches at most (only ever compared: a wide one is not worth scanning for). */
function sizeOf(e: AST.Character | AST.CharacterSet | AST.CharacterClass | AST.CharacterClassElement): number {
  switch (e.type) {
    case 'Character':
      return 1;
    case 'CharacterClassRange':
      return e.max.value - e.min.value + 1;
    case 'CharacterSet':
      if (e.kind === 'any' || e.kind === 'property' || e.negate) return WIDE;
      return e.kind === 'digit' ? 10 : e.kind === 'space' ? 25 : 63;
    case 'CharacterClass':
      return e.negate ? WIDE : e.elements.reduce((n, x) => n + sizeOf(x), 0);
    default:
      return WIDE;
  }
}
