// What the rules' marked texts cannot say: a loop over the ways a report gives causes, and a fix's
// title. Every rule's findings, near misses and fixes are marked texts in test/fixtures/rules,
// run by test/ruleMarks.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadMarkedFile } from './support/marks';
import { findings } from './support/ruleFixture';

test('part-without-causes: each way of giving a cause counts (究其原因, 由于, 主观上/客观上, 受…限制, …所致)', () => {
  const { text } = loadMarkedFile('part-without-causes.txt').report;
  const problems = '一是普法形式单一。二是执法力量不足。';
  assert.ok(text.includes(problems));
  assert.equal(findings(text, 'part-without-causes').length, 1);
  for (const causes of [
    '一是普法形式单一，究其原因是重视不够。',
    '由于人手少，普法形式单一。',
    '执法力量不足。客观上编制有限，主观上重视不够。',
    '执法力量不足，受编制限制，专职人员仅2名。',
    '普法形式单一，系宣传经费不足所致。',
  ]) {
    assert.equal(findings(text.replace(problems, causes), 'part-without-causes').length, 0, causes);
  }
});

test('heading-sequence: the fix is titled 重新编号本级标题', () => {
  const { text } = loadMarkedFile('heading-sequence.txt').report;
  const titles = findings(text, 'heading-sequence').map((f) => f.fixes?.[0]?.title);
  assert.deepEqual([...new Set(titles)], ['重新编号本级标题']);
});
