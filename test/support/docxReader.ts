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
  /** Paragraph properties present (w:keepNext, w:keepLines, w:pageBreakBefore …), from the paragraph and its styles. */
  readonly flags?: ReadonlySet<string>;
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
    flags: new Set(pPr ? kids(pPr).map(tagOf) : []),
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
  readonly fontTableXml: string;
  readonly coreXml: string;
  readonly documentXml: string;
}

interface StyleInfo {
  readonly basedOn?: string;
  readonly align?: string;
  readonly indent: Record<string, string>;
  readonly spacing: Record<string, string>;
  readonly eastAsia?: string;
  readonly ascii?: string;
  readonly size?: number;
  readonly flags: Set<string>;
}

/** Paragraph styles and the document defaults (id '') from styles.xml. */
function readStyles(nodes: Node[]): Map<string, StyleInfo> {
  const root = nodes.find((n) => tagOf(n) === 'w:styles');
  const map = new Map<string, StyleInfo>();
  if (!root) return map;
  const info = (pPr: Node | undefined, rPr: Node | undefined, basedOn?: string): StyleInfo => {
    const fonts = attrs(child(rPr, 'w:rFonts') ?? {});
    const sz = attrs(child(rPr, 'w:sz') ?? {})['w:val'];
    return {
      basedOn,
      align: attrs(child(pPr, 'w:jc') ?? {})['w:val'],
      indent: attrs(child(pPr, 'w:ind') ?? {}),
      spacing: attrs(child(pPr, 'w:spacing') ?? {}),
      eastAsia: fonts['w:eastAsia'],
      ascii: fonts['w:ascii'],
      size: sz ? Number(sz) : undefined,
      flags: new Set(pPr ? kids(pPr).map(tagOf) : []),
    };
  };
  const defaults = child(root, 'w:docDefaults');
  map.set('', info(child(child(defaults, 'w:pPrDefault'), 'w:pPr'), child(child(defaults, 'w:rPrDefault'), 'w:rPr')));
  for (const st of all(root, 'w:style')) {
    const id = attrs(st)['w:styleId'];
    map.set(
      id,
      info(child(st, 'w:pPr'), child(st, 'w:rPr'), attrs(child(st, 'w:basedOn') ?? {})['w:val'] ?? (id === 'Normal' ? '' : 'Normal')),
    );
  }
  return map;
}

/** A paragraph with what its style (and the styles it is based on, and the defaults) give it. */
function resolve(p: ParagraphInfo, styles: Map<string, StyleInfo>): ParagraphInfo {
  const chain: StyleInfo[] = [];
  for (let id: string | undefined = p.style ?? 'Normal'; id !== undefined && chain.length < 10;) {
    const s = styles.get(id);
    if (!s) break;
    chain.push(s);
    id = id === '' ? undefined : (s.basedOn ?? '');
  }
  const pick = <K extends 'align' | 'eastAsia' | 'ascii' | 'size'>(k: K) => chain.find((s) => s[k] !== undefined)?.[k];
  const merged = (k: 'indent' | 'spacing') => Object.assign({}, ...[...chain].reverse().map((s) => s[k]));
  const flags = new Set(chain.flatMap((s) => [...s.flags]));
  for (const f of p.flags ?? []) flags.add(f);
  return {
    ...p,
    align: p.align ?? pick('align'),
    indent: { ...merged('indent'), ...p.indent },
    spacing: { ...merged('spacing'), ...p.spacing },
    flags,
    runs: p.runs.map((r) => ({
      ...r,
      eastAsia: r.eastAsia ?? pick('eastAsia'),
      ascii: r.ascii ?? pick('ascii'),
      size: r.size ?? pick('size'),
    })),
  };
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (name: string) => parser.parse(await zip.file(name)!.async('string')) as Node[];
  const styles = readStyles(await xml('word/styles.xml'));
  const docRoot = (await xml('word/document.xml')).find((n) => tagOf(n) === 'w:document')!;
  const body = child(docRoot, 'w:body')!;
  const items: (ParagraphInfo | TableInfo)[] = [];
  for (const c of kids(body)) {
    if (tagOf(c) === 'w:p') items.push(resolve(paragraphInfo(c), styles));
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
    fontTableXml: await zip.file('word/fontTable.xml')!.async('string'),
    coreXml: await zip.file('docProps/core.xml')!.async('string'),
    documentXml: await zip.file('word/document.xml')!.async('string'),
  };
}
