/**
 * A PDF as report text (DOMAIN.md §7: PDF). pdf.js (pdfjs-dist, legacy build for Node) is imported
 * here, when the first PDF is read, never at start-up; esbuild keeps it out of every bundle (the
 * build copies it to dist/pdfjs/). It is given the bytes only — never a URL — so it reads no network.
 * The positioned text it returns is laid out into paragraphs by ./layout.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../messages';
import { layoutPdf, type PdfLine, type PdfPage, type PdfText } from './layout';

export interface TextItem {
  readonly str: string;
  readonly transform: number[];
  readonly width: number;
  readonly height: number;
  readonly hasEOL?: boolean;
}

/** CMaps for CJK PDFs whose fonts are not embedded: next to the bundle, or in node_modules when run from source. */
function cMapUrl(): string | undefined {
  const candidates = [join(__dirname, 'pdfjs', 'cmaps'), join(__dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'cmaps')];
  const dir = candidates.find((d) => existsSync(d));
  return dir ? dir + '/' : undefined;
}

/**
 * The most pages a PDF may have: reports run to dozens, a county's bound yearbook to a few hundred.
 * Past it a file is not a report (16,000 pages took 73 s), and it is refused with a message.
 */
export const MAX_PDF_PAGES = 1000;

export async function pdfToText(name: string, bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
      cMapUrl: cMapUrl(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    throw new SourceError('badPdf', { file: name, reason: (e as Error).message });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      throw new SourceError('pdfTooManyPages', { file: name, pages: String(doc.numPages), max: String(MAX_PDF_PAGES) });
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      pages.push({ width: viewport.width, height: viewport.height, lines: toLines(content.items as TextItem[]) });
      page.cleanup();
    }
    const laid = layoutPdf(pages);
    if (!laid.text.trim()) throw new SourceError('pdfNoText', { file: name });
    return laid;
  } finally {
    await doc.destroy();
  }
}

interface Glyphs {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly rotated: boolean;
}

/**
 * Groups pdf.js text items into lines (same baseline), left to right. The items are sorted by
 * baseline once and grouped in one pass (looking each item's line up among all lines was quadratic);
 * no spread of a line's pieces into Math.max (200,000 glyphs on one baseline overflowed the stack).
 * Pieces set apart by more than a character's width are a table row's cells (`cells`).
 */
export function toLines(items: readonly TextItem[]): PdfLine[] {
  const glyphs: Glyphs[] = items
    .filter((i) => i.str !== '' && i.transform)
    .map((i) => {
      const [a, b, c, d, x, y] = i.transform;
      const size = Math.hypot(c, d) || i.height || 1;
      return { str: i.str, x, y, width: i.width, size, rotated: Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1 };
    })
    .sort((p, q) => q.y - p.y);
  const lines: { y: number; size: number; parts: Glyphs[] }[] = [];
  for (const g of glyphs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - g.y) < Math.min(line.size, g.size) * 0.5) line.parts.push(g);
    else lines.push({ y: g.y, size: g.size, parts: [g] });
  }
  return lines.map((l) => {
    const parts = l.parts.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let size = 0;
    const cells: string[] = [''];
    let wide = 0;
    for (const p of parts) {
      const gap = p.x - end;
      // A visible gap between two pieces is a space (Latin words); ./layout removes the ones next to Chinese.
      if (text && gap > p.size * 0.25 && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      if (text && gap > p.size * 1.2) {
        cells.push('');
        wide++;
      }
      text += p.str;
      cells[cells.length - 1] += p.str;
      end = Math.max(end, p.x + p.width);
      if (p.size > size) size = p.size;
    }
    const trimmed = cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean);
    // A table row: three cells or more, or two of which one is a figure (项目 | 9); two names side by
    // side in a 落款 are not a table.
    const row = trimmed.length >= 3 || (trimmed.length === 2 && trimmed.some((c) => /^[\d.,，%％]+\s*\S{0,2}$/.test(c)));
    return {
      text,
      x0: parts[0].x,
      x1: end,
      y: l.y,
      size,
      ...(row && wide ? { cells: trimmed } : {}),
      ...(parts.every((p) => p.rotated) ? { rotated: true } : {}),
    };
  });
}
