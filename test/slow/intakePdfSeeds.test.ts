// The five seeds rendered by LibreOffice as PDFs (indented, block, with headers) read back through
// intake, the CLI and the server: slow (fifteen renders), so outside npm test; the layout's unit tests
// stay in test/intakePdfReflow.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { readSource } from '../../server/src/intake';
import { haveLibreOffice, needsLibreOffice } from '../support/libreoffice';
import { startServer } from '../support/lspClient';
import { assertTitlesAndParts } from '../support/seedCheck';
import { haveSeeds, seed } from '../support/seeds';
import { renderPdfs, reportLines, seedDocx, type SeedPdfVariant } from '../support/seedPdf';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
const VARIANTS: SeedPdfVariant[] = ['indented', 'block', 'headers'];
const norm = (l: string) => l.replace(/\s+/g, '');

/** The fifteen PDFs, rendered once for this file (one soffice run). */
let pdfs: Record<string, string> = {};
const seedsAndSoffice = () => (!haveSeeds ? { skip: 'no ../shared/seeds' } : needsLibreOffice());

before(async () => {
  if (!haveSeeds || !haveLibreOffice) return;
  const files: Record<string, Uint8Array> = {};
  for (let n = 0; n < 5; n++) for (const v of VARIANTS) files[`seed${n}-${v}`] = await seedDocx(seed(n), v);
  pdfs = renderPdfs(files);
});

test(
  'pdf: the five seeds rendered by LibreOffice (indented, block, with headers) read back with their title and parts, through the CLI',
  seedsAndSoffice(),
  () => {
    const names = Object.keys(pdfs).sort();
    assert.equal(names.length, 15, `rendered: ${names.join(' ')}`);
    assertTitlesAndParts(pdfs);
  },
);

test(
  'pdf: the seeds read back paragraph for paragraph, every word kept; headers and page numbers in the frame',
  seedsAndSoffice(),
  async () => {
    for (const [name, path] of Object.entries(pdfs)) {
      const n = Number(name[4]);
      const want = reportLines(seed(n)).lines.map(norm).filter(Boolean);
      const read = await readSource(path, readFileSync(path));
      const got = read.text.split('\n').map(norm).filter(Boolean);
      assert.equal(got.join(''), want.join(''), `${name}: every word, in order`);
      // Block paragraphs that end exactly at the margin cannot be told from a wrap: at most two such joins.
      const unmatched = want.filter((l) => !got.includes(l));
      assert.ok(unmatched.length <= (name.endsWith('block') ? 2 : 0), `${name}: ${unmatched.map((l) => l.slice(0, 30)).join(' / ')}`);
      if (name.endsWith('headers')) {
        const title = reportLines(seed(n)).lines[reportLines(seed(n)).title];
        assert.ok(read.frame?.includes('— 1 —'), `${name}: ${read.frame}`);
        assert.ok(
          read.frame?.some((l) => norm(l) === norm(title)),
          `${name}: running header in the frame`,
        );
      } else assert.deepEqual(read.frame, [], name);
    }
    // The issuing body of seed 003 at the top and in the 落款 (dropped as a running header before).
    const text = spawnSync(process.execPath, [CLI, 'text', pdfs['seed3-headers']], { encoding: 'utf8' }).stdout.split('\n');
    assert.equal(text.filter((l) => l === '重庆市大足区雍溪镇人民政府').length, 2);
  },
);

test('pdf: the server reads a seed PDF as the CLI does', seedsAndSoffice(), async () => {
  const server = await startServer();
  try {
    const path = pdfs['seed2-indented'];
    const r = await server.request<{ text: string; format: string }>('govreport/sourceText', {
      uri: 'file:///reports/seed2.pdf',
      data: readFileSync(path).toString('base64'),
    });
    assert.equal(r.format, 'pdf');
    const cli = spawnSync(process.execPath, [CLI, 'text', path], { encoding: 'utf8' });
    assert.equal(r.text + '\n', cli.stdout);
    const diagnostics = await server.open('govreport-source:/reports/seed2.pdf.govreport?file%3A%2F%2F%2Freports%2Fseed2.pdf', r.text);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'missing-part'),
      [],
    );
  } finally {
    await server.stop();
  }
});
