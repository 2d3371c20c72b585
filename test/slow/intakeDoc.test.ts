// Word 97–2003 (.doc, as Word and WPS save it; .wps in the same format) read like .docx: a report and
// the five seeds written as .doc by LibreOffice read back with every word, their title and parts (lost
// numbering recovered by the core as for copied text), through the CLI and the server; text boxes and
// headers in the frame, comments apart. Slow (LibreOffice writes each .doc), so outside npm test; the
// messages for a .wps and a broken .doc are in test/intakeDocMessages.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { analyze } from '../../server/src/core';
import { readSource } from '../../server/src/intake';
import { DOCX_REPORT_TEXT, docxReport } from '../support/docxReport';
import { haveLibreOffice, needsLibreOffice } from '../support/libreoffice';
import { startServer } from '../support/lspClient';
import { presentParts } from '../support/render';
import { assertTitlesAndParts } from '../support/seedCheck';
import { haveSeeds, seed } from '../support/seeds';
import { convertAll, reportLines, seedDocx } from '../support/seedPdf';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
const words = (s: string) => s.replace(/\s+/g, '');
let docs: Record<string, string> = {};

before(async () => {
  if (!haveLibreOffice) return;
  const files: Record<string, Uint8Array> = { report: await docxReport() };
  if (haveSeeds) for (let n = 0; n < 5; n++) files[`seed${n}`] = await seedDocx(seed(n), 'indented');
  docs = convertAll(files, 'doc:MS Word 97');
});

/** The report's text as a .doc holds it: Word's automatic numbering is not text there. */
const WITHOUT_NUMBERING = DOCX_REPORT_TEXT.replace(/^(?:[一二三四]、|（[一二]）|[12]\.)/gm, '');

test(
  'doc: a Word 97–2003 file reads as its text, tables as rows; the parts are found without their numbering',
  needsLibreOffice(),
  async () => {
    const read = await readSource(docs.report, readFileSync(docs.report));
    assert.equal(read.format, 'doc');
    assert.equal(read.text, WITHOUT_NUMBERING);
    assert.deepEqual(
      read.comments?.map((c) => c.text),
      ['批注：请核对数字。'],
    );
    const m = analyze(read.text);
    assert.equal(m.header.title?.text, '关于某县司法局2024年法治政府建设情况的报告');
    assert.deepEqual(presentParts(m).sort(), ['first-responsible', 'measures', 'next-year', 'shortcomings']);

    // The CLI and the server, like a .docx; renamed .wps (WPS saves this format too) the same.
    const r = spawnSync(process.execPath, [CLI, 'text', docs.report], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, WITHOUT_NUMBERING + '\n');
    assert.equal((await readSource('report.wps', readFileSync(docs.report))).text, WITHOUT_NUMBERING);
    const server = await startServer();
    try {
      const answer = await server.request<{ text: string; format: string }>('govreport/sourceText', {
        uri: 'file:///reports/report.doc',
        data: readFileSync(docs.report).toString('base64'),
      });
      assert.deepEqual(answer, { text: WITHOUT_NUMBERING, format: 'doc' });
    } finally {
      await server.stop();
    }
  },
);

test(
  'doc: the five seeds as .doc keep every word, their title and parts (through the CLI)',
  { skip: haveSeeds ? undefined : 'no ../shared/seeds', ...needsLibreOffice() },
  () => {
    const names = [0, 1, 2, 3, 4].map((n) => `seed${n}`);
    assertTitlesAndParts(Object.fromEntries(names.map((n) => [n, docs[n]])));
    names.forEach((name, n) => {
      const text = spawnSync(process.execPath, [CLI, 'text', docs[name]], { encoding: 'utf8' }).stdout;
      assert.ok(words(text) === words(reportLines(seed(n)).lines.join('')), `${name}: every word, every character (“” and — kept)`);
    });
  },
);
