/**
 * OFD (GB/T 33190-2016, the national format for electronic documents; many portals publish reports as
 * .ofd) as report text. No maintained reader exists, so this is one at the edge: the package is a zip
 * (fflate) of XML parts, read with htmlparser2's streaming parser in XML mode. The structure followed:
 * OFD.xml → DocBody/DocRoot (Doc_0/Document.xml) → Pages/Page@BaseLoc (Pages/Page_N/Content.xml) →
 * Content/Layer (and PageBlock) → TextObject (Boundary "x y w h" in mm, Size in mm, an optional CTM)
 * → TextCode (X, Y: the first glyph's origin and baseline relative to the Boundary; DeltaX: the
 * advances between glyphs, `g N d` repeating d N times). A page's Template (CommonData/TemplatePage)
 * is page furniture. Each text code becomes a positioned piece in points with y upwards, and the PDF
 * layout does the rest (lines, frame, paragraphs), so an OFD reads exactly as the same page as a PDF.
 */
import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { SourceError } from '../messages';
import { toLines, type TextItem } from '../pdf/lines';
import { layoutPdf, type PdfPage, type PdfText } from '../pdf/layout';

/** Points per millimetre (OFD measures in mm; the layout thinks in points, like PDF). */
const PT = 72 / 25.4;
/** As for PDF: past this many pages a file is not a report. */
export const MAX_OFD_PAGES = 1000;
/** All XML parts together, as for .docx (a zip bomb of XML is refused before it is parsed). */
const MAX_UNPACKED = 64 * 1024 * 1024;

class NotOfd extends Error {}

/** Local name without the `ofd:` prefix. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Walks an XML part with the streaming parser: open tags with attributes, text, close tags. */
function parse(
  xml: string,
  open: (name: string, attrs: Record<string, string>) => void,
  text?: (t: string) => void,
  close?: (name: string) => void,
) {
  const parser = new Parser(
    {
      onopentag: (name, attrs) => open(local(name), attrs),
      ontext: (t) => text?.(t),
      onclosetag: (name) => close?.(local(name)),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
}

/** Resolves a location in the package: absolute (/Doc_0/…) or relative to `base`'s folder. */
function resolve(base: string, loc: string): string {
  const path = loc.replace(/\\/g, '/');
  if (path.startsWith('/')) return path.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** DeltaX/DeltaY: numbers, with `g N d` meaning d repeated N times. */
function deltas(list: string | undefined): number[] {
  if (!list) return [];
  const tokens = list.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = Math.min(Number(tokens[i + 1]) || 0, 100_000);
      const d = Number(tokens[i + 2]) || 0;
      for (let k = 0; k < n; k++) out.push(d);
      i += 2;
    } else out.push(Number(tokens[i]) || 0);
  }
  return out;
}

const box = (s: string | undefined) => (s ?? '').trim().split(/\s+/).map(Number);

/** The text pieces of one content part (a page or a template), in points with y upwards on a page `height` mm tall. */
function pieces(xml: string, height: number): TextItem[] {
  const items: TextItem[] = [];
  let object: { x: number; y: number; size: number; rotated: boolean; scale: number } | undefined;
  let code: { x: number; y: number; dx: number[]; text: string } | undefined;
  parse(
    xml,
    (name, a) => {
      if (name === 'TextObject') {
        const [x, y] = box(a.Boundary);
        const ctm = a.CTM ? box(a.CTM) : [1, 0, 0, 1, 0, 0];
        const rotated = Math.abs(ctm[1]) > Math.abs(ctm[0]) * 0.1 || Math.abs(ctm[2]) > Math.abs(ctm[3]) * 0.1;
        object = {
          x: (x || 0) + (ctm[4] || 0),
          y: (y || 0) + (ctm[5] || 0),
          size: Number(a.Size) || 3.5,
          rotated,
          scale: Math.hypot(ctm[0], ctm[1]) || 1,
        };
      } else if (name === 'TextCode' && object) code = { x: Number(a.X) || 0, y: Number(a.Y) || 0, dx: deltas(a.DeltaX), text: '' };
    },
    (t) => {
      if (code) code.text += t;
    },
    (name) => {
      if (name === 'TextCode' && object && code) {
        const chars = Array.from(code.text);
        const size = object.size * object.scale;
        let x = object.x + code.x * object.scale;
        const y = height - (object.y + code.y * object.scale);
        // One piece per run of glyphs that follow each other without a gap; a wider advance starts a new piece.
        let run = '';
        let start = x;
        const flush = (end: number) => {
          if (run.trim())
            items.push({
              str: run,
              transform: object!.rotated
                ? [0, size * PT, -size * PT, 0, start * PT, y * PT]
                : [size * PT, 0, 0, size * PT, start * PT, y * PT],
              width: (end - start) * PT,
              height: size * PT,
            });
          run = '';
        };
        // Where the glyphs drawn so far end (their own widths): an advance past it by more than a third
        // of a character is a gap (a table's cells, words apart), kept as a new piece. Tracked as it goes:
        // one pass, however long the text code.
        let drawnEnd = x;
        chars.forEach((c, i) => {
          const advance = (i < code!.dx.length ? code!.dx[i] : size) * object!.scale;
          const glyph = c.charCodeAt(0) < 0x100 ? size * 0.5 : size;
          if (run && x - drawnEnd > size * 0.3) {
            flush(drawnEnd);
            start = x;
          }
          if (!run) start = x;
          run += c;
          drawnEnd = x + glyph;
          x += i < chars.length - 1 ? advance : glyph;
        });
        flush(drawnEnd);
        code = undefined;
      } else if (name === 'TextObject') object = undefined;
    },
  );
  return items;
}

export function ofdToText(name: string, bytes: Uint8Array): PdfText {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.toLowerCase().endsWith('.xml') && (unpacked += f.originalSize) <= MAX_UNPACKED });
  } catch (e) {
    throw new SourceError('badOfd', { file: name, reason: `not a zip package: ${(e as Error).message}` });
  }
  if (unpacked > MAX_UNPACKED)
    throw new SourceError('badOfd', { file: name, reason: `its XML unpacks to more than ${MAX_UNPACKED >> 20} MB` });
  const part = (path: string) => {
    const key = Object.keys(files).find((k) => k.toLowerCase() === path.toLowerCase());
    if (!key) throw new NotOfd(`no ${path}`);
    return strFromU8(files[key]);
  };
  try {
    // The document's root: the text of OFD.xml's DocBody/DocRoot.
    let docRoot = '';
    let inRoot = false;
    parse(
      part('OFD.xml'),
      (n) => (inRoot = n === 'DocRoot'),
      (t) => {
        if (inRoot) docRoot += t;
      },
      () => (inRoot = false),
    );
    const documentPath = resolve('', docRoot.trim());
    if (!documentPath) throw new NotOfd('no DocRoot in OFD.xml');
    const pageLocs: { loc: string; template?: string }[] = [];
    const templates = new Map<string, string>();
    let physical = [0, 0, 210, 297];
    let inBox = false;
    let boxText = '';
    let current: { loc: string; template?: string } | undefined;
    parse(
      part(documentPath),
      (n, a) => {
        if (n === 'PhysicalBox' && !current) ((inBox = true), (boxText = ''));
        if (n === 'TemplatePage' && a.ID && a.BaseLoc) templates.set(a.ID, resolve(documentPath, a.BaseLoc));
        if (n === 'Page' && a.BaseLoc) pageLocs.push((current = { loc: resolve(documentPath, a.BaseLoc) }));
      },
      (t) => {
        if (inBox) boxText += t;
      },
      (n) => {
        if (n === 'PhysicalBox' && inBox) ((inBox = false), (physical = box(boxText)));
      },
    );
    if (pageLocs.length > MAX_OFD_PAGES)
      throw new SourceError('pdfTooManyPages', { file: name, pages: String(pageLocs.length), max: String(MAX_OFD_PAGES) });
    const height = physical[3] || 297;
    const width = physical[2] || 210;
    const pages: PdfPage[] = [];
    const frame: string[] = [];
    for (const { loc } of pageLocs) {
      const content = part(loc);
      let template: string | undefined;
      parse(content, (n, a) => {
        if (n === 'Template' && a.TemplateID) template = templates.get(a.TemplateID);
      });
      // A page template is furniture on every page (a header, a logo line): the frame.
      if (template && Object.keys(files).some((k) => k.toLowerCase() === template!.toLowerCase()))
        for (const l of toLines(pieces(part(template), height))) if (l.text.trim()) frame.push(l.text.trim()); // a loop: no spread of a long list
      pages.push({ width: width * PT, height: height * PT, lines: toLines(pieces(content, height)) });
    }
    const laid = layoutPdf(pages);
    if (!laid.text.trim()) throw new SourceError('ofdNoText', { file: name });
    return { text: laid.text, frame: [...frame, ...laid.frame] };
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError('badOfd', { file: name, reason: (e as Error).message });
  }
}
