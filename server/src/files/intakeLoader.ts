/**
 * Loads the intake readers (Word, PDF, HTML) on first use. In the built CLI, worker and server they
 * are a separate file, dist/intake.js (esbuild.mjs marks this import external), so checking plain
 * text and starting the server never load them; bundled tests get them inline.
 */
import { fileURLToPath } from 'node:url';
import { isSourceFile } from '../intake/sourceFormats';
import { filesUnder } from './nodeReportFiles';
import { isReportFileName, MAX_REPORT_FILE_BYTES, readRegularFile } from './reportFile';

export type Intake = typeof import('../intake');

let intake: Promise<Intake> | undefined;

export function loadIntake(): Promise<Intake> {
  return (intake ??= import('../intake'));
}

/** The language server's source reader (lsp/features/sourceText.ts), backed by intake. */
export const nodeSourceReader = {
  async read(name: string, bytes: Uint8Array) {
    return (await loadIntake()).readSource(name, bytes);
  },
  async fragment(html: string): Promise<string> {
    return (await loadIntake()).fragmentText(html);
  },
  /** Text reports and Word, PDF, web pages… under a folder, as `govreport check <folder>` lists them. */
  filesUnder(uri: string, limit: number): readonly string[] {
    return filesUnder(uri, limit, (name) => isReportFileName(name) || isSourceFile(name));
  },
  /** A file's bytes (a regular file under the CLI's cap), or undefined. */
  bytes(uri: string): Uint8Array | undefined {
    try {
      return readRegularFile(fileURLToPath(uri), MAX_REPORT_FILE_BYTES);
    } catch {
      return undefined;
    }
  },
};
