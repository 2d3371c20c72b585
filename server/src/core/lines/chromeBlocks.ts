/**
 * Chrome that a writer may write too, decided by its place (issue 21): a metadata label, which a
 * writer may use too (成文日期：, 名称：, 时间：, 作者：, 主题词：), the value under a label, a tool word or two (微信 微博, 大 / 中 /
 * 小), navigation names, a web address, an attachment's file name, a Markdown table's rule. Such a
 * line is debris only in a block of chrome — lines of chrome together, blank lines between them
 * allowed — and only where its kind says:
 * - metadata (labels, a value) in a portal's metadata block: several labels together (two lines
 *   of one label, or one line of two), above the body or below it (outside the stretch from its first sentence or heading to its last,
 *   or to the 成文日期 and the 附注 and 版记 under it, or to the end when attachments follow);
 * - a web address or an attachment's file name anywhere outside the body;
 * - tool words, navigation names, a table rule beside chrome (the nearest line with text above or
 *   below is chrome), or in a block of two chrome lines or more outside the body.
 * The body's own lines (a table's header row 微信 微博, an event's 名称：/时间：/地点：, a 版记's
 * 主题词：, the signature under a stray label) stay the writer's. One pass to find the body and the
 * blocks, two sweeps for the neighbours.
 */
import type { DebrisKind } from '../model';
import type { Line } from '../text/lineIndex';
import { isAttachmentHead, isSignatureFrame } from './frameLines';
import { debrisSpan, type LineDebris } from './removal';

export type Contextual = 'metadata' | 'value' | 'plain-tools' | 'navigation' | 'address' | 'attachment-link' | 'table-rule';

/** What this pass reads of a line's class (cleanLines.ts LineClass). */
interface Class {
  readonly spans: readonly LineDebris[];
  readonly content: string;
  readonly start: number;
  readonly end: number;
  readonly kind: DebrisKind | null;
  readonly contextual?: Contextual;
  readonly evidence?: boolean;
  readonly metadata?: number;
}

/** What this pass reads of a line (cleanLines.ts CleanLine). */
interface Lined {
  readonly line: Line;
  readonly isDebris: boolean;
  readonly debris: readonly LineDebris[];
}

const KIND: Readonly<Record<Contextual, DebrisKind>> = {
  metadata: 'metadata',
  value: 'metadata',
  'plain-tools': 'web',
  navigation: 'web',
  address: 'web',
  'attachment-link': 'web',
  'table-rule': 'web',
};

/** Chrome of the web page (not a PDF's page furniture or a Word bookmark): what makes a block. */
const isChrome = (l: Lined) =>
  l.isDebris && l.debris.some((d) => d.wholeLine && (d.kind === 'web' || d.kind === 'metadata' || d.kind === 'template'));

/**
 * A blank line (no text, not debris), and a line's kind that is chrome beside chrome anywhere (tool words,
 * navigation, a table rule, an address, a file name). Module-level, not closures made at each call: a closure's
 * compiled code goes at every full collection, and these run at every line when the pass is not optimised as a
 * whole (test/compiledCodeKept.test.ts).
 */
function isBlank(classes: readonly Class[], out: readonly Lined[], i: number): boolean {
  return classes[i].content === '' && !out[i].isDebris;
}

function besideChrome(c: Contextual | undefined): boolean {
  return c !== undefined && c !== 'metadata' && c !== 'value';
}

/** Decides the contextual lines of `out` in place: the confirmed become debris lines (`made`), the others stay content. */
export function confirmChromeBlocks<L extends Lined, C extends Class>(
  out: L[],
  classes: readonly C[],
  made: (line: Line, c: C, debris: readonly LineDebris[]) => L,
): void {
  const n = out.length;
  // The body: from its first sentence or heading to its last; attachments after it are the writer's too.
  // Looked for from each end (the body starts near the top and ends near the bottom): the one walk
  // over every line is the blocks' below (round 20: each walk over the varied 1 MB's 11,700 lines
  // reads two objects a line, and this pass made four).
  const isBody = (i: number) => Boolean(classes[i].evidence) && !out[i].isDebris;
  let first = 0;
  while (first < n && !isBody(first)) first++;
  let last = n - 1;
  while (last > first && !isBody(last)) last--;
  if (first === n) first = last = -1;
  // The 落款 and what GB/T 9704 puts under it (附注, 版记) end the body: a 附件说明 or a 主题词 above them is the writer's.
  for (let i = last + 1; first >= 0 && i < n; i++) if (!out[i].isDebris && isSignatureFrame(classes[i].content)) last = i;
  for (let i = last + 1; first >= 0 && i < n; i++) if (!out[i].isDebris && isAttachmentHead(classes[i].content)) last = n;
  const outside = (i: number) => first < 0 || i < first || i > last;
  const confirmed = new Set<number>();

  // The blocks: runs of chrome and contextual lines, blank lines inside them allowed.
  let block: number[] = [];
  // A new array only when a block ended: most lines are the body's, and each made one (9,000 per keystroke of a 1 MB report).
  const decideBlock = (lines: readonly number[]) => {
    let units = 0;
    let metadata = 0;
    for (const k of lines) {
      const c = classes[k].contextual;
      if (c === 'value') continue;
      units++;
      metadata += classes[k].metadata ?? 0;
    }
    if (!outside(lines[0])) return;
    for (let j = 0; j < lines.length; j++) {
      const k = lines[j];
      const c = classes[k].contextual;
      if (!c) continue;
      const ok =
        c === 'metadata'
          ? metadata >= 2
          : c === 'value'
            ? metadata >= 2 && j > 0 && (confirmed.has(lines[j - 1]) || isChrome(out[lines[j - 1]])) && !signatureBelow(k)
            : c === 'address' || c === 'attachment-link' || units >= 2;
      if (ok) confirmed.add(k);
    }
  };
  /** The line under `k` is a 成文日期: `k` is the signature's body, whatever label stands above it. */
  const signatureBelow = (k: number) => {
    for (let j = k + 1; j < n; j++) if (!isBlank(classes, out, j)) return isSignatureFrame(classes[j].content);
    return false;
  };
  // Such lines, noted in the blocks' walk with the lines with text before and after each (-1: none), in order.
  const beside: number[] = [];
  const before: number[] = [];
  const after: number[] = [];
  let previous = -1;
  for (let i = 0; i < n; i++) {
    if (isBlank(classes, out, i)) continue;
    if (after.length < beside.length) after.push(i);
    const c = classes[i].contextual;
    if (besideChrome(c)) {
      beside.push(i);
      before.push(previous);
    }
    previous = i;
    if (c || isChrome(out[i])) block.push(i);
    else if (block.length > 0) {
      decideBlock(block);
      block = [];
    }
  }
  if (block.length > 0) decideBlock(block);
  if (after.length < beside.length) after.push(-1);

  // Down the lines, then up: a line beside chrome is confirmed, and so is one beside it (the walk over
  // every line each way, which asked only these lines, asked in the same order).
  const chromeAt = (k: number) => confirmed.has(k) || (!classes[k].contextual && isChrome(out[k]));
  for (let j = 0; j < beside.length; j++) if (before[j] >= 0 && chromeAt(before[j])) confirmed.add(beside[j]);
  for (let j = beside.length - 1; j >= 0; j--) if (after[j] >= 0 && chromeAt(after[j])) confirmed.add(beside[j]);

  for (const k of confirmed) {
    const c = classes[k];
    const text = out[k].line.text;
    // A value is judged with its label (发布机构：某某县司法局), as a page shows the pair.
    let label: string | undefined;
    if (c.contextual === 'value')
      for (let j = k - 1; j >= 0 && label === undefined; j--) if (!isBlank(classes, out, j)) label = classes[j].content;
    const span = debrisSpan(text, KIND[c.contextual!], c.start, c.end, true, c.content, label);
    if (span) out[k] = made(out[k].line, c, [...c.spans, span]);
  }
}
