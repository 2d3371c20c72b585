/**
 * Reads an exported .docx back with libraries we did not write: JSZip opens the package,
 * fast-xml-parser reads its XML. Gives the section's page setup, the paragraphs in order with their
 * style, alignment, indents and runs (font, size, text), tables, footers and settings.
 */
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

type Node = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false });

const tagOf = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;
const kids = (n: Node): Node[] => (n[tagOf(n)] as Node[]) ?? [];
const attrs = (n: Node): Record<string, string> => (n[':@'] as Record<string, string>) ?? {};
const child = (n: Node | undefined, tag: string): Node | undefined => (n ? kids(n).find((c) => tagOf(c) === tag) : undefined);
const all = (n: Node, tag: string): Node[] => kids(n).filter((c) => tagOf(c) === tag);

function deep(n: Node, tag: string, out: Node[] = []): Node[] {
  for (const c of kids(n)) {
    if (tagOf(c) === tag) out.push(c);
    else if (Array.isArray(c[tagOf(c)])) deep(c, tag, out);
  }
  return out;
}

export interface RunInfo {
  readonly text: string;
  readonly eastAsia?: string;
  readonly ascii?: string;
  /** Half-points. */
  readonly size?: number;
  readonly fieldCode?: string;
}

export interface ParagraphInfo {
  readonly kind: 'p';
  readonly style?: string;
  readonly align?: string;
  readonly indent: Record<string, string>;
  readonly spacing: Record<string, string>;
  readonly runs: readonly RunInfo[];
  /** Text with `\n` for line breaks. */
  readonly text: string;
}

export interface TableInfo {
  readonly kind: 'tbl';
  readonly rows: readonly (readonly string[])[];
}

function textOfRun(r: Node): string {
  let s = '';
  for (const c of kids(r)) {
    const tag = tagOf(c);
    if (tag === 'w:t')
      s += kids(c)
        .map((x) => String(x['#text'] ?? ''))
        .join('');
    else if (tag === 'w:br') s += '\n';
    else if (tag === 'w:tab') s += '\t';
  }
  return s;
}

function runInfo(r: Node): RunInfo {
  const rPr = child(r, 'w:rPr');
  const fonts = attrs(child(rPr, 'w:rFonts') ?? {});
  const sz = attrs(child(rPr, 'w:sz') ?? {})['w:val'];
  const instr = child(r, 'w:instrText');
  return {
    text: textOfRun(r),
    eastAsia: fonts['w:eastAsia'],
    ascii: fonts['w:ascii'],
    size: sz ? Number(sz) : undefined,
    fieldCode: instr
      ? kids(instr)
          .map((x) => String(x['#text'] ?? ''))
          .join('')
      : undefined,
  };
}

export function paragraphInfo(p: Node): ParagraphInfo {
  const pPr = child(p, 'w:pPr');
  const runs = deep(p, 'w:r').map(runInfo);
  return {
    kind: 'p',
    style: attrs(child(pPr, 'w:pStyle') ?? {})['w:val'],
    align: attrs(child(pPr, 'w:jc') ?? {})['w:val'],
    indent: attrs(child(pPr, 'w:ind') ?? {}),
    spacing: attrs(child(pPr, 'w:spacing') ?? {}),
    runs,
    text: runs.map((r) => r.text).join(''),
  };
}

export interface DocxContents {
  readonly files: readonly string[];
  readonly body: readonly (ParagraphInfo | TableInfo)[];
  readonly sectPr: {
    pgSz: Record<string, string>;
    pgMar: Record<string, string>;
    docGrid: Record<string, string>;
    footers: Record<string, string>;
  };
  /** Footer part name → its paragraphs. */
  readonly footers: Readonly<Record<string, readonly ParagraphInfo[]>>;
  /** Simple field instructions (w:fldSimple) and complex ones (w:instrText) of each footer. */
  readonly footerFields: Readonly<Record<string, readonly string[]>>;
  readonly settingsXml: string;
  readonly stylesXml: string;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (name: string) => parser.parse(await zip.file(name)!.async('string')) as Node[];
  const docRoot = (await xml('word/document.xml')).find((n) => tagOf(n) === 'w:document')!;
  const body = child(docRoot, 'w:body')!;
  const items: (ParagraphInfo | TableInfo)[] = [];
  for (const c of kids(body)) {
    if (tagOf(c) === 'w:p') items.push(paragraphInfo(c));
    else if (tagOf(c) === 'w:tbl') {
      items.push({ kind: 'tbl', rows: all(c, 'w:tr').map((tr) => all(tr, 'w:tc').map((tc) => deep(tc, 'w:r').map(textOfRun).join(''))) });
    }
  }
  const sect = child(body, 'w:sectPr')!;
  const rels = (await xml('word/_rels/document.xml.rels')).find((n) => tagOf(n) === 'Relationships')!;
  const target = new Map(all(rels, 'Relationship').map((r) => [attrs(r).Id, attrs(r).Target]));
  const footerRefs: Record<string, string> = {};
  for (const f of all(sect, 'w:footerReference')) footerRefs[attrs(f)['w:type']] = `word/${target.get(attrs(f)['r:id'])}`;
  const footers: Record<string, ParagraphInfo[]> = {};
  const footerFields: Record<string, string[]> = {};
  for (const [type, part] of Object.entries(footerRefs)) {
    const root = (await xml(part)).find((n) => tagOf(n) === 'w:ftr')!;
    footers[type] = deep(root, 'w:p').map(paragraphInfo);
    footerFields[type] = [
      ...deep(root, 'w:fldSimple').map((f) => attrs(f)['w:instr']),
      ...deep(root, 'w:instrText').map((i) =>
        kids(i)
          .map((x) => String(x['#text'] ?? ''))
          .join(''),
      ),
    ].map((s) => s.trim());
  }
  return {
    files: Object.keys(zip.files),
    body: items,
    sectPr: {
      pgSz: attrs(child(sect, 'w:pgSz') ?? {}),
      pgMar: attrs(child(sect, 'w:pgMar') ?? {}),
      docGrid: attrs(child(sect, 'w:docGrid') ?? {}),
      footers: footerRefs,
    },
    footers,
    footerFields,
    settingsXml: await zip.file('word/settings.xml')!.async('string'),
    stylesXml: await zip.file('word/styles.xml')!.async('string'),
  };
}
