/**
 * A report laid out like a GB/T 9704 page — A4, type area 156 × 225 mm, 16 pt body text on a
 * 28.9 pt line pitch (about 28 characters a line), paragraphs indented two characters, a 22 pt
 * centred title, page numbers `— N —` in the footer and a running header — written as .docx by the
 * `docx` package, for LibreOffice to render as PDF. Its paragraphs wrap, a heading among them.
 */
import { AlignmentType, Document, Footer, Header, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';

const MM = 56.7; // twips per millimetre
const BODY = { font: 'WenQuanYi Micro Hei', size: 32 }; // 16 pt (half-points); the CJK font .ci/run installs
const pitch = { line: 578, lineRule: LineRuleType.EXACT }; // 28.9 pt

const para = (text: string, indent = true) =>
  new Paragraph({ spacing: pitch, indent: indent ? { firstLine: 640 } : undefined, children: [new TextRun({ text, ...BODY })] });

/** The report text, one paragraph a line: what a reader must get back from the PDF. */
export const GBT_REPORT_LINES = [
  '关于2024年法治政府建设情况的报告',
  '县委、县政府：',
  '2024年，我镇在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，全面落实法治政府建设实施纲要，各项工作取得明显成效，现将有关情况报告如下：',
  '一、2024年推进法治政府建设的主要举措和成效',
  '（一）强化组织领导，压实法治建设责任',
  '镇党委、镇政府始终把法治政府建设摆在全局工作的重要位置，全年召开党委会专题研究法治建设工作6次，制定年度工作要点，明确责任分工和完成时限，形成了主要领导亲自抓、分管领导具体抓、各部门协同推进的工作格局。',
  '（二）严格规范执法，提升执法工作水平',
  '全年办理行政执法案件128件，其中简易程序案件96件，一般程序案件32件，案件办结率达到100%。组织执法人员参加业务培训4期，累计培训执法人员120人次，执法人员持证上岗率达到100%。',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '镇党政主要负责人认真履行推进法治建设第一责任人职责，带头尊法学法守法用法，全年主持召开法治建设专题会议3次，带头讲授法治课2次，对重大事项坚持先行开展合法性审查。',
  '三、存在的不足和原因',
  '一是普法宣传的针对性还不够强，形式较为单一；二是执法人员的专业能力还有待提升。主要原因是对法治建设的投入还不够，培训的频次和深度不足，激励措施也不够完善。',
  '四、2025年推进法治政府建设的主要安排',
  '2025年，我镇将继续深入学习贯彻习近平法治思想，重点做好以下工作：一是持续深化法治宣传教育，创新普法方式方法；二是加强执法队伍建设，提升执法规范化水平；三是健全依法决策机制，严格落实重大行政决策程序。',
  '某镇人民政府',
  '2025年1月20日',
];

export async function gbtReport(): Promise<Buffer> {
  const [title, addressee, lead, ...rest] = GBT_REPORT_LINES;
  const body = rest.slice(0, -2);
  const [signatory, date] = rest.slice(-2);
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 210 * MM, height: 297 * MM },
            margin: { top: 37 * MM, left: 28 * MM, right: 26 * MM, bottom: 35 * MM, footer: 28 * MM, header: 20 * MM },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: '某镇人民政府 · 法治政府建设年度报告', font: BODY.font, size: 20 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: 'Liberation Serif', size: 28 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: LineRuleType.EXACT },
            children: [new TextRun({ text: title, font: BODY.font, size: 44 })],
          }),
          new Paragraph({ spacing: pitch, children: [] }),
          para(addressee, false),
          para(lead),
          ...body.map((t) => para(t)),
          new Paragraph({ spacing: pitch, children: [] }),
          new Paragraph({
            spacing: pitch,
            alignment: AlignmentType.RIGHT,
            indent: { right: 640 },
            children: [new TextRun({ text: signatory, ...BODY })],
          }),
          new Paragraph({
            spacing: pitch,
            alignment: AlignmentType.RIGHT,
            indent: { right: 640 },
            children: [new TextRun({ text: date, ...BODY })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
