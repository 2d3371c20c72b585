/**
 * What the core may ask of the place where reports are stored. The core reads no files itself
 * (it is pure): the front end injects an implementation — the Node server one over the file
 * system (server/src/files/nodeReportFiles.ts), the web worker none, tests a map in memory —
 * in the manner of vscode-markdown-languageservice's injected `IWorkspace`.
 */
export interface ReportFiles {
  /** URIs of the report files in the same folder as `uri` (it may be among them); [] when unknown. */
  siblings(uri: string): readonly string[];
  /**
   * Something that changes whenever the file does (modification time and size, a version…), or
   * undefined when the file is not a readable report (gone, too large, not a regular file).
   * Checked before `read`, so analyses of unchanged files are reused.
   */
  stamp(uri: string): string | undefined;
  /** The decoded text of a report file, or undefined when it cannot be read. */
  read(uri: string): string | undefined;
  /** URIs of the report files in the folder `uri` and below it (at most `limit`); absent where folders cannot be listed. */
  under?(uri: string, limit: number): readonly string[];
}

/** Where there are no files to look at (a web worker, an untitled document). */
export const noReportFiles: ReportFiles = Object.freeze({
  siblings: () => [],
  stamp: () => undefined,
  read: () => undefined,
});
