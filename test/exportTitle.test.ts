// Where a title breaks (export/titleBreak.ts, issue 25): at meaning boundaries, balanced, never one or
// two characters alone, never inside a number; the .docx and the preview take the same lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../server/src/core';
import { breakTitle, paginate, reportBlocks, textWidth } from '../server/src/export';
import { needsSeeds, seed } from './support/seeds';

test('title: a title that fits stays one line; a long one breaks after 关于/人民政府/年度 or before 的报告, in balanced lines', () => {
  assert.deepEqual(breakTitle('关于2024年度法治政府建设工作情况的报告'), ['关于2024年度法治政府建设工作情况的报告']);
  assert.deepEqual(breakTitle('某某县人民政府关于2024年度法治政府建设工作情况的报告'), [
    '某某县人民政府关于2024年度',
    '法治政府建设工作情况的报告',
  ]);
  assert.deepEqual(breakTitle('重庆市綦江区关坝镇人民政府关于2025年度法治政府建设情况的报告'), [
    '重庆市綦江区关坝镇人民政府关于',
    '2025年度法治政府建设情况的报告',
  ]);
  // Two issuing bodies on one line break at the space between them.
  assert.deepEqual(breakTitle('中共重庆市沙坪坝区青木关镇委员会 重庆市沙坪坝区青木关镇人民政府'), [
    '中共重庆市沙坪坝区青木关镇委员会 ',
    '重庆市沙坪坝区青木关镇人民政府',
  ]);
});

test('title: every line fits 2号, none is one or two characters, no number is split, and the lines give the title back', () => {
  const titles = [
    '某县司法局关于2024年度法治政府建设工作情况和2025年度工作安排的报告',
    '关于进一步加强和改进新时代全县行政执法协调监督工作体系建设情况的报告',
    '某市人民政府办公室2024年政府信息公开工作年度报告',
    '某县2024年法治政府建设情况报告',
    '关于' + '法治'.repeat(20) + '的报告',
    'x'.repeat(80),
  ];
  for (const t of titles) {
    const lines = breakTitle(t);
    assert.equal(lines.join(''), t);
    for (const l of lines) {
      assert.ok(textWidth(l) <= 20, `${l}: fits`);
      if (lines.length > 1) assert.ok(Array.from(l.trim()).length > 2, `${t}: ${l} alone`);
    }
    for (let i = 1; i < lines.length; i++) assert.ok(!(/[0-9]$/.test(lines[i - 1]) && /^[0-9年]/.test(lines[i])), `${t}: number split`);
  }
});

test('title: the preview shows the lines the .docx writes (one breaker for both)', { skip: needsSeeds }, () => {
  for (let i = 0; i < 5; i++) {
    const text = seed(i);
    const blocks = reportBlocks(text, analyze(text));
    const title = blocks.find((b) => b.kind === 'title')!;
    const shown = paginate(blocks)[0]
      .lines.filter((l) => l.kind === 'title')
      .map((l) => l.runs.map((r) => r.text).join(''));
    assert.deepEqual(
      shown,
      title.runs.map((r) => r.text),
      `seed ${i}`,
    );
  }
});
