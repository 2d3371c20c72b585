/**
 * MHTML (.mht, .mhtml) as report text: what Word writes as a "single file web page" and browsers save
 * as one file, and what many systems serve under a .doc name. A MIME message (RFC 2557) whose root is
 * the page; postal-mime (a maintained MIME parser with no dependencies, for Node and browsers) takes
 * it apart and decodes its transfer encoding and charset, and the page goes through the web-page
 * reader (the article among any chrome, Word's sections, what is left out said in a note).
 */
import { articleText } from '../html';
import type { SourceNote } from '../messages';

/** A MIME message: its headers come first (MIME-Version, Content-Type multipart/related …). */
export function isMht(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('latin1')
    .replace(/^\ufeff/, '');
  const headers = head.split(/\r?\n\r?\n/)[0];
  return /^mime-version\s*:/im.test(headers) && /^content-type\s*:\s*multipart\//im.test(headers);
}

/** The page inside; undefined when the message holds no HTML or text part. */
export async function mhtToText(bytes: Uint8Array): Promise<{ text: string; notes: SourceNote[] } | undefined> {
  const { default: PostalMime } = await import('postal-mime');
  const message = await PostalMime.parse(bytes);
  if (message.html) return articleText(message.html);
  if (message.text) return { text: message.text.replace(/\r\n?/g, '\n'), notes: [] };
  return undefined;
}
