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
  // A tracked deletion (Word's clipboard and Save as Web Page write <del>; the text is gone from the
  // document the writer sees: 全年办理<del>10</del><ins>12</ins>件 reads 全年办理12件).
  'del',
]);
/**
 * Word's own markup for what is not the text: deletion spans (class msoDel), comment anchors
 * (msocomanchor, [A1]) and the comment, footnote and endnote lists at the end of the page — as the
 * .docx reader leaves comments and notes out.
 */
const WORD_CLASS = /(^|\s)(msoDel|msocomanchor|msocomoff|MsoCommentReference|MsoFootnoteReference|MsoEndnoteReference)(\s|$)/i;
const WORD_ELEMENT = /mso-element\s*:\s*(comment-list|comment|footnote-list|endnote-list|footnote|endnote)\b/i;
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
  if (el.attribs.class && WORD_CLASS.test(el.attribs.class)) return true;
  const style = el.attribs.style ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) || (style.includes('mso-element') && WORD_ELEMENT.test(style));
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

/** What is left to do while writing a subtree: a node to write into a writer, or a step after its children. */
type Task = { readonly w: LineWriter; readonly node: AnyNode } | (() => void);

/**
 * Collects lines from a subtree. The walk keeps its own stack rather than recursing: a page of
 * 100,000 nested <div>s (or tables in tables) is read like any other, not a stack overflow.
 */
export class LineWriter {
  readonly lines: string[] = [];
  private current = '';

  write(root: AnyNode): void {
    const tasks: Task[] = [{ w: this, node: root }];
    while (tasks.length) {
      const task = tasks.pop()!;
      if (typeof task === 'function') task();
      else task.w.step(task.node, tasks);
    }
  }

  /** Writes what `node` holds itself and pushes what comes after it (children, then closing steps) onto `tasks`. */
  private step(node: AnyNode, tasks: Task[]): void {
    if (node.type === 'text') {
      this.current += (node as unknown as { data: string }).data;
      return;
    }
    if (!isElement(node) || isSkipped(node)) return;
    const name = node.name;
    if (name === 'br') return this.flush();
    if (name === 'tr') return this.row(node, tasks);
    if (name === 'ol' || name === 'ul') return this.list(node, tasks);
    const block = BLOCK.has(name);
    if (block) {
      this.flush();
      tasks.push(() => this.flush());
    }
    this.children(node, tasks);
  }

  /** Pushes the children of `el`, to be written into `w` in document order. */
  private children(el: Element, tasks: Task[], w: LineWriter = this): void {
    for (let i = el.children.length - 1; i >= 0; i--) tasks.push({ w, node: el.children[i] });
  }

  private list(list: Element, tasks: Task[]): void {
    this.flush();
    // In document order: each item's ordinal, its children, the line it ends.
    const steps: Task[][] = [];
    let n = Number.parseInt(list.attribs.start ?? '1', 10) || 1;
    for (const item of list.children) {
      if (!isElement(item) || isSkipped(item)) continue;
      if (item.name !== 'li') {
        steps.push([{ w: this, node: item }]);
        continue;
      }
      if (item.attribs.value && Number.isFinite(Number(item.attribs.value))) n = Number(item.attribs.value);
      const ordinal = list.name === 'ol' ? listOrdinal(list, n) : '';
      n++;
      steps.push([() => (this.current += ordinal), ...item.children.map((node) => ({ w: this, node })), () => this.flush()]);
    }
    for (let i = steps.length - 1; i >= 0; i--) for (let j = steps[i].length - 1; j >= 0; j--) tasks.push(steps[i][j]);
  }

  /**
   * A data row (every cell one short line) is `| a | b |`; a layout row (a cell holding paragraphs,
   * as old portals lay their pages out with tables) gives its cells' lines in order.
   */
  private row(tr: Element, tasks: Task[]): void {
    this.flush();
    const cells: string[][] = [];
    const inners: LineWriter[] = [];
    for (const cell of tr.children) {
      if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th') || isSkipped(cell)) continue;
      inners.push(new LineWriter());
    }
    tasks.push(() => {
      const data = cells.length > 1 && cells.every((c) => c.length <= 1 && (c[0] ?? '').length <= 60);
      if (data) {
        if (cells.some((c) => c.length)) this.lines.push(`| ${cells.map((c) => c[0] ?? '').join(' | ')} |`);
      } else for (const c of cells) for (const line of c) this.lines.push(line);
    });
    let k = inners.length;
    for (let i = tr.children.length - 1; i >= 0; i--) {
      const cell = tr.children[i];
      if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th') || isSkipped(cell)) continue;
      const inner = inners[--k];
      tasks.push(() => {
        inner.flush();
        cells.push(inner.lines);
      });
      this.children(cell, tasks, inner);
    }
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
