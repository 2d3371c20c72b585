/**
 * A web page as report text (DOMAIN.md §7: web pages). Parsed with htmlparser2; the article is the
 * block with the most paragraph text (text density, links discounted), not the navigation, headers
 * and footers around it; its title is taken from the page's heading or <title> when the article does
 * not start with it. Pasted HTML (a browser selection, Word's clipboard) is converted whole.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { parseHtml } from './parse';
import { tidyLines } from '../lines';
import { SourceNote } from '../messages';
import { isElement, isSkipped, LineWriter, tidy } from './blocks';
import { decodeHtml } from './decode';

export function htmlToText(bytes: Uint8Array, name = 'page.html'): { text: string; notes: SourceNote[] } {
  const decoded = decodeHtml(bytes, name);
  const article = articleText(decoded.html);
  return { text: article.text, notes: [...decoded.notes, ...article.notes] };
}

/**
 * A page's article: the densest block of paragraphs and its siblings of the same kind (a Word page's
 * WordSection1, WordSection2 … after a section break; parts in sibling <div>s), with the page's title
 * in front. Paragraphs left outside it are counted in a note, never dropped without a word.
 */
export function articleText(html: string): { text: string; notes: SourceNote[] } {
  const doc = parseHtml(html);
  const found = mainBlock(doc);
  const roots: readonly AnyNode[] = found ? found.roots : [doc];
  const lines = roots.flatMap((r) => linesOf(r));
  const title = pageTitle(doc, roots);
  if (title && !lines.slice(0, 3).some((l) => l.includes(title) || title.includes(l))) lines.unshift(title);
  const left = found ? leftOut(found.paragraphs, roots) : [];
  const notes = left.length
    ? [
        new SourceNote('htmlLeftOut', {
          chars: String(left.reduce((n, p) => n + p.chars, 0)),
          blocks: String(left.length),
          sample: left[0].sample,
        }),
      ]
    : [];
  return { text: tidyLines(lines.join('\n')), notes };
}

/** A paragraph the density search saw: its element, its own text's length without spaces, its start. */
interface Paragraph {
  readonly el: Element;
  readonly chars: number;
  readonly sample: string;
}

/** Prose paragraphs (with sentence punctuation) outside the article roots and not around them. */
function leftOut(paragraphs: readonly Paragraph[], roots: readonly AnyNode[]): Paragraph[] {
  const inside = new Set<AnyNode>(preorder(roots)); // one walk: a page of 100,000 nested <div>s stays linear
  return paragraphs.filter((p) => !inside.has(p.el));
}

/** Pasted HTML as report text: everything but scripts, styles and navigation. */
export function fragmentText(html: string): string {
  return tidyLines(linesOf(parseHtml(html)).join('\n'));
}

function linesOf(root: AnyNode): string[] {
  const w = new LineWriter();
  w.write(root);
  if (root.type === 'root') for (const c of (root as Document).children) w.write(c);
  w.flush();
  return w.lines;
}

/** Inline formatting elements, not blocks: their text is their block's own (links aside, counted as links). */
const INLINE = new Set(['span', 'b', 'strong', 'i', 'em', 'u', 'font', 'small', 'big', 'sup', 'sub', 's', 'strike', 'ins', 'mark', 'o:p']);

/** Chrome-bearing elements the density search never picks inside (their text is not the article's). */
const CHROME = new Set(['header', 'footer', 'aside', 'nav']);
const CHROME_NAME =
  /(^|[\s_-])(nav|menu|header|footer|foot|top|bottom|breadcrumb|crumb|share|sidebar|side|links?|copyright|banner)([\s_-]|$)/i;

/**
 * The element holding the article: each paragraph-like block (a <p>, or an element with text of its
 * own) scores its text length — Chinese punctuation counting extra, links discounted — to its parent,
 * and half to the grandparent; the best-scored element wins (Readability's idea, simplified).
 * One walk with its own stack, children before their parent, each element's text and link lengths
 * summed from its children's: no recursion to overflow on 100,000 nested <div>s, and no subtree
 * walked again per paragraph (nested paragraphs made that quadratic).
 */
function mainBlock(doc: Document): { roots: AnyNode[]; paragraphs: Paragraph[] } | undefined {
  const scores = new Map<Element, number>();
  const paragraphs: Paragraph[] = [];
  interface Frame {
    readonly el: Element;
    readonly chrome: boolean;
    next: number;
    ownText: string;
    /** Its text's length without white space, and how much of that is inside links. */
    text: number;
    links: number;
  }
  const stack: Frame[] = [];
  const open = (el: Element, inChrome: boolean) =>
    stack.push({
      el,
      chrome: inChrome || CHROME.has(el.name) || CHROME_NAME.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`),
      next: 0,
      ownText: '',
      text: 0,
      links: 0,
    });
  /** Scores a finished element (its frame popped) and adds its lengths to its parent's. */
  const close = (f: Frame) => {
    const el = f.el;
    const text = f.text;
    const links = el.name === 'a' ? text : f.links;
    const up = stack[stack.length - 1];
    if (up) {
      up.text += text;
      up.links += links;
      // Inline formatting is its block's text (Word writes every run as <p><span>…</span></p>): a
      // span holding a whole paragraph is no article of its own, its words count to the paragraph.
      if (INLINE.has(el.name)) {
        up.ownText += f.ownText;
        return;
      }
    }
    const paragraph = el.name === 'p' || el.name === 'td' || f.ownText.replace(/\s+/g, '').length >= 20;
    if (!paragraph || f.chrome) return;
    if (text < 10 || links > text / 2) return;
    const punctuation = (f.ownText.match(/[，。；：、]/g) ?? []).length;
    const own = f.ownText.replace(/\s+/g, '');
    if (own.length >= 10 && /[，。；]/.test(own)) paragraphs.push({ el, chars: own.length, sample: own.slice(0, 20) });
    // Chinese prose outweighs codes and dates: an 索引号 like 11500106MB1234567X/2025-00012 in a metadata
    // table once outscored a short report's paragraphs, and the whole article was left out.
    const other = f.ownText.replace(/[\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu, '').length;
    const score = text - links - Math.min(other, Math.max(0, text - links)) * 0.7 + punctuation * 10;
    const parent = el.parent && isElement(el.parent as AnyNode) ? (el.parent as Element) : undefined;
    const grand = parent?.parent && isElement(parent.parent as AnyNode) ? (parent.parent as Element) : undefined;
    if (el.name !== 'p' && el.name !== 'td') scores.set(el, (scores.get(el) ?? 0) + score);
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  };
  for (const top of doc.children) {
    if (!isElement(top) || isSkipped(top)) continue;
    open(top, false);
    while (stack.length) {
      const f = stack[stack.length - 1];
      if (f.next === f.el.children.length) {
        stack.pop();
        close(f);
        continue;
      }
      const c = f.el.children[f.next++];
      if (c.type === 'text') {
        const data = (c as unknown as { data: string }).data;
        f.ownText += data;
        f.text += data.replace(/\s+/g, '').length;
      } else if (isElement(c) && !isSkipped(c)) open(c, f.chrome);
    }
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) if (score > bestScore) ((best = el), (bestScore = score));
  return best && { roots: withSiblings(best, scores), paragraphs };
}

/** An element's kind for the sibling rule: its name and its class with numbers taken out (WordSection1 ≈ WordSection2). */
const kindOf = (el: Element) => `${el.name}|${(el.attribs.class ?? '').replace(/\d+/g, '#').trim()}`;
const isChrome = (el: Element) => CHROME.has(el.name) || CHROME_NAME.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);

/**
 * The article and its siblings of the same kind that hold paragraphs (scored), with what stands
 * between them (a section break's <br>), chrome and skipped elements aside: density chooses where the
 * article is, never which of its sections count.
 */
function withSiblings(best: Element, scores: ReadonlyMap<Element, number>): AnyNode[] {
  const parent = best.parent;
  if (!parent || !('children' in parent)) return [best];
  const siblings = parent.children as AnyNode[];
  const kind = kindOf(best);
  const same = (n: AnyNode) =>
    n === best || (isElement(n) && !isSkipped(n) && !isChrome(n) && kindOf(n) === kind && (scores.get(n) ?? 0) > 0);
  let first = siblings.indexOf(best);
  let last = first;
  for (let i = 0; i < siblings.length; i++)
    if (same(siblings[i])) {
      first = Math.min(first, i);
      last = Math.max(last, i);
    }
  return siblings.slice(first, last + 1).filter((n) => n.type === 'text' || (isElement(n) && !isSkipped(n) && !isChrome(n)));
}

/** The nodes of the trees at `roots` in document order; `enter` false leaves a node's children out. */
function* preorder(roots: readonly AnyNode[], enter: (n: AnyNode) => boolean = () => true): Generator<AnyNode> {
  const stack: AnyNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]);
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    if (isElement(n) && enter(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

/** The page's own title: an <h1>–<h3> (or a .title block) outside the article, else <title> without the site's name. */
function pageTitle(doc: Document, article: readonly AnyNode[]): string | undefined {
  const looksLikeTitle = (t: string) => t.length >= 6 && t.length <= 80 && /报告|总结|情况/.test(t);
  let found: string | undefined;
  const outside = (n: AnyNode): n is Element => !article.includes(n) && isElement(n) && !isSkipped(n) && !CHROME.has(n.name);
  for (const n of preorder(doc.children, outside)) {
    if (!outside(n)) continue;
    if (/^h[1-3]$/.test(n.name) || /(^|\s)(title|biaoti|article-title)(\s|$)/i.test(n.attribs.class ?? '')) {
      const t = tidy(textOf(n));
      if (looksLikeTitle(t)) {
        found = t;
        break;
      }
    }
  }
  const titleElement = findTitle(doc.children);
  const titleTag = titleElement ? tidy(textOf(titleElement)) : undefined;
  if (found) return found;
  const parts = (titleTag ?? '').split(/(?<!\s)\s*[_|｜]\s*|(?<!\s)\s+[-—–]\s+/).filter(looksLikeTitle);
  return parts.sort((a, b) => b.length - a.length)[0];
}

function textOf(n: AnyNode): string {
  let out = '';
  for (const d of preorder([n])) if (d.type === 'text') out += (d as unknown as { data: string }).data;
  return out;
}

function findTitle(nodes: readonly AnyNode[]): Element | undefined {
  for (const n of preorder(nodes)) if (isElement(n) && n.name === 'title') return n;
  return undefined;
}
