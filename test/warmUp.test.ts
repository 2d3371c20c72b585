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
import type { AnalyzeOptions } from '../server/src/core';
import { practise, REPORT_ROUNDS, WARM_UP_KEYSTROKES, warmUpKeystrokes, type Practised } from '../server/src/lsp/warmUp';
import { startServer } from './support/lspClient';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');

/**
 * Awaits `promise` with the event loop held open: the practice's waits for a quiet client are unref'd
 * (in the server, stdin holds the loop open), so a test process would otherwise end while it waits.
 */
async function held<T>(promise: Promise<T>): Promise<T> {
  const handle = setInterval(() => {}, 1000);
  try {
    return await promise;
  } finally {
    clearInterval(handle);
  }
}

describe('practice before the writer types', { timeout: 30_000 }, () => {
  test('GOVREPORT_WARM_UP: a count of keystrokes, 0 for none, the default for anything else', () => {
    assert.equal(warmUpKeystrokes('0'), 0);
    assert.equal(warmUpKeystrokes('250'), 250);
    for (const other of [undefined, '', ' ', 'off', '-1', '1.5']) assert.equal(warmUpKeystrokes(other), WARM_UP_KEYSTROKES, String(other));
  });

  test('types only while the client is quiet, then says how many keystrokes it typed', async () => {
    // The client sends a message just before each look the practice takes, until it falls quiet.
    let looks = 0;
    let quiet = false;
    let lookedThrice!: () => void;
    const thrice = new Promise<void>((resolve) => (lookedThrice = resolve));
    let finished!: (p: Practised) => void;
    const practised = new Promise<Practised>((resolve) => (finished = resolve));
    // Each keystroke of practice is analysed with the options it asks for: asked while busy, it typed while busy.
    let typedWhileBusy = false;
    practise(
      {
        sample: EXAMPLE,
        keystrokes: 20,
        lastMessageAt: () => {
          if (quiet) return -Infinity;
          if (++looks === 3) lookedThrice();
          return performance.now();
        },
      },
      () => {
        typedWhileBusy ||= !quiet;
        return {};
      },
      finished,
    );
    await held(Promise.race([thrice, practised]));
    assert.equal(typedWhileBusy, false, 'a client that keeps sending gets no practice in between');
    quiet = true;
    const p = await held(practised);
    assert.equal(p.keystrokes, 20);
    assert.equal(p.error, undefined);
  });

  test('before its keystrokes it opens each practice report REPORT_ROUNDS times, only while the client is quiet', async () => {
    const reports = [
      EXAMPLE.replace('（二）规范行政执法', '（三）规范行政执法'),
      '某县2023年度法治政府建设情况的报告\n\n一、主要举措\n办理案件12件。',
    ];
    // Busy for its first looks at each kind of step: a keystroke and an opening each wait for quiet.
    let looks = 0;
    let busyLooks = 0;
    let asked = 0;
    const p = await held(
      new Promise<Practised>((resolve) =>
        practise(
          {
            sample: EXAMPLE,
            keystrokes: 4,
            reports,
            lastMessageAt: () => {
              looks++;
              // The fifth and sixth looks come at the fifth opening: the client is busy then.
              if (looks === 5 || looks === 6) {
                busyLooks++;
                return performance.now();
              }
              return -Infinity;
            },
          },
          () => {
            asked++;
            return {};
          },
          resolve,
        ),
      ),
    );
    assert.equal(p.error, undefined);
    assert.equal(p.keystrokes, 4);
    assert.equal(p.reports, reports.length * REPORT_ROUNDS);
    assert.equal(busyLooks, 2);
    assert.equal(looks, 4 + reports.length * REPORT_ROUNDS + busyLooks, 'one look per step, and one more per busy look');
    assert.ok(asked >= 1 + reports.length * REPORT_ROUNDS, `each opening analysed afresh (${asked} analyses)`);
  });

  test('stopped, it types no further', async () => {
    // Stopped at its fifth look: one keystroke more (the one that look allowed), then nothing.
    let looks = 0;
    const done: Practised[] = [];
    const { stop } = practise(
      {
        sample: EXAMPLE,
        keystrokes: 1_000_000,
        lastMessageAt: () => {
          if (++looks === 5) stop();
          return -Infinity;
        },
      },
      () => ({}),
      (p) => done.push(p),
    );
    // Practice goes on one keystroke per turn of the event loop: ten turns would be ten looks more.
    for (let turn = 0; turn < 10; turn++) await new Promise((next) => setImmediate(next));
    assert.equal(looks, 5);
    assert.equal(done.length, 0);
  });

  test('an error in practice stops it and is told, and nothing is thrown at the event loop', async () => {
    let thrown = false;
    const failing: (() => AnalyzeOptions)[] = [
      // Outside the analysis (the options asked for).
      () => {
        throw new Error('a bug the practice met');
      },
      // Inside it, once (the document cache would answer an empty model for it, and practice would go on).
      () => ({
        get profile(): undefined {
          if (thrown) return undefined;
          thrown = true;
          throw new Error('a bug the practice met');
        },
      }),
    ];
    for (const options of failing) {
      const p = await held(
        new Promise<Practised>((resolve) =>
          practise({ sample: EXAMPLE, keystrokes: 50, lastMessageAt: () => -Infinity }, options, resolve),
        ),
      );
      assert.equal(p.keystrokes, 0);
      assert.match(String(p.error), /a bug the practice met/);
    }
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
        let practised!: () => void;
        const logged = new Promise<void>((resolve) => (practised = resolve));
        server.connection.onNotification('window/logMessage', (p: { message: string }) => {
          logs.push(p.message);
          if (p.message.includes('练习输入')) practised();
        });
        try {
          // Quiet: the server practises, and says so when it is done.
          if (warmUp) await logged;
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
      // The practice reports are bundled at build time (esbuild.mjs: test/fixtures/reports).
      const opened = /练习打开 (\d+) 份报告/.exec(withPractice.logs.join('\n'));
      assert.ok(opened && Number(opened[1]) >= 30 * REPORT_ROUNDS, `logged: ${withPractice.logs.join(' | ')}`);
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
