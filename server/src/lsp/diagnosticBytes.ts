/**
 * `textDocument/publishDiagnostics` written as bytes (lsp/stdioWriter.ts): each diagnostic's JSON
 * is encoded once and kept by the diagnostic object, which lsp/diagnosticsReuse.ts hands out again
 * for every finding a keystroke did not change. A report of a thousand findings publishes ~270 KB
 * after each keystroke that moves one of them; JSON.stringify and UTF-8 of the whole list each time
 * were the largest part of the server's work on those keystrokes (issue 27). The bytes are those
 * JSON.stringify gives the params (test/jsonBytes.test.ts).
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { ascii, encodeWith, type JsonBytes } from './jsonBytes';

const utf8 = new TextEncoder();
/** Each diagnostic's JSON as UTF-8 (diagnostics are never changed once made). */
const bytesOf = new WeakMap<Diagnostic, Uint8Array>();

/** The bytes of a diagnostic past its range (`,"severity":…}`): `bytes` from `start` on. */
interface Tail {
  readonly bytes: Uint8Array;
  readonly start: number;
}
/** A diagnostic written as another one past its range: its range written, the rest copied (see `writeLike`). */
const tailOf = new WeakMap<Diagnostic, Tail>();
/** How many diagnostics were written from another's tail since load (tests and the bench read it). */
export const tailWrites = { count: 0 };

const HEAD = ascii('{"range":{"start":{"line":');
const CHARACTER = ascii(',"character":');
const END = ascii('},"end":{"line":');

/**
 * Notes that `next` is written as `previous` past its range, when both say the same but where they
 * stand (a finding moved with its lines, lsp/diagnosticsReuse.ts) and `previous` was written before:
 * a line deleted from a long report moves hundreds of diagnostics, and JSON.stringify and UTF-8 of
 * each (the message in Chinese) were ~2 ms of every such keystroke (issue 27, round 14). Both are
 * `toDiagnostic`'s (the range first, the same fields in the same order).
 */
export function writeLike(next: Diagnostic, previous: Diagnostic): void {
  if (
    next.message !== previous.message ||
    next.code !== previous.code ||
    next.severity !== previous.severity ||
    next.source !== previous.source ||
    !writtenAlike(next.data, previous.data) ||
    next.tags !== previous.tags ||
    next.relatedInformation !== previous.relatedInformation ||
    next.codeDescription !== previous.codeDescription
  )
    return;
  const tail = tailOf.get(previous) ?? tailOfBytes(bytesOf.get(previous));
  if (tail !== undefined) tailOf.set(next, tail);
}

/**
 * Whether two `data` values are written alike: the same object, or the same keys in the same order
 * with values written alike (rules that make their data anew). The one comparison of data both for a
 * diagnostic kept as it is (lsp/diagnosticsReuse.ts) and one written from another's bytes (`writeLike`).
 */
export function writtenAlike(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    const x = (a as Record<string, unknown>)[ka[i]];
    const y = (b as Record<string, unknown>)[kb[i]];
    if (x !== y && (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y))) return false;
  }
  return true;
}

/** Where a diagnostic's written range ends in its bytes: the first `}}` (the range holds numbers only) after the head. */
function tailOfBytes(bytes: Uint8Array | undefined): Tail | undefined {
  if (bytes === undefined || bytes.length < HEAD.length) return undefined;
  for (let i = 0; i < HEAD.length; i++) if (bytes[i] !== HEAD[i]) return undefined;
  for (let i = HEAD.length; i + 1 < bytes.length; i++) if (bytes[i] === 125 && bytes[i + 1] === 125) return { bytes, start: i + 2 };
  return undefined;
}

/** The params, registered to be written with each diagnostic's kept bytes. */
export function publishParams(params: PublishDiagnosticsParams): PublishDiagnosticsParams {
  return encodeWith(params, writeParams);
}

/** The params' members in their order, as JSON.stringify writes them (undefined ones left out). */
function writeParams(out: JsonBytes, params: PublishDiagnosticsParams): void {
  out.byte(123);
  let first = true;
  for (const [key, v] of Object.entries(params)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    if (!first) out.byte(44);
    first = false;
    out.string(key);
    out.byte(58);
    if (key === 'diagnostics' && Array.isArray(v)) writeDiagnostics(out, v as Diagnostic[]);
    else out.value(v);
  }
  out.byte(125);
}

function writeDiagnostics(out: JsonBytes, list: readonly Diagnostic[]): void {
  out.byte(91);
  for (let i = 0; i < list.length; i++) {
    if (i) out.byte(44);
    const d = list[i];
    let bytes = bytesOf.get(d);
    if (bytes === undefined) {
      const tail = tailOf.get(d);
      if (tail !== undefined) {
        writeRange(out, d.range);
        out.copy(tail.bytes, tail.start, tail.bytes.length);
        tailWrites.count++;
        continue;
      }
      bytesOf.set(d, (bytes = utf8.encode(JSON.stringify(d) ?? 'null')));
    }
    out.copy(bytes, 0, bytes.length);
  }
  out.byte(93);
}

/** `{"range":{…}}` as JSON.stringify writes a range of integer positions, without the closing brace of the diagnostic. */
function writeRange(out: JsonBytes, { start, end }: Diagnostic['range']): void {
  out.raw(HEAD);
  out.number(start.line);
  out.raw(CHARACTER);
  out.number(start.character);
  out.raw(END);
  out.number(end.line);
  out.raw(CHARACTER);
  out.number(end.character);
  out.byte(125);
  out.byte(125);
}
