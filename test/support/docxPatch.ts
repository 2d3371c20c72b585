/**
 * Edits a real .docx (one the `docx` package wrote) at the XML level, for what that package cannot
 * write: 拼音指南 (w:ruby), embedded chunks (w:altChunk), text boxes, other encodings, hostile numbering.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface DocxPatch {
  /** Rewrites word/document.xml. */
  readonly document?: (xml: string) => string;
  /** Rewrites word/_rels/document.xml.rels. */
  readonly rels?: (xml: string) => string;
  /** Rewrites [Content_Types].xml. */
  readonly types?: (xml: string) => string;
  /** Parts added or replaced as they are. */
  readonly add?: Record<string, string | Uint8Array>;
}

export function patchDocx(docx: Uint8Array, patch: DocxPatch): Uint8Array {
  const files = unzipSync(docx);
  const edit = (path: string, f?: (xml: string) => string) => {
    if (f) files[path] = strToU8(f(strFromU8(files[path])));
  };
  edit('word/document.xml', patch.document);
  edit('word/_rels/document.xml.rels', patch.rels);
  edit('[Content_Types].xml', patch.types);
  for (const [path, content] of Object.entries(patch.add ?? {}))
    files[path] = typeof content === 'string' ? strToU8(content) : new Uint8Array(content);
  return zipSync(files);
}

/** A relationship line for word/_rels/document.xml.rels. */
export const relationship = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;

/** Adds relationships before the closing tag. */
export const withRelationships =
  (...rels: string[]) =>
  (xml: string) =>
    xml.replace('</Relationships>', rels.join('') + '</Relationships>');

/** A WordprocessingML paragraph holding `inner` (runs or other inline content). */
export const wp = (inner: string) => `<w:p>${inner}</w:p>`;
export const wr = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
