/**
 * What characters every match of a regular expression holds, read from its syntax tree (regexpp, the
 * parser ESLint uses, at load time: the reading never goes stale when the data changes), and a filter
 * that passes over the lines holding none of them in one scan (issue 27, rounds 15 and 17).
 *
 * For each element of an alternative's sequence that a match cannot skip, the set of UTF-16 units
 * one of which that element's match holds — when the atoms say so plainly and the set is small
 * (`年`; `[>＞»›]`; `\d`; a group's alternatives, each its own set, together). Every one of them is
 * in every match, so a line lacking a unit of any one set cannot match the alternative, whatever
 * its other characters. No character class is re-implemented here: an atom this does not read
 * (`\s`, `\w`, a negated class, `.`) requires nothing, which only lets more lines through.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** The atoms one of which a match's first character matches, and whether a match may be empty. */
export interface First {
  readonly atoms: readonly string[];
  readonly nullable: boolean;
}

/**
 * A set of characters one of which every match holds: how many it has at most, and what choosing it
 * costs (its size, more when the dispatch has tried it already). `units`: its UTF-16 units, when the
 * atoms say so plainly (characters, ranges, `\d`); `null` otherwise.
 */
export interface Needed {
  readonly size: number;
  readonly cost: number;
  readonly units: readonly number[] | null;
}

/** A needed set of more characters than this filters too little to be worth its bit. */
const NEEDS_MAX = 256;
const WIDE = 0x10000;
/** Bits of a filter's masks (needed sets; groups, the 31st on sharing the last). */
const BITS = 30;

const parser = new RegExpParser();

/**
 * The top-level alternatives of a pattern (no flags), with their source; `null` for a pattern that
 * refers back to a group (joined with others, a group's number changes: such a one is kept whole).
 */
export function alternativesOf(source: string): { readonly source: string; readonly ast: AST.Alternative }[] | null {
  if (/\\[1-9]|\\k</.test(source)) return null;
  return parser
    .parsePattern(source, 0, source.length, { unicode: false })
    .alternatives.map((ast) => ({ source: source.slice(ast.start, ast.end), ast }));
}

/**
 * One character class every match of any of the patterns holds a character of: for each of their
 * alternatives one of its needed sets, joined; `null` when an alternative needs none. A text the
 * class does not match matches none of the patterns, found by one native scan where their
 * alternation is tried at every position (round 17: placeholder.ts, whose patterns look behind).
 * Of an alternative's sets the one with the fewest digits and CJK ideographs is taken (20XX年 is
 * looked for by its X, not by its 2 or its 年, which most lines of a report hold), then the smallest.
 */
export function neededClass(sources: readonly string[]): RegExp | null {
  const common = (u: number) => (u >= 0x30 && u <= 0x39) || (u >= 0x3400 && u <= 0x9fff);
  const score = (n: Needed) => n.units!.filter(common).length * WIDE + n.size;
  const units = new Set<number>();
  for (const source of sources) {
    const alternatives = alternativesOf(source);
    if (alternatives === null) return null;
    for (const { ast } of alternatives) {
      const needs = neededSets(ast.elements, false);
      if (needs.length === 0) return null;
      const chosen = needs.reduce((a, b) => (score(b) < score(a) ? b : a));
      for (const u of chosen.units!) units.add(u);
    }
  }
  return new RegExp(`[${[...units].map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('')}]`);
}

/**
 * Each UTF-16 unit's class: units in the same needed sets share one (0: in none). A scan reads two
 * small tables per unit (the unit's class, the class's bits), not a 256 KB table per filter.
 */
export class UnitClasses {
  readonly classOf = new Uint16Array(0x10000);
  /** The needed sets each class belongs to, as indexes into the sets given. */
  readonly classSets: number[][] = [[]];
  private readonly index = new Map<string, number>();

  constructor(sets: Iterable<readonly number[]>) {
    const setsOfUnit = new Map<number, number[]>();
    for (const units of sets) {
      const key = units.join(',');
      if (this.index.has(key)) continue;
      const s = this.index.size;
      this.index.set(key, s);
      for (const u of units) {
        let list = setsOfUnit.get(u);
        if (list === undefined) setsOfUnit.set(u, (list = []));
        list.push(s);
      }
    }
    const classOfKey = new Map<string, number>();
    for (const [u, list] of setsOfUnit) {
      const key = list.join(',');
      let cls = classOfKey.get(key);
      if (cls === undefined) {
        classOfKey.set(key, (cls = this.classSets.length));
        this.classSets.push(list);
      }
      this.classOf[u] = cls;
    }
  }

  /** The index of a set given to the constructor. */
  setOf(units: readonly number[]): number | undefined {
    return this.index.get(units.join(','));
  }
}

/**
 * Which groups of alternatives a text may match, from the needed sets its characters touch: a group
 * is named (its bit set) when one of its alternatives has every one of its needed sets touched.
 * Group g has bit g; the 31st group on share bit 30. The sets get a bit each, every alternative's
 * cheapest first, then every one's next, until the 30 bits run out (a set left out is not required).
 */
export class NeededFilter {
  /** Per alternative, the bits of the needed sets it requires (0: named for every text). */
  private readonly required: Uint32Array;
  /** Per alternative, its group's bit. */
  private readonly groupBit: Uint32Array;
  /**
   * The alternatives that require something, by the highest bit they require (a later round's set:
   * mostly a rarer character than the first): only those under the bits a text touches are checked
   * (round 17: checking all 82 of the reference table's per line cost as much as the scan).
   */
  private readonly byBit: readonly number[][];
  /** The groups of the alternatives that require nothing: named for every text. */
  private readonly always: number;
  /** Per unit class, the filter's needed sets it belongs to. */
  private readonly classMask: Uint32Array;
  /** Every needed set's bit: a scan that has seen them all can stop. */
  private readonly allSets: number;
  private readonly classOf: Uint16Array;

  constructor(classes: UnitClasses, alternatives: readonly { readonly needs: readonly Needed[]; readonly group: number }[]) {
    const bit = new Map<number, number>();
    this.required = new Uint32Array(alternatives.length);
    this.groupBit = new Uint32Array(alternatives.map((a) => 1 << Math.min(a.group, BITS)));
    const byCost = alternatives.map((a) => [...a.needs].sort((x, y) => x.cost - y.cost));
    for (let round = 0; byCost.some((needs) => needs.length > round); round++)
      byCost.forEach((needs, k) => {
        if (round >= needs.length) return;
        const s = classes.setOf(needs[round].units!);
        if (s === undefined) return;
        let b = bit.get(s);
        if (b === undefined && bit.size < BITS) bit.set(s, (b = bit.size));
        if (b !== undefined) this.required[k] |= 1 << b;
      });
    this.classMask = new Uint32Array(classes.classSets.length);
    classes.classSets.forEach((sets, cls) => {
      for (const s of sets) {
        const b = bit.get(s);
        if (b !== undefined) this.classMask[cls] |= 1 << b;
      }
    });
    this.allSets = bit.size === 0 ? 0 : (2 ** bit.size - 1) | 0;
    this.classOf = classes.classOf;
    const byBit: number[][] = Array.from({ length: BITS }, () => []);
    let always = 0;
    this.required.forEach((r, k) => {
      if (r === 0) always |= this.groupBit[k];
      else byBit[31 - Math.clz32(r)].push(k);
    });
    this.byBit = byBit;
    this.always = always;
  }

  /** The bits of the groups the text may match (0: none). */
  groupsIn(text: string): number {
    return this.groupsOf(this.setsIn(text, 0, text.length));
  }

  /**
   * groupsIn of `text.slice(from, to)`, read where it lies (a document's flat text: a read of a
   * sliced string goes through its parent — cleanLines.ts).
   */
  groupsInRange(text: string, from: number, to: number): number {
    return this.groupsOf(this.setsIn(text, from, to));
  }

  /** The needed sets the units from `from` to `to` of `text` touch. */
  private setsIn(text: string, from: number, to: number): number {
    const classMask = this.classMask;
    const classOf = this.classOf;
    const all = this.allSets;
    // Unit by unit in script: a regex of the sets' units that jumps from one to the next met so many
    // of them (年, 日, digits) that its calls cost five times this loop (round 17).
    let seen = 0;
    for (let i = from; i < to && seen !== all; i++) seen |= classMask[classOf[text.charCodeAt(i)]];
    return seen;
  }

  /**
   * groupsInRange of `from`–`to`, and into `width` the visual width in halves of `widthFrom`–`widthTo`
   * (text/width.ts visualHalves, `widthTo` already bounded; `widthFrom` ≤ `from`): a line's content
   * and the line from its start, read once where they overlap (cleanLines.ts: each loop read every
   * unit of the short lines, round 20's leftover).
   */
  groupsAndHalves(text: string, from: number, to: number, widthFrom: number, widthTo: number, width: { halves: number }): number {
    const classMask = this.classMask;
    const classOf = this.classOf;
    const all = this.allSets;
    // The width alone before the content (indentation, leading debris), both over what they share, the sets alone past the width's end.
    const both = Math.min(to, widthTo);
    let full = 0;
    let i = widthFrom;
    for (const before = Math.min(from, widthTo); i < before; i++) full += (text.charCodeAt(i) + 0xe000) >> 16;
    let seen = 0;
    for (i = from; i < both; i++) {
      const u = text.charCodeAt(i);
      full += (u + 0xe000) >> 16;
      seen |= classMask[classOf[u]];
    }
    for (; i < to && seen !== all; i++) seen |= classMask[classOf[text.charCodeAt(i)]];
    // The width past the content's end (none in a line's class: the content ends where the width is measured to).
    for (let k = Math.max(both, from); k < widthTo; k++) full += (text.charCodeAt(k) + 0xe000) >> 16;
    width.halves = widthTo - widthFrom + full;
    return this.groupsOf(seen);
  }

  /** The groups named by the sets a text touched. */
  private groupsOf(seen: number): number {
    const required = this.required;
    let groups = this.always;
    // Each bit the text touched, lowest first (m & -m), and the alternatives keyed under it.
    for (let m = seen; m !== 0; m &= m - 1) {
      const keyed = this.byBit[31 - Math.clz32(m & -m)];
      for (let j = 0; j < keyed.length; j++) {
        const k = keyed[j];
        if ((seen & required[k]) === required[k]) groups |= this.groupBit[k];
      }
    }
    return groups;
  }
}

/** The first atoms of a sequence: those of each element up to the first that cannot match empty; `null`: unknown. */
export function firstOfSequence(elements: readonly AST.Element[]): First | null {
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
export function neededSets(elements: readonly AST.Element[], dispatched: boolean): Needed[] {
  const out: Needed[] = [];
  let start = dispatched;
  for (const e of elements) {
    // A group of one alternative ((?:名称), as tables join names) is its elements in line: each needed on its own.
    if (e.type === 'Group' && !e.modifiers && e.alternatives.length === 1) {
      out.push(...neededSets(e.alternatives[0].elements, start));
      const f = firstOf(e);
      if (f === null || !f.nullable) start = false;
      continue;
    }
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
      return { size, cost: atStart ? size + WIDE : size, units };
    }
    case 'Group':
    case 'CapturingGroup': {
      // Every match of a group is a match of one of its alternatives: each needs its own set.
      const alternatives = plainAlternatives(e);
      if (alternatives === null) return null;
      const units: number[] = [];
      let size = 0;
      let cost = 0;
      for (const alt of alternatives) {
        const n = neededOf(alt.elements, atStart);
        if (n === null || n.units === null) return null;
        units.push(...n.units);
        size += n.size;
        cost += n.cost;
      }
      return { size, cost, units };
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
