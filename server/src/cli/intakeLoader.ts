/**
 * Loads the intake readers (Word, PDF, HTML) on first use. In the built CLI, worker and server they
 * are a separate file, dist/intake.js (esbuild.mjs marks this import external), so checking plain
 * text never loads them; bundled tests get them inline.
 */
export type Intake = typeof import('../intake');

let intake: Promise<Intake> | undefined;

export function loadIntake(): Promise<Intake> {
  return (intake ??= import('../intake'));
}
