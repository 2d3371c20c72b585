// PDFs read as report text: the layout rules on their own, line by line — wrapped lines and a wrapped
// heading joined, page numbers and the running header gone, no spaces between Chinese and digits (a
// GB/T 9704 page rendered by LibreOffice and read back is in test/slow/intakePdfLibreOffice.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeCjkSpaces, isPageNumber, layoutPages, type PdfLine, type PdfPage } from '../server/src/intake/pdf/layout';

/** A page of lines: [text, x0, x1] from the top, 30 pt apart, 16 pt type; right edge at 440. */
function page(...rows: [string, number, number][]): PdfPage {
  return { width: 595, height: 842, lines: rows.map(([text, x0, x1], i): PdfLine => ({ text, x0, x1, y: 760 - i * 30, size: 16 })) };
}

test('pdf layout: full lines continue, indented lines start paragraphs, across pages; page numbers and running headers go', () => {
  const header: [string, number, number] = ['某县司法局法治政府建设年度报告', 150, 390];
  const text = layoutPages([
    page(
      header,
      ['关于2024年法治政府建设情况的报告', 120, 400],
      ['一、主要举措和成效', 112, 260],
      ['全年办理行政执法案件128件，其中简易程序案件96', 112, 440],
      ['件。组织培训4期。', 80, 200],
      ['二、党政主要负责人履行推进法治建设第一责任人职责情', 112, 440],
      ['况', 80, 96],
      ['主要负责人带头学法，全年讲授法治课2次，主持召开专', 112, 440],
      ['— 1 —', 280, 320],
    ),
    page(header, ['题会议3次。', 80, 180], ['三、存在的不足和原因', 112, 280], ['普法形式单一。', 112, 230], ['第2页 共3页', 270, 330]),
    page(
      header,
      ['四、2025年工作安排', 112, 270],
      ['深化法治宣传 Legal education and', 112, 440],
      ['publicity.', 80, 160],
      ['Page 3', 280, 320],
    ),
  ]);
  assert.equal(
    text,
    [
      '关于2024年法治政府建设情况的报告',
      '一、主要举措和成效',
      '全年办理行政执法案件128件，其中简易程序案件96件。组织培训4期。',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '主要负责人带头学法，全年讲授法治课2次，主持召开专题会议3次。',
      '三、存在的不足和原因',
      '普法形式单一。',
      '四、2025年工作安排',
      '深化法治宣传 Legal education and publicity.',
    ].join('\n'),
  );
});

test('pdf layout: page-number shapes, and numbers inside the text are kept', () => {
  for (const n of ['— 3 —', '-3-', '3', '第3页', '第 3 页 共 10 页', '共10页 第3页', 'Page 3', 'page 3 of 10', '3/10', '－ 12 －'])
    assert.ok(isPageNumber(n), n);
  for (const t of ['3次', '一、3', '第3章', '2024年']) assert.ok(!isPageNumber(t), t);
  // A number alone in the middle of a page (a table cell) is not a page number.
  assert.equal(
    layoutPages([page(['一、表格', 112, 260], ['行政复议', 112, 200], ['9', 112, 120], ['合计', 112, 150])]),
    '一、表格\n行政复议\n9\n合计',
  );
});

test('pdf layout: spaces a PDF puts between Chinese and digits or punctuation go, spaces between words stay', () => {
  assert.equal(closeCjkSpaces('全年办理 128 件，占 36.5 % ，比 2023 年增加'), '全年办理128件，占36.5 %，比2023年增加');
  assert.equal(closeCjkSpaces('深化法治宣传 Legal education'), '深化法治宣传 Legal education');
  assert.equal(closeCjkSpaces('GB/T 9704 规定'), 'GB/T 9704规定');
  assert.equal(closeCjkSpaces('中共某镇委员会 某镇人民政府'), '中共某镇委员会 某镇人民政府');
});

test('pdf layout: without indents, a wider gap between lines ends a paragraph; full-width spaces drawn as text are an indent', () => {
  const at = (text: string, x0: number, x1: number, y: number): PdfLine => ({ text, x0, x1, y, size: 16 });
  const text = layoutPages([
    {
      width: 595,
      height: 842,
      lines: [
        at('全年办理行政执法案件128件，其中简易程序案件96件，一般程序', 80, 440, 760),
        at('案件32件，结案率达到100%，群众满意度进一步提升，执法质量明显', 80, 440, 730),
        at('提高。', 80, 128, 700),
        // a block paragraph after a blank line's worth of space, starting flush left
        at('组织执法人员参加业务培训4期，累计培训执法人员120人次，全年未', 80, 440, 650),
        at('发生执法过错责任追究案件，执法规范化水平持续提升，成效明显好。', 80, 440, 620),
        at('　　主要负责人带头学法，全年讲授法治课2次。', 80, 400, 590),
      ],
    },
  ]);
  assert.equal(
    text,
    [
      '全年办理行政执法案件128件，其中简易程序案件96件，一般程序案件32件，结案率达到100%，群众满意度进一步提升，执法质量明显提高。',
      '组织执法人员参加业务培训4期，累计培训执法人员120人次，全年未发生执法过错责任追究案件，执法规范化水平持续提升，成效明显好。',
      '主要负责人带头学法，全年讲授法治课2次。',
    ].join('\n'),
  );
});
