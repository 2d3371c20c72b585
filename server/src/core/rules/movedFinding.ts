/**
 * A kept finding moved with the lines it stands on (lines added or removed above it): the same
 * message, data and severity on a range `lines` lines further down (up when negative). Only for
 * findings without fixes, whose edits stand at absolute places (the callers keep those apart).
 * Written out field by field, not spread: a line deleted from a long report moves hundreds.
 */
import type { Emitted } from './rule';

export function movedFinding(e: Emitted, lines: number): Emitted {
  const { start, end } = e.range;
  const range = {
    start: { line: start.line + lines, character: start.character },
    end: { line: end.line + lines, character: end.character },
  };
  const out: { -readonly [K in keyof Emitted]: Emitted[K] } = { range, message: e.message };
  if (e.data !== undefined) out.data = e.data;
  if (e.severity !== undefined) out.severity = e.severity;
  return out;
}
