/**
 * The second stage of an analysis: the report's structure — its outline of headings and items, where
 * the body ends (attachments after the 落款 are not the structure), hard wraps, lines that lost their
 * breaks, and part headings that lost their ordinals.
 */
import { withoutInlineDebris, type CleanLine } from '../lines/cleanLines';
import { findHardWrap, type HardWrap } from '../lines/hardWrap';
import { debrisSpan } from '../lines/removal';
import type { RunOnLine } from '../lines/runOn';
import { trimEndIndex } from '../text/lineIndex';
import { attachmentsStart } from './header';
import { findLostOrdinals } from './lostOrdinals';
import { buildOutline, type OutlineDraft, type OutlineSplice } from './outline';
import { documentMemo, type AnalysisCache } from '../text/lineCache';
import type { TextIndex } from '../text/lineIndex';
import { builtinProfiles, profileForTitle, type Profile } from './profile';

export interface Structure {
  /** The lines, with the chrome found inside run-on lines added to their debris. */
  readonly lines: CleanLine[];
  readonly draft: OutlineDraft;
  /** The first line after the body: the attachments' first line, or the line count. */
  readonly bodyLines: number;
  readonly wrap: HardWrap | undefined;
}

/** The outline of the document's last analysis, for the next one to splice (outline.ts). */
const LAST_OUTLINE = documentMemo<{ draft?: OutlineDraft; index?: TextIndex; textLength: number; lost: boolean }>('outline', () => ({
  textLength: 0,
  lost: false,
}));

/**
 * `requested`: the profile the caller asked for, if any (it names the parts a heading without its ordinal may be).
 * With the document's cache, the outline is spliced into the last analysis's (`index`: this analysis's line index).
 */
export function readStructure(
  text: string,
  lines: CleanLine[],
  requested: Profile | undefined,
  cache: AnalysisCache | undefined,
  index: TextIndex,
): Structure {
  let bodyLines = attachmentsStart(lines, cache, index);
  // PDF text broken at the line width: lines that fill it go on on the next (lines/hardWrap.ts).
  const wrap = findHardWrap(lines, cache, index) ?? undefined;
  const last = cache?.document(LAST_OUTLINE);
  // Only against the analysis the line index was updated from (cache.index), whose outline was frozen,
  // and not against an outline read with lost ordinals: its roots are headings only that reading makes
  // (a build without it that kept them would find level-1 headings and never read the ordinals lost).
  const splice: OutlineSplice | undefined =
    cache && last?.draft && !last.lost && last.index !== undefined && last.index === cache.index
      ? { last: last.draft, textLength: last.textLength, ...cache.shift }
      : undefined;
  const outlineOf = (toLine: number, lost?: ReadonlyMap<number, number>) =>
    buildOutline({
      text,
      index,
      lines,
      fromLine: 0,
      toLine,
      bodyEnd: toLine < lines.length ? index.lineStart(lines[toLine].line.index) : text.length,
      clean: withoutInlineDebris,
      lost,
      wrap,
      splice,
    });
  let draft = outlineOf(bodyLines);
  // An 附件 line with no heading before it: no attachments, the whole text is the body.
  if (draft.firstHeadingLine < 0 && bodyLines < lines.length) {
    bodyLines = lines.length;
    draft = outlineOf(bodyLines);
  }
  // Word's numbering lost: no level-1 heading, but lines that read as the standard part titles.
  let lostRead = false;
  if (!draft.roots.some((r) => r.token.rank === 1)) {
    const lost = lostOrdinalsOf(lines, bodyLines, requested);
    if (lost.size) {
      draft = outlineOf(bodyLines, lost);
      lostRead = true;
    }
  }
  if (last) {
    last.lost = lostRead;
    last.draft = draft;
    last.index = index;
    last.textLength = text.length;
  }
  // Page chrome run into the header of a flattened page is debris like a chrome line.
  return { lines: withRunOnChrome(lines, draft.runOn), draft, bodyLines, wrap };
}

/**
 * Part headings without their ordinals, read against the requested profile, else the one the
 * first lines' title names, else each built-in profile in turn.
 */
function lostOrdinalsOf(lines: readonly CleanLine[], end: number, requested: Profile | undefined): Map<number, number> {
  if (requested) return findLostOrdinals(lines, 0, end, requested);
  const top = lines
    .slice(0, 12)
    .filter((c) => !c.isDebris)
    .map((c) => c.line.text.slice(c.contentStart, c.contentEnd));
  const byTitle = top.map((t) => profileForTitle(t)).find((p) => p);
  for (const p of byTitle ? [byTitle, ...builtinProfiles.filter((q) => q !== byTitle)] : builtinProfiles) {
    const lost = findLostOrdinals(lines, 0, end, p);
    if (lost.size) return lost;
  }
  return new Map();
}

/** Lines with the chrome found inside run-on lines added to their debris (inline spans). */
function withRunOnChrome(lines: CleanLine[], runOn: ReadonlyMap<number, RunOnLine>): CleanLine[] {
  let out = lines;
  for (const [i, ro] of runOn) {
    if (ro.chrome.length === 0) continue;
    if (out === lines) out = [...lines];
    const cl = out[i];
    // Each stretch through the one door (lines/removal.ts): the guard judges its words.
    const spans = ro.chrome.flatMap(([start, end]) => debrisSpan(cl.line.text, 'web', start, trimEndIndex(cl.line.text, end), false) ?? []);
    out[i] = { ...cl, debris: [...cl.debris, ...spans].sort((a, b) => a.start - b.start) };
  }
  return out;
}
