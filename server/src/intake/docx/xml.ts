/**
 * Thin helpers over @xmldom/xmldom for WordprocessingML: parse a part, walk element children, read
 * `w:val`-style attributes. Elements are matched by local name within the WordprocessingML
 * namespaces (transitional and strict), so documents with unusual prefixes read the same.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
/** The relationship namespace of r:id (transitional and strict). */
const R_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);
const ELEMENT_NODE = 1;

export function parseXml(xml: string): Element {
  // Recoverable warnings (e.g. an unknown entity) are not worth refusing a report for; fatal ones throw.
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level === 'fatalError') throw new Error(message);
    },
  }).parseFromString(xml, 'text/xml');
  if (!doc.documentElement) throw new Error('empty XML part');
  return doc.documentElement;
}

export function isElement(n: Node): n is Element {
  return n.nodeType === ELEMENT_NODE;
}

/** A WordprocessingML element with this local name (w:p, w:r, …). */
export function isW(n: Node, localName: string | null): boolean {
  return isElement(n) && n.localName === localName && W_NAMESPACES.has(n.namespaceURI ?? '');
}

export function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
}

/** The first WordprocessingML child with this local name. */
export function wChild(el: Element | undefined, localName: string): Element | undefined {
  if (!el) return undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) if (isW(c, localName)) return c as Element;
  return undefined;
}

export function wChildren(el: Element, localName: string): Element[] {
  return elementChildren(el).filter((c) => isW(c, localName));
}

/** A `w:` attribute (w:val, w:ilvl, …); the strict namespace and prefix-less forms too; `r:` ones (r:id) when `relationship`. */
export function wAttr(el: Element | undefined, localName: string, relationship = false): string | undefined {
  if (!el) return undefined;
  const spaces = relationship ? R_NAMESPACES : W_NAMESPACES;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.localName === localName && ((!relationship && a.namespaceURI === null) || spaces.has(a.namespaceURI ?? ''))) return a.value;
  }
  return undefined;
}

/** `<w:x w:val="…"/>` below `el`: the value of the child's w:val. */
export function wVal(el: Element | undefined, child: string): string | undefined {
  return wAttr(wChild(el, child), 'val');
}

/** An on/off property (w:vanish, w:isLgl): present and not "false"/"0"/"off". */
export function wFlag(el: Element | undefined, child: string): boolean {
  const c = wChild(el, child);
  if (!c) return false;
  const v = wAttr(c, 'val');
  return v === undefined || !['false', '0', 'off'].includes(v);
}

export function intAttr(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}
