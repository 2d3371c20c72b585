// PDFs rendered by LibreOffice (a GB/T 9704 page, an empty page as a scan) read back through intake and
// the CLI: slow (LibreOffice starts per file), so outside npm test; the layout's unit tests are in
// test/intakePdf.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { analyze } from '../../server/src/core';
import { readSource, SourceError } from '../../server/src/intake';
import { GBT_REPORT_LINES, gbtReport } from '../support/gbtReport';
import { convertWithLibreOffice, needsLibreOffice } from '../support/libreoffice';
import { missingCodes, renderOutline } from '../support/render';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

function tmpFile(name: string, bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'govreport-pdf-')), name);
  writeFileSync(path, bytes);
  return path;
}

test('pdf: a GB/T 9704 page rendered by LibreOffice reads back as the report, paragraph for paragraph', needsLibreOffice(), async () => {
  const pdf = convertWithLibreOffice(tmpFile('gbt.docx', await gbtReport()), 'pdf');
  const { text, format } = await readSource(pdf, readFileSync(pdf));
  assert.equal(format, 'pdf');
  // Every character of the report's own text, nothing of the page numbers (— 1 —) or the running header.
  assert.equal(text, GBT_REPORT_LINES.join('\n'));
  const m = analyze(text);
  assert.equal(m.header.title?.text, '关于2024年法治政府建设情况的报告');
  assert.equal(
    renderOutline(m.outline)
      .split('\n')
      .filter((l) => !l.startsWith(' '))
      .join('\n'),
    [
      '一、2024年推进法治政府建设的主要举措和成效  @measures',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况  @first-responsible', // wrapped over two lines and a page break in the PDF
      '三、存在的不足和原因  @shortcomings',
      '四、2025年推进法治政府建设的主要安排  @next-year',
      '',
    ].join('\n'),
  );
  assert.deepEqual(missingCodes(m), []);

  // The CLI, through the built bundles (dist/intake.js importing dist/pdfjs/pdf.mjs).
  const r = spawnSync(process.execPath, [CLI, 'check', pdf, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [result] = JSON.parse(r.stdout);
  assert.equal(result.file, pdf);
  assert.equal(result.title, '关于2024年法治政府建设情况的报告');
  assert.equal(result.outline[1].line, GBT_REPORT_LINES.indexOf('二、党政主要负责人履行推进法治建设第一责任人职责情况'));
});

test('pdf: a PDF without text (a scan) and a broken PDF get clear messages', needsLibreOffice(), async () => {
  const empty = convertWithLibreOffice(
    tmpFile('empty.docx', await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] }))),
    'pdf',
  );
  await assert.rejects(
    readSource('scan.pdf', readFileSync(empty)),
    (e: SourceError) =>
      e instanceof SourceError && /没有可提取的文字/.test(e.localized('zh-cn')) && /no extractable text/.test(e.localized('en')),
  );
  await assert.rejects(
    readSource('broken.pdf', new TextEncoder().encode('%PDF-1.7\nnot really')),
    (e: SourceError) => e instanceof SourceError && e.key === 'badPdf',
  );
});
