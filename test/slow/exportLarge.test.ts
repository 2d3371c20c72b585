// A very long report exported (issue 21): 65,000 paragraphs gave a document.xml of 34 MB, over the
// 32 MB our own .docx reader (server/src/intake/docx) accepts, and 3.9 MB of text took 2.5 GB.
// With the formatting in the styles (export/ooxml.ts) every paragraph carries only its style: the
// same export is a 10 MB document.xml that the reader opens whole. Memory is measured, not asserted
// here: docs/performance.md. About 10 s, hence npm run test:slow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core';
import { exportDocx } from '../../server/src/export';
import { docxToText } from '../../server/src/intake/docx';

test('export: 65,000 paragraphs give a .docx our own reader opens, every paragraph in it', async () => {
  const lines = ['某县人民政府', '关于2024年度法治政府建设情况的报告', '', '县委：', '现将有关情况报告如下：'];
  for (let i = 0; i < 65_000; i++) lines.push(`第${i}项工作已完成，审查规范性文件${i % 9}件。`);
  lines.push('', '某县人民政府', '2025年1月20日');
  const text = lines.join('\n') + '\n';
  const result = await exportDocx(text, analyze(text));
  const back = docxToText(result.bytes).split('\n');
  for (const i of [0, 32_500, 64_999]) assert.ok(back.includes(`第${i}项工作已完成，审查规范性文件${i % 9}件。`), `paragraph ${i}`);
  assert.ok(back.includes('2025年1月20日'));
});
