/**
 * The GB/T 9704-2012 page (DOMAIN.md §6) as numbers: one place for the .docx exporter and the
 * page preview, so the file and the preview cannot drift apart.
 */

/** Millimetres → twentieths of a point (Word's twips). */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);
/** Points → twips. */
export const ptToTwip = (pt: number): number => Math.round(pt * 20);
export const MM_PER_PT = 25.4 / 72;

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  margin: { topMm: 37, rightMm: 26, bottomMm: 35, leftMm: 28 },
  /** The type area (版心) 156 × 225 mm holds 22 lines of 28 characters. */
  linesPerPage: 22,
  charsPerLine: 28,
  /** Page number: 7 mm below the type area, one character in from the outer edge. */
  pageNumberGapMm: 7,
} as const;

export const TYPE_AREA = {
  widthMm: PAGE.widthMm - PAGE.margin.leftMm - PAGE.margin.rightMm, // 156
  heightMm: PAGE.heightMm - PAGE.margin.topMm - PAGE.margin.bottomMm, // 225
} as const;

/** Font sizes in points: 2号 22 pt (title), 3号 16 pt (body), 4号 14 pt (page numbers); tables 小四 12 pt (six columns must fit). */
export const SIZE = { title: 22, body: 16, pageNumber: 14, table: 12 } as const;

/**
 * Line pitch and character pitch of the 22 × 28 grid, in points: 225 mm / 22 ≈ 28.95 pt and
 * 156 mm / 28 ≈ 15.80 pt (a 16 pt character squeezed by 0.2 pt, as Word's grid does it).
 */
export const LINE_PITCH_PT = TYPE_AREA.heightMm / MM_PER_PT / PAGE.linesPerPage;
export const CHAR_PITCH_PT = TYPE_AREA.widthMm / MM_PER_PT / PAGE.charsPerLine;

/**
 * Word's document grid (w:docGrid type="linesAndChars"): linePitch in twips (579, what Chinese
 * official-document templates carry) and charSpace in 1/4096 pt relative to the 16 pt body font
 * (-842 for 28 characters a line).
 */
export const DOC_GRID = {
  linePitch: Math.floor(LINE_PITCH_PT * 20),
  // From the type area in whole twips (A4 11906 − 1587 − 1474 = 8845), as Word computes it.
  charSpace: Math.floor(
    ((mmToTwip(PAGE.widthMm) - mmToTwip(PAGE.margin.leftMm) - mmToTwip(PAGE.margin.rightMm)) / 20 / PAGE.charsPerLine - SIZE.body) * 4096,
  ),
} as const;

/**
 * Fonts by role, the name GB/T 9704 templates use first and what stands in for it where that is
 * not installed. The .docx names the first (Word and WPS on a Chinese system substitute the
 * second); the preview lists them all in CSS order, then generic families.
 */
export const FONTS = {
  body: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', 'FangSong_GB2312'],
  title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '小标宋', '华文中宋', 'STZhongsong', '宋体', 'SimSun'],
  heading1: ['黑体', 'SimHei', 'STHeiti', 'Heiti SC'],
  heading2: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti', 'KaiTi_GB2312'],
  pageNumber: ['宋体', 'SimSun', 'STSong'],
} as const;

export type FontRole = keyof typeof FONTS;

/**
 * What the .docx's font table says of each named font, so a machine without it has a hint (Word
 * and WPS read `w:altName`, then the panose and family): 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体,
 * 方正小标宋简体 → 宋体, 黑体 → SimHei. charset 86 is GB2312.
 */
export const FONT_TABLE: readonly {
  readonly name: string;
  readonly altName: string;
  readonly panose: string;
  readonly family: 'roman' | 'modern' | 'swiss' | 'auto';
  readonly pitch: 'fixed' | 'variable';
}[] = [
  { name: FONTS.body[0], altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: FONTS.heading2[0], altName: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: FONTS.title[0], altName: '宋体', panose: '02000000000000000000', family: 'auto', pitch: 'variable' },
  { name: FONTS.heading1[0], altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: FONTS.pageNumber[0], altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
];

/** The generic CSS family after the named fonts of a role (Noto/Source Han Serif or Sans when none of them is there). */
export const GENERIC_FAMILY: Readonly<Record<FontRole, string>> = {
  body: 'serif',
  title: 'serif',
  heading1: 'sans-serif',
  heading2: 'serif',
  pageNumber: 'serif',
};

/** An em dash each side of the page number: — 1 —. */
export const pageNumberText = (n: number | string): string => `— ${n} —`;
