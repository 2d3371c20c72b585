/** An RTF file starts with `{\rtf` (after any white space): light enough for the format sniffing to import eagerly. */
export function isRtf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 16)).toString('latin1').trimStart().startsWith('{\\rtf');
}
