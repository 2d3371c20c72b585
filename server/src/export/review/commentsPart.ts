/**
 * The comments part of a .docx (word/comments.xml) with the reviewer's comments added: appended to
 * the file's own comments when it has them (their ids kept, ours above every id in use), else a new
 * part with its relationship and its content type. Text edits on the XML, as the anchors are.
 */
import { xmlSafe } from '../xmlSafe';

export interface NewComment {
  readonly id: number;
  readonly author: string;
  readonly initials: string;
  /** ISO 8601 without fractions (Word's form), or '' for none. */
  readonly date: string;
  /** One paragraph each. */
  readonly paragraphs: readonly string[];
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
export const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

/** Characters XML 1.0 forbids (replaced by U+FFFD, as the export does), and the four that must be escaped. */
export function escapeXml(s: string): string {
  return xmlSafe(s).text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function commentXml(c: NewComment, w: string): string {
  const date = c.date ? ` ${w}date="${escapeXml(c.date)}"` : '';
  const paragraphs = c.paragraphs.map(
    (p, i) =>
      `<${w}p>${i === 0 ? `<${w}r><${w}annotationRef/></${w}r>` : ''}<${w}r><${w}t xml:space="preserve">${escapeXml(p)}</${w}t></${w}r></${w}p>`,
  );
  return `<${w}comment ${w}id="${c.id}" ${w}author="${escapeXml(c.author)}"${date} ${w}initials="${escapeXml(c.initials)}">${paragraphs.join('')}</${w}comment>`;
}

/** The ids already used by w:id attributes (comments, bookmarks, revisions) in these parts. */
export function usedIds(...xmls: readonly string[]): number {
  let max = -1;
  for (const xml of xmls) for (const m of xml.matchAll(/:id="(\d{1,9})"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** The prefix the part binds to WordprocessingML (`w` when it is declared so, '' for a default namespace). */
function prefixOf(xml: string): string {
  const m = /xmlns(?::([\w.-]+))?\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main["']/.exec(xml);
  return m ? (m[1] ?? '') : 'w';
}

/** The comments part: the existing one with ours appended, or a new one. */
export function commentsXml(existing: string | undefined, comments: readonly NewComment[]): string {
  if (existing !== undefined) {
    const p = prefixOf(existing);
    const w = p ? `${p}:` : '';
    const added = comments.map((c) => commentXml(c, w)).join('');
    const close = existing.lastIndexOf(`</${w}comments>`);
    if (close >= 0) return existing.slice(0, close) + added + existing.slice(close);
    // <w:comments/>: empty, self-closed.
    return existing.replace(new RegExp(`<${w}comments([^>]*?)\\s*/>`), `<${w}comments$1>${added}</${w}comments>`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
    `<w:comments xmlns:w="${W_NS}">${comments.map((c) => commentXml(c, 'w:')).join('')}</w:comments>`
  );
}

/** document.xml.rels with a relationship to comments.xml added (its target relative to the document's folder). */
export function addCommentsRelationship(rels: string, target: string): string {
  const ids = new Set([...rels.matchAll(/\bId\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const rel = `<Relationship Id="rId${n}" Type="${COMMENTS_REL}" Target="${escapeXml(target)}"/>`;
  const close = rels.lastIndexOf('</Relationships>');
  return rels.slice(0, close) + rel + rels.slice(close);
}

/** [Content_Types].xml with the comments part's override added (unless it is there). */
export function addCommentsContentType(types: string, partName: string): string {
  if (types.includes(`PartName="${partName}"`)) return types;
  const close = types.lastIndexOf('</Types>');
  return types.slice(0, close) + `<Override PartName="${partName}" ContentType="${COMMENTS_TYPE}"/>` + types.slice(close);
}
