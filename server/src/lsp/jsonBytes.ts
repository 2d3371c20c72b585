/**
 * JSON written straight into UTF-8 bytes, for the answers whose shape the server knows (the
 * document symbols of a document of headings are 2 MB of JSON per request): `JSON.stringify`
 * builds a two-byte string of the whole answer (the names are Chinese), which must then be encoded
 * again and collected — three times the time of writing the bytes once (docs/performance.md,
 * round 8). The bytes are those `JSON.stringify` gives, escapes included (test/jsonBytes.test.ts).
 * Values whose encoding is known are registered with `encodeWith`; a writer that writes bytes
 * (lsp/stdioWriter.ts) asks `encoderOf`, every other transport sends the value as it is.
 * Protocol-only: no Node, so the web worker could use it too.
 */

const HEX = '0123456789abcdef';
const utf8 = new TextEncoder();

/** A growing buffer of JSON bytes. `reserve` bytes at the front are left free for a frame's header. */
export class JsonBytes {
  private buf: Uint8Array;
  /** Where the next byte goes. */
  at: number;

  constructor(
    capacity = 1024,
    readonly reserved = 0,
    /** Node's Buffer.allocUnsafe spares zeroing bytes that are written over anyway. */
    private readonly alloc: (size: number) => Uint8Array = (size) => new Uint8Array(size),
  ) {
    this.buf = alloc(Math.max(capacity, reserved + 64));
    this.at = reserved;
  }

  /** The buffer, grown to hold `more` bytes after `at`. */
  room(more: number): Uint8Array {
    if (this.at + more > this.buf.length) {
      const next = this.alloc(Math.max(this.buf.length * 2, this.at + more));
      next.set(this.buf.subarray(0, this.at));
      this.buf = next;
    }
    return this.buf;
  }

  /** Bytes already encoded (a literal such as `,"kind":`). */
  raw(bytes: Uint8Array): void {
    const b = this.room(bytes.length);
    let at = this.at;
    // Literals are short: a loop beats `set` and its call.
    for (let i = 0; i < bytes.length; i++) b[at++] = bytes[i];
    this.at = at;
  }

  /** Bytes written before (`from[start, end)`, an earlier answer's JSON): one memory copy. */
  copy(from: Uint8Array, start: number, end: number): void {
    const b = this.room(end - start);
    b.set(from.subarray(start, end), this.at);
    this.at += end - start;
  }

  /** The buffer written into so far (replaced when it grows; what was written stays as it is in the old one). */
  get buffer(): Uint8Array {
    return this.buf;
  }

  byte(c: number): void {
    this.room(1)[this.at++] = c;
  }

  /** A number as JSON.stringify writes it (integers digit by digit, without a string). */
  number(v: number): void {
    if (!(Number.isInteger(v) && v >= 0 && v < 2 ** 31)) {
      this.raw(ascii(JSON.stringify(v)));
      return;
    }
    const b = this.room(10);
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = (this.at += digits);
    do {
      b[--at] = 48 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
  }

  /** A string as JSON.stringify writes it: quoted, `"` `\` and controls escaped, lone surrogates as \udxxx, the rest as UTF-8. */
  string(s: string): void {
    // At most 6 bytes per UTF-16 unit (an escape), plus the quotes.
    const b = this.room(s.length * 6 + 2);
    let at = this.at;
    b[at++] = 34;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 34 && c !== 92) b[at++] = c;
        else at = escape(b, at, c);
      } else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 0x3f);
        b[at++] = 0x80 | (c & 0x3f);
      } else {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const p = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[at++] = 0xf0 | (p >> 18);
          b[at++] = 0x80 | ((p >> 12) & 0x3f);
          b[at++] = 0x80 | ((p >> 6) & 0x3f);
          b[at++] = 0x80 | (p & 0x3f);
          i++;
        } else at = unicodeEscape(b, at, c); // a lone surrogate: JSON.stringify escapes it
      }
    }
    b[at++] = 34;
    this.at = at;
  }

  /** Any JSON value, through JSON.stringify (for the parts of an answer whose shape is not known). */
  value(v: unknown): void {
    const s = JSON.stringify(v) ?? 'null';
    const b = this.room(s.length * 3);
    this.at += utf8.encodeInto(s, b.subarray(this.at)).written;
  }

  /** The bytes written, from the front (the reserved bytes included). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }
}

const SHORT: Record<number, number> = { 8: 98, 9: 116, 10: 110, 12: 102, 13: 114, 34: 34, 92: 92 };

function escape(b: Uint8Array, at: number, c: number): number {
  const short = SHORT[c];
  if (short === undefined) return unicodeEscape(b, at, c);
  b[at++] = 92;
  b[at++] = short;
  return at;
}

function unicodeEscape(b: Uint8Array, at: number, c: number): number {
  b[at++] = 92;
  b[at++] = 117;
  for (let shift = 12; shift >= 0; shift -= 4) b[at++] = HEX.charCodeAt((c >> shift) & 15);
  return at;
}

/** An ASCII literal's bytes. */
export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const encoders = new WeakMap<object, (out: JsonBytes) => void>();

/** Registers how `value` (an answer the server keeps, e.g. a model's symbols) is written as JSON; the value itself is unchanged. */
export function encodeWith<T extends object>(value: T, encode: (out: JsonBytes, value: T) => void): T {
  encoders.set(value, (out) => encode(out, value));
  return value;
}

/** How `value` is written as JSON bytes, if registered. */
export function encoderOf(value: unknown): ((out: JsonBytes) => void) | undefined {
  return typeof value === 'object' && value !== null ? encoders.get(value) : undefined;
}
