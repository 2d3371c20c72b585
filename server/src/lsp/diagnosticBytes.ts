/**
 * `textDocument/publishDiagnostics` written as bytes (lsp/stdioWriter.ts): each diagnostic's JSON
 * is encoded once and kept by the diagnostic object, which lsp/diagnosticsReuse.ts hands out again
 * for every finding a keystroke did not change. A report of a thousand findings publishes ~270 KB
 * after each keystroke that moves one of them; JSON.stringify and UTF-8 of the whole list each time
 * were the largest part of the server's work on those keystrokes (issue 27). The bytes are those
 * JSON.stringify gives the params (test/jsonBytes.test.ts).
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { encodeWith, type JsonBytes } from './jsonBytes';

const utf8 = new TextEncoder();
/** Each diagnostic's JSON as UTF-8 (diagnostics are never changed once made). */
const bytesOf = new WeakMap<Diagnostic, Uint8Array>();

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
    if (bytes === undefined) bytesOf.set(d, (bytes = utf8.encode(JSON.stringify(d) ?? 'null')));
    out.copy(bytes, 0, bytes.length);
  }
  out.byte(93);
}
