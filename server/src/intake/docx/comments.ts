/**
 * The comments (批注) in a .docx (comments.xml): who wrote each, when, the text it is anchored on (read
 * by the body reader between w:commentRangeStart and w:commentRangeEnd) and what it says. Never report
 * text: listed by `govreport text --comments` for a reviewer reading a file that came back.
 */
import type { Element } from '@xmldom/xmldom';
import { elementChildren, isW, wAttr } from './xml';

export interface DocxComment {
  readonly id: string;
  readonly author: string;
  /** As the file states it (ISO 8601), or '' when it does not. */
  readonly date: string;
  /** The document text the comment is anchored on ('' for a comment on a point). */
  readonly anchor: string;
  readonly text: string;
}

/** A comment's paragraphs, one a line; w:t text only (the annotation mark is not text). */
function commentText(comment: Element): string {
  const lines: string[] = [];
  for (const p of elementChildren(comment)) {
    if (!isW(p, 'p')) continue;
    let line = '';
    const walk = (el: Element) => {
      for (const c of elementChildren(el)) {
        if (isW(c, 't')) line += c.textContent ?? '';
        else if (isW(c, 'tab')) line += '\t';
        else if (!isW(c, 'delText') && !isW(c, 'del')) walk(c);
      }
    };
    walk(p);
    lines.push(line);
  }
  return lines.join('\n').trim();
}

export function readComments(comments: Element | undefined, anchors: ReadonlyMap<string, string>): DocxComment[] {
  if (!comments) return [];
  return elementChildren(comments)
    .filter((c) => isW(c, 'comment'))
    .map((c) => {
      const id = wAttr(c, 'id') ?? '';
      return {
        id,
        author: wAttr(c, 'author') ?? '',
        date: wAttr(c, 'date') ?? '',
        anchor: (anchors.get(id) ?? '').replace(/(?<!\n)\n+$/, ''),
        text: commentText(c),
      };
    });
}
