/**
 * Intake: reports as they arrive (DOMAIN.md §7) — Word (.docx, .doc, .rtf, .mht, Word 2003 XML), PDF, OFD and web pages — read into
 * the plain report text the core analyses (one paragraph a line, headings with their ordinals).
 * API boundary: bytes and a file name in, text out. The heavy readers are loaded only when a file of
 * their kind is read (PDF's pdf.js is a separate file loaded on first use).
 * Architecture invariant: nothing here knows LSP or the CLI; the core never imports intake.
 */
import { NotDocxError, readDocx, type DocxComment } from './docx';
import { htmlToText } from './html';
import { SourceError, SourceNote } from './messages';
import { isMht } from './mht';
import { isRtf } from './rtf/sniff';
import { isWordml } from './wordml/sniff';
import { MAX_SOURCE_CHARS, TooMuchText } from './lines';

export { SourceError, SourceNote };
export { fragmentText } from './html';

import type { SourceFormat } from './sourceFormats';

export { isSourceFile, SOURCE_EXTENSIONS, type SourceFormat } from './sourceFormats';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * What the bytes are, by their signature first (a .doc that is really a .docx or a web page saved
 * as .doc is read as what it is), by the name's ending otherwise.
 */
export function sniffFormat(name: string, bytes: Uint8Array): SourceFormat | 'binary-word' | null {
  if (startsWith(bytes, ZIP)) return isOfdPackage(name, bytes) ? 'ofd' : 'docx';
  if (startsWith(bytes, OLE)) return 'binary-word';
  if (startsWith(bytes, PDF) || indexOfPdfHeader(bytes) >= 0) return 'pdf';
  // RTF and MHTML (Word's single-file web page) are often served under a .doc name.
  if (isRtf(bytes)) return 'rtf';
  if (isMht(bytes)) return 'mht';
  if (isWordml(bytes)) return 'wordml';
  const lower = name.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.ofd')) return 'ofd';
  if (lower.endsWith('.rtf')) return 'rtf';
  if (lower.endsWith('.mht') || lower.endsWith('.mhtml')) return 'mht';
  if (lower.endsWith('.html') || lower.endsWith('.htm') || looksLikeHtml(bytes)) return 'html';
  if (lower.endsWith('.doc') || lower.endsWith('.wps')) return 'binary-word';
  return null;
}

/** An OFD package names its entry part OFD.xml (a .docx never does); the name's ending decides a package with neither. */
function isOfdPackage(name: string, bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf('word/document.xml') >= 0) return false;
  return buffer.indexOf('OFD.xml') >= 0 || name.toLowerCase().endsWith('.ofd');
}

/** PDF allows junk before %PDF within the first KB. */
function indexOfPdfHeader(bytes: Uint8Array): number {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.indexOf('%PDF-');
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<html[\s>]/.test(head);
}

export interface SourceText {
  readonly text: string;
  readonly format: SourceFormat;
  /** What the user must know: text left out, an encoding in doubt (empty when nothing). */
  readonly notes: readonly SourceNote[];
  /** The frame around the body, one line each: page headers and footers, text boxes, a 红头 (Word; PDF and OFD page furniture). */
  readonly frame?: readonly string[];
  /** A Word file's comments (批注): never report text, listed by `govreport text --comments`. */
  readonly comments?: readonly DocxComment[];
}

export type { DocxComment } from './docx';

/** An encrypted Office file is an OLE container holding an `EncryptedPackage` stream (its name in UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(ENCRYPTED_PACKAGE) >= 0;
}

/** Reads a Word, PDF or HTML file's bytes as report text; SourceError when it cannot. */
export async function readSource(name: string, bytes: Uint8Array): Promise<SourceText> {
  const tooLarge = (chars: number) => new SourceError('tooLarge', { file: name, chars: `${chars}+`, max: String(MAX_SOURCE_CHARS) });
  let read: SourceText;
  try {
    read = await readFormat(name, bytes);
  } catch (e) {
    throw e instanceof TooMuchText ? tooLarge(e.chars) : e;
  }
  if (read.text.length > MAX_SOURCE_CHARS) throw tooLarge(read.text.length);
  return read;
}

/** A Word reader's body and frame, with the note saying how much hidden text it left out (none: no note). */
function withHiddenNote(
  name: string,
  format: SourceFormat,
  read: { text: string; frame: readonly string[]; hiddenChars: number; hiddenSample: string },
): SourceText {
  const notes = read.hiddenChars
    ? [new SourceNote('hiddenText', { file: name, chars: String(read.hiddenChars), sample: read.hiddenSample })]
    : [];
  return { text: read.text, frame: read.frame, format, notes };
}

async function readFormat(name: string, bytes: Uint8Array): Promise<SourceText> {
  const format = sniffFormat(name, bytes);
  switch (format) {
    case 'binary-word': {
      if (isEncryptedOffice(bytes)) throw new SourceError('encrypted', { file: name });
      const { docToText } = await import('./doc');
      try {
        return { ...(await docToText(bytes)), format: 'doc', notes: [] };
      } catch (e) {
        if (e instanceof TooMuchText) throw e;
        if (name.toLowerCase().endsWith('.wps')) throw new SourceError('wpsUnreadable', { file: name });
        throw new SourceError('badDoc', { file: name, reason: String((e as Error)?.message ?? e) });
      }
    }
    case 'docx':
      try {
        return { ...readDocx(bytes, name), format };
      } catch (e) {
        if (e instanceof SourceError || e instanceof TooMuchText) throw e;
        throw new SourceError('badDocx', { file: name, reason: e instanceof NotDocxError ? e.message : String((e as Error).message ?? e) });
      }
    case 'pdf': {
      const { pdfToText } = await import('./pdf');
      return { ...(await pdfToText(name, bytes)), format, notes: [] };
    }
    case 'ofd': {
      const { ofdToText } = await import('./ofd');
      return { ...ofdToText(name, bytes), format, notes: [] };
    }
    case 'html':
      return { ...htmlToText(bytes, name), format };
    case 'rtf': {
      const { rtfToText } = await import('./rtf');
      return withHiddenNote(name, format, rtfToText(bytes));
    }
    case 'wordml': {
      const { wordmlToText } = await import('./wordml');
      return withHiddenNote(name, format, wordmlToText(bytes));
    }
    case 'mht': {
      const { mhtToText } = await import('./mht');
      let read: Awaited<ReturnType<typeof mhtToText>>;
      try {
        read = await mhtToText(bytes);
      } catch (e) {
        throw new SourceError('badMht', { file: name, reason: String((e as Error)?.message ?? e) });
      }
      if (!read) throw new SourceError('badMht', { file: name, reason: 'no web page inside' });
      return { ...read, format };
    }
    default:
      throw new SourceError('unknown', { file: name });
  }
}
