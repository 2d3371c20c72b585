/**
 * `unbalanced-pair`: within one paragraph (a line, or lines hard-wrapped mid-sentence), a “ ‘ 《 （ 【 that is never closed, or a
 * closer with no opener. The range is on the unclosed opener (seed 003: 公开电话“实时报。).
 * A list ordinal like `1）` at the start of a line is not a stray closer.
 */
import { t } from '../messages';
import { contentSegments } from '../lines/segments';
import type { CleanLine } from '../lines/cleanLines';
import type { Locale } from '../model';
import { outlineLines } from '../document/outlineLines';
import { lineEmitter, type LineFinding } from './lineFindings';
import type { Rule } from './rule';

const OPEN: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】' };
const CLOSE: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '）': '（', '】': '【' };
const PAIR_CHARS = new RegExp(`[${[...Object.keys(OPEN), ...Object.keys(CLOSE)].join('')}]`, 'g');
const LIST_ORDINAL = /^[0-9０-９一二三四五六七八九十]{1,3}）$/;
const LIST_ORDINAL_MAX = 4;

/** A line ending in one of these closes its paragraph; any other ending (a PDF copy's hard wrap) runs on. */
const PARAGRAPH_END = /[。！？!?；;：:…]$/;

type Key = 'unbalanced-pair.unclosed' | 'unbalanced-pair.stray';

/** An opener still open: its line and character, and the character itself. */
interface Open {
  readonly line: number;
  readonly character: number;
  readonly ch: string;
}

/**
 * The openers still open, in order, with the places of each kind's openers at hand: a closer
 * finds its opener without walking past the others (a line of 5 MB of （ then 》 stays linear).
 */
class OpenStack {
  private readonly items: Open[] = [];
  /** Indexes in `items` of the openers of each kind, in order. */
  private readonly byKind = new Map<string, number[]>();

  get length(): number {
    return this.items.length;
  }

  push(o: Open): void {
    let list = this.byKind.get(o.ch);
    if (!list) this.byKind.set(o.ch, (list = []));
    list.push(this.items.length);
    this.items.push(o);
  }

  has(opener: string): boolean {
    return (this.byKind.get(opener)?.length ?? 0) > 0;
  }

  /** Closes the latest `opener`; returns the openers above it (never closed), removed too. */
  closeTo(opener: string): Open[] {
    const k = this.byKind.get(opener)!.pop()!;
    const above = this.items.splice(k + 1);
    this.items.pop();
    // The openers above k are the latest of their kinds: each leaves the top of its list.
    for (const o of above) this.byKind.get(o.ch)!.pop();
    return above;
  }

  /** Every opener still open, in order; the stack is left empty. */
  drain(): readonly Open[] {
    // Most paragraphs end with nothing open: no array made for them.
    if (this.items.length === 0) return NOTHING_OPEN;
    this.byKind.clear();
    return this.items.splice(0);
  }
}

// Not frozen: a frozen array leaves V8's fast path for for-of (an iterator object per loop).
const NOTHING_OPEN: readonly Open[] = [];

/** Whether a line that is not debris ends its paragraph (a heading always does). */
function endsParagraph(cl: CleanLine, heading: boolean): boolean {
  return heading || PARAGRAPH_END.test(cl.content ?? cl.line.text.slice(cl.contentStart, cl.contentEnd));
}

/** Messages by locale, key and character: a line of a million （ formats one message, not a million. */
const messages = new Map<string, string>();

function message(locale: Locale, key: Key, ch: string): string {
  const id = `${locale}|${key}|${ch}`;
  let text = messages.get(id);
  if (text === undefined) messages.set(id, (text = t(locale, key, { open: ch, close: OPEN[ch] ?? ch, other: CLOSE[ch] ?? '' })));
  return text;
}

/**
 * Matches the brackets of one line against the openers still open (`stack`, changed in place),
 * reporting strays and openers a closer skipped. The paragraph's end is the caller's.
 */
function scanLine(cl: CleanLine, line: number, stack: OpenStack, report: (o: Open, key: Key) => void): void {
  const text = cl.line.text;
  for (const [from, to] of contentSegments(cl)) {
    // Jump from bracket to bracket (a native regex scan) instead of visiting every character.
    PAIR_CHARS.lastIndex = from;
    for (let m = PAIR_CHARS.exec(text); m && m.index < to; m = PAIR_CHARS.exec(text)) {
      const i = m.index;
      const c = text[i];
      if (OPEN[c]) stack.push({ line, character: i, ch: c });
      else if (CLOSE[c]) {
        // A list ordinal is at most four characters from the content start: only then is it worth a look.
        if (i + 1 - cl.contentStart <= LIST_ORDINAL_MAX && LIST_ORDINAL.test(text.slice(cl.contentStart, i + 1))) continue;
        if (!stack.has(CLOSE[c])) {
          report({ line, character: i, ch: c }, 'unbalanced-pair.stray');
          continue;
        }
        // The match closes; the openers above it were never closed.
        for (const o of stack.closeTo(CLOSE[c])) report(o, 'unbalanced-pair.unclosed');
      }
    }
  }
}

/** A line's findings when no opener is open before it, and the openers it leaves open (line-relative). */
type LineResult = LineFinding[] & { readonly open: readonly Open[] };

export const unbalancedPair: Rule = {
  code: 'unbalanced-pair',
  defaultSeverity: 'warning',
  description: {
    'zh-cn': '引号、书名号或括号不成对',
    en: 'Quotation marks, title marks or brackets that do not pair up',
  },
  docs: {
    finds: 'within a paragraph, an unclosed “ ‘ 《 （ 【 (range on the opener) or a stray closer; `1）` list ordinals are not strays',
  },
  // A per-character scan of every line: skipped on documents above govreport.maxDocumentSize.
  costly: true,
  run(ctx, emit) {
    const headings = outlineLines(ctx.outline, ctx.lines.length);
    // Openers still open. They carry over a line that does not end its paragraph (text copied
    // from a PDF breaks lines mid-sentence: 《…（2021—\n2025年）》).
    const stack = new OpenStack();
    const report = (o: Open, key: Key) =>
      emit({
        range: { start: { line: o.line, character: o.character }, end: { line: o.line, character: o.character + 1 } },
        message: message(ctx.locale, key, o.ch),
        data: { char: o.ch },
      });
    const endParagraph = () => {
      for (const o of stack.drain()) report(o, 'unbalanced-pair.unclosed');
    };
    const emitLine = lineEmitter(ctx, 'unbalanced-pair', emit);
    // Heading lines are kept apart (a line's findings differ when it is a heading): no key string made per heading line.
    const emitHeadingLine = lineEmitter(ctx, 'unbalanced-pair', emit, 'heading');
    const alone = (cl: CleanLine) => lineAlone(ctx.locale, cl, endsParagraph(cl, false));
    const aloneHeading = (cl: CleanLine) => lineAlone(ctx.locale, cl, true);
    for (const cl of ctx.lines) {
      // A page number or other debris line between the halves of a paragraph does not end it.
      if (cl.isDebris) continue;
      const line = cl.line.index;
      const heading = headings.heading(line);
      if (cl.contentStart >= cl.contentEnd || heading) endParagraph();
      if (stack.length === 0) {
        // Nothing open before the line: what it finds depends on its text (and whether it is a
        // heading) alone, and is kept per line by the cache.
        const found = (heading ? emitHeadingLine(cl, cl.line.text, aloneHeading) : emitLine(cl, cl.line.text, alone)) as LineResult;
        for (const o of found.open) stack.push({ line, character: o.character, ch: o.ch });
        continue;
      }
      scanLine(cl, line, stack, report);
      if (endsParagraph(cl, heading)) endParagraph();
    }
    endParagraph();
  },
};

/** The findings of a line with nothing open before it, in the order the scan reports them. */
function lineAlone(locale: Locale, cl: CleanLine, ends: boolean): LineResult {
  const found: LineFinding[] = [];
  const stack = new OpenStack();
  const report = (o: Open, key: Key) =>
    found.push({ start: o.character, end: o.character + 1, message: message(locale, key, o.ch), data: { char: o.ch } });
  scanLine(cl, 0, stack, report);
  if (ends) for (const o of stack.drain()) report(o, 'unbalanced-pair.unclosed');
  return Object.assign(found, { open: stack.drain() });
}
