// OFD (GB/T 33190) read as report text: a GB/T 9704 page and the five seeds written as OFD by our
// generator (test/support/ofd.ts: the structure it follows is described there) read back paragraph for
// paragraph with their title and parts, through the CLI and the server; the page template's running
// header, page numbers and a rotated watermark in the frame; broken and empty packages get messages.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { analyze } from '../server/src/core';
import { readSource, SourceError } from '../server/src/intake';
import { GBT_REPORT_LINES } from './support/gbtReport';
import { startServer } from './support/lspClient';
import { ofdFile } from './support/ofd';
import { presentParts } from './support/render';
import { haveSeeds, seed } from './support/seeds';
import { reportLines } from './support/seedPdf';
import { runCli } from './support/cli';

const norm = (s: string) => s.replace(/\s+/g, '');
const dir = mkdtempSync(join(tmpdir(), 'govreport-ofd-'));
const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const REPORT = GBT_REPORT_LINES.join('\n');

test('ofd: a GB/T 9704 report reads back paragraph for paragraph; the template header and page numbers are the frame', async () => {
  const bytes = ofdFile(REPORT, { header: true });
  assert.deepEqual(bytes, ofdFile(REPORT, { header: true }), 'deterministic');
  const read = await readSource('report.ofd', bytes);
  assert.equal(read.format, 'ofd');
  assert.equal(read.text, REPORT);
  // The template's text for each page, then the pages' own furniture.
  assert.deepEqual(read.frame, ['关于2024年法治政府建设情况的报告', '关于2024年法治政府建设情况的报告', '— 1 —', '— 2 —']);
  const m = analyze(read.text);
  assert.equal(m.header.title?.text, '关于2024年法治政府建设情况的报告');
  assert.deepEqual(presentParts(m).sort(), ['first-responsible', 'measures', 'next-year', 'shortcomings']);
  // Without indents (block paragraphs) too.
  assert.equal((await readSource('block.ofd', ofdFile(REPORT, { indent: false }))).text, REPORT);

  const path = file('report.ofd', bytes);
  const t = runCli(['text', path]);
  assert.equal(t.status, 0, t.stderr);
  assert.equal(t.stdout, REPORT + '\n');
  const server = await startServer();
  try {
    const answer = await server.request<{ text: string; format: string }>('govreport/sourceText', {
      uri: 'file:///r/report.ofd',
      data: Buffer.from(bytes).toString('base64'),
    });
    assert.deepEqual(answer, { text: REPORT, format: 'ofd' });
  } finally {
    await server.stop();
  }
});

test(
  'ofd: the five seeds (indented, block, with a header) keep every word, their title and parts, through the CLI',
  { skip: haveSeeds ? undefined : 'no ../shared/seeds' },
  () => {
    const paths: { n: number; path: string }[] = [];
    for (let n = 0; n < 5; n++)
      for (const [v, options] of Object.entries({ indented: {}, block: { indent: false }, header: { header: true } }))
        paths.push({ n, path: file(`seed${n}-${v}.ofd`, ofdFile(seed(n), options)) });
    const r = runCli(['check', ...paths.map((p) => p.path), '--format', 'json']);
    const results = JSON.parse(r.stdout) as { file: string; title: string | null; parts: { id: string; present: boolean }[] }[];
    for (const { n, path } of paths) {
      const want = analyze(seed(n));
      const got = results.find((x) => x.file === path)!;
      assert.equal(got.title, want.header.title?.text ?? null, path);
      assert.deepEqual(
        got.parts.filter((p) => p.present).map((p) => p.id),
        presentParts(want),
        path,
      );
    }
    for (const { n, path } of paths.filter((p) => p.path.endsWith('indented.ofd'))) {
      const text = runCli(['text', path]).stdout;
      assert.ok(norm(text) === norm(reportLines(seed(n)).lines.join('')), `${path}: every word`);
    }
  },
);

test('ofd: a rotated watermark is the frame; a broken package and one without text get clear messages', async () => {
  const files = unzipSync(ofdFile(REPORT));
  const page = 'Doc_0/Pages/Page_0/Content.xml';
  files[page] = strToU8(
    strFromU8(files[page]).replace(
      '</ofd:Layer>',
      '<ofd:TextObject ID="999" Boundary="40 150 150 30" CTM="0.7071 -0.7071 0.7071 0.7071 0 0" Font="2" Size="15"><ofd:TextCode X="0" Y="15" DeltaX="g 3 15">内部资料</ofd:TextCode></ofd:TextObject></ofd:Layer>',
    ),
  );
  const read = await readSource('mark.ofd', zipSync(files));
  assert.equal(read.text, REPORT);
  assert.ok(read.frame?.includes('内部资料'), String(read.frame));
  await assert.rejects(readSource('broken.ofd', strToU8('not a zip')), (e: SourceError) => e instanceof SourceError && e.key === 'badOfd');
  const empty = zipSync({
    'OFD.xml': strToU8(
      '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
    ),
  });
  await assert.rejects(
    readSource('empty.ofd', empty),
    (e: SourceError) => e instanceof SourceError && e.key === 'badOfd' && /Document\.xml/.test(e.message),
  );
  const noText = unzipSync(ofdFile('一'));
  for (const k of Object.keys(noText))
    if (k.includes('Pages/')) noText[k] = strToU8('<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content/></ofd:Page>');
  await assert.rejects(readSource('scan.ofd', zipSync(noText)), (e: SourceError) => e instanceof SourceError && e.key === 'ofdNoText');
});
