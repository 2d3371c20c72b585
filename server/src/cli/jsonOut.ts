/**
 * JSON output written in pieces: the same text as `JSON.stringify(value, null, 2)`, handed to
 * `io.out` a few hundred kilobytes of whole lines at a time. One string of a batch's (or one huge
 * document's) JSON crashed the CLI past V8's string limit (RangeError: Invalid string length, ~512 MB:
 * 4.8 M characters of headings gave 880,000 outline entries).
 */
import type { Io } from './args';

const CHUNK = 1 << 19;

/** Writes `value` as `JSON.stringify(value, null, 2)` would, in chunks of whole lines. */
export function outJson(io: Pick<Io, 'out'>, value: unknown): void {
  let batch: string[] = [];
  let size = 0;
  for (const line of jsonLines(value, '', '', '')) {
    batch.push(line);
    size += line.length + 1;
    if (size >= CHUNK) {
      io.out(batch.join('\n'));
      batch = [];
      size = 0;
    }
  }
  if (batch.length) io.out(batch.join('\n'));
}

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** What JSON.stringify would write for `v` under `key` (toJSON applied); undefined when it leaves it out. */
function jsonValue(v: unknown, key: string): unknown {
  if (isContainer(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function') return (v as { toJSON(k: string): unknown }).toJSON(key);
  return v;
}

const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Arrays, and objects holding one somewhere, are written member by member; the rest by JSON.stringify. */
function holdsArray(v: object): boolean {
  if (Array.isArray(v)) return true;
  for (const k of Object.keys(v)) {
    const c = (v as Record<string, unknown>)[k];
    if (isContainer(c) && holdsArray(c)) return true;
  }
  return false;
}

function* jsonLines(value: unknown, indent: string, prefix: string, suffix: string): Generator<string> {
  if (!isContainer(value) || !holdsArray(value)) {
    const lines = (JSON.stringify(value, null, 2) ?? 'null').split('\n');
    for (let i = 0; i < lines.length; i++) yield (i === 0 ? indent + prefix : indent) + lines[i] + (i === lines.length - 1 ? suffix : '');
    return;
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return yield `${indent}${prefix}[]${suffix}`;
    yield `${indent}${prefix}[`;
    for (let i = 0; i < value.length; i++) {
      const v = jsonValue(value[i], String(i));
      yield* jsonLines(omitted(v) ? null : v, inner, '', i < value.length - 1 ? ',' : '');
    }
    return yield `${indent}]${suffix}`;
  }
  const entries: [string, unknown][] = [];
  for (const k of Object.keys(value)) {
    const v = jsonValue((value as Record<string, unknown>)[k], k);
    if (!omitted(v)) entries.push([k, v]);
  }
  if (entries.length === 0) return yield `${indent}${prefix}{}${suffix}`;
  yield `${indent}${prefix}{`;
  for (let i = 0; i < entries.length; i++)
    yield* jsonLines(entries[i][1], inner, `${JSON.stringify(entries[i][0])}: `, i < entries.length - 1 ? ',' : '');
  yield `${indent}}${suffix}`;
}
