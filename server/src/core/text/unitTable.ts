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

/** The UTF-16 units a one-character class matches. */
export interface UnitClass {
  has(unit: number): boolean;
}

/**
 * The units a one-character class matches (`/[\s|｜/…]+/`, `/\s/`), learnt from the class itself
 * unit by unit as they are met: no class is re-implemented here (what `\s` holds stays the regex's),
 * and no unit is asked before a text holds it (no 65,536 tests at load).
 */
export function unitClass(re: RegExp): UnitClass {
  // The class without a trailing `+`, anchored to one unit (no flags: one UTF-16 unit, as the regex reads).
  const one = new RegExp(`^(?:${re.source.replace(/\+$/, '')})$`);
  const known = new Uint8Array(0x10000); // 0 not asked yet, 1 in the class, 2 not
  return {
    has(unit) {
      let k = known[unit];
      if (k === 0) known[unit] = k = one.test(String.fromCharCode(unit)) ? 1 : 2;
      return k === 1;
    },
  };
}
