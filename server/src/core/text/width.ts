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
  const end = Math.min(to, from + 2 * past + 2);
  // Whole units counted, halved once: no floating-point addition per unit.
  let full = 0;
  for (let i = from; i < end; i++) if (text.charCodeAt(i) >= 0x2000) full++;
  return (end - from + full) / 2;
}
