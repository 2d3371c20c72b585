/** The report text every reader hands back: one paragraph a line. */

/** Trailing spaces cut, runs of empty lines kept as one, none at either end. */
export function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|(?<!\n)\n+$/g, '');
}
