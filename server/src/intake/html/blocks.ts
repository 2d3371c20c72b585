/**
 * HTML elements as report lines: block elements end a line, `<br>` breaks one, table rows become
 * `| a | b |`, list items get their ordinals written out (Word's mso-list paragraphs carry theirs as
 * text already; `<ol>` items are numbered by their list style: 一、 for Chinese styles, 1. otherwise),
 * and what is never report text — scripts, styles, forms, navigation, hidden elements — is skipped.
 */
import type { AnyNode, Element } from 'domhandler';

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'nav',
  'form',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'iframe',
  'svg',
  'canvas',
  'object',
  'embed',
  'video',
  'audio',
  'map',
  'img',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'center',
  'hr',
  'address',
  'figure',
  'figcaption',
  'body',
  'html',
  'caption',
  'fieldset',
  'legend',
]);
const HIDDEN_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);

export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** Not report text, whatever it contains. */
export function isSkipped(el: Element): boolean {
  if (SKIPPED.has(el.name)) return true;
  if (el.attribs.hidden !== undefined || el.attribs['aria-hidden'] === 'true') return true;
  if (HIDDEN_ROLES.has(el.attribs.role ?? '')) return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attribs.style ?? '');
}

const CJK_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chinese(n: number): string {
  if (n < 10) return CJK_NUMERALS[n];
  if (n < 100) return (n >= 20 ? CJK_NUMERALS[Math.floor(n / 10)] : '') + '十' + CJK_NUMERALS[n % 10];
  return String(n);
}

/** The ordinal an `<ol>` item shows, from the list's type or list-style-type. */
function listOrdinal(list: Element, n: number): string {
  const style = `${list.attribs.style ?? ''} ${list.attribs.type ?? ''}`.toLowerCase();
  if (/cjk-ideographic|simp-chinese|trad-chinese|cjk-decimal|chinese/.test(style)) return chinese(n) + '、';
  if (/lower-alpha|lower-latin|\ba\b/.test(style) && list.attribs.type === 'a') return String.fromCharCode(96 + n) + '.';
  if (/upper-alpha|upper-latin/.test(style) || list.attribs.type === 'A') return String.fromCharCode(64 + n) + '.';
  return `${n}.`;
}

/** Collects lines from a subtree. */
export class LineWriter {
  readonly lines: string[] = [];
  private current = '';

  write(node: AnyNode): void {
    if (node.type === 'text') {
      this.current += (node as unknown as { data: string }).data;
      return;
    }
    if (!isElement(node) || isSkipped(node)) return;
    const name = node.name;
    if (name === 'br') return this.flush();
    if (name === 'tr') return this.row(node);
    if (name === 'ol' || name === 'ul') return this.list(node);
    const block = BLOCK.has(name);
    if (block) this.flush();
    for (const c of node.children) this.write(c);
    if (block) this.flush();
  }

  private list(list: Element): void {
    this.flush();
    let n = Number.parseInt(list.attribs.start ?? '1', 10) || 1;
    for (const item of list.children) {
      if (!isElement(item) || isSkipped(item)) continue;
      if (item.name !== 'li') {
        this.write(item);
        continue;
      }
      if (item.attribs.value && Number.isFinite(Number(item.attribs.value))) n = Number(item.attribs.value);
      if (list.name === 'ol') this.current += listOrdinal(list, n);
      n++;
      for (const c of item.children) this.write(c);
      this.flush();
    }
  }

  /**
   * A data row (every cell one short line) is `| a | b |`; a layout row (a cell holding paragraphs,
   * as old portals lay their pages out with tables) gives its cells' lines in order.
   */
  private row(tr: Element): void {
    this.flush();
    const cells: string[][] = [];
    for (const cell of tr.children) {
      if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th') || isSkipped(cell)) continue;
      const inner = new LineWriter();
      for (const c of cell.children) inner.write(c);
      inner.flush();
      cells.push(inner.lines);
    }
    const data = cells.length > 1 && cells.every((c) => c.length <= 1 && (c[0] ?? '').length <= 60);
    if (data) {
      if (cells.some((c) => c.length)) this.lines.push(`| ${cells.map((c) => c[0] ?? '').join(' | ')} |`);
    } else for (const c of cells) this.lines.push(...c);
  }

  flush(): void {
    const line = tidy(this.current);
    this.current = '';
    if (line) this.lines.push(line);
  }
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const ORDINAL_GAP = /^((?:[一二三四五六七八九十]+|\d+)[、.．]|[（(](?:[一二三四五六七八九十]+|\d+)[)）])[\s\u00a0\u3000]+/;

/**
 * One line of text: HTML whitespace collapsed (a line break between two Chinese characters in the
 * source is no space at all), indentation (&nbsp;, full-width spaces) trimmed, the spacer Word puts
 * after a list ordinal removed.
 */
export function tidy(raw: string): string {
  let s = raw.replace(/[\t\n\r\f ]+/g, (ws, at: number, all: string) =>
    /\n/.test(ws) && CJK.test(all[at - 1] ?? '') && CJK.test(all[at + ws.length] ?? '') ? '' : ' ',
  );
  s = s.trim().replace(/\u00a0/g, ' '); // \s takes in U+00A0 and U+3000
  return s.replace(ORDINAL_GAP, '$1');
}
