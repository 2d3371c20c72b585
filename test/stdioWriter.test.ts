/**
 * The stdio server's writer (server/src/lsp/stdioWriter.ts): one write per message, header and
 * body together (vscode-jsonrpc's writer makes two, each a system call that wakes the editor), in
 * the order the messages were given, read back by vscode-jsonrpc's own reader; a failed write is
 * reported to the connection. The server itself over stdio runs through it in every protocol test.
 */
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import { analyze } from '../server/src/core';
import { toDocumentSymbols } from '../server/src/lsp/convert';
import { StdioMessageWriter } from '../server/src/lsp/stdioWriter';

const EXAMPLE = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n（一）强化领导\n二、存在的不足和原因\n三、2025年工作安排\n';

describe('StdioMessageWriter', () => {
  test('each message in one write, in order, read back whole by a JSON-RPC reader', async () => {
    const writes: Buffer[] = [];
    const pipe = new PassThrough();
    const counting = new Writable({
      write(chunk: Buffer, _encoding, done) {
        writes.push(chunk);
        pipe.write(chunk, done);
      },
    });
    const writer = new StdioMessageWriter(counting);
    const symbols = toDocumentSymbols(analyze(EXAMPLE));
    const sent: Message[] = [
      { jsonrpc: '2.0', id: 1, result: symbols } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///甲', diagnostics: [] } } as Message,
      { jsonrpc: '2.0', id: 2, result: null } as Message,
    ];
    const received: Message[] = [];
    const reader = new StreamMessageReader(pipe);
    const all = new Promise<void>((res) =>
      reader.listen((m) => {
        received.push(m);
        if (received.length === sent.length) res();
      }),
    );
    await Promise.all(sent.map((m) => writer.write(m)));
    assert.equal(writes.length, sent.length, 'one write per message');
    for (const w of writes) {
      const header = /^Content-Length: (\d+)\r\n\r\n/.exec(w.subarray(0, 40).toString('latin1'));
      assert.ok(header, 'the write starts with the header');
      assert.equal(w.length, header[0].length + Number(header[1]), 'and holds the whole body');
    }
    await all;
    assert.deepEqual(received, JSON.parse(JSON.stringify(sent)));
    reader.dispose();
  });

  test('a write that fails rejects and is reported to the connection', async () => {
    const failing = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('pipe closed'));
      },
    });
    failing.on('error', () => {}); // the writer listens too; this keeps the test's stream from throwing
    const writer = new StdioMessageWriter(failing);
    const reported: unknown[] = [];
    writer.onError(([error]) => reported.push(error));
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: null } as Message), /pipe closed/);
    assert.ok(reported.some((e) => e instanceof Error && /pipe closed/.test(e.message)));
  });
});
