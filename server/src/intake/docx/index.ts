/**
 * A .docx as report text (DOMAIN.md §7: Word files): the body's paragraphs with Word's automatic
 * numbering written out, tables as `|` rows. Bytes in, plain text out; no LSP, no file system.
 */
import { BodyReader } from './body';
import { readDocxParts } from './package';
import { tidyLines } from '../lines';

export { NotDocxError } from './package';

export function docxToText(bytes: Uint8Array): string {
  const parts = readDocxParts(bytes);
  return tidyLines(new BodyReader(parts).read(parts.document).join('\n'));
}
