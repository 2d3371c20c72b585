/**
 * Part headings that lost their ordinals (DOMAIN.md §7: Word's automatic numbering is not in the
 * copied text, so 一、主要举措和成效 arrives as 主要举措和成效). When a body has no level-1 heading
 * at all, a short line of its own that reads as a standard part title of the profile is taken as
 * a level-1 heading with the ordinal it lost (the heading-style rule offers to write it).
 */
import type { CleanLine } from '../lines/cleanLines';
import { headingShapeOf } from '../lines/headingShapes';
import type { Profile } from './profile';
import { classifyHeading } from './parts';

const MAX_TITLE = 60;
/** Not a heading: ends like a sentence or a clause, or is the report's title. */
const NOT_TITLE_END = /[。；;，,：:！？!?、]$|报告$|总结$/;
/** The lead (…报告如下：) or a paragraph: what stands before the first part. */
const PARAGRAPH_END = /[。：:]$/;
const MIN_PARAGRAPH = 10;
const ITEM_START = /^[一二三四五六七八九十]{1,3}是/;

/**
 * Lines (by number) that are part headings without their ordinal, with the value each lost
 * (1, 2, 3 … in order). Empty unless at least two distinct parts are found that way.
 */
export function findLostOrdinals(lines: readonly CleanLine[], from: number, to: number, profile: Profile): Map<number, number> {
  const found = new Map<number, number>();
  const parts = new Set<string>();
  let afterParagraph = false;
  for (let i = from; i < to; i++) {
    const cl = lines[i];
    if (cl.isDebris || cl.contentStart >= cl.contentEnd) continue;
    const content = cl.line.text.slice(cl.contentStart, cl.contentEnd);
    if (
      afterParagraph &&
      content.length >= 4 &&
      content.length <= MAX_TITLE &&
      !NOT_TITLE_END.test(content) &&
      !ITEM_START.test(content) &&
      !headingShapeOf(cl)
    ) {
      const ids = classifyHeading(profile, content, null);
      if (ids.length > 0) {
        found.set(i, found.size + 1);
        ids.forEach((id) => parts.add(id));
        continue;
      }
    }
    if (content.length >= MIN_PARAGRAPH && PARAGRAPH_END.test(content)) afterParagraph = true;
  }
  return parts.size >= 2 ? found : new Map();
}
