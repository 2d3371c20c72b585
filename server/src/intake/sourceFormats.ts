/** Which files intake reads, by name: light enough for the CLI and server to import eagerly. */

export type SourceFormat = 'docx' | 'doc' | 'pdf' | 'ofd' | 'html' | 'rtf' | 'mht' | 'wordml';

/** File name endings intake reads (.wps where it is Word's binary format, else with a message saying how to convert it). */
export const SOURCE_EXTENSIONS = ['.docx', '.pdf', '.html', '.htm', '.doc', '.wps', '.ofd', '.rtf', '.mht', '.mhtml'];

export function isSourceFile(name: string): boolean {
  const lower = name.toLowerCase();
  return SOURCE_EXTENSIONS.some((e) => lower.endsWith(e));
}
