/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab and line breaks, U+FFFE, U+FFFF, a
 * lone surrogate): a .docx holding one is not well-formed and Word and LibreOffice refuse the whole
 * file. Each is replaced by U+FFFD, one UTF-16 unit for one, so positions in the text stay where
 * the analysis put them, and the replacement is counted by line, so the export says so (the
 * writer's words are never dropped silently).
 */

export interface Replaced {
  /** How many characters were replaced. */
  readonly count: number;
  /** 0-based lines they were on (at most the first 10). */
  readonly lines: readonly number[];
}

export const REPLACEMENT = '\ufffd';

// A single character class: linear whatever the input. Control characters are what it is for.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

const forbidden = (c: number) => (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c === 0xfffe || c === 0xffff);

/** The text with every character XML forbids replaced by U+FFFD (same length), and what was replaced. */
export function xmlSafe(text: string): { text: string; replaced: Replaced } {
  if (!SUSPECT.test(text)) return { text, replaced: { count: 0, lines: [] } };
  let out = '';
  let from = 0;
  let count = 0;
  let line = 0;
  const lines: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    let bad = forbidden(c);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      bad = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
    if (!bad) continue;
    out += text.slice(from, i) + REPLACEMENT;
    from = i + 1;
    count++;
    if (lines[lines.length - 1] !== line && lines.length < 10) lines.push(line);
  }
  return { text: out + text.slice(from), replaced: { count, lines } };
}
