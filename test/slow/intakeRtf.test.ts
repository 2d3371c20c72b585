// RTF (Word's and WPS's "Rich Text Format", often served under a .doc name) written by LibreOffice, a
// writer we did not write: a report with Word's automatic numbering, a table, a header and a comment,
// and the five seeds, read back with every word, their title and parts, through the CLI and the
// server. Slow (LibreOffice writes each file), so outside npm test; the reader's cases one by one are
// in test/intakeRtf.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { readSource } from '../../server/src/intake';
import { DOCX_REPORT_TEXT, docxReport } from '../support/docxReport';
import { haveLibreOffice, needsLibreOffice } from '../support/libreoffice';
import { startServer } from '../support/lspClient';
import { assertTitlesAndParts } from '../support/seedCheck';
import { haveSeeds, seed } from '../support/seeds';
import { convertAll, seedDocx } from '../support/seedPdf';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
let rtfs: Record<string, string> = {};

before(async () => {
  if (!haveLibreOffice) return;
  const files: Record<string, Uint8Array> = { report: await docxReport() };
  if (haveSeeds) for (let n = 0; n < 5; n++) files[`seed${n}`] = await seedDocx(seed(n), 'indented');
  rtfs = convertAll(files, 'rtf:Rich Text Format');
});

test(
  'rtf: a report saved as RTF reads as the .docx does — numbering, table rows, every word; the comment is not text',
  needsLibreOffice(),
  async () => {
    const read = await readSource(rtfs.report, readFileSync(rtfs.report));
    assert.equal(read.format, 'rtf');
    assert.equal(read.text, DOCX_REPORT_TEXT);
    const r = spawnSync(process.execPath, [CLI, 'text', rtfs.report], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, DOCX_REPORT_TEXT + '\n');
    // Renamed .doc (as many systems serve it): read as what it is.
    assert.equal((await readSource('report.doc', readFileSync(rtfs.report))).text, DOCX_REPORT_TEXT);
    const server = await startServer();
    try {
      const answer = await server.request<{ text: string; format: string }>('govreport/sourceText', {
        uri: 'file:///reports/report.rtf',
        data: readFileSync(rtfs.report).toString('base64'),
      });
      assert.deepEqual([answer.text, answer.format], [DOCX_REPORT_TEXT, 'rtf']);
    } finally {
      await server.stop();
    }
  },
);

test(
  'rtf: the five seeds as RTF keep every word, their title and parts (through the CLI)',
  { skip: haveSeeds ? undefined : 'no ../shared/seeds', ...needsLibreOffice() },
  () => {
    const names = [0, 1, 2, 3, 4].map((n) => `seed${n}`);
    assertTitlesAndParts(Object.fromEntries(names.map((n) => [n, rtfs[n]])));
    const words = (s: string) => s.replace(/\s+/g, '');
    names.forEach((name, n) => {
      const text = spawnSync(process.execPath, [CLI, 'text', rtfs[name]], { encoding: 'utf8' }).stdout;
      assert.equal(words(text), words(seed(n)), `${name}: every word, in order`);
    });
  },
);
