/**
 * The server's practice before the writer types (lsp/warmUp.ts, issue 27): it types only while the
 * client is quiet, stops when told, and nothing it makes reaches the client — through a real
 * client over stdio, the server's answers with practice are those without.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { practise, QUIET_MS, WARM_UP_KEYSTROKES, warmUpKeystrokes, type Practised } from '../server/src/lsp/warmUp';
import { startServer } from './support/lspClient';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('practice before the writer types', () => {
  test('GOVREPORT_WARM_UP: a count of keystrokes, 0 for none, the default for anything else', () => {
    assert.equal(warmUpKeystrokes('0'), 0);
    assert.equal(warmUpKeystrokes('250'), 250);
    for (const other of [undefined, '', ' ', 'off', '-1', '1.5']) assert.equal(warmUpKeystrokes(other), WARM_UP_KEYSTROKES, String(other));
  });

  test('types only while the client is quiet, then says how many keystrokes it typed', async () => {
    let lastMessageAt = performance.now();
    let busy = true;
    const done: Practised[] = [];
    practise(
      { sample: EXAMPLE, keystrokes: 20, lastMessageAt: () => (busy ? (lastMessageAt = performance.now()) : lastMessageAt) },
      () => ({}),
      (p) => done.push(p),
    );
    await sleep(QUIET_MS * 4);
    assert.equal(done.length, 0, 'a client that keeps sending gets no practice in between');
    busy = false;
    for (let i = 0; i < 100 && !done.length; i++) await sleep(QUIET_MS);
    assert.equal(done.length, 1);
    assert.equal(done[0].keystrokes, 20);
  });

  test('stopped, it types no further', async () => {
    const done: Practised[] = [];
    const stop = practise(
      { sample: EXAMPLE, keystrokes: 1_000_000, lastMessageAt: () => -Infinity },
      () => ({}),
      (p) => done.push(p),
    );
    await sleep(20);
    stop();
    const before = process.cpuUsage();
    await sleep(100);
    const used = process.cpuUsage(before);
    assert.equal(done.length, 0);
    assert.ok((used.user + used.system) / 1000 < 50, `CPU after stop: ${(used.user + used.system) / 1000} ms`);
  });

  test('an error in practice stops it and is told, and nothing is thrown at the event loop', async () => {
    const done: Practised[] = [];
    practise(
      { sample: EXAMPLE, keystrokes: 50, lastMessageAt: () => -Infinity },
      () => {
        throw new Error('a bug the practice met');
      },
      (p) => done.push(p),
    );
    for (let i = 0; i < 20 && !done.length; i++) await sleep(10);
    assert.equal(done.length, 1);
    assert.equal(done[0].keystrokes, 0);
    assert.match(String(done[0].error), /a bug the practice met/);
  });

  // The server practises as many keystrokes as the environment says (the tests' servers are told 0 unless they ask).
  const expected = warmUpKeystrokes(process.env.GOVREPORT_WARM_UP);
  test(
    'through the server: it practises when the client is quiet, and what the client sees is what it sees without practice',
    { skip: expected === 0 && 'GOVREPORT_WARM_UP=0 in this environment' },
    async () => {
      const report = EXAMPLE.replace('（二）规范行政执法', '（三）规范行政执法');
      const answers = async (warmUp: boolean) => {
        const server = await startServer({ warmUp });
        const logs: string[] = [];
        server.connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
        try {
          // Quiet: the server practises.
          for (let i = 0; i < 600 && warmUp && !logs.some((l) => l.includes('练习输入')); i++) await sleep(QUIET_MS);
          const uri = 'file:///warm-up/report.govreport';
          const diagnostics: Diagnostic[] = await server.open(uri, report);
          const symbols: DocumentSymbol[] = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
          return { diagnostics, symbols, logs, practicePublished: server.published('govreport-practice:/example.report.txt') };
        } finally {
          await server.stop();
        }
      };
      const without = await answers(false);
      const withPractice = await answers(true);
      assert.ok(
        withPractice.logs.some((l) => l.includes(`已在示例报告上练习输入 ${expected} 次按键`)),
        `logged: ${withPractice.logs.join(' | ')}`,
      );
      assert.ok(!without.logs.some((l) => l.includes('练习输入')), 'GOVREPORT_WARM_UP=0: no practice');
      assert.equal(withPractice.practicePublished, 0, 'nothing published for the practice report');
      assert.ok(
        withPractice.diagnostics.some((d) => d.code === 'heading-sequence'),
        'the report has a finding to compare',
      );
      assert.deepEqual(withPractice.diagnostics, without.diagnostics);
      assert.deepEqual(withPractice.symbols, without.symbols);
    },
  );
});
