// `govreport export --letterhead` (issue 25, item 10): a 版头 and a 版记 per GB/T 9704 §7.2, §7.4 from
// what the draft has — the issuing body above the title as the red 发文机关标志, the 发文字号 and the
// 签发人 on one line over the red rule, 抄送 and …印发 after the 落款 between rules — every word kept
// and none added (read back by mammoth), and nothing of it without the option.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { analyze } from '../server/src/core';
import { exportDocx } from '../server/src/export';
import { expectedText } from './support/exportText';
import { runCli } from './support/cli';

const ROOT = resolve(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'export', 'letterhead.report.txt');
const TEXT = readFileSync(FIXTURE, 'utf8');
const words = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

/** The document's paragraphs as XML, each with its text. */
function paragraphs(bytes: Uint8Array): { xml: string; text: string }[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

test('export --letterhead: the 发文机关标志 in red, 发文字号 and 签发人 over the red rule, the title below, the 版记 between rules', async () => {
  const { bytes } = await exportDocx(TEXT, analyze(TEXT), { letterhead: true });
  const ps = paragraphs(bytes);
  const at = (text: string) => ps.findIndex((p) => p.text.includes(text));
  const mark = ps[at('某县人民政府')];
  assert.equal(at('某县人民政府'), 0, 'the 标志 opens the document');
  assert.equal(mark.text, '某县人民政府', 'the name as written: nothing added');
  assert.match(mark.xml, /<w:color w:val="FF0000"\/>/);
  const number = ps[at('某府发〔2025〕3号')];
  assert.equal(number.text, '某府发〔2025〕3号签发人：张某某', '字号 and 签发人 on one line');
  assert.match(number.xml, /<w:tab\/>/);
  assert.match(number.xml, /<w:bottom [^>]*w:color="FF0000"/, 'the red rule under the 字号');
  assert.ok(at('关于2024年度法治政府建设情况的报告') > at('某府发〔2025〕3号'), 'the title below the rule');
  assert.deepEqual(
    ps.filter((p) => p.text.includes('法治政府建设情况的报告')).map((p) => p.text),
    ['某县人民政府关于2024年度法治政府建设情况的报告'],
    'the title as written (the 标志 took the line above it, not the title)',
  );
  for (const line of ['抄送：', '印发']) {
    const p = ps[at(line)];
    assert.match(p.xml, /<w:top [^>]*w:color="000000"/, `${line}: a rule above`);
    assert.match(p.xml, /<w:bottom [^>]*w:color="000000"/, `${line}: a rule below`);
  }
  // Every word of the draft, none added, in order (mammoth reads the file).
  const back = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  assert.equal(words(back), words(expectedText(TEXT, analyze(TEXT))));
});

test('export without --letterhead: no red, the body name stays above the title as written', async () => {
  const { bytes } = await exportDocx(TEXT, analyze(TEXT));
  const ps = paragraphs(bytes);
  assert.ok(!ps.some((p) => /FF0000/.test(p.xml)));
  const back = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  assert.equal(words(back), words(expectedText(TEXT, analyze(TEXT))));
});

test('cli: govreport export --letterhead writes the 版头; help export names the option', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-letterhead-'));
  const out = join(dir, 'r.docx');
  const r = runCli(['export', FIXTURE, '--letterhead', '-o', out]);
  assert.equal(r.status, 0, r.stderr);
  const ps = paragraphs(readFileSync(out));
  assert.match(ps[0].xml, /FF0000/);
  assert.equal(ps[0].text, '某县人民政府');
  const help = runCli(['help', 'export']);
  assert.match(help.stdout, /--letterhead/);
});
