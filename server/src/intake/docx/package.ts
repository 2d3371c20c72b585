/**
 * The parts of a .docx package: unzipped with fflate, the main document found through the package
 * relationships (not assumed to be word/document.xml), and its numbering and styles parts through
 * the document's own relationships.
 */
import { strFromU8, unzipSync } from 'fflate';
import { elementChildren, parseXml } from './xml';
import type { Element } from '@xmldom/xmldom';

export interface DocxParts {
  readonly document: Element;
  readonly numbering?: Element;
  readonly styles?: Element;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_NUMBERING = /\/numbering$/;
const REL_STYLES = /\/styles$/;

function relationships(files: Record<string, Uint8Array>, path: string): { type: string; target: string }[] {
  const bytes = files[path];
  if (!bytes) return [];
  return elementChildren(parseXml(strFromU8(bytes))).map((r) => ({
    type: r.getAttribute('Type') ?? '',
    target: r.getAttribute('Target') ?? '',
  }));
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

export function readDocxParts(bytes: Uint8Array): DocxParts {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    // Only the XML parts are needed; images and fonts stay compressed.
    files = unzipSync(bytes, {
      filter: (f) => (f.name.endsWith('.xml') || f.name.endsWith('.rels')) && (unpacked += f.originalSize) <= MAX_UNPACKED_XML,
    });
  } catch (e) {
    throw new NotDocxError(`not a zip package: ${(e as Error).message}`);
  }
  if (unpacked > MAX_UNPACKED_XML)
    throw new NotDocxError(
      `解压后的 XML 超过 ${MAX_UNPACKED_XML >> 20} MB，未读取 (its XML unpacks to more than ${MAX_UNPACKED_XML >> 20} MB; not read)`,
    );
  const main = relationships(files, '_rels/.rels').find((r) => REL_OFFICE_DOCUMENT.test(r.type));
  const documentPath = main ? resolveTarget('', main.target) : 'word/document.xml';
  if (!files[documentPath]) throw new NotDocxError('no main document part (word/document.xml)');
  const docRels = relationships(files, relationshipsPath(documentPath));
  const part = (re: RegExp) => {
    const rel = docRels.find((r) => re.test(r.type));
    const path = rel ? resolveTarget(documentPath, rel.target) : undefined;
    return path && files[path] ? parseXml(strFromU8(files[path])) : undefined;
  };
  return { document: parseXml(strFromU8(files[documentPath])), numbering: part(REL_NUMBERING), styles: part(REL_STYLES) };
}
