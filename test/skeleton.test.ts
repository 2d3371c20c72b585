// Inserting a missing part: conventional position, right ordinal and year, renumbering after it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, defaultProfile } from '../server/src/core';
import { reportSkeleton } from '../server/src/core/edits/skeleton';
import { applyEdits } from './support/edits';
import { dedent, missingCodes } from './support/render';

function fixFor(text: string, part: string): string {
  const f = analyze(text).findings.find((x) => x.code === 'missing-part' && x.data?.part === part)!;
  return applyEdits(text, f.fixes![0].edits);
}

test('missing-part fix: first-responsible goes after measures, the parts after it are renumbered', () => {
  const text = dedent(`
    关于2024年法治政府建设情况的报告
    一、2024年主要举措和成效
    内容。
    二、存在的不足和原因
    内容。
    三、2025年工作安排
    内容。
  `);
  const fixed = fixFor(text, 'first-responsible');
  assert.equal(
    fixed,
    dedent(`
    关于2024年法治政府建设情况的报告
    一、2024年主要举措和成效
    内容。
    二、2024年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况
    一是……二是……三是……
    三、存在的不足和原因
    内容。
    四、2025年工作安排
    内容。
  `),
  );
  assert.deepEqual(missingCodes(analyze(fixed)), []);
});

test('missing-part fix: shortcomings go before next-year; next-year at the end gets next year', () => {
  const text = '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n';
  const once = fixFor(text, 'shortcomings');
  const twice = fixFor(once, 'next-year');
  assert.equal(
    twice,
    [
      '关于2023年法治政府建设情况的报告',
      '一、主要举措和成效',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、2023年推进法治政府建设存在的不足和原因',
      '一是……二是……',
      '主要原因是……',
      '四、2024年推进法治政府建设的主要安排',
      '（一）……',
      '（二）……',
      '',
    ].join('\n'),
  );
  assert.deepEqual(missingCodes(analyze(twice)), []);
});

test('missing-part fix: inserted before the signature, CRLF kept', () => {
  const text =
    '关于2023年法治政府建设情况的报告\r\n一、主要举措和成效\r\n二、存在的问题\r\n三、下一步打算\r\n\r\n某镇人民政府\r\n2024年1月5日\r\n';
  const fixed = fixFor(text, 'first-responsible');
  assert.match(fixed, /二、2023年党政主要负责人[^\r\n]*\r\n一是……二是……三是……\r\n三、存在的问题\r\n四、下一步打算\r\n/);
});

test('report skeleton: every mandatory part, no missing-part', () => {
  const text = reportSkeleton(defaultProfile(), {
    body: '某镇',
    bodies: ['中共某镇委员会', '某镇人民政府'],
    year: 2025,
    addressee: '县委、县政府',
  });
  const m = analyze(text);
  assert.deepEqual(missingCodes(m), []);
  assert.equal(m.header.title?.text, '关于2025年法治政府建设情况的报告');
  assert.equal(m.year, 2025);
  assert.equal(m.signature?.date?.text, '2026年1月20日');
});

test('missing-part fix follows the writer’s numbering: after a first heading 二、 the new part is 三、, and it is there', () => {
  // A property-test counterexample: numbered by its index the part repeated 二、, and a level-1
  // ordinal going back after `1.` (read as a table cell) was taken for a table row, not a heading.
  const text = '二、2024年推进法治政府建设的主要举措和成效\n1.';
  for (const part of ['shortcomings', 'first-responsible', 'next-year']) {
    const fixed = fixFor(text, part);
    assert.match(fixed, /^二、2024年推进法治政府建设的主要举措和成效\n1\.\n三、/, part);
    const m = analyze(fixed);
    assert.deepEqual(
      m.outline.map((n) => n.ordinal.value),
      [2, 3],
      part,
    );
    assert.equal(
      m.findings.find((f) => f.code === 'missing-part' && f.data?.part === part),
      undefined,
      `${part} still missing`,
    );
  }
});

test('missing-part fix inserted before the writer’s first heading 二、: 一、 for the new part, the rest follow it', () => {
  const text = '关于2024年法治政府建设情况的报告\n二、存在的不足和原因\n内容。\n五、2025年工作安排\n内容。\n';
  const fixed = fixFor(text, 'measures');
  assert.deepEqual(
    analyze(fixed).outline.map((n) => n.name.slice(0, 2)),
    ['一、', '二、', '三、'],
  );
});
