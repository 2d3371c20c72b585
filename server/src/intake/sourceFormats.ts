/** Which files intake reads, by name: light enough for the CLI and server to import eagerly. */

export type SourceFormat = 'docx' | 'pdf' | 'html';

/** File name endings intake reads (the binary Word ones only to say how to convert them). */
export const SOURCE_EXTENSIONS = ['.docx', '.pdf', '.html', '.htm', '.doc', '.wps'];

export function isSourceFile(name: string): boolean {
  const lower = name.toLowerCase();
  return SOURCE_EXTENSIONS.some((e) => lower.endsWith(e));
}
