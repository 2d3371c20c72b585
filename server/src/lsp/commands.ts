/**
 * Server commands (workspace/executeCommand): public names, shared by the code lenses that
 * carry them and the client's New report command. Add, don't rename.
 */
export const COMMANDS = {
  /** `[]` → `{ addressees: string[], year: number }`: choices and defaults for a new report. */
  skeletonOptions: 'govreport.skeletonOptions',
  /** `[{ body, year, addressee?, profile? }]` → the text of a new report. */
  skeleton: 'govreport.skeleton',
  /** `[{ uri, part }]`: inserts a missing part through workspace/applyEdit. */
  insertPart: 'govreport.insertPart',
  /** `[{ uri, line }]`: shows a line of the document (window/showDocument). */
  revealLine: 'govreport.revealLine',
} as const;
