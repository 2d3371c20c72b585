/**
 * A table by UTF-16 unit, for the per-line looks at one character (how a line starts or ends): a
 * table lookup where a regex call costs three times as much, or, for `/[。！？]$/`, reads the whole
 * line (irregexp tries every position; it does not start from the end: round 18).
 */

/** A table of the first units of `chars` (characters, or words by their first character). */
export function unitTable(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
