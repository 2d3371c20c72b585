/**
 * Tables by UTF-16 unit, for the per-line looks at one character (how a line starts or ends, what
 * stands beside a mark): a table lookup where a regex call costs three times as much, or, for
 * `/[。！？]$/`, reads the whole line (irregexp tries every position; it does not start from the end:
 * round 18).
 */

/** A table of the first units of `chars` (characters, or words by their first character). */
export function unitTable(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/**
 * The units a one-character class matches (`/[\s|｜/…]+/`, `/\s/`), learnt from the class itself
 * unit by unit as they are met: no class is re-implemented here (what `\s` holds stays the regex's),
 * and no unit is asked before a text holds it (no 65,536 tests at load). A class, not an object with
 * a closure per instance: every `has` call site then sees one function, which V8 inlines.
 */
export class UnitClass {
  /** The class without a trailing `+`, anchored to one unit (no flags: one UTF-16 unit, as the regex reads). */
  private readonly one: RegExp;
  /** 0 not asked yet, 1 in the class, 2 not. */
  private readonly known = new Uint8Array(0x10000);

  constructor(re: RegExp) {
    this.one = new RegExp(`^(?:${re.source.replace(/\+$/, '')})$`);
  }

  has(unit: number): boolean {
    let k = this.known[unit];
    if (k === 0) this.known[unit] = k = this.one.test(String.fromCharCode(unit)) ? 1 : 2;
    return k === 1;
  }
}
