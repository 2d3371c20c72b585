/**
 * The two package parts the `docx` package cannot say what GB/T 9704 needs, written here and handed
 * to its packer as overrides: `word/styles.xml` and `word/fontTable.xml`. Why by hand: the package
 * has no paragraph `snapToGrid` (the title must leave the line grid, or LibreOffice gives each of
 * its lines two grid lines), no `autoSpaceDE`, no `w:altName`/panose font table, and writing the
 * formatting once in styles (not on every paragraph and run) keeps a long report's document.xml
 * small enough for our own reader and its memory low.
 */
import { CHAR_PITCH_PT, DOC_GRID, FONTS, FONT_TABLE, SIZE, type FontRole } from './gbt9704';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Character spacing of every run, in twips: a 3号 character advances 15.75 pt, so 28 fit the 156 mm line (see docx.ts). */
export const TIGHTEN = -5;

const fonts = (role: FontRole) => {
  const n = escape(FONTS[role][0]);
  return `<w:rFonts w:ascii="${n}" w:hAnsi="${n}" w:eastAsia="${n}" w:cs="${n}"/>`;
};
const size = (pt: number) => `<w:sz w:val="${pt * 2}"/><w:szCs w:val="${pt * 2}"/>`;
const exact = (twips: number) => `<w:spacing w:before="0" w:after="0" w:line="${twips}" w:lineRule="exact"/>`;

/** Paragraph style ids (the names Word shows are Chinese: 公文正文, 一级标题 …). */
export const STYLE = {
  body: 'GovBody',
  plain: 'GovPlain',
  title: 'GovTitle',
  heading: ['GovHeading1', 'GovHeading2', 'GovHeading3', 'GovHeading4'],
  attachmentHead: 'GovAttachmentHead',
  attachmentTitle: 'GovAttachmentTitle',
  table: 'GovTable',
  pageNumber: 'GovPageNumber',
} as const;

/** Two characters of the grid in twips (first-line indent of body text). */
const INDENT_2 = Math.round(2 * CHAR_PITCH_PT * 20);

interface StyleDef {
  readonly id: string;
  readonly name: string;
  readonly pPr?: string;
  readonly rPr?: string;
  readonly basedOn?: string;
  readonly outline?: number;
}

const style = (s: StyleDef) =>
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${s.id}"><w:name w:val="${escape(s.name)}"/>` +
  `<w:basedOn w:val="${s.basedOn ?? 'Normal'}"/><w:qFormat/>` +
  `<w:pPr>${s.pPr ?? ''}${s.outline === undefined ? '' : `<w:outlineLvl w:val="${s.outline}"/>`}</w:pPr>` +
  `<w:rPr>${s.rPr ?? ''}</w:rPr></w:style>`;

/**
 * The paragraph defaults every style inherits: exact 28.95 pt lines on the grid, widow and orphan
 * control, Chinese line-breaking rules (kinsoku), punctuation allowed past the margin (Word hangs a
 * closing mark at a full line; LibreOffice, told so explicitly, carries the last character over with
 * it — without the element it hangs the mark and its PDF loses the mark's text), no extra space
 * between Chinese and Latin text or digits (Word; LibreOffice adds a little anyway, see pages.ts).
 */
const PARAGRAPH_DEFAULTS =
  `<w:widowControl/><w:kinsoku/><w:overflowPunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>` + exact(DOC_GRID.linePitch);

/**
 * Run defaults: the body font and size, the tightened spacing, and the languages: East Asian text
 * zh-CN, Latin text en-US. With zh-CN as the Latin language LibreOffice breaks lines inside numbers
 * (500 | 0余份, 100 | %以上); with en-US it keeps a number whole with its % (a render test checks).
 */
const RUN_DEFAULTS = `${fonts('body')}<w:spacing w:val="${TIGHTEN}"/>${size(SIZE.body)}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>`;

export function stylesXml(): string {
  const title = `<w:jc w:val="center"/><w:keepNext/><w:keepLines/><w:snapToGrid w:val="0"/>`;
  // Keep rules are set on a heading standing alone (docx.ts), not on a run-in one, which is a paragraph.
  const heading = `<w:ind w:firstLineChars="200" w:firstLine="${INDENT_2}"/><w:jc w:val="both"/>`;
  const styles: StyleDef[] = [
    { id: STYLE.body, name: '公文正文', pPr: `<w:ind w:firstLineChars="200" w:firstLine="${INDENT_2}"/><w:jc w:val="both"/>` },
    // The addressee, the 落款, the 附件说明: flush left, placed by their own indents.
    { id: STYLE.plain, name: '公文无缩进', pPr: `<w:jc w:val="left"/>` },
    { id: STYLE.title, name: '公文标题', pPr: title, rPr: fonts('title') + size(SIZE.title) },
    { id: STYLE.heading[0], name: '一级标题', pPr: heading, rPr: fonts('heading1'), outline: 0 },
    { id: STYLE.heading[1], name: '二级标题', pPr: heading, rPr: fonts('heading2'), outline: 1 },
    { id: STYLE.heading[2], name: '三级标题', pPr: heading, rPr: fonts('body'), outline: 2 },
    { id: STYLE.heading[3], name: '四级标题', pPr: heading, rPr: fonts('body'), outline: 3 },
    {
      id: STYLE.attachmentHead,
      name: '附件标识',
      pPr: `<w:keepNext/><w:pageBreakBefore/><w:jc w:val="left"/>`,
      rPr: fonts('heading1'),
    },
    { id: STYLE.attachmentTitle, name: '附件标题', pPr: title, rPr: fonts('title') + size(SIZE.title) },
    // Table cells: 小四 on 15 pt lines, off the grid (a row is as tall as its text).
    {
      id: STYLE.table,
      name: '公文表格',
      pPr: `<w:jc w:val="center"/><w:snapToGrid w:val="0"/>${exact(Math.round(SIZE.table * 1.25 * 20))}`,
      rPr: size(SIZE.table),
    },
    {
      id: STYLE.pageNumber,
      name: '公文页码',
      pPr: `<w:snapToGrid w:val="0"/>${exact(SIZE.pageNumber * 20)}`,
      rPr: fonts('pageNumber') + size(SIZE.pageNumber),
    },
  ];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${RUN_DEFAULTS}</w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr>${PARAGRAPH_DEFAULTS}</w:pPr></w:pPrDefault></w:docDefaults>` +
    // Normal carries the body size itself: LibreOffice takes the grid's base character width from
    // Normal's own size, not from the document defaults (without it, 18 characters a line).
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
    `<w:pPr>${PARAGRAPH_DEFAULTS}</w:pPr><w:rPr>${RUN_DEFAULTS}</w:rPr></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>` +
    `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
    `<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    styles.map(style).join('') +
    `</w:styles>`
  );
}

/** The font table: each named font with its stand-in (`w:altName`), GB2312 charset, panose and family. */
export function fontTableXml(): string {
  const entries = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.altName)}"/><w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}">${entries.join('')}</w:fonts>`;
}
