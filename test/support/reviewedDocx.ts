/**
 * A reviewer's .docx for intake tests: a 红头 in a text box, a page header and footer, the report
 * (support/docxReport.ts) with two comments and a figure changed as tracked changes.
 */
import { Document, Footer, Header, Packer, Paragraph, TextRun } from 'docx';
import { DOCX_REPORT_TEXT } from './docxReport';
import { patchDocx, wp, wr } from './docxPatch';

/** Puts `xml` (block-level content) in place of the paragraph holding `marker`. */
const replacing = (marker: string, xml: string) => (doc: string) => doc.replace(new RegExp(`<w:p>(?:(?!<w:p>).)*?${marker}.*?</w:p>`), xml);

export const TEXT_BOX = (lines: string[]) =>
  `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>900000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>900000</wp:posOffset></wp:positionV><wp:extent cx="5600000" cy="900000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="红头"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5600000" cy="900000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>${lines.map((l) => wp(wr(l))).join('')}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${lines.map((l) => wp(wr(l))).join('')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;

/** A reviewer's file: a 红头 in a text box, a page header and footer, the report with a comment and tracked changes. */
export async function reviewedDocx(): Promise<Uint8Array> {
  const withFrame = await Packer.toBuffer(
    new Document({
      comments: {
        children: [
          { id: 0, author: '审稿人', date: new Date('2025-01-21T09:30:00Z'), children: [new Paragraph('批注：请核对数字。')] },
          {
            id: 1,
            author: '区司法局',
            date: new Date('2025-01-22T10:00:00Z'),
            children: [new Paragraph('缺少原因分析。'), new Paragraph('请补充。')],
          },
        ],
      },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('某县司法局文件')] }) },
          footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun('— 1 —')] })] }) },
          children: [new Paragraph('红头标记'), ...DOCX_REPORT_TEXT.split('\n').map((l) => new Paragraph(l))],
        },
      ],
    }),
  );
  // The 红头 as a text box; a comment on the shortcomings part; the figure changed as tracked changes.
  return patchDocx(withFrame, {
    document: (d) =>
      replacing(
        '红头标记',
        wp(TEXT_BOX(['某县司法局文件', '某司发〔2025〕3号'])),
      )(d)
        .replace(
          '<w:t xml:space="preserve">一是执法人员力量不足；二是普法形式单一。主要原因是投入不够。</w:t></w:r>',
          '<w:t xml:space="preserve">一是执法人员力量不足；二是普法形式单一。</w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">主要原因是投入不够。</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>',
        )
        .replace(
          '<w:t xml:space="preserve">1.全年办理行政执法案件86件。</w:t></w:r>',
          '<w:t xml:space="preserve">1.</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">全年办理行政执法案件</w:t></w:r><w:del w:id="91" w:author="审稿人" w:date="2025-01-21T09:30:00Z"><w:r><w:delText>68</w:delText></w:r></w:del><w:ins w:id="92" w:author="审稿人" w:date="2025-01-21T09:30:00Z"><w:r><w:t>86</w:t></w:r></w:ins><w:r><w:t>件。</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
        ),
  });
}
