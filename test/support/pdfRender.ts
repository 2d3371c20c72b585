/**
 * Exported reports rendered by a writer we did not write — LibreOffice headless, all files in one
 * `soffice` call — and read back with poppler: `pdfinfo` (pages, size, author), `pdftohtml -xml`
 * (each text line with its position and font), `pdffonts` (the faces of each page). The GB/T 9704
 * font names are mapped by fontconfig (a fonts.conf of our own through FONTCONFIG_FILE) to four
 * distinct free faces, so each level's face can be told apart on the page:
 * 方正小标宋简体 → WenQuanYi Micro Hei, 黑体 → WenQuanYi Zen Hei, 楷体_GB2312 → AR PL UKai,
 * 仿宋_GB2312 (and 宋体) → AR PL UMing (Debian: fonts-wqy-microhei, fonts-wqy-zenhei,
 * fonts-arphic-ukai, fonts-arphic-uming).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const tools = ['soffice', 'pdftotext', 'pdfinfo', 'pdftohtml', 'pdffonts'].filter((t) => !has(t));
if (tools.length && process.env.CI)
  throw new Error(`${tools.join(', ')} needed in CI (.ci/run installs libreoffice-writer-nogui, poppler-utils)`);
/** Skip reason without LibreOffice or poppler (in CI their absence fails instead). */
export const renderSkip: string | false = tools.length
  ? `${tools.join(', ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils)`
  : false;

/** The stand-in face of each GB/T 9704 font name (fontconfig family names). */
export const FACES = {
  title: 'WenQuanYi Micro Hei',
  heading1: 'WenQuanYi Zen Hei',
  heading2: 'AR PL UKai CN',
  body: 'AR PL UMing CN',
} as const;
/** The names the PDF gives those faces (subset prefix stripped). */
export const PDF_FACES = { title: 'WenQuanYiMicroHei', heading1: 'WenQuanYiZenHei', heading2: 'UKaiCN', body: 'UMingCN' } as const;

const MAPPING: [string, string][] = [
  ['方正小标宋简体', FACES.title],
  ['黑体', FACES.heading1],
  ['楷体_GB2312', FACES.heading2],
  ['仿宋_GB2312', FACES.body],
  ['宋体', FACES.body],
];

const missingFaces = Object.values(FACES).filter((f) => !spawnSync('fc-list', [f], { encoding: 'utf8' }).stdout.includes(f.split(' ')[0]));
if (!tools.length && missingFaces.length && process.env.CI)
  throw new Error(
    `fonts needed in CI: ${missingFaces.join(', ')} (.ci/run installs fonts-arphic-ukai fonts-arphic-uming fonts-wqy-zenhei fonts-wqy-microhei)`,
  );
/** Skip reason for the per-level font checks. */
export const facesSkip: string | false = missingFaces.length
  ? `fonts not installed: ${missingFaces.join(', ')} (apt-get install fonts-arphic-ukai fonts-arphic-uming fonts-wqy-zenhei fonts-wqy-microhei)`
  : false;

function fontsConf(dir: string): string {
  const file = join(dir, 'fonts.conf');
  const matches = MAPPING.map(
    ([name, face]) =>
      `<match target="pattern"><test name="family"><string>${name}</string></test>` +
      `<edit name="family" mode="assign" binding="strong"><string>${face}</string></edit></match>`,
  ).join('\n');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n<cachedir>${join(dir, 'fc-cache')}</cachedir>\n${matches}\n</fontconfig>\n`,
  );
  return file;
}

export interface PdfLine {
  /** Top and left edge, width and height, in points. */
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
  /** The face (subset prefix stripped) and the size in points. */
  readonly face: string;
  readonly size: number;
  readonly text: string;
}

export interface RenderedPdf {
  readonly pdf: string;
  readonly pages: number;
  readonly size: string;
  readonly author: string;
  /** Each page's text pieces in reading order (pdftohtml -xml: a piece per line and font). */
  readonly lines: readonly (readonly PdfLine[])[];
  /** Each page's text as pdftotext -raw gives it, line by line. */
  readonly text: readonly (readonly string[])[];
  /** The faces a page (1-based) uses (pdffonts, run when asked). */
  faces(page: number): string[];
}

const unescape = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

function readPdf(pdf: string): RenderedPdf {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const xml = spawnSync('pdftohtml', ['-xml', '-i', '-stdout', '-zoom', '1', pdf], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  const fonts = new Map<string, { face: string; size: number }>();
  for (const m of xml.matchAll(/<fontspec id="(\d+)" size="([\d.]+)" family="([^"]+)"/g))
    fonts.set(m[1], { face: m[3].replace(/^[A-Z]{6}\+/, ''), size: Number(m[2]) });
  const lines: PdfLine[][] = [];
  for (const page of xml.split(/<page number=/).slice(1)) {
    const out: PdfLine[] = [];
    for (const m of page.matchAll(
      /<text top="([\d.-]+)" left="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)" font="(\d+)">(.*?)<\/text>/g,
    )) {
      const f = fonts.get(m[5])!;
      out.push({ top: +m[1], left: +m[2], width: +m[3], height: +m[4], face: f.face, size: f.size, text: unescape(m[6]) });
    }
    lines.push(out);
  }
  const raw = spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  const text = raw
    .split('\f')
    .filter((p, i, all) => i < all.length - 1 || p.trim())
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
  return {
    pdf,
    pages,
    size: /Page size:\s+(.*)/.exec(info)![1],
    author: /Author:\s+(.*)/.exec(info)?.[1]?.trim() ?? '',
    lines,
    text,
    faces: (page) =>
      spawnSync('pdffonts', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' })
        .stdout.split('\n')
        .slice(2)
        .map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, ''))
        .filter(Boolean),
  };
}

/** Converts .docx files (name → bytes) to PDF in one LibreOffice run with the font mapping, and reads each back. */
export function renderDocx(files: ReadonlyMap<string, Uint8Array>): Map<string, RenderedPdf> {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-render-'));
  mkdirSync(join(dir, 'fc-cache'));
  const paths: string[] = [];
  for (const [name, bytes] of files) {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, bytes);
    paths.push(path);
  }
  // Its own profile, so a parallel or earlier soffice does not block it; its own fonts.conf.
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...paths],
    { encoding: 'utf8', timeout: 600_000, env: { ...process.env, FONTCONFIG_FILE: fontsConf(dir) } },
  );
  assert.equal(r.status, 0, r.stderr);
  const out = new Map<string, RenderedPdf>();
  for (const name of files.keys()) {
    const pdf = join(dir, `${name}.pdf`);
    assert.ok(existsSync(pdf), `LibreOffice rendered ${name}: ${r.stderr}`);
    out.set(name, readPdf(pdf));
  }
  return out;
}
