/**
 * A clerk's draft as a real .docx (written by the `docx` package) with what a reviewer sends back:
 * no first-responsible part, a figure that does not add up, an old name, half-width punctuation —
 * each in runs of their own formatting (bold, a colour, a different font) so that anchors must
 * split runs. And what checks a reviewed file against its original: the runs (start tag, w:rPr,
 * text) in order once the comment anchors are taken out and split runs joined again.
 */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { XMLParser } from 'fast-xml-parser';

const heading = (text: string, level: number) => new Paragraph({ numbering: { reference: 'h', level }, children: [new TextRun(text)] });
const body = (...runs: (string | TextRun)[]) => new Paragraph({ children: runs.map((r) => (typeof r === 'string' ? new TextRun(r) : r)) });

/** The draft: 旺草镇-like (seed 001's defects), with mixed run formatting. */
export async function draftDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'h',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '某镇2024年法治政府建设情况的报告', bold: true, size: 44 })],
          }),
          body('镇党委：'),
          body('2024年，我镇持续推进法治政府建设。现将有关情况报告如下：'),
          heading('2024年推进法治政府建设的主要举措和成效', 0),
          heading('严格规范执法', 1),
          body(
            '全年办理行政执法案件',
            new TextRun({ text: '672件', bold: true }),
            '，其中行政处罚',
            new TextRun({ text: '269件', color: 'C00000' }),
            '、行政许可172件、行政强制261件。',
          ),
          heading('加强普法', 1),
          body('深入开展', new TextRun({ text: '法制宣传', font: '楷体' }), '教育，全年举办讲座12场，覆盖群众800人次。'),
          body('组织学习《关于开展法制宣传教育的第七个五年规划的决议》,推动普法工作(重点)落实。'),
          heading('存在的不足和原因', 0),
          body('一是普法形式单一；二是执法力量不足。主要原因是投入不足。'),
          heading('2025年工作安排', 0),
          body('继续加强普法宣传，提升执法水平。'),
          new Paragraph(''),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('某镇人民政府')] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2025年1月20日')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false });
const tagOf = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;
const kids = (n: Node): Node[] => (Array.isArray(n[tagOf(n)]) ? (n[tagOf(n)] as Node[]) : []);

/** A run as a reader sees it: its attributes, its properties (serialised) and its text. */
export interface RunView {
  readonly attrs: string;
  readonly rPr: string;
  text: string;
}

/**
 * The runs of document.xml in order, each paragraph's runs ending in a `¶` marker run, with the
 * comment anchors left out (range marks and runs holding only a commentReference) and neighbours
 * of equal attributes and properties joined (what a split at an anchor leaves).
 */
export function runsOf(documentXml: string): RunView[] {
  const out: RunView[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:commentRangeStart' || tag === 'w:commentRangeEnd') continue;
      if (tag === 'w:r') {
        const children = kids(n);
        if (children.length && children.every((c) => tagOf(c) === 'w:commentReference')) continue;
        const rPr = children.find((c) => tagOf(c) === 'w:rPr');
        const text = children
          .filter((c) => tagOf(c) !== 'w:rPr')
          .map((c) =>
            tagOf(c) === 'w:t'
              ? kids(c)
                  .map((t) => String(t['#text'] ?? ''))
                  .join('')
              : `<${tagOf(c)}>`,
          )
          .join('');
        const view = { attrs: JSON.stringify(n[':@'] ?? {}), rPr: rPr ? JSON.stringify(rPr) : '', text };
        const last = out[out.length - 1];
        if (last && last.attrs === view.attrs && last.rPr === view.rPr) last.text += text;
        else out.push(view);
        continue;
      }
      walk(kids(n));
      if (tag === 'w:p') out.push({ attrs: '¶', rPr: '', text: '' });
    }
  };
  walk(parser.parse(documentXml) as Node[]);
  return out;
}
