// The outline tree: GB/T 9704 levels and everything real drafts do to them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../server/src/core';
import { dedent, renderOutline } from './support/render';

function outlineOf(text: string): string {
  return renderOutline(analyze(dedent(text)).outline);
}

const cases: [string, string, string][] = [
  [
    'four GB/T levels nest in order',
    `
    一、主要举措和成效
    （一）强化领导
    1.健全机制
    （1）制定规则
    二、存在的不足和原因
    `,
    `
    一、主要举措和成效  @measures
      （一）强化领导
        1.健全机制
          （1）制定规则
    二、存在的不足和原因  @shortcomings
    `,
  ],
  [
    'a skipped level nests one step down (一、 then 1.)',
    `
    一、主要举措和成效
    1.学法
    2.用法
    `,
    `
    一、主要举措和成效  @measures
      1.学法
      2.用法
    `,
  ],
  [
    '（1） used at level two stays a sibling of the （三） that follows (seed 001)',
    `
    一、工作开展情况
    （1） 强化领导。一是提高站位，加强领导。二是完善机制。
    （2） 加强能力建设。
    （三）推进监督
    `,
    `
    一、工作开展情况  @measures
      （1） 强化领导
        一是提高站位
        二是完善机制
      （2） 加强能力建设
      （三）推进监督
    `,
  ],
  [
    'half-width brackets, a stray 、, full-width digits and 1、 are all headings',
    `
    一、主要举措和成效
    (一)、强化领导
    １．健全机制
    2、落实责任
    (3)细化分工
    `,
    `
    一、主要举措和成效  @measures
      (一)、强化领导
        １．健全机制
        2、落实责任
          (3)细化分工
    `,
  ],
  [
    'a run-in heading ends at the first 。 and its items are its children',
    `
    一、主要举措和成效
    （一）学思践悟。一是拓展学习高度，全面落实制度。二是压实法治责任。
    `,
    `
    一、主要举措和成效  @measures
      （一）学思践悟
        一是拓展学习高度
        二是压实法治责任
    `,
  ],
  [
    'items at line starts, and a new 一是 run restarts under the same container',
    `
    一、主要举措和成效
    一是带头学法。
    二是主动述法。
    强化审查。一是加强管理。二是推进审核。
    `,
    `
    一、主要举措和成效  @measures
      一是带头学法
      二是主动述法
      一是加强管理
      二是推进审核
    `,
  ],
  [
    'out-of-sequence 是-phrases are prose, not items (统一是, 四是 without 三是)',
    `
    一、主要举措和成效
    标准统一是前提。一是加强学习。四是不该算。
    `,
    `
    一、主要举措和成效  @measures
      一是加强学习
    `,
  ],
  [
    'debris before a heading does not hide it; indentation is ignored',
    `
    一、主要举措和成效
    [bookmark: OLE_LINK1]（一）完善制度
    [bookmark: _GoBack]（二）化解矛盾
       二、2025年工作打算
    `,
    `
    一、主要举措和成效  @measures
      （一）完善制度
      （二）化解矛盾
    二、2025年工作打算  @next-year
    `,
  ],
  [
    'numbers that are not ordinals: decimals, years, dates',
    `
    一、主要举措和成效
    1.5万人次参加培训。
    2024年全面推进。
    2024年1月30日
    一、二季度开展专项检查。
    3.加强监督
    `,
    `
    一、主要举措和成效  @measures
      3.加强监督
    `,
  ],
  [
    'a heading run into its body after a full-width colon stops at the colon',
    `
    一、主要举措和成效
    （一）强化组织领导：镇党委专题研究法治建设4次。一是健全机制。
    （二）深化普法宣传：开展活动22场次。
    `,
    `
    一、主要举措和成效  @measures
      （一）强化组织领导
        一是健全机制
      （二）深化普法宣传
    `,
  ],
  [
    'numbers at a line start that are not ordinals: 3、4月份, table rows with tabs or bars',
    `
    一、主要举措和成效
    3、4月份集中开展专项行动。
    序号	指标	2023年
    1	行政复议案件（件）	136
    | 2 | 依申请公开 | 87 |
    （一）规范性文件管理
    `,
    `
    一、主要举措和成效  @measures
      （一）规范性文件管理
    `,
  ],
  [
    'a heading broken over two lines after a connective is joined; a body line after a heading is not',
    `
    一、2023年推进法治政府建设的主要举措
    和成效
    （一）深化改革
    二、2023年党政主要负责人履行推进法治建设第一责任人职责，
    加强法治政府建设的有关情况
    三、2024年推进法治政府建设的主要
    安排
    四、其他需要报告的事项
    无
    五、2024年工作打算
    和往年相比，执法案件下降12%。
    `,
    `
    一、2023年推进法治政府建设的主要举措和成效  @measures
      （一）深化改革
    二、2023年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况  @first-responsible
    三、2024年推进法治政府建设的主要安排  @next-year
    四、其他需要报告的事项  @other
    五、2024年工作打算  @next-year
    `,
  ],
  [
    'the numbers of a 附件说明 (附件：1.… 2.…) are not headings',
    `
    一、主要举措和成效
    1.加强学法
    二、2024年工作打算
    内容。
    附件：1.某区2023年法治政府建设统计表
          2.某区2023年行政执法数据
    `,
    `
    一、主要举措和成效  @measures
      1.加强学法
    二、2024年工作打算  @next-year
    `,
  ],
  [
    "attachments after the 落款 are not the report's structure",
    `
    一、主要举措和成效
    （一）加强学法
    二、存在的不足和原因
    内容。

    某区人民政府
    2024年2月8日

    附件
    某区2023年法治政府建设主要指标
    1.行政复议案件收案数	156件
    一、行政执法
    `,
    `
    一、主要举措和成效  @measures
      （一）加强学法
    二、存在的不足和原因  @shortcomings
    `,
  ],
];

for (const [name, input, expected] of cases) {
  test(`outline: ${name}`, () => {
    assert.equal(outlineOf(input), dedent(expected));
  });
}

test('outline: ranges — a section runs to the line before the next sibling; items select their title', () => {
  const m = analyze(
    dedent(`
    一、主要举措和成效
    （一）强化领导
    正文一。一是加强学习，提高认识。
    （二）规范执法
    正文二。
    二、存在的问题
    问题。
  `),
  );
  const [one, two] = m.outline;
  assert.deepEqual(one.range, { start: { line: 0, character: 0 }, end: { line: 4, character: 4 } });
  assert.deepEqual(one.selectionRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } });
  const item = one.children[0].children[0];
  assert.equal(item.name, '一是加强学习');
  assert.deepEqual(item.selectionRange, { start: { line: 2, character: 4 }, end: { line: 2, character: 10 } });
  assert.equal(item.depth, 3);
  assert.deepEqual(two.range, { start: { line: 5, character: 0 }, end: { line: 6, character: 3 } });
});

test('outline: an empty document, whitespace and prose without numbering have no outline', () => {
  for (const text of ['', '   \n\n', '这是一段没有编号的文字。\n第二段。']) {
    assert.deepEqual(analyze(text).outline, []);
  }
});

test('debris: web action links and page numbers are set aside, a placeholder 【待补充】 is not', () => {
  const m = analyze('【打印】【关闭】\n- 2 -\n第3页 共10页\n【待补充】\n');
  assert.deepEqual(
    m.debris.map((d) => d.text),
    ['【打印】【关闭】', '- 2 -', '第3页 共10页'],
  );
});

test("debris: a web copy's breadcrumb, font switch, metadata with a time and attachment link are set aside; the title is found", () => {
  const m = analyze(
    dedent(`
    首页 > 政务公开 > 法治政府建设 > 年度报告
    【字体：大 中 小】【打印】【关闭】
    某街道办事处2023年法治政府建设年度报告
    发布日期：2024-02-27 09:30:12    来源：区民政局    浏览次数：356
    区委、区政府：
    一、主要举措和成效
    内容，2023年共办理案件12件。
    某街道办事处
    2024年3月18日
    附件：某街道2023年法治政府建设年度报告.pdf
    上一篇：某街道2023年政府信息公开工作年度报告
  `),
  );
  assert.deepEqual(
    m.debris.map((d) => d.range.start.line),
    [0, 1, 3, 9, 10],
  );
  assert.equal(m.header.title?.text, '某街道办事处2023年法治政府建设年度报告');
  assert.equal(m.header.addressee?.text, '区委、区政府：');
  assert.equal(m.signature?.date?.text, '2024年3月18日');
});

test('debris: a sentence with > or a 附件 line in the body without a file link is kept', () => {
  const m = analyze(
    dedent(`
    某街道2023年法治政府建设年度报告
    一、主要举措和成效
    群众满意度 > 95%，投诉量下降。
    附件：1.某街道2023年主要指标
  `),
  );
  assert.deepEqual(m.debris, []);
});

test('debris: a site footer after the 落款 (主办, 网站标识码, ICP/公网安备, 版权所有) does not hide the signature', () => {
  const m = analyze(
    dedent(`
    某县2023年法治政府建设情况报告
    一、主要举措和成效
    内容。
    某县人民政府
    2024年2月20日
    打印本页 关闭窗口
    主办：某县人民政府办公室  承办：某县大数据发展中心
    网站标识码：3307810001  浙ICP备12345678号-1
    浙公网安备 33078102000123号
    版权所有：某县人民政府
  `),
  );
  assert.deepEqual(
    m.debris.map((d) => d.range.start.line),
    [5, 6, 7, 8, 9],
  );
  assert.equal(m.signature?.date?.text, '2024年2月20日');
});

test('outline: a wrapped heading selects both its lines', () => {
  const m = analyze('一、主要负责人履行职责，\n加强建设的有关情况\n内容。\n');
  assert.equal(m.outline[0].name, '一、主要负责人履行职责，加强建设的有关情况');
  assert.deepEqual(m.outline[0].selectionRange, { start: { line: 0, character: 0 }, end: { line: 1, character: 9 } });
});

test('a heading wrapped onto the line a 落款 would start on keeps its words inside its section (found by the nesting property)', () => {
  // Hard-wrapped text (every line the same width): the heading fills its line and goes on on the next.
  const prose = '全年共办理行政复议案件0件，同比增长0.0%。';
  const text = [prose, prose, prose, prose, '一、2024年推进法治政府建设的主要举措和成效', '某某区人民政府', '2019年1月1日'].join('\n');
  const [node] = analyze(text).outline;
  const { range, selectionRange } = node;
  const before = (a: typeof range.end, b: typeof range.end) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  assert.ok(
    before(selectionRange.end, range.end),
    `${JSON.stringify(selectionRange.end)} after the section's end ${JSON.stringify(range.end)}`,
  );
});
