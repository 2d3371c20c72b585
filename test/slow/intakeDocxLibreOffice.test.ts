// Word files re-saved by LibreOffice read as the originals: its own numbering definitions (restarts as
// start overrides), a reviewer's comments and tracked changes. Slow (LibreOffice starts per file), so
// outside npm test; the readers' own tests are in test/intakeDocx.test.ts and intakeDocxContent.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSource } from '../../server/src/intake';
import { docxToText } from '../../server/src/intake/docx';
import { DOCX_REPORT_TEXT, docxReport } from '../support/docxReport';
import { convertWithLibreOffice, needsLibreOffice } from '../support/libreoffice';
import { reviewedDocx } from '../support/reviewedDocx';

function tmpFile(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'govreport-docx-')), name);
  writeFileSync(path, bytes);
  return path;
}

test(
  'docx: a report saved by LibreOffice reads the same (its own numbering definitions: restarts as start overrides)',
  needsLibreOffice(),
  async () => {
    const original = tmpFile('report.docx', await docxReport());
    const saved = convertWithLibreOffice(original, 'docx:MS Word 2007 XML');
    assert.notDeepEqual(readFileSync(saved), readFileSync(original));
    assert.equal(docxToText(readFileSync(saved)), DOCX_REPORT_TEXT);
  },
);

test('docx from a reviewer, re-saved by LibreOffice: the same text and comments', needsLibreOffice(), async () => {
  const saved = convertWithLibreOffice(tmpFile('reviewed.docx', await reviewedDocx()), 'docx:MS Word 2007 XML');
  const read = await readSource(saved, readFileSync(saved));
  assert.equal(read.text, DOCX_REPORT_TEXT);
  assert.deepEqual(
    read.comments?.map((c) => [c.author, c.anchor, c.text]),
    [
      ['审稿人', '全年办理行政执法案件86件。', '批注：请核对数字。'],
      ['区司法局', '主要原因是投入不够。', '缺少原因分析。\n请补充。'],
    ],
  );
  assert.ok(read.frame?.includes('某司发〔2025〕3号'), String(read.frame));
});
