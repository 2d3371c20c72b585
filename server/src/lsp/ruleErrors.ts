/**
 * A rule that throws is skipped for that analysis (the core does that); here it is logged once
 * per rule and error message, not on every keystroke: a broken rule would otherwise flood the
 * output channel with one stack per change.
 */
const MAX_REMEMBERED = 200;

export function logOncePerRuleError(log: (message: string) => void): (code: string, error: unknown) => void {
  const seen = new Set<string>();
  return (code, error) => {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${code}\0${message}`;
    if (seen.has(key) || seen.size >= MAX_REMEMBERED) return;
    seen.add(key);
    const detail = error instanceof Error && error.stack ? error.stack : message;
    log(`rule ${code} failed and was skipped (logged once): ${detail}`);
  };
}
