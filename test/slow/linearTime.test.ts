// Every scan over a line is linear: long runs of each character class are checked in bounded
// time. The bounds are generous (tens of seconds for what takes well under two alone, so a
// machine shared by parallel suites still passes): only a
// quadratic path misses them, and each one below did (issue 12: minutes, or never finished).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { analyze, findingByKey, findingKeys, MAX_TEXT_LENGTH } from '../../server/src/core';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/core/analyze';
import { longRunsDocument, picker, run, RUN_CLASSES } from '../support/longRuns';
import { startServer, type ServerHandle } from '../support/lspClient';

/** Analyses `text` and fails when it takes more than `seconds` of this process's CPU time (not wall
 *  time: on a loaded machine the wall clock also counts other programs' turns on the cores). */
function checkedWithin(seconds: number, text: string, what: string) {
  const started = process.cpuUsage();
  const model = analyze(text);
  const used = process.cpuUsage(started);
  const took = (used.user + used.system) / 1e6;
  assert.ok(took < seconds, `${what}: ${text.length} characters took ${took.toFixed(1)} s (bound ${seconds} s)`);
  return model;
}

describe('linear time: the findings of issue 12', () => {
  test('a line of 1,000,000 digits in under 10 s (was minutes: the empty-part ordinal pattern)', () => {
    const m = checkedWithin(10, `一、工作开展情况\n${'1234567890'.repeat(100_000)}\n`, 'digits');
    assert.equal(m.outline.length, 1);
  });

  test('200,000 page numbers in a row in under 20 s (was quadratic: each walked over all the others to its neighbours)', () => {
    const m = checkedWithin(20, `临江县人民政府\n${'- 1 -\n'.repeat(200_000)}临江县人民政府\n2024年1月1日\n`, 'page numbers');
    assert.equal(m.debris.length, 200_000);
    assert.equal(m.signature?.date?.text, '2024年1月1日');
  });

  test('2,000,000 characters of 办理1件，其中2件， in under 30 s (was 7 min: relate sliced the figures per figure)', () => {
    const m = checkedWithin(30, `一、工作开展情况\n${'办理1件，其中2件，'.repeat(200_000)}\n`, 'relate');
    // Still related: each 其中 item is a part of the count before it.
    assert.equal(m.figures.length, 400_000);
    assert.equal(m.figures[1].partOf, 0);
    assert.equal(m.figures[3].partOf, 2);
  });

  test('5 MB of （ in under 30 s, and no more than the per-rule cap of findings', () => {
    const text = `一、工作开展情况\n${'（'.repeat(Math.floor(5_000_000 / 3))}\n`;
    const m = checkedWithin(30, text, '（');
    const unclosed = m.findings.filter((f) => f.code === 'unbalanced-pair');
    assert.equal(unclosed.length, MAX_FINDINGS_PER_RULE);
  });

  test('40,000 × XX年XX月 in under 10 s (was 18 s: the placeholder rule searched the spans it had seen)', () => {
    const m = checkedWithin(10, `一、工作开展情况\n${'XX年XX月'.repeat(40_000)}\n`, 'XX年XX月');
    assert.equal(m.findings.filter((f) => f.code === 'placeholder').length, MAX_FINDINGS_PER_RULE);
  });

  test('a closer after many openers finds its opener without walking past them', () => {
    const m = checkedWithin(30, `一、工作开展情况\n${'《（'.repeat(300_000)}》\n`, '《（…》');
    // The 》 closes the last 《; the （ after it was never closed (and the earlier ones neither).
    assert.ok(m.findings.some((f) => f.code === 'unbalanced-pair'));
  });
});

describe('linear time: the outside probe (issue 12, round 2)', () => {
  test('a code action over 10,000 diagnostics finds each finding by its key in under 10 s (was minutes: every lookup rebuilt every key)', () => {
    const m = analyze(`一、工作开展情况\n${'（'.repeat(20_000)}\n`);
    const keys = findingKeys(m.findings);
    assert.ok(keys.length >= MAX_FINDINGS_PER_RULE, `${keys.length} findings`);
    const started = process.cpuUsage();
    keys.forEach((key, i) => assert.equal(findingByKey(m, key), m.findings[i]));
    const used = process.cpuUsage(started);
    const took = (used.user + used.system) / 1e6;
    assert.ok(took < 10, `${keys.length} lookups took ${took.toFixed(1)} s`);
    assert.equal(findingByKey(m, 'unbalanced-pair@0:0-0:1#0'), undefined);
  });
});

describe('linear time: the code’s own patterns (test/sourcePatterns.test.ts proves them; these ran into minutes before)', () => {
  const M = 1_000_000;
  test('附 件 then a million spaces and a letter, in under 30 s (the attachment-heading pattern never finished)', () => {
    checkedWithin(30, `一、工作开展情况\n内容。\n附 件${' '.repeat(M)}x\n`, '附件 + spaces');
  });

  test('a million commas before a figure, in under 30 s (trimming the figure’s label never finished)', () => {
    const m = checkedWithin(30, `一、工作开展情况\n${'，'.repeat(M)}办理案件12件。\n`, '，… 12件');
    assert.ok(m.figures.some((f) => f.value === 12));
  });

  test('a figure inside half a million brackets, in under 30 s', () => {
    checkedWithin(30, `一、工作开展情况\n办理${'（'.repeat(M / 2)}案件12件${'）'.repeat(M / 2)}。\n`, '（…12件…）');
  });

  test('an ordinal, a million spaces of each kind, then text, in under 30 s each', () => {
    for (const [ordinal, space] of [
      ['一、', ' '],
      ['（一）', '\u3000'],
      ['1.', '\t'],
      ['（1）', '\u00a0'],
    ])
      checkedWithin(30, `${ordinal}${space.repeat(M)}x\n`, `${ordinal} + spaces`);
  });
});

describe('linear time: long runs of each character class', () => {
  for (const [name, cls] of Object.entries(RUN_CLASSES)) {
    test(`a line of 500,000 characters of ${name} in under 30 s`, () => {
      checkedWithin(30, `一、工作开展情况\n${run(cls, 500_000, picker(name.length))}\n`, name);
    });
  }

  test('property: documents of long runs of mixed classes (300,000 characters) in under 30 s each', () => {
    fc.assert(
      fc.property(longRunsDocument(300_000), (text) => {
        assert.ok(text.length <= MAX_TEXT_LENGTH);
        checkedWithin(30, text, 'mixed runs');
      }),
      { numRuns: 6 },
    );
  });
});

describe('linear time through the server', () => {
  let server: ServerHandle;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  test('a 1,000,000-digit line: diagnostics and outline answered, and the server still answers after', async () => {
    const uri = 'file:///digits.govreport';
    const started = performance.now();
    await server.open(uri, `一、工作开展情况\n${'9876543210'.repeat(100_000)}\n`);
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const took = (performance.now() - started) / 1000;
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['一、工作开展情况'],
    );
    assert.ok(took < 60, `took ${took.toFixed(1)} s (the quadratic path took minutes)`);
  });
});

test('a heading followed by 1,000,000 spaces is checked in linear time (was quadratic in joining wrapped heading lines)', () => {
  const text = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n（一）' + ' '.repeat(1_000_000) + 'x\n';
  const t0 = process.cpuUsage();
  const m = analyze(text);
  const cpu = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000;
  assert.ok(m.outline.length > 0);
  assert.ok(cpu < 10_000, `${cpu} ms`);
});
