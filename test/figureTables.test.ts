// figure-sum on the tables of a 政府信息公开工作年度报告 (DOMAIN.md §5): | rows, tab rows, one cell a line.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../server/src/core';

const HEAD = '某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n全年工作扎实推进。\n三、收到和处理政府信息公开申请情况\n';

/** Table 3 of the national format: 6 applicant columns and their 总计. */
const ROWS: [string, number[]][] = [
  ['一、本年新收政府信息公开申请数量', [10, 2, 0, 0, 0, 0, 12]],
  ['二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1]],
  ['三、本年度办理结果（一）予以公开', [6, 1, 0, 0, 0, 0, 7]],
  ['（二）部分公开', [2, 0, 0, 0, 0, 0, 2]],
  ['（三）不予公开1.属于国家秘密', [1, 0, 0, 0, 0, 0, 1]],
  ['（七）总计', [9, 1, 0, 0, 0, 0, 10]],
  ['四、结转下年度继续办理', [2, 1, 0, 0, 0, 0, 3]],
];

const pipes = (rows: [string, number[]][]) =>
  '| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n' +
  rows
    .map(([l, n]) => `| ${l.replace(/^(三、本年度办理结果)/, '$1 | ').replace(/^(（三）不予公开)/, '$1 | ')} | ${n.join(' | ')} |`)
    .join('\n') +
  '\n';
const tabs = (rows: [string, number[]][]) => rows.map(([l, n]) => [l, ...n].join('\t')).join('\n') + '\n';
const cells = (rows: [string, number[]][]) => rows.map(([l, n]) => [l, ...n].join('\n')).join('\n') + '\n';

const tableFindings = (text: string, locale?: string) => analyze(text, { locale }).findings.filter((f) => f.code === 'figure-sum');

describe('xxgk table arithmetic', () => {
  for (const [name, render] of [
    ['| rows', pipes],
    ['tabs', tabs],
    ['one cell a line', cells],
  ] as const) {
    test(`${name}: a consistent table gives nothing`, () => {
      assert.deepEqual(tableFindings(HEAD + render(ROWS)), []);
    });
    test(`${name}: new + carried over ≠ total + carried forward; a wrong total column`, () => {
      const bad = ROWS.map(([l, n]): [string, number[]] => [l, l.startsWith('四') ? [2, 1, 0, 0, 0, 0, 4] : n]);
      const found = tableFindings(HEAD + render(bad)).map((f) => f.message);
      assert.deepEqual(found, [
        '表格数字不符：“四、结转下年度继续办理”各列相加为 3，总计列为 4',
        '表格数字不符：第7列 一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 = 13，而 （七）总计 + 四、结转下年度继续办理 = 14',
      ]);
    });
  }

  test('an item column that does not add up to the total row (English)', () => {
    const bad = ROWS.map(([l, n]): [string, number[]] => [l, l.startsWith('（二）') ? [3, 0, 0, 0, 0, 0, 3] : n]);
    const found = tableFindings(HEAD + tabs(bad), 'en');
    assert.deepEqual(
      found.map((f) => f.message),
      [
        'Table figures disagree: column 1: the items add up to 10, "（七）总计" says 9',
        'Table figures disagree: column 7: the items add up to 11, "（七）总计" says 10',
      ],
    );
    assert.equal(found[0].range.start.line, HEAD.split('\n').length - 1 + 5);
  });

  test('the 法治政府 profile has no table arithmetic', () => {
    const bad = ROWS.map(([l, n]): [string, number[]] => [l, l.startsWith('四') ? [2, 1, 0, 0, 0, 0, 4] : n]);
    assert.deepEqual(tableFindings('关于2024年法治政府建设情况的报告\n一、主要举措和成效\n' + tabs(bad)), []);
  });
});

test('a sub-row head on its own line (三、本年度办理结果) after rows whose cells are set off by spaces is a row of the table, not a heading (was: heading-sequence, a seventh part)', () => {
  const rows = ROWS.flatMap(([l, n]): string[] =>
    l.startsWith('三、本年度办理结果')
      ? ['三、本年度办理结果', `${l.slice('三、本年度办理结果'.length)} ${n.join(' ')}`]
      : [`${l} ${n.join(' ')}`],
  );
  const m = analyze(HEAD + rows.join('\n') + '\n四、政府信息公开行政复议、行政诉讼情况\n无。\n');
  assert.deepEqual(
    m.outline.map((n) => n.name),
    ['一、总体情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'],
  );
  assert.deepEqual(
    // (HEAD skips part 二 on purpose: its heading-sequence is on line 3, none on the table's lines.)
    m.findings.filter((f) => f.code.startsWith('heading') && f.range.start.line > 3).map((f) => f.code),
    [],
  );
});
