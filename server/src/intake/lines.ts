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

/**
 * The most text a file may read as: the core's own ceiling (MAX_TEXT_LENGTH, 5,000,000 characters).
 * Past it a file is not a report, and an answer that large (a 2 KB .docx once read as 385 million
 * characters) must never be built or sent: readers stop as soon as they pass it.
 */
export const MAX_SOURCE_CHARS = 5_000_000;

/** Thrown by a reader that passed MAX_SOURCE_CHARS; `chars` is how far it got. */
export class TooMuchText extends Error {
  constructor(readonly chars: number) {
    super(`more than ${MAX_SOURCE_CHARS} characters`);
  }
}
