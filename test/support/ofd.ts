/**
 * Writes report text as an OFD file (GB/T 33190-2016) laid out like a GB/T 9704 page, for the OFD
 * reader's tests (no maintained OFD writer exists either). The structure written:
 *   OFD.xml                      <ofd:OFD><ofd:DocBody><ofd:DocInfo/><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>
 *   Doc_0/Document.xml           CommonData (PageArea/PhysicalBox 0 0 210 297, TemplatePage when a running
 *                                header is asked for) and Pages/Page ID BaseLoc="Pages/Page_N/Content.xml"
 *   Doc_0/Tpls/Tpl_0/Content.xml the running header (a page template: furniture)
 *   Doc_0/Pages/Page_N/Content.xml  Content/Layer/TextObject Boundary="x y w h" Size (mm), one TextCode per
 *                                line: X, Y (baseline) relative to the boundary, DeltaX advances (`g N d`)
 * A4, type area 156 × 225 mm from (28, 37), 16 pt body on a 28.9 pt pitch, the title centred at 22 pt,
 * the issuing body above it centred, first-line indents of two characters (or none), the 落款 right-aligned,
 * `— N —` page numbers. Deterministic: the same text gives the same bytes.
 */
import { strToU8, zipSync } from 'fflate';
import { reportLines } from './seedPdf';

const MM_PER_PT = 25.4 / 72;
const BODY = 16 * MM_PER_PT;
const TITLE = 22 * MM_PER_PT;
const PITCH = 28.9 * MM_PER_PT;
const LEFT = 28;
const WIDTH = 156;
const TOP = 37;
const LINES_PER_PAGE = 22;
const NO_START = /[，。、；：？！”’）》」』〕】…%,.;:?!)\]]/;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const advance = (c: string, size: number) => (c.charCodeAt(0) < 0x100 ? size / 2 : size);
const width = (s: string, size: number) => Array.from(s).reduce((w, c) => w + advance(c, size), 0);

/** Wraps a paragraph at the type area's width; punctuation that cannot start a line hangs at the end of the one before. */
function wrap(text: string, size: number, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  let room = WIDTH - indent;
  for (const c of Array.from(text)) {
    if (width(line + c, size) > room + 0.01 && line && !NO_START.test(c)) {
      lines.push(line);
      line = '';
      room = WIDTH;
    }
    line += c;
  }
  if (line) lines.push(line);
  return lines;
}

/** DeltaX with runs of equal advances written `g N d`. */
function deltaX(s: string, size: number): string {
  const ds = Array.from(s)
    .slice(0, -1)
    .map((c) => Number(advance(c, size).toFixed(3)));
  const out: string[] = [];
  for (let i = 0; i < ds.length;) {
    let j = i;
    while (j < ds.length && ds[j] === ds[i]) j++;
    out.push(j - i > 1 ? `g ${j - i} ${ds[i]}` : String(ds[i]));
    i = j;
  }
  return out.join(' ');
}

interface Placed {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

const textObject = (p: Placed, id: number) =>
  `<ofd:TextObject ID="${id}" Boundary="${p.x.toFixed(3)} ${(p.y - p.size).toFixed(3)} ${width(p.text, p.size).toFixed(3)} ${(p.size * 1.4).toFixed(3)}" Font="2" Size="${p.size.toFixed(3)}"><ofd:TextCode X="0" Y="${p.size.toFixed(3)}" DeltaX="${deltaX(p.text, p.size)}">${esc(p.text)}</ofd:TextCode></ofd:TextObject>`;

const content = (placed: readonly Placed[], template?: boolean) =>
  `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">${template ? '<ofd:Template TemplateID="100" ZOrder="Background"/>' : ''}<ofd:Content><ofd:Layer ID="1">${placed.map((p, i) => textObject(p, i + 2)).join('')}</ofd:Layer></ofd:Content></ofd:Page>`;

export function ofdFile(text: string, options: { indent?: boolean; header?: boolean } = {}): Uint8Array {
  const { lines, title } = reportLines(text);
  const lastSentence = lines.reduce((at, l, i) => (/[。；！]$/.test(l) ? i : at), -1);
  const pages: Placed[][] = [[]];
  let row = 0;
  const place = (t: string, x: number, size: number) => {
    if (row >= LINES_PER_PAGE) ((row = 0), pages.push([]));
    pages[pages.length - 1].push({ text: t, x, y: TOP + (row + 1) * PITCH, size });
    row++;
  };
  lines.forEach((l, i) => {
    if (l === '') return void (row = Math.min(row + 1, LINES_PER_PAGE));
    if (i <= title) {
      const size = i === title ? TITLE : BODY;
      for (const part of wrap(l, size, 0)) place(part, LEFT + (WIDTH - width(part, size)) / 2, size);
    } else if (i > lastSentence && l.length < 30) place(l, LEFT + WIDTH - 2 * BODY - width(l, BODY), BODY);
    else {
      const indent = options.indent !== false && !/：$/.test(l) ? 2 * BODY : 0;
      wrap(l, BODY, indent).forEach((part, k) => place(part, LEFT + (k === 0 ? indent : 0), BODY));
    }
  });
  const files: Record<string, Uint8Array> = {
    'OFD.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>govreport-test</ofd:DocID><ofd:Title>${esc(lines[title])}</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    ),
    'Doc_0/Document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>100000</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>${options.header ? '<ofd:TemplatePage ID="100" BaseLoc="Tpls/Tpl_0/Content.xml"/>' : ''}</ofd:CommonData><ofd:Pages>${pages.map((_, n) => `<ofd:Page ID="${n + 1}" BaseLoc="Pages/Page_${n}/Content.xml"/>`).join('')}</ofd:Pages></ofd:Document>`,
    ),
  };
  const header = lines[title];
  if (options.header)
    files['Doc_0/Tpls/Tpl_0/Content.xml'] = strToU8(
      content([{ text: header, x: LEFT + (WIDTH - width(header, 10 * MM_PER_PT)) / 2, y: 25, size: 10 * MM_PER_PT }]),
    );
  pages.forEach((placed, n) => {
    const number = `— ${n + 1} —`;
    const withNumber = [...placed, { text: number, x: LEFT + (WIDTH - width(number, 14 * MM_PER_PT)) / 2, y: 273, size: 14 * MM_PER_PT }];
    files[`Doc_0/Pages/Page_${n}/Content.xml`] = strToU8(content(withNumber, options.header));
  });
  // A fixed date: the same text gives the same bytes.
  return zipSync(files, { mtime: new Date('2025-01-01T00:00:00Z') });
}
