/**
 * A finding's key: its code, its range and its rank among findings with the same code and range
 * (two missing parts both sit on the title). The server puts the key in each diagnostic's `data`
 * and a code action reads it back to find the finding and its fixes — no matching by message
 * text. A key from an older version of the document finds nothing, or a finding at the same
 * place with the same code: never a fix meant for another place.
 */
import type { Finding, ReportModel } from './model';

const where = (f: Finding) => `${f.code}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

/** Keys for every finding of the model, in the model's order. */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const at = where(f);
    const n = seen.get(at) ?? 0;
    seen.set(at, n + 1);
    return `${at}#${n}`;
  });
}

/**
 * Key → index, built once per findings array (a model's findings never change): a code action
 * over a whole document looks up each of its diagnostics, and recomputing every key per lookup
 * made 10,000 diagnostics take minutes.
 */
const indexes = new WeakMap<readonly Finding[], Map<string, number>>();

function keyIndex(findings: readonly Finding[]): Map<string, number> {
  let index = indexes.get(findings);
  if (!index) {
    index = new Map();
    const keys = findingKeys(findings);
    for (let i = 0; i < keys.length; i++) index.set(keys[i], i);
    indexes.set(findings, index);
  }
  return index;
}

/** The finding with that key, if the model still has it. */
export function findingByKey(model: Pick<ReportModel, 'findings'>, key: unknown): Finding | undefined {
  if (typeof key !== 'string') return undefined;
  const i = keyIndex(model.findings).get(key);
  return i === undefined ? undefined : model.findings[i];
}
