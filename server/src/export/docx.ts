/**
 * Blocks → a GB/T 9704 .docx, built with the `docx` package (no hand-made OOXML). The package is
 * loaded on the first export only (`loadDocx`), so the server starts and the CLI checks without it.
 * Pure apart from that load: bytes out, no files, no Node built-ins, so the CLI, the Node server and
 * the web worker share it.
 */
import type * as Docx from 'docx';
import type { Block, Run } from './blocks';
import { CHAR_PITCH_PT, DOC_GRID, FONTS, PAGE, SIZE, mmToTwip, ptToTwip, type FontRole } from './gbt9704';
import { loadDocx } from './docxModule';

/**
 * Character spacing of text runs, in twips: −0.25 pt, so a 3号 character advances 15.75 pt and 28
 * fit the 156 mm line. Why not the character grid (w:docGrid type="linesAndChars" with charSpace
 * −842, the classic template): LibreOffice (7.4) gives each 16 pt character two of its 15.79 pt
 * cells there (14 characters a line), and the docx package cannot switch the grid off per
 * paragraph. So the grid is a line grid (22 lines of 28.95 pt) that keeps charSpace −842 for
 * whoever switches Word to "lines and characters", and the 28 characters come from the spacing —
 * the same page in Word, WPS and LibreOffice.
 */
const TIGHTEN = -5;

/** Half-points, as w:sz wants them. */
const halfPoints = (pt: number) => pt * 2;
/** Grid characters → twips (one character of the 28-a-line grid is 15.79 pt). */
const charsToTwip = (chars: number) => Math.round(chars * CHAR_PITCH_PT * 20);

const fontOf = (role: FontRole): Docx.IFontAttributesProperties => {
  const name = FONTS[role][0];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
};

export interface DocxOptions {
  /** Document properties (File → Properties in Word). */
  readonly title?: string;
  readonly creator?: string;
}

/** The .docx bytes of the blocks. */
export async function blocksToDocx(blocks: readonly Block[], options: DocxOptions = {}): Promise<Uint8Array> {
  const docx = await loadDocx();
  const doc = buildDocument(docx, blocks, options);
  return new Uint8Array(await docx.Packer.toArrayBuffer(doc));
}

function buildDocument(d: typeof Docx, blocks: readonly Block[], options: DocxOptions): Docx.Document {
  const run = (r: Run, size = r.role === 'title' ? SIZE.title : SIZE.body) =>
    new d.TextRun({
      text: r.text,
      font: fontOf(r.role),
      size: halfPoints(size),
      characterSpacing: TIGHTEN,
      break: r.breakBefore ? 1 : undefined,
    });
  // Every body line sits on the grid: an exact line of 28.95 pt gives 22 lines on the 225 mm type area.
  const spacing = { line: DOC_GRID.linePitch, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 };
  const indented = { firstLineChars: 200, firstLine: charsToTwip(2) };
  // Closing punctuation at a full line may hang past the margin, as Word does for Chinese text.
  // (Without the element LibreOffice hangs it too, but a justified line then loses the mark in its PDF;
  // with it, LibreOffice carries the last character over with the mark instead. Both keep the text.)
  // No extra space between Chinese and digits (Word's default adds some): 2025年1月20日 stays 6.5
  // characters wide, so the 落款 lands where §6 puts it and a line holds what the preview shows.
  const punct = { overflowPunctuation: true, autoSpaceEastAsianText: false };

  const children: (Docx.Paragraph | Docx.Table)[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        children.push(
          new d.Paragraph({ style: STYLE.title, alignment: d.AlignmentType.CENTER, spacing, children: b.runs.map((r) => run(r)) }),
        );
        break;
      case 'blank':
        children.push(new d.Paragraph({ spacing, children: [] }));
        break;
      case 'addressee':
        children.push(
          new d.Paragraph({ style: STYLE.body, alignment: d.AlignmentType.LEFT, spacing, children: b.runs.map((r) => run(r)) }),
        );
        break;
      case 'heading':
        children.push(
          new d.Paragraph({
            style: STYLE.heading[(b.level ?? 1) - 1] ?? STYLE.body,
            alignment: d.AlignmentType.BOTH,
            spacing,
            indent: indented,
            ...punct,
            children: b.runs.map((r) => run(r)),
          }),
        );
        break;
      case 'signature':
      case 'date':
        children.push(
          new d.Paragraph({
            style: STYLE.body,
            alignment: d.AlignmentType.LEFT,
            spacing,
            indent: { left: charsToTwip(b.leftIndentChars ?? 0) },
            autoSpaceEastAsianText: false,
            children: b.runs.map((r) => run(r)),
          }),
        );
        break;
      case 'table':
        children.push(table(d, b.rows ?? []));
        break;
      default:
        children.push(
          new d.Paragraph({
            style: STYLE.body,
            alignment: d.AlignmentType.BOTH,
            spacing,
            indent: indented,
            ...punct,
            children: b.runs.map((r) => run(r)),
          }),
        );
    }
  }

  const m = PAGE.margin;
  return new d.Document({
    title: options.title,
    creator: options.creator ?? 'govreport',
    evenAndOddHeaderAndFooters: true,
    styles: styles(d),
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(PAGE.widthMm), height: mmToTwip(PAGE.heightMm), orientation: d.PageOrientation.PORTRAIT },
            margin: {
              top: mmToTwip(m.topMm),
              right: mmToTwip(m.rightMm),
              bottom: mmToTwip(m.bottomMm),
              left: mmToTwip(m.leftMm),
              header: mmToTwip(15),
              // The page number's line (4号, ~5 mm) starts 7 mm below the type area.
              footer: mmToTwip(m.bottomMm - PAGE.pageNumberGapMm) - ptToTwip(SIZE.pageNumber),
            },
          },
          grid: { type: d.DocumentGridType.LINES, linePitch: DOC_GRID.linePitch, charSpace: DOC_GRID.charSpace },
        },
        footers: { default: pageNumberFooter(d, 'odd'), even: pageNumberFooter(d, 'even') },
        children,
      },
    ],
  });
}

/** — N — in 4号 宋体: odd pages at the right, even pages at the left, one character in from the edge. */
function pageNumberFooter(d: typeof Docx, side: 'odd' | 'even'): Docx.Footer {
  const r = (text: string) => new d.TextRun({ text, font: fontOf('pageNumber'), size: halfPoints(SIZE.pageNumber) });
  const gap = ptToTwip(SIZE.pageNumber);
  return new d.Footer({
    children: [
      new d.Paragraph({
        alignment: side === 'odd' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
        indent: side === 'odd' ? { right: gap } : { left: gap },
        spacing: { line: ptToTwip(SIZE.pageNumber), lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          r('— '),
          new d.TextRun({ children: [d.PageNumber.CURRENT], font: fontOf('pageNumber'), size: halfPoints(SIZE.pageNumber) }),
          r(' —'),
        ],
      }),
    ],
  });
}

/** A `|` table of the text as a Word table: full type-area width, body font, one paragraph per cell. */
function table(d: typeof Docx, rows: readonly (readonly string[])[]): Docx.Table {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (cells) =>
        new d.TableRow({
          children: Array.from(
            { length: columns },
            (_, i) =>
              new d.TableCell({
                children: [
                  new d.Paragraph({
                    alignment: d.AlignmentType.CENTER,
                    spacing: { line: ptToTwip(SIZE.table * 1.25), lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
                    children: [new d.TextRun({ text: cells[i] ?? '', font: fontOf('body'), size: halfPoints(SIZE.table) })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** Named paragraph styles, so a clerk who edits the file in Word finds the levels (and the navigation pane the outline). */
const STYLE = {
  body: 'GovBody',
  title: 'GovTitle',
  heading: ['GovHeading1', 'GovHeading2', 'GovHeading3', 'GovHeading4'],
} as const;

function styles(d: typeof Docx): Docx.IStylesOptions {
  const para = (id: string, name: string, role: FontRole, size: number, outlineLevel?: number): Docx.IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: fontOf(role), size: halfPoints(size) },
    paragraph: outlineLevel === undefined ? {} : { outlineLevel },
  });
  return {
    default: {
      document: {
        // The grid's character pitch is relative to this size: 3号, the body size.
        run: { font: fontOf('body'), size: halfPoints(SIZE.body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { line: DOC_GRID.linePitch, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 } },
      },
    },
    paragraphStyles: [
      // Normal carries the body size itself: LibreOffice takes the grid's base character width from
      // Normal's own size, not from the document defaults (without this it lays out 18 characters a line).
      { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: fontOf('body'), size: halfPoints(SIZE.body) } },
      para(STYLE.body, '公文正文', 'body', SIZE.body),
      para(STYLE.title, '公文标题', 'title', SIZE.title),
      para(STYLE.heading[0], '一级标题', 'heading1', SIZE.body, 0),
      para(STYLE.heading[1], '二级标题', 'heading2', SIZE.body, 1),
      para(STYLE.heading[2], '三级标题', 'body', SIZE.body, 2),
      para(STYLE.heading[3], '四级标题', 'body', SIZE.body, 3),
    ],
  };
}
