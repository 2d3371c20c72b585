/**
 * The parts of a .docx package: unzipped with fflate, the main document found through the package
 * relationships (not assumed to be word/document.xml), and its numbering, styles, comments, headers
 * and footers parts and embedded chunks (w:altChunk) through the document's own relationships. XML
 * parts are decoded as they declare (UTF-8, UTF-16, or a legacy encoding such as GB2312); bytes that
 * are not valid in it are counted, for a note, never silently turned into other characters.
 */
import { isUtf8 } from 'node:buffer';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { elementChildren, parseXml } from './xml';
import type { Element } from '@xmldom/xmldom';

export interface DocxParts {
  readonly document: Element;
  readonly numbering?: Element;
  readonly styles?: Element;
  readonly comments?: Element;
  /** Page headers and footers, in the order the document names them. */
  readonly frames: readonly Element[];
  /** An embedded chunk (w:altChunk r:id): its path and bytes, or undefined when the package lacks it. */
  chunk(id: string): { readonly path: string; readonly bytes: Uint8Array } | undefined;
  /** Byte sequences of XML parts that were not valid in their encoding (shown as U+FFFD). */
  readonly undecodable: number;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_NUMBERING = /\/numbering$/;
const REL_STYLES = /\/styles$/;
const REL_COMMENTS = /\/comments$/;
const REL_FRAME = /\/(header|footer)$/;
/** Embedded content (HTML, text, RTF, MHT, another .docx): read where w:altChunk stands. */
const CHUNK_FILE = /\.(html?|xhtml|mht|mhtml|txt|rtf|docx|docm|xml)$/i;

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Where a part's relationships live: word/document.xml → word/_rels/document.xml.rels. */
function relationshipsPath(part: string): string {
  const folder = part.lastIndexOf('/') + 1;
  return `${part.slice(0, folder)}_rels/${part.slice(folder)}.rels`;
}

export class NotDocxError extends Error {}

/**
 * How much XML a .docx may unpack to, all parts together (by the sizes its zip directory declares,
 * which are what the unzipping allocates). A long report's document.xml is a few MB; the XML parser
 * takes ~80 bytes a character, so a small zip bomb of XML would otherwise take gigabytes.
 */
export const MAX_UNPACKED_XML = 32 * 1024 * 1024;

const XML_ENCODING = /^<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/;

export function readDocxParts(bytes: Uint8Array): DocxParts {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    // Only the XML parts (and embedded chunks) are needed; images and fonts stay compressed.
    files = unzipSync(bytes, {
      filter: (f) =>
        (f.name.endsWith('.xml') || f.name.endsWith('.rels') || CHUNK_FILE.test(f.name)) &&
        (unpacked += f.originalSize) <= MAX_UNPACKED_XML,
    });
  } catch (e) {
    throw new NotDocxError(`not a zip package: ${(e as Error).message}`);
  }
  if (unpacked > MAX_UNPACKED_XML)
    throw new NotDocxError(
      `解压后的 XML 超过 ${MAX_UNPACKED_XML >> 20} MB，未读取 (its XML unpacks to more than ${MAX_UNPACKED_XML >> 20} MB; not read)`,
    );
  let undecodable = 0;
  const xml = (path: string) => {
    const { text, bad } = decodeXml(files[path]);
    undecodable += bad;
    return parseXml(text);
  };
  const relationships = (path: string): Relationship[] =>
    files[path]
      ? elementChildren(xml(path)).map((r) => ({
          id: r.getAttribute('Id') ?? '',
          type: r.getAttribute('Type') ?? '',
          target: r.getAttribute('Target') ?? '',
        }))
      : [];
  const main = relationships('_rels/.rels').find((r) => REL_OFFICE_DOCUMENT.test(r.type));
  const documentPath = main ? resolveTarget('', main.target) : 'word/document.xml';
  if (!files[documentPath]) throw new NotDocxError('no main document part (word/document.xml)');
  const docRels = relationships(relationshipsPath(documentPath));
  const pathOf = (rel: Relationship | undefined) => (rel ? resolveTarget(documentPath, rel.target) : undefined);
  const part = (re: RegExp) => {
    const path = pathOf(docRels.find((r) => re.test(r.type)));
    return path && files[path] ? xml(path) : undefined;
  };
  const document = xml(documentPath);
  const frames = docRels
    .filter((r) => REL_FRAME.test(r.type))
    .map(pathOf)
    .filter((p): p is string => !!p && !!files[p])
    .map(xml);
  return {
    document,
    numbering: part(REL_NUMBERING),
    styles: part(REL_STYLES),
    comments: part(REL_COMMENTS),
    frames,
    chunk(id) {
      const path = pathOf(docRels.find((r) => r.id === id));
      return path && files[path] ? { path, bytes: files[path] } : undefined;
    },
    get undecodable() {
      return undecodable;
    },
  };
}

/** An XML part's text: its BOM, else its declared encoding, else UTF-8; `bad` counts what was not valid. */
function decodeXml(bytes: Uint8Array): { text: string; bad: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  if (buffer[0] === 0xff && buffer[1] === 0xfe) text = iconv.decode(buffer, 'utf-16le');
  else if (buffer[0] === 0xfe && buffer[1] === 0xff) text = iconv.decode(buffer, 'utf-16be');
  else {
    const declared = XML_ENCODING.exec(buffer.subarray(0, 200).toString('latin1'))?.[1].toLowerCase();
    if (declared && !/^utf-?8$/.test(declared) && iconv.encodingExists(declared)) {
      const encoding = /^(gb2312|gbk|gb_2312-80|x-gbk|gb18030)$/.test(declared) ? 'gb18030' : declared;
      // The declaration replaced: the parser must not decode it again.
      text = iconv.decode(buffer, encoding).replace(XML_ENCODING, (m) => m.replace(/encoding\s*=\s*["'][^"']*["']/, ''));
    } else if (isUtf8(buffer)) return { text: buffer.toString('utf8').replace(/^\ufeff/, ''), bad: 0 };
    else text = buffer.toString('utf8');
  }
  let bad = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) bad++;
  return { text: text.replace(/^\ufeff/, ''), bad };
}
