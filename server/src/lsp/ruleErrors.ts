/**
 * A rule that throws is skipped for that analysis (the core does that); an analysis that throws
 * gives an empty model (documentCache.ts). Here either is logged once per source and error
 * message, not on every keystroke: a broken rule would otherwise flood the output channel with
 * one stack per change.
 */
const MAX_REMEMBERED = 200;

export function logOncePerError(
  log: (message: string) => void,
  what: (source: string) => string,
): (source: string, error: unknown) => void {
  const seen = new Set<string>();
  return (source, error) => {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${source}\0${message}`;
    if (seen.has(key) || seen.size >= MAX_REMEMBERED) return;
    seen.add(key);
    const detail = error instanceof Error && error.stack ? error.stack : message;
    log(`${what(source)} (logged once): ${detail}`);
  };
}

export function logOncePerRuleError(log: (message: string) => void): (code: string, error: unknown) => void {
  return logOncePerError(log, (code) => `rule ${code} failed and was skipped`);
}
