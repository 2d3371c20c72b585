/**
 * Paragraphs as a reader sees them: a line is a paragraph, except that a line broken by a PDF's
 * hard wrap (long, not ending a sentence) runs on into the next one unless that starts a heading.
 * Debris (bookmarks, web chrome, page numbers) is left out. Works on any text (the previous
 * report arrives as plain text) through the same line scan the analysis uses.
 */
import { scanDebris, type CleanLine } from '../lines/cleanLines';
import { contentSegments } from '../lines/segments';
import { TextIndex } from '../text/lineIndex';

export interface Paragraph {
  /** 0-based first and last line. */
  readonly line: number;
  readonly endLine: number;
  /** Offsets in the text of its first and last content character (+1). */
  readonly start: number;
  readonly end: number;
  /** The words, debris left out, wrapped lines joined. */
  readonly text: string;
}

const ENDS_SENTENCE = /[。！？；：!?;:”’」』）)】]$/;
const STARTS_HEADING =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]{1,3}是)/;
/** A hard-wrapped line is at least this long (PDF lines hold 25–40 characters). */
const WRAP_MIN = 24;

function words(cl: CleanLine): string {
  return contentSegments(cl)
    .map(([a, b]) => cl.line.text.slice(a, b))
    .join('');
}

/** A line longer than this lost its line breaks (DOMAIN.md §7) when headings stand inside it. */
const RUN_ON = 300;
/** A heading ordinal inside a line, after the end of a sentence or clause. */
const INNER_HEADING = /(?<=[。：；！？!?;:])(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．](?!\d))/g;

/** A run-on line (no debris inside) cut before its inner headings; any other line whole. */
function pieces(cl: CleanLine): [number, number][] {
  const len = cl.contentEnd - cl.contentStart;
  if (len <= RUN_ON || cl.debris.length) return contentSegments(cl);
  const text = cl.line.text.slice(cl.contentStart, cl.contentEnd);
  const cuts = [0, ...[...text.matchAll(INNER_HEADING)].map((m) => m.index!), len];
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < cuts.length; k++) if (cuts[k + 1] > cuts[k]) out.push([cl.contentStart + cuts[k], cl.contentStart + cuts[k + 1]]);
  return out;
}

/** `index`: where each line starts (the lines hold no offsets). */
export function paragraphsOfLines(lines: readonly CleanLine[], index: TextIndex): Paragraph[] {
  const out: Paragraph[] = [];
  let open: { line: number; endLine: number; start: number; end: number; parts: string[] } | undefined;
  const close = () => {
    if (open) out.push({ line: open.line, endLine: open.endLine, start: open.start, end: open.end, text: open.parts.join('') });
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const cl = lines[i];
    const at = index.lineStart(cl.line.index);
    const cut = pieces(cl);
    if (cut.length > 1 && !cl.debris.length) {
      // A run-on line: each piece between inner headings is a paragraph of its own.
      close();
      for (const [a, b] of cut) out.push({ line: i, endLine: i, start: at + a, end: at + b, text: cl.line.text.slice(a, b) });
      continue;
    }
    const w = words(cl);
    if (!w) {
      if (!cl.isDebris || cl.contentStart >= cl.contentEnd) close();
      continue;
    }
    const last = open?.parts[open.parts.length - 1] ?? '';
    // A heading standing alone on its line (an ordinal, no full stop) never runs on.
    const headingLine = open?.parts.length === 1 && STARTS_HEADING.test(last) && !last.includes('。');
    const runsOn =
      open && open.endLine === i - 1 && !headingLine && last.length >= WRAP_MIN && !ENDS_SENTENCE.test(last) && !STARTS_HEADING.test(w);
    if (!runsOn) {
      close();
      open = { line: i, endLine: i, start: at + cl.contentStart, end: at + cl.contentEnd, parts: [w] };
    } else {
      open!.endLine = i;
      open!.end = at + cl.contentEnd;
      open!.parts.push(w);
    }
  }
  close();
  return out;
}

export function paragraphsOfText(text: string): Paragraph[] {
  const index = new TextIndex(text);
  return paragraphsOfLines(scanDebris(index.lines), index);
}
