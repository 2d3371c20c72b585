/**
 * Loads the `docx` package on first use. The Node builds (server, CLI, tests) resolve `docx` to a
 * bundle of its own beside them (dist/docx.js, see esbuild.mjs), required only when a report is
 * exported: start-up and `govreport check` never parse its megabyte. docxModule.browser.ts is the
 * web worker's loader.
 */
import type * as Docx from 'docx';

export function loadDocx(): Promise<typeof Docx> {
  return import('docx');
}
