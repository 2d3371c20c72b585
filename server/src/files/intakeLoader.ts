/**
 * Loads the intake readers (Word, PDF, HTML) on first use. In the built CLI, worker and server they
 * are a separate file, dist/intake.js (esbuild.mjs marks this import external), so checking plain
 * text and starting the server never load them; bundled tests get them inline.
 */
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
};
