/**
 * The stdio frame guard (lsp/frameGuard.ts) jumps through a body's strings by native search (round 21).
 * It must say exactly what the byte-by-byte scan it replaced said, at the same chunk: nothing for
 * well-framed messages however the stream is cut, and the same desync for a Content-Length too large
 * or too small. The reference below is that scan, kept as it was.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { FrameGuard } from '../server/src/lsp/frameGuard';

/** The byte-by-byte scan of the body before round 21 (headers as in FrameGuard). */
class ByteByByte {
  private header: number[] = [];
  private bodyLeft = -1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private valueClosed = false;
  failed: string | undefined;

  scan(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && this.failed === undefined) {
      if (this.bodyLeft < 0) {
        const c = chunk[i++];
        this.header.push(c);
        const n = this.header.length;
        if (n >= 4 && c === 10 && this.header[n - 2] === 13 && this.header[n - 3] === 10 && this.header[n - 4] === 13) {
          const header = Buffer.from(this.header).toString('latin1');
          const m = /^Content-Length:[ \t]*(\d+)[ \t]*$/im.exec(header);
          this.header = [];
          if (!m || header.split('\r\n').some((l) => l !== '' && !/^[A-Za-z-]+:/.test(l))) {
            this.failed = 'header';
            return;
          }
          this.bodyLeft = Number(m[1]);
          if (this.bodyLeft === 0) this.endBody();
        }
        continue;
      }
      const take = Math.min(this.bodyLeft, chunk.length - i);
      for (let k = i; k < i + take; k++) {
        const b = chunk[k];
        if (this.valueClosed) {
          if (b !== 32 && b !== 9 && b !== 13 && b !== 10) {
            this.failed = 'a message body goes on after its JSON value (its Content-Length is too large)';
            return;
          }
        } else if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (b === 92) this.escaped = true;
          else if (b === 34) this.inString = false;
        } else if (b === 34) this.inString = true;
        else if (b === 123 || b === 91) this.depth++;
        else if (b === 125 || b === 93) {
          if (--this.depth === 0) this.valueClosed = true;
        }
      }
      i += take;
      this.bodyLeft -= take;
      if (this.bodyLeft === 0) this.endBody();
    }
  }

  private endBody(): void {
    this.bodyLeft = -1;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.valueClosed = false;
  }
}

// Strings as reports and edits hold them: Chinese, quotes of every width, backslashes, line ends, escapes.
const piece = fc.constantFrom(
  '法治',
  '“',
  '"',
  '\\',
  '\\"',
  '\n',
  '\r\n',
  '\t',
  ' ',
  'a',
  '}',
  '{',
  '[',
  ']',
  '：',
  '\u2028',
  '😀',
  '\\\\',
);
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(text, tie('v'), { maxKeys: 4 }),
  ),
})).v;
const message = fc.record({
  body: fc.record({ jsonrpc: fc.constant('2.0'), method: text, params: value }),
  // Mostly right; some too large or too small (what a broken client sends).
  skew: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -6, max: 6 }) }),
  pad: fc.constantFrom('', ' ', '\r\n'),
});

test('the frame guard says what the byte-by-byte scan said, at the same chunk, however the stream is cut', () => {
  fc.assert(
    fc.property(
      fc.array(message, { minLength: 1, maxLength: 5 }),
      fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1 }),
      (messages, cuts) => {
        const bytes = Buffer.concat(
          messages.map(({ body, skew, pad }) => {
            const b = Buffer.from(JSON.stringify(body) + pad);
            return Buffer.concat([Buffer.from(`Content-Length: ${Math.max(0, b.length + skew)}\r\n\r\n`), b]);
          }),
        );
        const said: string[] = [];
        const guard = new FrameGuard((reason) => said.push(reason));
        const reference = new ByteByByte();
        for (let at = 0, c = 0; at < bytes.length; c++) {
          const chunk = bytes.subarray(at, at + cuts[c % cuts.length]);
          at += chunk.length;
          guard._transform(chunk, 'binary', () => {});
          reference.scan(chunk);
          // The same verdict after every chunk (a desync in the header is the header's own message).
          const verdict = said.length === 0 ? undefined : said[0].startsWith('a message header') ? 'header' : said[0];
          assert.equal(verdict, reference.failed, `after chunk ${c}`);
        }
      },
    ),
    { numRuns: 600 },
  );
});

test('a 1 MB body of one string, cut as a pipe cuts it, passes; the same with the next frame swallowed fails', () => {
  const line = '二〇二三年，我区“坚持”以\\"法治\\"为纲；\\\\ 路径 C:\\\\x\n';
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: line.repeat(20000) } }));
  const next = Buffer.from('Content-Length: 2\r\n\r\n{}');
  for (const skew of [0, next.length]) {
    const said: string[] = [];
    const guard = new FrameGuard((reason) => said.push(reason));
    const bytes = Buffer.concat([Buffer.from(`Content-Length: ${body.length + skew}\r\n\r\n`), body, next]);
    for (let at = 0; at < bytes.length; at += 65536) guard._transform(bytes.subarray(at, at + 65536), 'binary', () => {});
    assert.deepEqual(said, skew === 0 ? [] : ['a message body goes on after its JSON value (its Content-Length is too large)']);
  }
});
