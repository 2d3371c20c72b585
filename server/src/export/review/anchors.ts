/**
 * Puts comment anchors into document.xml as text insertions, so that nothing else in it changes:
 * `w:commentRangeStart` before the first character a comment is about, `w:commentRangeEnd` and a
 * run holding `w:commentReference` after the last. A mark goes between runs; where a comment starts
 * or ends inside a run, the run is split there — closed and reopened with its own start tag and its
 * `w:rPr` exactly as written — which is the only change a run ever sees.
 */
import type { WordText } from './wordText';

/** A comment to anchor on the Word characters [from, to] (inclusive; indices into WordText.text). */
export interface Anchor {
  readonly id: number;
  readonly from: number;
  readonly to: number;
}

interface Cut {
  /** Offset in the XML. */
  readonly at: number;
  /** Text that closes what is open at the cut (`</w:t></w:r>`, `</w:r>`) and reopens it after the marks. */
  readonly close: string;
  readonly reopen: string;
  readonly ends: string[];
  readonly starts: string[];
}

const PRESERVE = /\sxml:space\s*=\s*["']preserve["']/;

/** A w:t start tag that keeps its spaces (a split may leave one at either end). */
function preserved(openTag: string): string {
  return PRESERVE.test(openTag) ? openTag : openTag.replace(/(?<!\s)\s*\/?>$/, ' xml:space="preserve">');
}

export function insertAnchors(xml: string, word: WordText, anchors: readonly Anchor[]): string {
  const w = word.prefix ? `${word.prefix}:` : '';
  const cuts = new Map<number, Cut>();
  const cutAt = (at: number, close: string, reopen: string): Cut => {
    let c = cuts.get(at);
    if (!c) cuts.set(at, (c = { at, close, reopen, ends: [], starts: [] }));
    return c;
  };
  /** Tags that must keep their spaces once a split ends their text early: start offset → replacement. */
  const retag = new Map<number, string>();

  /** Where a comment starts: before character `k`. */
  const startAt = (k: number): Cut => {
    const t = word.spans[word.span[k]];
    const run = word.runs[t.run];
    const at = word.from[k];
    if (at === t.textStart && t.tagStart === run.contentStart) return cutAt(run.start, '', '');
    if (at === t.textStart) return cutAt(t.tagStart, `</${w}r>`, run.openTag + run.rPr);
    if (/\s/.test(xml[at - 1])) retag.set(t.tagStart, preserved(t.openTag));
    return cutAt(at, `</${w}t></${w}r>`, run.openTag + run.rPr + preserved(t.openTag));
  };
  /** Where a comment ends: after character `k`. */
  const endAt = (k: number): Cut => {
    const t = word.spans[word.span[k]];
    const run = word.runs[t.run];
    const at = word.to[k];
    if (at === t.textEnd && t.tagEnd === run.contentEnd) return cutAt(run.end, '', '');
    if (at === t.textEnd) return cutAt(t.tagEnd, `</${w}r>`, run.openTag + run.rPr);
    if (/\s/.test(xml[at - 1])) retag.set(t.tagStart, preserved(t.openTag));
    return cutAt(at, `</${w}t></${w}r>`, run.openTag + run.rPr + preserved(t.openTag));
  };

  for (const a of anchors) {
    startAt(a.from).starts.push(`<${w}commentRangeStart ${w}id="${a.id}"/>`);
    endAt(a.to).ends.push(`<${w}commentRangeEnd ${w}id="${a.id}"/><${w}r><${w}commentReference ${w}id="${a.id}"/></${w}r>`);
  }

  const edits = [
    ...[...cuts.values()].map((c) => ({ at: c.at, end: c.at, text: c.close + c.ends.join('') + c.starts.join('') + c.reopen })),
    ...[...retag].map(([at, tag]) => ({ at, end: xml.indexOf('>', at) + 1, text: tag })),
  ].sort((a, b) => a.at - b.at);
  let out = '';
  let last = 0;
  for (const e of edits) {
    out += xml.slice(last, e.at) + e.text;
    last = e.end;
  }
  return out + xml.slice(last);
}
