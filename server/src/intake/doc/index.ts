/**
 * Word 97–2003 (.doc, also what WPS saves as .doc, and .wps files in the same OLE format) as report
 * text, read with `word-extractor` (a maintained pure-JavaScript reader of the binary Word format; it
 * reads the bytes it is given, no file system, no network). It is imported here, when the first .doc
 * is read. The body one paragraph a line, table rows as `| a | b |`; text boxes, headers and
 * footers into the frame; comments (their text only: the binary format's author and anchor are not
 * read) listed apart. Word's automatic numbering is not in a .doc's text: the core recovers lost part
 * ordinals as it does for copied text (DOMAIN.md §7).
 */
import { tidyLines } from '../lines';
import type { DocxComment } from '../docx/comments';

export interface DocText {
  readonly text: string;
  readonly frame: readonly string[];
  readonly comments: readonly DocxComment[];
}

/** Cells end with a tab and a row with the last one: `a\tb\t` → `| a | b |`. */
function line(raw: string): string {
  // eslint-disable-next-line no-control-regex -- Word's field and object marks left over in the text
  const l = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  if (!l.includes('\t') || !l.endsWith('\t')) return l;
  return `| ${l
    .slice(0, -1)
    .split('\t')
    .map((c) => c.trim())
    .join(' | ')} |`;
}

const lines = (s: string) =>
  s
    .split(/\r\n|\r|\n/)
    .map(line)
    .map((l) => l.trim())
    .filter(Boolean);

/** Its default turns “” ‘’ — – into ASCII quotes and hyphens: the writer's characters are kept as they are. */
const KEEP = { filterUnicode: false };

export async function docToText(bytes: Uint8Array): Promise<DocText> {
  const { default: WordExtractor } = await import('word-extractor');
  const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const text = tidyLines(
    doc
      .getBody(KEEP)
      .split(/\r\n|\r|\n/)
      .map(line)
      .join('\n'),
  );
  const frame = [
    ...lines(doc.getHeaders({ includeFooters: true, ...KEEP })),
    ...lines(doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true, ...KEEP })),
  ];
  const comments = lines(doc.getAnnotations(KEEP)).map((t, i) => ({ id: String(i), author: '', date: '', anchor: '', text: t }));
  return { text, frame, comments };
}
