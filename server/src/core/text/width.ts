/** A line's visual width, as hard-wrap detection (wrap.ts) measures it and line classes (debris.ts) keep it. */

/** Full-width characters (CJK, Chinese punctuation, quotes and dashes) count 1, half-width ones (digits, Latin, ASCII) ½. */
export function visualWidth(text: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += text.charCodeAt(i) < 0x2000 ? 0.5 : 1;
  return w;
}
