/**
 * Blocks → a GB/T 9704 .docx, built with the `docx` package; the styles and the font table, which
 * the package cannot write as GB/T 9704 needs them, come from ooxml.ts as packer overrides. The
 * package is loaded on the first export only (`loadDocx`), so the server starts and the CLI checks
 * without it. Pure apart from that load: bytes out, no files, no Node built-ins, so the CLI, the
 * Node server and the web worker share it.
 *
 * Paragraphs carry their style and nothing else where they can (fonts, sizes, spacing, indents and
 * keep rules live in the styles): a report of 65,000 paragraphs stays a document.xml our own reader
 * opens, and the package's object tree stays small.
 *
 * Why the character count comes from run spacing (−0.25 pt, ooxml.ts TIGHTEN) and not from the
 * character grid (w:docGrid type="linesAndChars" with charSpace −842, the classic template):
 * LibreOffice (7.4) gives each 16 pt character two of its 15.79 pt cells there (14 characters a
 * line). So the grid is a line grid (22 lines of 28.95 pt) that keeps charSpace −842 for whoever
 * switches Word to "lines and characters" — the same page in Word, WPS and LibreOffice.
 */
import type * as Docx from 'docx';
import type { Block, Run } from './blocks';
import { CHAR_PITCH_PT, DOC_GRID, FONTS, PAGE, SIZE, mmToTwip, ptToTwip, type FontRole } from './gbt9704';
import { loadDocx } from './docxModule';
import { STYLE, fontTableXml, stylesXml } from './ooxml';

/** The red of the 版头 (发文机关标志, the rule under it). */
const RED = 'FF0000';
/** The red rule under the 版头: as wide as the type area, 1.5 pt, 4 mm below the line above it. */
const RED_RULE = (d: typeof Docx) => ({ style: d.BorderStyle.SINGLE, size: 12, color: RED, space: 11 });
/** The 版记's rules: 0.75 pt black. */
const RECORD_RULE = (d: typeof Docx) => ({ style: d.BorderStyle.SINGLE, size: 6, color: '000000', space: 1 });

/** Grid characters → twips (one character of the 28-a-line grid is 15.79 pt). */
const charsToTwip = (chars: number) => Math.round(chars * CHAR_PITCH_PT * 20);

const fontOf = (role: FontRole): Docx.IFontAttributesProperties => {
  const name = FONTS[role][0];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
};

export interface DocxOptions {
  /** Document properties (File → Properties in Word). */
  readonly title?: string;
  /** The author: the issuing body, or nothing. */
  readonly creator?: string;
}

/** Marks a file as written by this exporter (docProps/custom.xml), so the CLI may write over its own earlier export. */
export const EXPORT_MARK = 'GovreportExport';

/** The .docx bytes of the blocks. */
export async function blocksToDocx(blocks: readonly Block[], options: DocxOptions = {}): Promise<Uint8Array> {
  const docx = await loadDocx();
  const doc = buildDocument(docx, blocks, options);
  const overrides = [
    { path: 'word/styles.xml', data: stylesXml() },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ];
  return new Uint8Array(await docx.Packer.pack(doc, 'arraybuffer', false, overrides));
}

function buildDocument(d: typeof Docx, blocks: readonly Block[], options: DocxOptions): Docx.Document {
  // Runs in their paragraph style's font carry no properties; a run in another font (run-in body
  // text after a heading) names its font.
  const run = (r: Run, styleRole: FontRole) =>
    new d.TextRun({ text: r.text, font: r.role === styleRole ? undefined : fontOf(r.role), break: r.breakBefore ? 1 : undefined });
  const para = (style: string, b: Block, styleRole: FontRole, extra: Partial<Docx.IParagraphOptions> = {}) =>
    new d.Paragraph({ style, ...extra, children: b.runs.map((r) => run(r, styleRole)) });

  const children: (Docx.Paragraph | Docx.Table)[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        children.push(para(STYLE.title, b, 'title'));
        break;
      case 'attachmentTitle':
        children.push(para(STYLE.attachmentTitle, b, 'title'));
        break;
      case 'attachmentHead':
        children.push(para(STYLE.attachmentHead, b, 'heading1'));
        break;
      case 'blank':
        children.push(new d.Paragraph({ style: STYLE.plain, keepNext: b.keepNext || undefined }));
        break;
      case 'addressee':
        children.push(para(STYLE.plain, b, 'body'));
        break;
      case 'heading': {
        const level = (b.level ?? 1) - 1;
        // A heading alone on its line stays whole and with the paragraph under it; a run-in heading is a paragraph.
        const keep = b.keepNext ? { keepNext: true, keepLines: true } : {};
        children.push(para(STYLE.heading[level] ?? STYLE.body, b, level === 0 ? 'heading1' : level === 1 ? 'heading2' : 'body', keep));
        break;
      }
      case 'signature':
      case 'date':
        children.push(
          para(
            STYLE.plain,
            b,
            'body',
            b.rightIndentChars !== undefined
              ? { alignment: d.AlignmentType.RIGHT, indent: { right: charsToTwip(b.rightIndentChars) } }
              : { indent: { left: charsToTwip(b.leftIndentChars ?? 0) } },
          ),
        );
        break;
      case 'attachmentNote':
        children.push(
          para(STYLE.plain, b, 'body', {
            indent: { left: charsToTwip(b.leftIndentChars ?? 0), hanging: charsToTwip(b.hangingChars ?? 0) },
          }),
        );
        break;
      case 'table':
        children.push(table(d, b.rows ?? []));
        break;
      case 'letterheadMark': {
        // 发文机关标志: red 小标宋, centred; the red rule under it when no 发文字号 follows.
        const ruleHere = !blocks.some((x) => x.kind === 'docNumber');
        children.push(
          new d.Paragraph({
            style: STYLE.title,
            keepNext: true,
            border: ruleHere ? { bottom: RED_RULE(d) } : undefined,
            children: b.runs.map((r) => new d.TextRun({ text: r.text, color: RED, break: r.breakBefore ? 1 : undefined })),
          }),
        );
        break;
      }
      case 'docNumber': {
        // 发文字号 centred over the red rule; with a 签发人 (上行文) the 字号 one character in from the left
        // and the 签发人 one character in from the right, on one line.
        const number = b.runs.map((r) => new d.TextRun({ text: r.text }));
        const right = mmToTwip(PAGE.widthMm - PAGE.margin.leftMm - PAGE.margin.rightMm) - charsToTwip(1);
        children.push(
          new d.Paragraph({
            style: STYLE.plain,
            keepNext: true,
            alignment: b.signer ? d.AlignmentType.LEFT : d.AlignmentType.CENTER,
            indent: b.signer ? { left: charsToTwip(1) } : undefined,
            tabStops: b.signer ? [{ type: d.TabStopType.RIGHT, position: right - charsToTwip(1) }] : undefined,
            border: { bottom: RED_RULE(d) },
            children: b.signer ? [...number, new d.TextRun({ children: [new d.Tab(), b.signer] })] : number,
          }),
        );
        break;
      }
      case 'record':
        // 版记: 4号, one character in at both sides, between rules (Word joins the borders of adjacent
        // paragraphs that share them into one box: a rule above the first line and below the last).
        children.push(
          new d.Paragraph({
            style: STYLE.plain,
            indent: { left: charsToTwip(1), right: charsToTwip(1) },
            border: { top: RECORD_RULE(d), bottom: RECORD_RULE(d) },
            children: b.runs.map((r) => new d.TextRun({ text: r.text, size: SIZE.pageNumber * 2 })),
          }),
        );
        break;
      default:
        children.push(para(STYLE.body, b, 'body'));
    }
  }

  const m = PAGE.margin;
  return new d.Document({
    title: options.title,
    creator: options.creator ?? '',
    lastModifiedBy: options.creator ?? '',
    customProperties: [{ name: EXPORT_MARK, value: '1' }],
    evenAndOddHeaderAndFooters: true,
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
  const r = (text: string) => new d.TextRun({ text, font: fontOf('pageNumber'), size: SIZE.pageNumber * 2 });
  const gap = ptToTwip(SIZE.pageNumber);
  return new d.Footer({
    children: [
      new d.Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'odd' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
        indent: side === 'odd' ? { right: gap } : { left: gap },
        children: [
          r('— '),
          new d.TextRun({ children: [d.PageNumber.CURRENT], font: fontOf('pageNumber'), size: SIZE.pageNumber * 2 }),
          r(' —'),
        ],
      }),
    ],
  });
}

/**
 * A `|` table of the text as a Word table: full type-area width, 小四 in the body font, one
 * paragraph per cell; the first row repeats at the top of each page the table runs onto, and no
 * row is split across a page.
 */
function table(d: typeof Docx, rows: readonly (readonly string[])[]): Docx.Table {
  const columns = rows.reduce((n, r) => Math.max(n, r.length), 1);
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (cells, r) =>
        new d.TableRow({
          tableHeader: r === 0 && rows.length > 1,
          cantSplit: true,
          children: Array.from(
            { length: columns },
            (_, i) =>
              new d.TableCell({
                children: [new d.Paragraph({ style: STYLE.table, children: [new d.TextRun({ text: cells[i] ?? '' })] })],
              }),
          ),
        }),
    ),
  });
}
