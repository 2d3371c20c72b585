/**
 * A web page's bytes as a string: a BOM, else the charset the page declares (<meta charset>,
 * http-equiv), else UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of the GB2312
 * and GBK many government portals still serve). A page that declares one charset and is written in
 * another (a GB2312 declaration over UTF-8 bytes, the usual mix-up of a re-saved page) is read as
 * what its bytes are, with a note; bytes that decode to nothing are counted in a note.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { SourceNote } from '../messages';

export interface DecodedHtml {
  readonly html: string;
  readonly notes: SourceNote[];
}

/** Non-ASCII bytes: without them every ASCII-compatible charset reads the same. */
const hasNonAscii = (buffer: Buffer) => buffer.some((b) => b >= 0x80);

export function decodeHtml(bytes: Uint8Array, name = 'page.html'): DecodedHtml {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notes: SourceNote[] = [];
  const done = (html: string, encoding: string): DecodedHtml => {
    const count = countReplacements(html);
    if (count) notes.push(new SourceNote('undecodable', { file: name, count: String(count), encoding }));
    return { html, notes };
  };
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return done(buffer.subarray(3).toString('utf8'), 'UTF-8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return done(iconv.decode(buffer, 'utf-16le'), 'UTF-16');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return done(iconv.decode(buffer, 'utf-16be'), 'UTF-16');
  const head = buffer.subarray(0, 4096).toString('latin1');
  const declared = declaredCharset(head);
  const utf8 = isUtf8(buffer);
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    // Declared a legacy charset, but the bytes are valid UTF-8 with non-ASCII in them: a double-byte
    // Chinese text is almost never valid UTF-8 by chance, so the declaration is what is wrong.
    if (utf8 && hasNonAscii(buffer)) {
      notes.push(new SourceNote('charsetMismatch', { declared, actual: 'UTF-8' }));
      return done(buffer.toString('utf8'), 'UTF-8');
    }
    // GB2312/GBK pages often hold GB18030-only characters: decode with the superset.
    const encoding = /^(gb2312|gbk|gb_2312-80|x-gbk|gb18030)$/.test(declared) ? 'gb18030' : declared;
    return done(iconv.decode(buffer, encoding), declared);
  }
  if (utf8) return done(buffer.toString('utf8'), 'UTF-8');
  if (declared) notes.push(new SourceNote('charsetMismatch', { declared, actual: 'GB18030' }));
  return done(iconv.decode(buffer, 'gb18030'), 'GB18030');
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** A <meta> tag's text (the tag ends at > or, cut off, at the next <): one pass, however the tags repeat. */
const META_TAG = /<meta[^<>]*/gi;
const CHARSET = /charset\s*=\s*(?:["']\s*)?([\w-]+)/i;

/** The charset the first <meta> that names one declares (<meta charset=…> or http-equiv content=…), lower-cased. */
function declaredCharset(head: string): string | undefined {
  for (const tag of head.matchAll(META_TAG)) {
    const m = CHARSET.exec(tag[0]);
    if (m) return m[1].toLowerCase();
  }
  return undefined;
}
