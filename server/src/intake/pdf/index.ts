/**
 * A PDF as report text (DOMAIN.md §7: PDF). pdf.js (pdfjs-dist, legacy build for Node) is imported
 * here, when the first PDF is read, never at start-up; esbuild keeps it out of every bundle (the
 * build copies it to dist/pdfjs/). It is given the bytes only — never a URL — so it reads no network.
 * The positioned text it returns is laid out into paragraphs by ./layout.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../messages';
import { layoutPdf, type PdfPage, type PdfText } from './layout';
import { toLines, type TextItem } from './lines';

export { toLines, type TextItem } from './lines';

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
