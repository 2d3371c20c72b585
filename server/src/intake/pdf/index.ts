/**
 * A PDF as report text (DOMAIN.md §7: PDF). pdf.js (pdfjs-dist, legacy build for Node) is imported
 * here, when the first PDF is read, never at start-up; esbuild keeps it out of every bundle (the
 * build copies it to dist/pdfjs/). It is given the bytes only — never a URL — so it reads no network.
 * The positioned text it returns is laid out into paragraphs by ./layout.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../messages';
import { layoutPages, type PdfLine, type PdfPage } from './layout';

interface TextItem {
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

export async function pdfToText(name: string, bytes: Uint8Array): Promise<string> {
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
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      pages.push({ width: viewport.width, height: viewport.height, lines: toLines(content.items as TextItem[]) });
      page.cleanup();
    }
    const text = layoutPages(pages);
    if (!text.trim()) throw new SourceError('pdfNoText', { file: name });
    return text;
  } finally {
    await doc.destroy();
  }
}

/** Groups pdf.js text items into lines (same baseline), left to right. */
function toLines(items: readonly TextItem[]): PdfLine[] {
  const glyphs = items
    .filter((i) => i.str !== '' && i.transform)
    .map((i) => {
      const size = Math.hypot(i.transform[2], i.transform[3]) || i.height || 1;
      return { str: i.str, x: i.transform[4], y: i.transform[5], width: i.width, size };
    });
  const lines: { y: number; size: number; parts: typeof glyphs }[] = [];
  for (const g of glyphs) {
    const line = lines.find((l) => Math.abs(l.y - g.y) < Math.min(l.size, g.size) * 0.5);
    if (line) line.parts.push(g);
    else lines.push({ y: g.y, size: g.size, parts: [g] });
  }
  return lines.map((l) => {
    const parts = l.parts.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const p of parts) {
      // A visible gap between two pieces is a space (Latin words); ./layout removes the ones next to Chinese.
      if (text && p.x - end > p.size * 0.25 && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      text += p.str;
      end = Math.max(end, p.x + p.width);
    }
    const size = Math.max(...parts.map((p) => p.size));
    return { text, x0: parts[0].x, x1: end, y: l.y, size };
  });
}
