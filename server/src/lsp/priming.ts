/**
 * Fills an opened document's line cache once the client is quiet (DocumentCache.prime). An opened
 * report is analysed afresh, which answers sooner than an analysis that fills the memo of every line
 * as it goes (round 21, docs/performance.md); the memo is what makes a keystroke re-do one line's
 * work, so it is made while the writer reads, before the first keystroke needs it. A writer who types
 * at once does not wait for it: the first keystroke's analysis fills the memo itself, as it did before.
 *
 * "Quiet" is longer than the practice's (lsp/warmUp.ts): an editor asks for the outline, the folding,
 * the tokens and the lenses in the moments after an open, and priming the varied 1 MB holds the
 * server for 50–90 ms.
 */
import type { DocumentCache } from './documentCache';

/** How long the client must have been quiet before a document's memo is made. */
export const PRIME_QUIET_MS = 300;

export interface Primer {
  /** Makes the memo of the document at `uri` once the client is quiet, if it is still open and has none. */
  schedule(uri: string): void;
}

/** The clock and the timer priming waits with (tests give their own). */
export interface PrimingClock {
  now(): number;
  /** Calls `f` after `ms`, without keeping the process alive. */
  after(ms: number, f: () => void): void;
}

const realClock: PrimingClock = {
  now: () => performance.now(),
  after(ms, f) {
    const timer: unknown = setTimeout(f, ms);
    (timer as { unref?: () => void }).unref?.();
  },
};

export function primer(
  cache: DocumentCache,
  isOpen: (uri: string) => boolean,
  /** When the client's last message came (`clock.now()`); undefined: only the wait counts (the web worker). */
  lastMessageAt?: () => number,
  quietMs = PRIME_QUIET_MS,
  clock: PrimingClock = realClock,
): Primer {
  const pending = new Set<string>();
  const check = (uri: string) => {
    if (!isOpen(uri) || cache.primed(uri)) {
      pending.delete(uri);
      return;
    }
    const quietFor = lastMessageAt ? clock.now() - lastMessageAt() : quietMs;
    if (quietFor < quietMs) {
      wait(uri, quietMs - quietFor);
      return;
    }
    pending.delete(uri);
    // Not analysed yet (no feature asked, which an editor always does at once): nothing to prime from.
    cache.prime(uri);
  };
  const wait = (uri: string, ms: number) => clock.after(ms, () => check(uri));
  return {
    schedule(uri) {
      if (pending.has(uri)) return;
      pending.add(uri);
      wait(uri, quietMs);
    },
  };
}
