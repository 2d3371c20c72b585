/**
 * A finding's key: its code, its range and its rank among findings with the same code and range
 * (two missing parts both sit on the title). The server puts the key in each diagnostic's `data`
 * and a code action reads it back to find the finding and its fixes — no matching by message
 * text. A key from an older version of the document finds nothing, or a finding at the same
 * place with the same code: never a fix meant for another place.
 */
import type { Finding, Range, ReportModel } from '../model';

/** A place as a key starts: a code and a range (the key adds the rank there, `findingKey`). */
export const placeAt = (code: string, range: Range) =>
  `${code}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** Where a finding is, as its key starts: code and range (the key adds its rank there, `findingKey`). */
export const findingPlace = (f: Finding) => placeAt(f.code, f.range);

/** The key of the `rank`-th finding (from 0) at a place. */
export const findingKey = (place: string, rank: number) => `${place}#${rank}`;

/** Keys for every finding of the model, in the model's order. */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const at = findingPlace(f);
    const n = seen.get(at) ?? 0;
    seen.set(at, n + 1);
    return findingKey(at, n);
  });
}

/** Each findings list's keys, built once: a code-action request names up to thousands of diagnostics. */
const byKey = new WeakMap<readonly Finding[], Map<string, Finding>>();

/** The finding with that key, if the model still has it. */
export function findingByKey(model: Pick<ReportModel, 'findings'>, key: unknown): Finding | undefined {
  if (typeof key !== 'string') return undefined;
  let index = byKey.get(model.findings);
  if (!index) {
    const keys = findingKeys(model.findings);
    index = new Map(keys.map((k, i) => [k, model.findings[i]]));
    byKey.set(model.findings, index);
  }
  return index.get(key);
}
