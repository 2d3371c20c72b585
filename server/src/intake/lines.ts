/** The report text every reader hands back: one paragraph a line. */

/** Index just past the last character of `line` that is not a space, tab, ideographic space or NBSP. */
function contentEnd(line: string): number {
  let i = line.length;
  while (i > 0) {
    const c = line.charCodeAt(i - 1);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000 && c !== 0xa0) break;
    i--;
  }
  return i;
}

/**
 * Trailing spaces cut, runs of empty lines kept as one, none at either end. The trailing spaces are
 * cut by a scan from the end: a `[ \t\u3000\u00a0]+$` pattern retried at each space of a long run
 * inside a line, which made a paragraph of 200,000 spaces between two words take minutes.
 */
export function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.slice(0, contentEnd(l)))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
