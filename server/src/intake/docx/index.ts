/**
 * A .docx as report text (DOMAIN.md §7: Word files): the body's paragraphs with Word's automatic
 * numbering written out, tables as `|` rows, embedded chunks (w:altChunk: HTML, text, another .docx)
 * read where they stand; the frame (text boxes, page headers and footers) and the comments apart.
 * Bytes in, plain text out; no LSP, no file system.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { BodyReader } from './body';
import { readComments, type DocxComment } from './comments';
import { readDocxParts } from './package';
import { tidyLines } from '../lines';
import { SourceError, SourceNote } from '../messages';
import { decodeHtml } from '../html/decode';
import { fragmentText } from '../html';

export { NotDocxError } from './package';
export type { DocxComment } from './comments';

export interface DocxText {
  readonly text: string;
  /** Text boxes (a 红头 drawn in them), page headers and footers: one paragraph a line. */
  readonly frame: readonly string[];
  readonly comments: readonly DocxComment[];
  readonly notes: readonly SourceNote[];
}

/** A .docx inside a .docx inside …: read two levels deep, no further. */
const MAX_CHUNK_DEPTH = 2;

export function readDocx(bytes: Uint8Array, name = 'file.docx', depth = 0): DocxText {
  const parts = readDocxParts(bytes);
  const notes: SourceNote[] = [];
  const chunk = (id: string): readonly string[] => {
    const found = parts.chunk(id);
    if (!found) return [];
    const ext = found.path.slice(found.path.lastIndexOf('.') + 1).toLowerCase();
    const refuse = (kind: string) => new SourceError('altChunk', { file: name, kind });
    if (ext === 'htm' || ext === 'html' || ext === 'xhtml') {
      const decoded = decodeHtml(found.bytes, name);
      notes.push(...decoded.notes);
      return fragmentText(decoded.html).split('\n');
    }
    if (ext === 'txt') {
      const buffer = Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength);
      return (isUtf8(buffer) ? buffer.toString('utf8') : iconv.decode(buffer, 'gb18030')).replace(/^\ufeff/, '').split(/\r?\n/);
    }
    if ((ext === 'docx' || ext === 'docm') && depth < MAX_CHUNK_DEPTH) {
      const inner = readDocx(found.bytes, name, depth + 1);
      notes.push(...inner.notes);
      return inner.text.split('\n');
    }
    throw refuse(ext === 'mht' || ext === 'mhtml' ? 'MHT' : ext.toUpperCase());
  };
  const reader = new BodyReader(parts, chunk);
  const text = tidyLines(reader.read(parts.document).join('\n'));
  for (const frame of parts.frames) reader.readFrame(frame);
  if (reader.hiddenChars > 0)
    notes.push(new SourceNote('hiddenText', { file: name, chars: String(reader.hiddenChars), sample: reader.hiddenSample }));
  if (parts.undecodable) notes.push(new SourceNote('undecodable', { file: name, count: String(parts.undecodable), encoding: 'XML' }));
  const frame = reader.frame.map((l) => l.trim()).filter(Boolean);
  return { text, frame, comments: readComments(parts.comments, reader.anchors), notes };
}

export function docxToText(bytes: Uint8Array): string {
  return readDocx(bytes).text;
}
