/**
 * Paragraph styles (styles.xml) as far as numbering needs them: a heading style often carries the
 * numbering (w:numPr) that its paragraphs show, directly or through the style it is based on.
 */
import type { Element } from '@xmldom/xmldom';
import { intAttr, wAttr, wChild, wChildren, wVal } from './xml';

interface StyleNumbering {
  readonly numId?: string;
  readonly ilvl?: number;
  readonly basedOn?: string;
}

export class Styles {
  private readonly styles = new Map<string, StyleNumbering>();

  constructor(styles: Element | undefined) {
    if (!styles) return;
    for (const s of wChildren(styles, 'style')) {
      const numPr = wChild(wChild(s, 'pPr'), 'numPr');
      this.styles.set(wAttr(s, 'styleId') ?? '', {
        numId: wVal(numPr, 'numId'),
        ilvl: intAttr(wVal(numPr, 'ilvl')),
        basedOn: wVal(s, 'basedOn'),
      });
    }
  }

  /** The numbering a style gives its paragraphs (its own or inherited), with the style that set it. */
  numbering(styleId: string | undefined): { numId: string; ilvl?: number; styleId: string } | undefined {
    const seen = new Set<string>();
    for (let id = styleId; id && !seen.has(id); id = this.styles.get(id)?.basedOn) {
      seen.add(id);
      const s = this.styles.get(id);
      if (s?.numId !== undefined) return { numId: s.numId, ilvl: s.ilvl, styleId: id };
    }
    return undefined;
  }
}
