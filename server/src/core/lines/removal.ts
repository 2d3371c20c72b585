/**
 * The one door every removal goes through (issue 21). Whatever recognised a stretch of debris — a
 * pattern of data/debris.json, a metadata block, a bar of reading tools, the tail after 返回顶部, a
 * running header, the chrome run into a page flattened into one line — it becomes a debris span
 * only here, and only when the debris guard (debrisGuard.ts) says the text it stands for cannot be
 * the writer's words. The debris fix (quick fix, fix-all, source.fixAll) and export remove debris
 * spans and nothing else, so nothing reaches them unguarded. A `LineDebris` is made nowhere else:
 * its brand is this module's (test/removalGate.test.ts scans the sources for another maker).
 */
import type { DebrisKind } from '../model';
import { canBeReportText, readsAsWriting } from './debrisGuard';

declare const GUARDED: unique symbol;

/** A debris span inside one line, in offsets relative to the line start, passed by the guard. */
export interface LineDebris {
  readonly kind: DebrisKind;
  readonly start: number;
  readonly end: number;
  readonly wholeLine: boolean;
  readonly [GUARDED]: true;
}

/**
 * May this text go? `judged` is the span's text (or the line's content). A metadata value on the
 * line under its label (`label`) is judged with it when the value alone reads only as the frame of
 * a 公文 (发布机构： / 某某县司法局: a body's name under a portal's label is the page's field); a
 * value with a sentence, a count or a report verb stays, whatever its label.
 */
export function mayRemove(judged: string, label?: string): boolean {
  if (!canBeReportText(judged)) return true;
  return label !== undefined && !readsAsWriting(judged) && !canBeReportText(label + judged);
}

/** The span [start, end) of a line as debris, or null when the guard keeps `judged` (by default the span's text). */
export function debrisSpan(
  lineText: string,
  kind: DebrisKind,
  start: number,
  end: number,
  wholeLine: boolean,
  judged: string = lineText.slice(start, end),
  label?: string,
): LineDebris | null {
  if (end <= start || !mayRemove(judged, label)) return null;
  return { kind, start, end, wholeLine } as LineDebris;
}
