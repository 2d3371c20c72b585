/**
 * The size guard: a text far larger than any report (the longest real ones are ~50,000
 * characters) is not analysed. The model says so in one finding instead of making the editor
 * wait seconds on every keystroke for a pasted log or a binary file.
 */
import { t } from './messages';
import type { ReportModel } from './model';

/**
 * Default hard limit in UTF-16 units: 5,000,000 characters ≈ 15 MB of Chinese text, 100× the
 * longest report. Below it, `maxDocumentSize` (a setting, 2,000,000 by default) only skips the
 * costly rules; above it nothing is analysed.
 */
export const MAX_TEXT_LENGTH = 5_000_000;

export const TOO_LARGE = 'too-large';

/** The model of a text that was not analysed (`empty`, with the text's line count): no structure, one `too-large` finding on the first line. */
export function declinedModel(text: string, limit: number, empty: ReportModel): ReportModel {
  const locale = empty.locale;
  let lineCount = 1;
  let firstEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (firstEnd < 0) firstEnd = i;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    lineCount++;
  }
  if (firstEnd < 0) firstEnd = text.length;
  return {
    ...empty,
    lineCount,
    findings: [
      {
        code: TOO_LARGE,
        severity: 'warning',
        message: t(locale, TOO_LARGE, { length: text.length, limit }),
        // At most the first 200 characters of the first line: enough to see, cheap to draw.
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(firstEnd, 200) } },
        data: { length: text.length, limit },
      },
    ],
  };
}
