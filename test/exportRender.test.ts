// The exported .docx rendered by LibreOffice headless (Debian libreoffice-writer-nogui) and read with
// poppler (pdfinfo, pdftotext): the text survives, A4, 28 characters a line, 22 lines a page, page
// numbers — N —. CI installs the tools (.ci/run) and fails here without them; a developer's machine
// without them skips.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../server/src/core';
import { exportDocx, textWidth } from '../server/src/export';
import { haveSeeds, seed } from './support/seeds';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const tools = has('soffice') && has('pdftotext') && has('pdfinfo');
if (!tools && process.env.CI) throw new Error('libreoffice-writer-nogui and poppler-utils are needed in CI (.ci/run installs them)');
const skip = tools ? false : 'soffice/pdftotext not installed (apt-get install libreoffice-writer-nogui poppler-utils)';

const ROOT = resolve(__dirname, '..', '..');
const strip = (s: string) => s.replace(/[\s\u3000\u00a0\ufeff\u200b]/g, '');
const PAGE_NUMBER = /^— ?(\d+) ?—$/;

interface Rendered {
  readonly name: string;
  readonly pages: number;
  readonly size: string;
  /** Each page's text lines (pdftotext -raw), page number lines included. */
  readonly text: readonly (readonly string[])[];
  readonly docxText: string;
}

/** Exports each report and converts all .docx files to PDF in one LibreOffice run (its own profile, so parallel runs do not clash). */
async function render(reports: readonly [string, string][]): Promise<Rendered[]> {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-render-'));
  const files: string[] = [];
  const texts = new Map<string, string>();
  for (const [name, text] of reports) {
    const model = analyze(text);
    const { bytes } = await exportDocx(text, model);
    writeFileSync(join(dir, `${name}.docx`), bytes);
    files.push(join(dir, `${name}.docx`));
    texts.set(name, text);
  }
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
    {
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  assert.equal(r.status, 0, r.stderr);
  return reports.map(([name]) => {
    const pdf = join(dir, `${name}.pdf`);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const raw = spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout;
    const pages = raw.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim());
    return {
      name,
      pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
      size: /Page size:\s+(.*)/.exec(info)![1],
      text: pages.map((p) =>
        p
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      ),
      docxText: texts.get(name)!,
    };
  });
}

const reports = (): [string, string][] => {
  const list: [string, string][] = [['full', readFileSync(join(ROOT, 'test', 'fixtures', 'export', 'full.report.txt'), 'utf8')]];
  list.push(['example', readFileSync(join(ROOT, 'examples', 'example.report.txt'), 'utf8')]);
  if (haveSeeds) for (let i = 0; i < 5; i++) list.push([`seed${i}`, seed(i)]);
  return list;
};

test(
  'render: LibreOffice lays the export out on A4 pages of 22 lines × 28 characters, numbered — N —, with all the text',
  { skip },
  async () => {
    const rendered = await render(reports());
    for (const doc of rendered) {
      assert.match(doc.size, /^595\.\d* x 841\.\d* pts \(A4\)/, `${doc.name}: A4`);
      assert.equal(doc.text.length, doc.pages, `${doc.name}: one text page per PDF page`);
      doc.text.forEach((lines, i) => {
        // Each page carries its number, — N —, as its last line.
        const number = PAGE_NUMBER.exec(lines[lines.length - 1]);
        assert.ok(number, `${doc.name} p.${i + 1}: page number line, got ${lines[lines.length - 1]}`);
        assert.equal(Number(number[1]), i + 1);
      });
      // The text survives: everything the report says (without debris) is on the pages, in order.
      const model = analyze(doc.docxText);
      const pdfText = strip(doc.text.map((l) => l.slice(0, -1).join('')).join(''));
      const body = model.header.lead?.text ?? model.outline[0]?.name ?? '';
      assert.ok(pdfText.includes(strip(body).slice(0, 40)), `${doc.name}: the lead is on the page`);
      for (const node of model.outline) assert.ok(pdfText.includes(strip(node.name)), `${doc.name}: ${node.name}`);
    }
    // A full body page: 22 lines (page number apart), full lines of 28 characters (a half-width digit is half).
    const long = rendered.filter((d) => d.pages >= 3);
    // The seeds are the long reports; without ../shared/seeds the fixtures alone are checked here.
    if (haveSeeds) assert.ok(long.length >= 1, 'at least one report runs over three pages');
    for (const doc of long) {
      const page = doc.text[1].slice(0, -1);
      assert.ok(page.length >= 20 && page.length <= 22, `${doc.name} p.2 holds ${page.length} lines`);
      const widths = page.map((l) => textWidth(strip(l)));
      assert.ok(Math.max(...widths) <= 29, `${doc.name}: no line wider than 28 characters (+ hanging punctuation): ${Math.max(...widths)}`);
      const full = widths.filter((w) => w >= 27 && w <= 29).length;
      assert.ok(full >= page.length / 2, `${doc.name}: most lines are full 28-character lines (${widths.join(' ')})`);
    }
    for (const doc of rendered) for (const page of doc.text) assert.ok(page.length - 1 <= 22, `${doc.name}: at most 22 lines a page`);
  },
);

test('render: the seeds keep every paragraph, character for character', { skip: skip || !haveSeeds }, async () => {
  const rendered = await render([
    ['seed0', seed(0)],
    ['seed3', seed(3)],
  ]);
  for (const doc of rendered) {
    const model = analyze(doc.docxText);
    const pdfText = strip(doc.text.map((l) => l.slice(0, -1).join('')).join(''));
    const lines = doc.docxText.split(/\r?\n/).map(strip).filter(Boolean);
    const debris = new Set(model.debris.filter((d) => d.wholeLine).map((d) => d.range.start.line));
    let at = 0;
    doc.docxText.split(/\r?\n/).forEach((line, i) => {
      const t = strip(line.replace(/\[bookmark:[^\]]*\]/g, ''));
      if (!t || debris.has(i)) return;
      const found = pdfText.indexOf(t, at);
      assert.ok(found >= 0, `${doc.name}: line ${i + 1} on the pages in order: ${t.slice(0, 30)}`);
      at = found + t.length;
    });
    assert.ok(lines.length > 20);
  }
});
