/**
 * The findings of a rule over the outline (heading-sequence, heading-style, part-without-causes),
 * kept from one analysis of a document to the next while the outline reads as it did: a word typed
 * into prose changes no heading, so such a rule hands out its last findings — the same emitted
 * objects, so the same model findings (rules/run.ts) — without walking the outline (issue 27).
 */
import type { CleanLine } from '../lines/cleanLines';
import type { OutlineNode } from '../model';
import { documentMemo, type DocumentMemo } from '../text/lineCache';
import type { AnalysisContext } from './context';
import { lineChanges, type LineChanges } from './lineChanges';
import type { Emitted } from './rule';

interface Kept {
  /** The lines the findings were computed on (the next analysis's changes are measured from them). */
  lines?: readonly CleanLine[];
  /** What else they depend on: the locale, the profile. */
  locale?: string;
  profile?: object;
  emitted: Emitted[];
}

/** Where one rule keeps its findings, declared beside it (`outlineKeptMemo('heading-sequence')`). */
export interface OutlineKeptMemo {
  readonly memo: DocumentMemo<Kept>;
}

export const outlineKeptMemo = (code: string): OutlineKeptMemo => ({
  memo: documentMemo(`outlineKept|${code}`, () => ({ emitted: [] })),
});

/**
 * Runs `run` (the rule's walk, emitting through the `emit` it is given), or, with a cache, when `alike`
 * holds for the changes since the last analysis (`LineChanges.outlineAlike` or `ordinalsAlike`, and
 * whatever else the rule reads, e.g. its sections' lines) and the locale and profile are the same,
 * emits the findings the last analysis's walk emitted instead. `alike` must cover everything the
 * findings read: the sections' ends and offsets move at any keystroke in them.
 */
export function emitWhileOutlineAlike(
  ctx: AnalysisContext,
  store: OutlineKeptMemo,
  emit: (f: Emitted) => void,
  run: (emit: (f: Emitted) => void) => void,
  alike: (changes: LineChanges) => boolean,
): void {
  const kept = ctx.cache?.document(store.memo);
  if (kept === undefined) return run(emit);
  const changes = lineChanges(ctx);
  if (
    changes !== undefined &&
    kept.lines === changes.previous &&
    kept.locale === ctx.locale &&
    kept.profile === ctx.profile &&
    alike(changes)
  ) {
    for (const e of kept.emitted) emit(e);
  } else {
    // Kept only when the walk finishes: a rule that throws leaves nothing to hand out next time.
    kept.lines = undefined;
    const emitted: Emitted[] = [];
    run((e) => {
      emitted.push(e);
      emit(e);
    });
    kept.emitted = emitted;
  }
  kept.lines = ctx.lines;
  kept.locale = ctx.locale;
  kept.profile = ctx.profile;
}

/** The outline's ordinals read as they did (a heading renamed, a word typed into prose): for rules that read ordinals only. */
export const ordinalsAlike = (changes: LineChanges): boolean => changes.ordinalsAlike();

/**
 * Whether none of the sections of `heads` (root headings) has a changed line: each section read
 * from its heading's line up to the next root's (the last one to the end of the text, where the
 * body's end may have moved).
 */
export function sectionsAlike(ctx: AnalysisContext, changes: LineChanges, heads: readonly OutlineNode[]): boolean {
  const roots = ctx.outline;
  for (const head of heads) {
    const k = roots.indexOf(head);
    const end = k >= 0 && k + 1 < roots.length ? roots[k + 1].line : ctx.lines.length;
    if (anyWithin(changes.dirty, head.line, end)) return false;
  }
  return true;
}

/** Whether the ascending `sorted` holds a number in [from, to). */
function anyWithin(sorted: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to;
}
