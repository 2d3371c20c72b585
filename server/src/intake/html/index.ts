/**
 * A web page as report text (DOMAIN.md §7: web pages). Parsed with htmlparser2; the article is the
 * block with the most paragraph text (text density, links discounted), not the navigation, headers
 * and footers around it; its title is taken from the page's heading or <title> when the article does
 * not start with it. Pasted HTML (a browser selection, Word's clipboard) is converted whole.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { tidyLines } from '../lines';
import { isElement, isSkipped, LineWriter, tidy } from './blocks';
import { decodeHtml } from './decode';

export function htmlToText(bytes: Uint8Array): string {
  return articleText(decodeHtml(bytes));
}

/** A page's article: the densest block of paragraphs, with the page's title in front. */
export function articleText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const root = mainBlock(doc) ?? doc;
  const lines = linesOf(root);
  const title = pageTitle(doc, root);
  if (title && !lines.slice(0, 3).some((l) => l.includes(title) || title.includes(l))) lines.unshift(title);
  return tidyLines(lines.join('\n'));
}

/** Pasted HTML as report text: everything but scripts, styles and navigation. */
export function fragmentText(html: string): string {
  return tidyLines(linesOf(parseDocument(html, { decodeEntities: true })).join('\n'));
}

function linesOf(root: AnyNode): string[] {
  const w = new LineWriter();
  w.write(root);
  if (root.type === 'root') for (const c of (root as Document).children) w.write(c);
  w.flush();
  return w.lines;
}

/** Chrome-bearing elements the density search never picks inside (their text is not the article's). */
const CHROME = new Set(['header', 'footer', 'aside', 'nav']);
const CHROME_NAME =
  /(^|[\s_-])(nav|menu|header|footer|foot|top|bottom|breadcrumb|crumb|share|sidebar|side|links?|copyright|banner)([\s_-]|$)/i;

function textLength(node: AnyNode): { text: number; links: number } {
  let text = 0;
  let links = 0;
  const walk = (n: AnyNode, inLink: boolean) => {
    if (n.type === 'text') {
      const len = (n as unknown as { data: string }).data.replace(/\s+/g, '').length;
      text += len;
      if (inLink) links += len;
    } else if (isElement(n) && !isSkipped(n)) for (const c of n.children) walk(c, inLink || n.name === 'a');
  };
  walk(node, false);
  return { text, links };
}

/**
 * The element holding the article: each paragraph-like block (a <p>, or an element with text of its
 * own) scores its text length — Chinese punctuation counting extra, links discounted — to its parent,
 * and half to the grandparent; the best-scored element wins (Readability's idea, simplified).
 */
function mainBlock(doc: Document): Element | undefined {
  const scores = new Map<Element, number>();
  const visit = (el: Element, inChrome: boolean) => {
    const chrome = inChrome || CHROME.has(el.name) || CHROME_NAME.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);
    let ownText = '';
    for (const c of el.children) {
      if (c.type === 'text') ownText += (c as unknown as { data: string }).data;
      else if (isElement(c) && !isSkipped(c)) visit(c, chrome);
    }
    const paragraph = el.name === 'p' || el.name === 'td' || ownText.replace(/\s+/g, '').length >= 20;
    if (!paragraph || chrome) return;
    const { text, links } = textLength(el);
    if (text < 10 || links > text / 2) return;
    const punctuation = (ownText.match(/[，。；：、]/g) ?? []).length;
    const score = text - links + punctuation * 10;
    const parent = el.parent && isElement(el.parent as AnyNode) ? (el.parent as Element) : undefined;
    const grand = parent?.parent && isElement(parent.parent as AnyNode) ? (parent.parent as Element) : undefined;
    if (el.name !== 'p' && el.name !== 'td') scores.set(el, (scores.get(el) ?? 0) + score);
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  };
  for (const c of doc.children) if (isElement(c) && !isSkipped(c)) visit(c, false);
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) if (score > bestScore) ((best = el), (bestScore = score));
  return best;
}

/** The page's own title: an <h1>–<h3> (or a .title block) outside the article, else <title> without the site's name. */
function pageTitle(doc: Document, article: AnyNode): string | undefined {
  const looksLikeTitle = (t: string) => t.length >= 6 && t.length <= 80 && /报告|总结|情况/.test(t);
  let found: string | undefined;
  const walk = (n: AnyNode) => {
    if (found || n === article || !isElement(n) || isSkipped(n) || CHROME.has(n.name)) return;
    if (/^h[1-3]$/.test(n.name) || /(^|\s)(title|biaoti|article-title)(\s|$)/i.test(n.attribs.class ?? '')) {
      const t = tidy(textOf(n));
      if (looksLikeTitle(t)) found = t;
    }
    for (const c of n.children) walk(c);
  };
  for (const c of doc.children) walk(c);
  const titleElement = findTitle(doc.children);
  const titleTag = titleElement ? tidy(textOf(titleElement)) : undefined;
  if (found) return found;
  const parts = (titleTag ?? '').split(/(?<!\s)\s*[_|｜]\s*|(?<!\s)\s+[-—–]\s+/).filter(looksLikeTitle);
  return parts.sort((a, b) => b.length - a.length)[0];
}

function textOf(n: AnyNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  return isElement(n) ? n.children.map(textOf).join('') : '';
}

function findTitle(nodes: readonly AnyNode[]): Element | undefined {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (n.name === 'title') return n;
    const inner = findTitle(n.children);
    if (inner) return inner;
  }
  return undefined;
}
