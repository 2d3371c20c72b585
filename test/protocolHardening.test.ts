// The server against malformed and hostile protocol traffic (issue 12): requests before
// initialize, malformed params, a frame with a wrong Content-Length, a burst of edits in one
// write, a didChange that repeats its version, completion past a line's end.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { INVALID_PARAMS, SERVER_NOT_INITIALIZED } from '../server/src/lsp/transportGuard';
import { frame, RawServer } from './support/rawLsp';

const URI = 'file:///hardening.govreport';
const REPORT = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n全年办理案件12件。\n二、存在的不足和原因\n内容。\n';
const open = (uri: string, text: string, version = 1) =>
  frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'govreport', version, text } } });

describe('before initialize', () => {
  test('a request is refused with ServerNotInitialized (-32002); after initialize it is answered', async () => {
    const server = new RawServer();
    try {
      const early = await server.request(1, 'textDocument/documentSymbol', { textDocument: { uri: URI } });
      assert.equal(early.error?.code, SERVER_NOT_INITIALIZED);
      assert.match(early.error!.message, /textDocument\/documentSymbol/);
      await server.initialize();
      server.write(open(URI, REPORT));
      const symbols = await server.request(2, 'textDocument/documentSymbol', { textDocument: { uri: URI } });
      assert.deepEqual(
        symbols.result.map((s: { name: string }) => s.name),
        ['一、主要举措和成效', '二、存在的不足和原因'],
      );
    } finally {
      await server.kill();
    }
  });
});

describe('malformed params: InvalidParams (-32602), never an internal error', () => {
  let server: RawServer;
  let id = 10;
  before(async () => {
    server = new RawServer();
    await server.initialize();
    server.write(open(URI, REPORT));
  });
  after(async () => {
    await server.kill();
  });

  const cases: [string, unknown, RegExp][] = [
    ['textDocument/documentSymbol', {}, /textDocument\.uri/],
    ['textDocument/documentSymbol', null, /params/],
    ['textDocument/completion', { textDocument: { uri: URI }, position: null }, /position/],
    ['textDocument/completion', { textDocument: { uri: URI }, position: { line: -1, character: 0 } }, /position\.line/],
    ['textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 1.5 } }, /position\.character/],
    ['textDocument/semanticTokens/full', { textDocument: null }, /textDocument\.uri/],
    ['textDocument/semanticTokens/range', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 } } }, /range\.end/],
    [
      'textDocument/codeAction',
      { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      /context\.diagnostics/,
    ],
    ['textDocument/foldingRange', { textDocument: { uri: 42 } }, /textDocument\.uri/],
    ['textDocument/selectionRange', { textDocument: { uri: URI }, positions: [{ line: 0 }] }, /positions\[0\]\.character/],
    ['workspace/executeCommand', { command: null }, /command/],
  ];
  for (const [method, params, why] of cases) {
    test(`${method} with ${JSON.stringify(params)}`, async () => {
      const r = await server.request(++id, method, params);
      assert.equal(r.error?.code, INVALID_PARAMS, JSON.stringify(r));
      assert.match(r.error!.message, why);
    });
  }

  test('the server still answers well-formed requests afterwards, and logged no internal error', async () => {
    const r = await server.request(++id, 'textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.equal(r.result.length, 2);
    assert.doesNotMatch(server.stderr, /internal error/);
  });
});

describe('one bad frame', () => {
  for (const [what, skew] of [
    ['too small', -7],
    ['too large', +25],
  ] as const) {
    test(`a Content-Length ${what}: the desync is logged and the server exits (the client restarts it)`, async () => {
      const server = new RawServer();
      await server.initialize();
      const body = Buffer.from(
        JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'textDocument/documentSymbol', params: { textDocument: { uri: URI } } }),
      );
      const bad = Buffer.concat([Buffer.from(`Content-Length: ${body.length + skew}\r\n\r\n`), body]);
      // The bad frame and a good request in one write, as a client with a framing bug would send them.
      server.write(bad, frame({ id: 6, method: 'textDocument/documentSymbol', params: { textDocument: { uri: URI } } }));
      const code = await server.exited;
      assert.equal(code, 1);
      assert.match(server.stderr, /out of step/);
    });
  }
});

describe('edits', () => {
  let server: RawServer;
  before(async () => {
    server = new RawServer();
    await server.initialize();
  });
  after(async () => {
    await server.kill();
  });

  test('1,000 didChange in one write: one analysis, published for the last version', async () => {
    const uri = 'file:///burst.govreport';
    server.write(open(uri, REPORT));
    await server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    const frames = [];
    for (let v = 2; v <= 1001; v++) {
      frames.push(
        frame({
          method: 'textDocument/didChange',
          params: {
            textDocument: { uri, version: v },
            // Before the second part's ordinal: that heading is lost, so the last version's diagnostics differ (only changed ones are published).
            contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }],
          },
        }),
      );
    }
    const before = server.messages.length;
    server.write(...frames);
    await server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 1001);
    // A barrier: a request answered after the burst (its analysis, if any were still due, came before).
    await server.request(900, 'textDocument/documentSymbol', { textDocument: { uri } });
    const published = server.messages.slice(before).filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    assert.deepEqual(
      published.map((m) => m.params.version),
      [1001],
    );
  });

  test('a didChange that repeats the version is still applied: the outline follows the new text', async () => {
    const uri = 'file:///same-version.govreport';
    server.write(open(uri, REPORT, 3));
    const first = await server.request(901, 'textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(first.result.length, 2);
    server.write(
      frame({
        method: 'textDocument/didChange',
        params: {
          textDocument: { uri, version: 3 },
          contentChanges: [{ text: REPORT.replace('二、存在的不足和原因', '三、存在的不足和原因\n四、下一步安排') }],
        },
      }),
    );
    const second = await server.request(902, 'textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      second.result.map((s: { name: string }) => s.name),
      ['一、主要举措和成效', '三、存在的不足和原因', '四、下一步安排'],
    );
  });

  test('completion at a character past the line end: every edit stays within the line', async () => {
    const uri = 'file:///completion-past-end.govreport';
    server.write(open(uri, '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n（\n'));
    const r = await server.request(903, 'textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 50 } });
    const items = Array.isArray(r.result) ? r.result : r.result.items;
    assert.ok(items.length > 0);
    for (const item of items) assert.ok(item.textEdit.range.end.character <= 1, JSON.stringify(item.textEdit));
    const beyond = await server.request(904, 'textDocument/completion', { textDocument: { uri }, position: { line: 99, character: 0 } });
    assert.deepEqual(beyond.result, []);
  });
});
