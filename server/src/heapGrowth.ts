/**
 * How far the language server's heap grows before V8 collects it (issue 27). Each keystroke's
 * analysis of a large document leaves its predecessor's model behind, promoted to the old
 * generation, and V8 lets the old generation grow to several times what is alive before a full
 * collection (its growing factor, up to 4): with the varied 1 MB open, ~30 MB alive after a
 * collection and ~290 MB of RSS after 250 keystrokes, nearly all of it garbage never returned.
 * A growing factor of 1.5 collects sooner: the RSS stays under 200 MB (177–196 MB) for about
 * 1.6 ms more of the collector's pauses per keystroke, within the noise of the server's CPU per
 * keystroke; 1.2 and 1.3 held less (~180 MB) for 4–6 ms more, 2.0 did not hold (190–219 MB)
 * (docs/performance.md, round 7).
 *
 * Set from inside, so the server stays `node dist/server.js --stdio`. It changes only when V8
 * collects, never how much the heap may hold: no limit is lowered, so a document that needs
 * more memory gets it as before. Imported first by server.ts, before the heap fills. The
 * CLI and the browser server do not use it.
 */
import { setFlagsFromString } from 'node:v8';

/** The old generation grows to (1 + this / 100) × what was alive after the last full collection. */
export const HEAP_GROWING_PERCENT = 50;

setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
