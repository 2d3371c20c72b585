/**
 * A web page's bytes as a string: a BOM, else the charset the page declares (<meta charset>,
 * http-equiv), else UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of the GB2312
 * and GBK many government portals still serve).
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export function decodeHtml(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer, 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer, 'utf-16be');
  const head = buffer.subarray(0, 4096).toString('latin1');
  const declared = declaredCharset(head);
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    // GB2312/GBK pages often hold GB18030-only characters: decode with the superset.
    return iconv.decode(buffer, /^(gb2312|gbk|gb_2312-80|x-gbk|gb18030)$/.test(declared) ? 'gb18030' : declared);
  }
  return isUtf8(buffer) ? buffer.toString('utf8') : iconv.decode(buffer, 'gb18030');
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
