/**
 * The first looks of the line rules that compute only the lines holding a character of a class
 * (placeholder's needed characters, punctuation-width's half-width marks, unbalanced-pair's brackets,
 * and the characters every built-in citation holds: citationLines.ts), found together by one pass
 * over the text in script: what each UTF-16 unit is to the classes is one
 * table (a bit per class), so a line costs a load and an OR a unit, whatever the classes. One native
 * scan per class (text/linesHolding.ts `CharacterLook`, each jumping to the next line at a line found)
 * read the text three times: over the varied 1 MB the three scans 1.40–1.43 ms, this pass 0.84 (60 of
 * each, same minute). Their union as one native class was slower still (round 20: 6.9 ms, a call at
 * every match). A line holds a character of a class here exactly when `CharacterLook` names it.
 */
import type { TextIndex } from '../text/lineIndex';
import { CharacterLook } from '../text/linesHolding';

/** A unit not asked yet (a unit's bits are at most 0x7f: seven classes). */
const UNKNOWN = 0xff;
const MAX_CLASSES = 7;

class Looks {
  /** Each class anchored to one unit: how a unit met for the first time is learnt (no class re-implemented here). */
  private readonly ones: RegExp[] = [];
  /** Per UTF-16 unit, the bit of each class that matches it; UNKNOWN until a text holds it. */
  private readonly bits = new Uint8Array(0x10000).fill(UNKNOWN);
  /** Each index's classes by line, and the lines of each class asked: the rules of one analysis ask in turn. */
  private readonly found = new WeakMap<TextIndex, { readonly bits: Uint8Array; readonly lines: number[][] }>();

  /** Adds a class (`CharacterLook`'s kind: one character, no flags, no line break); its number. */
  add(cls: RegExp): number {
    new CharacterLook(cls); // it throws for a class it does not take
    if (this.ones.length === MAX_CLASSES) throw new Error(`more than ${MAX_CLASSES} classes looked for together`);
    this.ones.push(new RegExp(`^${cls.source}$`));
    // The bits learnt so far lack the new class's.
    this.bits.fill(UNKNOWN);
    return this.ones.length - 1;
  }

  /** The lines, ascending, whose text holds a character of class `k`. */
  lines(index: TextIndex, k: number): readonly number[] {
    let found = this.found.get(index);
    if (found === undefined) this.found.set(index, (found = { bits: this.scan(index), lines: [] }));
    return (found.lines[k] ??= linesWith(found.bits, 1 << k));
  }

  private scan(index: TextIndex): Uint8Array {
    const byLine = new Uint8Array(index.lineCount);
    readBits(this, this.bits, index, index.text, byLine);
    return byLine;
  }

  /** The classes' bits of the units from `from` to `end`, each unit not asked yet learnt. */
  learnt(text: string, from: number, end: number): number {
    let seen = 0;
    for (let i = from; i < end; i++) {
      const unit = text.charCodeAt(i);
      let b = this.bits[unit];
      if (b === UNKNOWN) {
        b = 0;
        const one = String.fromCharCode(unit);
        for (let k = 0; k < this.ones.length; k++) if (this.ones[k].test(one)) b |= 1 << k;
        this.bits[unit] = b;
      }
      seen |= b;
    }
    return seen;
  }
}

/**
 * The classes' bits of each line into `byLine`. Its own function, reading nothing before its loop: a
 * function run once per analysis is compiled from what its first runs recorded, and the reads before
 * its loop, made before V8 gave it a place to record them, left the compiled code of the next analysis
 * to give up at its first line (three deoptimisations over the first four analyses of the varied 1 MB,
 * the pass then run unoptimised up to the tenth). Only bits are written, no list pushed to.
 */
function readBits(looks: Looks, units: Uint8Array, index: TextIndex, text: string, byLine: Uint8Array): void {
  for (let line = 0; line < byLine.length; line++) {
    const from = index.lineStart(line);
    const end = index.lineEnd(line);
    let seen = 0;
    for (let i = from; i < end; i++) seen |= units[text.charCodeAt(i)];
    // A unit met for the first time (UNKNOWN sets every bit): the line read again, learning it.
    if ((seen & 0x80) !== 0) seen = looks.learnt(text, from, end);
    byLine[line] = seen;
  }
}

/** The lines, ascending, whose bits hold `bit`. */
function linesWith(byLine: Uint8Array, bit: number): number[] {
  const out: number[] = [];
  for (let line = 0; line < byLine.length; line++) if ((byLine[line] & bit) !== 0) out.push(line);
  return out;
}

const LOOKS = new Looks();

/** A one-character class looked for with the others in one pass (`lines` as `CharacterLook`'s). */
export class LookedTogether {
  private readonly k: number;
  constructor(cls: RegExp) {
    this.k = LOOKS.add(cls);
  }

  /** The lines, ascending, whose text holds a character of the class (shared: not to be changed). */
  lines(index: TextIndex): readonly number[] {
    return LOOKS.lines(index, this.k);
  }
}
