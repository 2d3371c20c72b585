/**
 * What the server checks about each message before any handler sees it, on every transport
 * (stdio, IPC, a browser worker's port):
 * - before `initialize`, a request is refused with ServerNotInitialized (-32002) and a
 *   notification other than `exit` is dropped (LSP: "the server should respond with -32002");
 * - a request whose params are malformed (no textDocument.uri, a null position, a range that is
 *   not one) is answered with InvalidParams (-32602) naming what is wrong, instead of reaching a
 *   handler that would fail with an internal error;
 * - an internal error (-32603) a handler produced is logged with the request's method.
 * Protocol-only: no Node, so the web worker uses it too.
 */
import type {
  DataCallback,
  Disposable,
  Message,
  MessageReader,
  MessageWriter,
  NotificationMessage,
  RequestMessage,
  ResponseMessage,
} from 'vscode-languageserver';

export const SERVER_NOT_INITIALIZED = -32002;
export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;

type Check = (params: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUinteger = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2 ** 31 - 1;

function position(v: unknown, name: string): string | undefined {
  if (!isObject(v)) return `${name} must be a position`;
  if (!isUinteger(v.line)) return `${name}.line must be a non-negative integer`;
  if (!isUinteger(v.character)) return `${name}.character must be a non-negative integer`;
  return undefined;
}

function range(v: unknown, name: string): string | undefined {
  if (!isObject(v)) return `${name} must be a range`;
  return position(v.start, `${name}.start`) ?? position(v.end, `${name}.end`);
}

/** Every textDocument/* request names its document. */
const textDocument: Check = (p) => {
  if (!isObject(p)) return 'params must be an object';
  if (!isObject(p.textDocument) || typeof p.textDocument.uri !== 'string') return 'textDocument.uri must be a string';
  return undefined;
};
const withPosition: Check = (p) => textDocument(p) ?? position((p as Record<string, unknown>).position, 'position');
const withRange: Check = (p) => textDocument(p) ?? range((p as Record<string, unknown>).range, 'range');

/** The params each request must have; textDocument/* requests not listed need a textDocument. */
const CHECKS: Record<string, Check> = {
  'textDocument/completion': withPosition,
  'textDocument/hover': withPosition,
  'textDocument/signatureHelp': withPosition,
  'textDocument/definition': withPosition,
  'textDocument/references': withPosition,
  'textDocument/documentHighlight': withPosition,
  'textDocument/prepareRename': withPosition,
  'textDocument/rename': withPosition,
  'textDocument/semanticTokens/range': withRange,
  'textDocument/inlayHint': withRange,
  'textDocument/codeAction': (p) => {
    const e = withRange(p);
    if (e) return e;
    const context = (p as Record<string, unknown>).context;
    if (!isObject(context) || !Array.isArray(context.diagnostics)) return 'context.diagnostics must be an array';
    return undefined;
  },
  'textDocument/selectionRange': (p) => {
    const e = textDocument(p);
    if (e) return e;
    const positions = (p as Record<string, unknown>).positions;
    if (!Array.isArray(positions)) return 'positions must be an array';
    for (let i = 0; i < positions.length; i++) {
      const bad = position(positions[i], `positions[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  },
  'workspace/executeCommand': (p) => {
    if (!isObject(p) || typeof p.command !== 'string') return 'command must be a string';
    if (p.arguments !== undefined && !Array.isArray(p.arguments)) return 'arguments must be an array';
    return undefined;
  },
};

/** Why a request's params are malformed, or undefined when they are fine (or not checked). */
export function invalidParams(method: string, params: unknown): string | undefined {
  const check = CHECKS[method] ?? (method.startsWith('textDocument/') ? textDocument : undefined);
  return check?.(params);
}

const isRequest = (m: Message): m is RequestMessage & { id: string | number } =>
  'method' in m && 'id' in m && (m as RequestMessage).id !== undefined && (m as RequestMessage).id !== null;
const isNotification = (m: Message): m is NotificationMessage => 'method' in m && !('id' in m && (m as RequestMessage).id != null);
const isResponse = (m: Message): m is ResponseMessage => !('method' in m) && 'id' in m;

/** A reader that hands each message read to `relay`, with the callback that passes it on (or not). */
export function relayReader(reader: MessageReader, relay: (message: Message, callback: DataCallback) => void): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen: (callback): Disposable => reader.listen((message) => relay(message, callback)),
  };
}

/**
 * The reader and writer to hand to createConnection. An internal error is logged with its
 * method to the editor (window/logMessage) and to `log` (stderr in Node).
 */
export function guardTransport(
  reader: MessageReader,
  writer: MessageWriter,
  log: (message: string) => void,
): { reader: MessageReader; writer: MessageWriter } {
  let initialized = false;
  /** Methods of the requests in flight, by id: an error response is logged with its method. */
  const inFlight = new Map<string | number, string>();
  const answer = (id: string | number, code: number, message: string) => {
    void writer.write({ jsonrpc: '2.0', id, error: { code, message } } as ResponseMessage);
  };
  const guardedReader = relayReader(reader, (message, callback) => {
    if (isRequest(message)) {
      if (message.method === 'initialize') initialized = true;
      else if (!initialized) {
        answer(message.id, SERVER_NOT_INITIALIZED, `the server is not initialized: ${message.method} before initialize`);
        return;
      }
      const bad = invalidParams(message.method, message.params);
      if (bad) {
        answer(message.id, INVALID_PARAMS, `invalid params for ${message.method}: ${bad}`);
        return;
      }
      inFlight.set(message.id, message.method);
    } else if (isNotification(message) && !initialized && message.method !== 'exit') {
      return; // LSP: notifications before initialize are dropped
    }
    callback(message);
  });
  const guardedWriter: MessageWriter = {
    onError: writer.onError,
    onClose: writer.onClose,
    dispose: () => writer.dispose(),
    end: () => writer.end(),
    write(message) {
      if (isResponse(message) && message.id !== null) {
        const method = inFlight.get(message.id);
        inFlight.delete(message.id);
        if (message.error?.code === INTERNAL_ERROR) {
          const text = `govreport: internal error in ${method ?? 'a request'}: ${message.error.message}`;
          log(text);
          void writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message: text } } as NotificationMessage);
        }
      }
      return writer.write(message);
    },
  };
  return { reader: guardedReader, writer: guardedWriter };
}
