/** Word 2003 XML: an XML file whose root is `w:wordDocument` (or that names Word.Document as its application). Light enough for the format sniffing to import eagerly. */
export function isWordml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /^\s*(?:\ufeff|\xef\xbb\xbf)?<\?xml/.test(head) && /<w:wordDocument[\s>]|progid="Word\.Document"/.test(head);
}
