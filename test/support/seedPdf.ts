/**
 * The seeds (or any report text) as the PDFs reports are published as: written as .docx by the `docx`
 * package on a GB/T 9704 page (A4, 16 pt body on a 28.9 pt pitch, the title centred at 22 pt, the
 * issuing body above it centred, the 落款 right-aligned), in three variants — with first-line indents,
 * without them (block paragraphs, as many PDFs are), and with a running page header and `— N —` page
 * numbers — then rendered to PDF by LibreOffice headless, all files in one soffice run per folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, Footer, Header, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';

const MM = 56.7;
const FONT = 'WenQuanYi Micro Hei';
const pitch = { line: 578, lineRule: LineRuleType.EXACT };

export type SeedPdfVariant = 'indented' | 'block' | 'headers';

/** The report's lines trimmed, blank lines kept once; where the title is (the first line naming a 报告/总结 near the top). */
export function reportLines(text: string): { lines: string[]; title: number } {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1].trim() !== ''));
  const title = lines.findIndex((l, i) => i < 8 && /报告|总结/.test(l) && l.length < 60);
  return { lines, title: Math.max(title, 0) };
}

export async function seedDocx(text: string, variant: SeedPdfVariant): Promise<Buffer> {
  const { lines, title } = reportLines(text);
  const lastSentence = lines.reduce((at, l, i) => (/[。；！]$/.test(l) ? i : at), -1);
  const run = (t: string, size = 32) => new TextRun({ text: t, font: FONT, size });
  const children = lines.map((l, i) => {
    if (i <= title)
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: LineRuleType.EXACT },
        children: [run(l, i === title ? 44 : 32)],
      });
    if (i > lastSentence && l.length < 30 && l !== '')
      return new Paragraph({ alignment: AlignmentType.RIGHT, spacing: pitch, indent: { right: 640 }, children: [run(l)] });
    const indent = variant !== 'block' && !/：$/.test(l) ? { firstLine: 640 } : undefined;
    return new Paragraph({ spacing: pitch, indent, children: [run(l)] });
  });
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 210 * MM, height: 297 * MM },
            margin: { top: 37 * MM, left: 28 * MM, right: 26 * MM, bottom: 35 * MM, footer: 28 * MM, header: 20 * MM },
          },
        },
        ...(variant === 'headers'
          ? {
              headers: {
                default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(lines[title], 20)] })] }),
              },
              footers: {
                default: new Footer({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: 'Liberation Serif', size: 28 })],
                    }),
                  ],
                }),
              },
            }
          : {}),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Renders .docx files to PDF in one LibreOffice run; returns the PDFs' paths by the names given. */
export function renderPdfs(files: Record<string, Uint8Array>): Record<string, string> {
  return convertAll(files, 'pdf');
}

/** Converts .docx files in one LibreOffice run (`pdf`, `doc:MS Word 97` …); the new files' paths by the names given. */
export function convertAll(files: Record<string, Uint8Array>, target: string): Record<string, string> {
  const ext = target.split(':')[0];
  const dir = mkdtempSync(join(tmpdir(), 'govreport-seedpdf-'));
  const inputs = Object.entries(files).map(([name, bytes]) => {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, bytes);
    return path;
  });
  const out = join(dir, 'out');
  spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', target, '--outdir', out, ...inputs],
    { encoding: 'utf8', timeout: 300_000 },
  );
  const made = new Set(readdirSync(out));
  return Object.fromEntries(
    Object.keys(files)
      .filter((n) => made.has(`${n}.${ext}`))
      .map((n) => [n, join(out, `${n}.${ext}`)]),
  );
}
