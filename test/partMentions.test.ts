/**
 * Issue 27: where an absent part is mentioned by a lower heading (`mentionedAt`) is kept by root
 * heading across analyses of one document (core/document/parts.ts): a root carried over by the
 * outline's splice has the same headings below it. Kept or not, every analysis must read as a fresh
 * one — a root moved by a line inserted above it, a mention renamed away, the report's year changed
 * (a part of next year's plan is named by next year's number).
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, type ReportModel } from '../server/src/core';

const REPORT = [
  '某县人民政府关于2023年度法治政府建设情况的报告',
  '一、主要举措和成效',
  '（一）强化领导',
  '全年组织学法12次。',
  '二、存在的不足和原因',
  '（一）队伍力量不足',
  '（二）2024年工作打算',
  '（三）党政主要负责人履行职责情况',
  '某县人民政府',
  '2024年1月28日',
].join('\n');

const mentioned = (m: ReportModel, id: string) => m.parts.find((p) => p.id === id)?.mentionedAt?.line ?? null;

describe('part mentions kept by root heading', () => {
  test('each analysis of a document being edited reads as a fresh one', () => {
    const texts = [
      REPORT,
      // A keystroke in the first section: the second root is carried over, moved along the line.
      REPORT.replace('学法12次。', '学法12次，'),
      // A line inserted above the second root: it and its mentions move down a line.
      REPORT.replace('全年组织', '新的一行。\n全年组织'),
      // The report's year is now 2024: 2024年工作打算 is this year's, not next year's plan.
      REPORT.replace('关于2023年度', '关于2024年度'),
      REPORT,
      // The mention of the first responsible renamed away.
      REPORT.replace('党政主要负责人履行职责情况', '其他情况'),
      REPORT,
    ];
    const cache = new AnalysisCache();
    const models = texts.map((text, i) => {
      const cached = analyze(text, { cache });
      assert.equal(JSON.stringify(cached.parts), JSON.stringify(analyze(text).parts), `text ${i}: parts as fresh`);
      assert.equal(JSON.stringify(cached), JSON.stringify(analyze(text)), `text ${i}: the model as fresh`);
      return cached;
    });
    assert.deepEqual(
      models.map((m) => [mentioned(m, 'next-year'), mentioned(m, 'first-responsible')]),
      [
        [6, 7],
        [6, 7],
        [7, 8],
        [null, 7],
        [6, 7],
        [6, null],
        [6, 7],
      ],
    );
  });
});
