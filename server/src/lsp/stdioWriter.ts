/**
 * The stdio transport's message writer: each message framed (`Content-Length: N\r\n\r\n` and N
 * bytes of JSON) and written in one write. vscode-jsonrpc's stream writer writes the header and
 * the body separately — two system calls, two wake-ups of the editor reading the pipe per message —
 * and encodes the body twice (JSON.stringify, then Buffer.from); here the body is encoded once
 * into the frame's buffer, and an answer registered with an encoder (lsp/jsonBytes.ts: the
 * document symbols) is written straight as bytes. Messages are written in the order they are given.
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { JsonBytes, ascii, encoderOf } from './jsonBytes';

/** Room for `Content-Length: ` (16), up to 10 digits and `\r\n\r\n`. */
const HEADER_ROOM = 32;
const RESPONSE_START = ascii('{"jsonrpc":"2.0","id":');
const RESULT = ascii(',"result":');
const NOTIFICATION_START = ascii('{"jsonrpc":"2.0","method":');
const PARAMS = ascii(',"params":');

const utf8 = new TextEncoder();
/** The size of the last answer and of the last notification written by an encoder: the next one's first buffer (no growing copies). */
const lastSize = { response: 1024, notification: 1024 };

/** `{"jsonrpc":"2.0",<key>:<value>,<member>:` then what `encode` writes, then `}`: a message whose shape is known. */
function encoded(
  kind: keyof typeof lastSize,
  start: Uint8Array,
  key: (out: JsonBytes) => void,
  member: Uint8Array,
  encode: (out: JsonBytes) => void,
) {
  const out = new JsonBytes(lastSize[kind] + (lastSize[kind] >> 3), HEADER_ROOM, Buffer.allocUnsafe);
  out.raw(start);
  key(out);
  out.raw(member);
  encode(out);
  out.byte(125);
  const bytes = out.bytes();
  lastSize[kind] = bytes.length;
  return bytes;
}

/** The message's frame: its header, then its JSON as UTF-8. */
export function frame(message: Message): Uint8Array {
  const m = message as { jsonrpc?: unknown; id?: unknown; result?: unknown; method?: unknown; params?: unknown };
  const encode = 'result' in m ? encoderOf(m.result) : undefined;
  // A notification as vscode-jsonrpc builds it ({jsonrpc, method, params}) whose params have an encoder (lsp/diagnosticBytes.ts).
  const encodeParams = 'method' in m && !('id' in m) ? encoderOf(m.params) : undefined;
  const plain = m.jsonrpc === '2.0' && Object.keys(m).length === 3;
  const { id, method } = m;
  let bytes: Uint8Array;
  // A response as vscode-jsonrpc builds it ({jsonrpc, id, result}) whose result has an encoder.
  if (encode && plain && (typeof id === 'number' || typeof id === 'string'))
    bytes = encoded('response', RESPONSE_START, (out) => out.value(id), RESULT, encode);
  else if (encodeParams && plain && typeof method === 'string')
    bytes = encoded('notification', NOTIFICATION_START, (out) => out.string(method), PARAMS, encodeParams);
  else {
    // JSON.stringify, then UTF-8 into the frame (TextEncoder: several times faster than Buffer.from on Chinese text).
    const json = JSON.stringify(message);
    bytes = Buffer.allocUnsafe(HEADER_ROOM + Buffer.byteLength(json, 'utf8'));
    utf8.encodeInto(json, bytes.subarray(HEADER_ROOM));
  }
  const header = `Content-Length: ${bytes.length - HEADER_ROOM}\r\n\r\n`;
  const start = HEADER_ROOM - header.length;
  for (let i = 0; i < header.length; i++) bytes[start + i] = header.charCodeAt(i);
  return bytes.subarray(start);
}

export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = frame(message);
    } catch (error) {
      this.fireError(error, message, ++this.errors);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.stream.write(bytes, (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}
