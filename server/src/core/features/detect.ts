/**
 * Does an ordinary text file look like a report? Used to offer the report language for `.txt`
 * and untitled drafts. Cheap: looks at the first lines and the numbered headings only.
 */
import { analyze } from '../analyze';
import { builtinProfiles } from '../document/profile';

const HEAD_LINES = 15;

/**
 * The detection's first, cheap stage: a report kind's title words (法治政府建设, 政府信息公开 …) stand in
 * the first lines. A folder search (`govreport check folder/`) skips a plain .txt that fails it: a
 * draft that names its kind but still lacks parts must be checked, not skipped, so it gets its
 * missing-part errors.
 */
export function hasReportTitleWords(text: string): boolean {
  const head = text
    .slice(0, 4000)
    .split(/\r\n|\r|\n/, HEAD_LINES)
    .join('\n');
  return TITLE_WORDS.some((w) => w.test(head));
}

/** The profiles' `detect.title` are patterns (政府信息公开.{0,6}年度报告), not words: read as such. */
const TITLE_WORDS = builtinProfiles.flatMap((p) => p.detect?.title ?? []).map((w) => new RegExp(w));

export function looksLikeReport(text: string): boolean {
  if (text.length === 0 || !hasReportTitleWords(text)) return false;
  const model = analyze(text.length > 200_000 ? text.slice(0, 200_000) : text);
  const partsFound = model.parts.filter((p) => p.present).length;
  return model.header.title !== undefined && model.outline.length >= 2 && partsFound >= 2;
}
