/** A line's visual width, as hard-wrap detection (wrap.ts) measures it and line classes (debris.ts) keep it. */

/**
 * How wide a line's kept width is measured (cleanLines.ts): hard-wrap detection counts widths up to
 * 60 and asks of a wider line only that it is wider (hardWrap.ts). Past this, the kept width is one
 * the line reaches, not its whole: a 500-character paragraph is not read to its end for it (round 17).
 */
export const WIDTH_MEASURED = 64;

/**
 * Full-width characters (CJK, Chinese punctuation, quotes and dashes) count 1, half-width ones
 * (digits, Latin, ASCII) ½. With `past`, only as far as needed to know the width exceeds it: the
 * answer is the exact width when that is at most `past`, else a width above `past` (the width of
 * the first 2·past + 2 units, which is at least past + 1).
 */
export function visualWidth(text: string, from: number, to: number, past = Infinity): number {
  return visualHalves(text, from, to, past) / 2;
}

/**
 * visualWidth counted in halves (twice the width): a whole number. What line classes keep (cleanLines.ts):
 * a field that only ever holds small integers is stored in its object, where a width of 11.5 (or
 * 11.0, once the field has held a fraction) is a heap number of its own, one more object per line
 * in the class and one in the CleanLine (a fresh analysis of the varied 1 MB made 23,000 of them).
 */
export function visualHalves(text: string, from: number, to: number, past = Infinity): number {
  const end = measuredTo(from, to, past);
  // Whole units counted: no floating-point addition per unit. A unit u (below 0x10000) is ≥ 0x2000
  // exactly when u + 0xe000 reaches bit 16: counted without a branch, which mixed text (digits among
  // ideographs) mispredicts.
  let full = 0;
  for (let i = from; i < end; i++) full += (text.charCodeAt(i) + 0xe000) >> 16;
  return end - from + full;
}

/** Where visualHalves stops reading (`past` bounds it: the first 2·past + 2 units tell a width above it). */
export function measuredTo(from: number, to: number, past: number): number {
  return Math.min(to, from + 2 * past + 2);
}
