/**
 * Widths in grid characters, as the page is laid out: a full-width character is one, a half-width
 * one (digits, Latin letters, half-width punctuation) half. One place for the title breaker, the
 * blocks (落款 positions) and the page preview.
 */

/** The width of one character (a code point). */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  return c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
}

/** The width of a text. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}
