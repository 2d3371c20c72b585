/**
 * A .docx as report text (DOMAIN.md §7: Word files): the body's paragraphs with Word's automatic
 * numbering written out, tables as `|` rows. Bytes in, plain text out; no LSP, no file system.
 */
import { BodyReader } from './body';
import { readDocxParts } from './package';

export { NotDocxError } from './package';

export function docxToText(bytes: Uint8Array): string {
  const parts = readDocxParts(bytes);
  return tidyLines(new BodyReader(parts).read(parts.document).join('\n'));
}

/** One paragraph a line: trailing spaces cut, runs of empty lines kept as one, none at either end. */
export function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000\u00a0]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
