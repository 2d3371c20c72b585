/**
 * A report written as a real .docx by the `docx` package: Word automatic numbering (multi-level
 * 一、/（一）/1., a list started at 3, a list restarted), a table, a footnote, a comment, a bookmark
 * and tracked changes — and the report text a reader must recover from it.
 */
import {
  AlignmentType,
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

const heading = (text: string, level: number, reference = 'report-headings') =>
  new Paragraph({ numbering: { reference, level }, children: [new TextRun(text)] });
const body = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

/** The text Word shows (ordinals written out), one paragraph a line. */
export const DOCX_REPORT_TEXT = [
  '关于某县司法局2024年法治政府建设情况的报告',
  '',
  '县委、县政府：',
  '2024年，我局坚持以习近平法治思想为指导，现将有关情况报告如下：',
  '一、2024年推进法治政府建设的主要举措和成效',
  '（一）健全依法决策机制',
  '1.完善重大行政决策程序。全年审查规范性文件12件。',
  '2.推行法律顾问制度。',
  '（二）严格规范公正文明执法',
  '1.全年办理行政执法案件86件。',
  '| 项目 | 数量 |',
  '| 行政复议案件 | 9 |',
  '| 行政诉讼案件 | 3 |',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '（一）主要负责人带头学法',
  '全年组织集体学法4次。',
  '三、存在的不足和原因',
  '一是执法人员力量不足；二是普法形式单一。主要原因是投入不够。',
  '四、2025年推进法治政府建设的主要安排',
  '1.持续深化法治宣传。',
  '2.加强执法队伍建设。',
  '',
  '某县司法局',
  '2025年1月20日',
].join('\n');

/** Builds the .docx. Parts 三、四、 come from a second list that starts at 3 (parts 一、二、 are typed by hand? no: numbered). */
export async function docxReport(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'report-headings',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
          ],
        },
        // Parts three and four: a separate list whose first level starts at 3.
        {
          reference: 'later-parts',
          levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING_THOUSAND, text: '%1、', start: 3, alignment: AlignmentType.LEFT }],
        },
        { reference: 'plan-items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('脚注：数据来源于县司法局统计。')] } },
    comments: { children: [{ id: 0, author: '审稿人', date: new Date(0), children: [new Paragraph('批注：请核对数字。')] }] },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new Bookmark({ id: '_GoBack', children: [new TextRun('关于某县司法局2024年法治政府建设情况的报告')] })],
          }),
          new Paragraph(''),
          body('县委、县政府：'),
          body('2024年，我局坚持以习近平法治思想为指导，现将有关情况报告如下：'),
          heading('2024年推进法治政府建设的主要举措和成效', 0),
          heading('健全依法决策机制', 1),
          new Paragraph({
            numbering: { reference: 'report-headings', level: 2 },
            children: [new TextRun('完善重大行政决策程序。全年审查规范性文件12件。'), new FootnoteReferenceRun(1)],
          }),
          heading('推行法律顾问制度。', 2),
          heading('严格规范公正文明执法', 1),
          new Paragraph({
            numbering: { reference: 'report-headings', level: 2 },
            children: [
              new CommentRangeStart(0),
              new TextRun('全年办理行政执法案件'),
              new DeletedTextRun({ text: '68', id: 1, author: '审稿人', date: '2025-01-01T00:00:00Z' }),
              new InsertedTextRun({ text: '86', id: 2, author: '审稿人', date: '2025-01-01T00:00:00Z' }),
              new TextRun('件。'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
          new Table({
            rows: [
              new TableRow({ children: [cell('项目'), cell('数量')] }),
              new TableRow({ children: [cell('行政复议案件'), cell('9')] }),
              new TableRow({ children: [cell('行政诉讼案件'), cell('3')] }),
            ],
          }),
          heading('党政主要负责人履行推进法治建设第一责任人职责情况', 0),
          // The level-2 counter starts again under the new level-1 heading (Word's default restart).
          heading('主要负责人带头学法', 1),
          body('全年组织集体学法4次。'),
          heading('存在的不足和原因', 0, 'later-parts'),
          body('一是执法人员力量不足；二是普法形式单一。主要原因是投入不够。'),
          heading('2025年推进法治政府建设的主要安排', 0, 'later-parts'),
          heading('持续深化法治宣传。', 0, 'plan-items'),
          heading('加强执法队伍建设。', 0, 'plan-items'),
          new Paragraph(''),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('某县司法局')] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2025年1月20日')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
