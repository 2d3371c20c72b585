/**
 * The JSON the server writes itself (server/src/lsp/jsonBytes.ts, the document symbols' encoder in
 * lsp/convert.ts, the stdio frames of lsp/stdioWriter.ts) is byte for byte what JSON.stringify and
 * UTF-8 give: strings of any UTF-16 units (escapes, controls, lone surrogates, pairs), numbers, and
 * the symbols of real documents (details, headings with quotes and controls, a document of headings).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze, AnalysisCache } from '../server/src/core';
import { toDocumentSymbols, writeSymbols } from '../server/src/lsp/convert';
import { encoderOf, JsonBytes } from '../server/src/lsp/jsonBytes';
import { frame } from '../server/src/lsp/stdioWriter';
import { publishParams, tailWrites } from '../server/src/lsp/diagnosticBytes';
import { DocumentDiagnostics } from '../server/src/lsp/diagnosticsReuse';
import { headingHeavy } from '../bench/typingInputs';
import { Typist } from '../server/src/lsp/typist';

const ROOT = resolve(__dirname, '..', '..');
const EXAMPLE = readFileSync(resolve(ROOT, 'examples', 'example.report.txt'), 'utf8');
const text = (out: JsonBytes) => Buffer.from(out.bytes()).toString('latin1');
const expected = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('latin1');

/** Any UTF-16 units, lone surrogates and controls included. */
const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((cs) => String.fromCharCode(...cs));

describe('JsonBytes', () => {
  test('a string: the bytes of JSON.stringify, whatever its units', () => {
    fc.assert(
      fc.property(fc.oneof(units, fc.string({ unit: 'binary' }), fc.string()), (s) => {
        const out = new JsonBytes(4);
        out.string(s);
        assert.equal(text(out), expected(s));
      }),
      { numRuns: 2000 },
    );
    for (const s of ['', '"', '\\', '\b\f\n\r\t\u0000\u001f\u007f', '\ud800', '\udc00x', '\ud83d\ude00', '\ud83d', '标题“甲”\u2028']) {
      const out = new JsonBytes();
      out.string(s);
      assert.equal(text(out), expected(s), JSON.stringify(s));
    }
  });

  test('numbers, and anything else through JSON.stringify, after reserved bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.integer(), fc.double()), (n) => {
        const out = new JsonBytes(1, 5);
        out.number(n);
        assert.equal(text(out).slice(5), expected(n));
      }),
    );
    const out = new JsonBytes(1);
    out.value({ a: [1, '二', null], b: 'x"y' });
    assert.equal(text(out), expected({ a: [1, '二', null], b: 'x"y' }));
  });
});

describe('document symbols written as bytes', () => {
  const documents: Record<string, string> = {
    'the example (part details)': EXAMPLE,
    'headings with quotes, backslashes and controls':
      '关于2024年法治政府建设情况的报告\n一、“依法”"行政"\\甲\n（一）第\t一节\n1.事项\u0001甲\n二、存在的不足和原因\n',
    'a document of headings': headingHeavy(40 * 1024),
  };
  for (const [name, doc] of Object.entries(documents)) {
    test(`${name}: the bytes of JSON.stringify, registered for the answer`, () => {
      const symbols = toDocumentSymbols(analyze(doc));
      assert.ok(symbols.length > 0);
      const out = new JsonBytes();
      writeSymbols(out, symbols);
      assert.equal(text(out), expected(symbols));
      assert.ok(encoderOf(symbols), 'the answer carries its encoder');
    });
  }

  test('an edited document: kept symbols and new ones written as JSON.stringify writes them', () => {
    const doc = headingHeavy(20 * 1024);
    const lines = doc.split('\n');
    const first = toDocumentSymbols(analyze(doc));
    lines.splice(40, 1);
    lines[10] += '改';
    const second = toDocumentSymbols(analyze(lines.join('\n')));
    assert.notEqual(first, second);
    const out = new JsonBytes();
    writeSymbols(out, second);
    assert.equal(text(out), expected(second));
  });
});

describe('document symbols copied from the last answer', () => {
  // Symbols of the top levels are copied from the answer that last held them (lsp/convert.ts): after
  // every keystroke of accumulating typing, in two documents answered in turn, each answer must
  // still be the bytes JSON.stringify gives — a copy from the wrong place, or from an answer whose
  // place was not moved along, shows here.
  test('accumulating keystrokes in two documents of headings, answered in turn', () => {
    const docs = [headingHeavy(24 * 1024), EXAMPLE + '\n' + headingHeavy(8 * 1024)].map((doc, i) => ({
      typist: new Typist(doc, i),
      cache: new AnalysisCache(),
    }));
    for (let k = 0; k < 60; k++) {
      for (const d of docs) {
        if (k) d.typist.next();
        const symbols = toDocumentSymbols(analyze(d.typist.text(), { cache: d.cache }));
        for (let twice = 0; twice < (k % 7 === 0 ? 2 : 1); twice++) {
          const out = new JsonBytes(16);
          writeSymbols(out, symbols);
          assert.equal(text(out), expected(symbols), `keystroke ${k}`);
        }
      }
    }
  });
});

describe('stdio frames', () => {
  const body = (bytes: Uint8Array) => {
    const s = Buffer.from(bytes).toString('latin1');
    const m = /^Content-Length: (\d+)\r\n\r\n/.exec(s)!;
    assert.ok(m, 'a header');
    assert.equal(Number(m[1]), bytes.length - m[0].length, 'Content-Length counts the body’s bytes');
    return s.slice(m[0].length);
  };

  test('a response whose result has an encoder: the bytes JSON.stringify gives the message', () => {
    const result = toDocumentSymbols(analyze(EXAMPLE));
    for (const id of [7, 'req-“7”']) {
      const message = { jsonrpc: '2.0', id, result };
      assert.equal(body(frame(message as never)), expected(message));
    }
  });

  test("published diagnostics written from each diagnostic's kept bytes: the bytes JSON.stringify gives the message", () => {
    // Accumulating typing: diagnostics kept from keystroke to keystroke (lsp/diagnosticsReuse.ts), some new each time.
    const typist = new Typist(`${EXAMPLE}\n某某情况XX月完成。“待补充\t\u0001\n`);
    const cache = new AnalysisCache();
    const reuse = new DocumentDiagnostics();
    for (let k = 0; k < 40; k++) {
      if (k) typist.next();
      const diagnostics = reuse.of(analyze(typist.text(), { cache })) as never[];
      assert.ok(diagnostics.length > 0);
      for (const params of [
        { uri: 'file:///甲“乙”.report.txt', version: k, diagnostics },
        { uri: 'file:///a.report.txt', version: undefined, diagnostics },
        { uri: 'file:///a.report.txt', diagnostics: [] },
      ]) {
        const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: publishParams(params) };
        assert.equal(body(frame(message as never)), expected(message), `keystroke ${k}`);
        assert.ok(encoderOf(message.params), 'written by its encoder');
      }
    }
  });

  test('diagnostics moved by a line added or removed above them: written from the bytes they were written with, the range anew', () => {
    // Findings after the edit: the same messages, codes and data one line further (lsp/diagnosticsReuse.ts, writeLike).
    const lines = `${EXAMPLE}\n某某情况XX月完成。“待补充\n`.split('\n');
    const cache = new AnalysisCache();
    const reuse = new DocumentDiagnostics();
    const publish = (version: number) => {
      const params = { uri: 'file:///甲.report.txt', version, diagnostics: reuse.of(analyze(lines.join('\n'), { cache })) as never[] };
      const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: publishParams(params) };
      assert.equal(body(frame(message as never)), expected(message), `version ${version}`);
      return params.diagnostics as { range: { start: { line: number } } }[];
    };
    const first = publish(1);
    const below = first.filter((d) => d.range.start.line > 6).length;
    assert.ok(below > 3, 'findings below the edit');
    let before = tailWrites.count;
    lines.splice(5, 0, '新增的一行。');
    publish(2);
    assert.ok(tailWrites.count - before >= below, `each moved diagnostic written from its tail (${tailWrites.count - before} of ${below})`);
    // Moved again, and written again unmoved: from the same tail.
    before = tailWrites.count;
    lines.splice(5, 1);
    publish(3);
    publish(3);
    assert.ok(tailWrites.count - before >= 2 * below);
  });

  test('any other message: JSON.stringify, UTF-8', () => {
    const messages = [
      {
        jsonrpc: '2.0',
        method: 'textDocument/publishDiagnostics',
        params: { uri: 'file:///甲.report.txt', diagnostics: [{ message: '标点“,”' }] },
      },
      { jsonrpc: '2.0', id: 3, result: null },
      { jsonrpc: '2.0', id: 4, error: { code: -32602, message: 'invalid' } },
      // An encoded result in a message that is not a plain response is written as it is.
      { jsonrpc: '2.0', id: 5, result: toDocumentSymbols(analyze(EXAMPLE)), extra: 1 },
    ];
    for (const m of messages) assert.equal(body(frame(m as never)), expected(m));
  });
});
