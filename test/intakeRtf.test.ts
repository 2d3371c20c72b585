// RTF and MHTML, as Word and WPS write them and as systems serve them under a .doc name: each case of
// the readers (server/src/intake/rtf, server/src/intake/mht) in a file written here in the shape Word
// writes; LibreOffice's RTF of a whole report and of the seeds is in test/slow/intakeRtf.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { readSource, SourceError } from '../server/src/intake';
import { runCli } from './support/cli';

/** Chinese as Word's RTF writes it under \ansicpg936: each GBK byte as \'hh. */
const gbk = (s: string) => [...iconv.encode(s, 'gbk')].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\'${b.toString(16)}`)).join('');
/** Chinese as \uN with a two-byte GBK fallback (\uc2), as Word writes characters outside the font's code page. */
const uni = (s: string) => [...s].map((ch) => `\\u${ch.charCodeAt(0)}${gbk(ch)}`).join('');
const rtf = (body: string) =>
  Buffer.from(
    [
      '{\\rtf1\\adeflang1025\\ansi\\ansicpg936\\uc2\\adeff0\\deff0',
      `{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2{\\*\\panose 02020603050405020304}Times New Roman;}{\\f13\\fnil\\fcharset134\\fprq2 ${gbk('宋体')}{\\*\\falt SimSun};}}`,
      '{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\ql \\li0\\ri0 \\snext0 Normal;}}',
      `{\\*\\generator Microsoft Word 16.0;}{\\info{\\title report}{\\author ${gbk('张三')}}}`,
      body,
      '}',
    ].join('\r\n'),
    'latin1',
  );

const WORD_RTF = rtf(
  [
    `{\\header \\pard\\plain \\qc \\f13 ${gbk('某县司法局')}\\par}`,
    `{\\shp{\\*\\shpinst{\\sp{\\sn shapeType}{\\sv 202}}{\\shptxt \\pard\\plain \\f13 ${gbk('某县司法局文件')}\\par}}}`,
    `\\pard\\plain \\qc \\f13\\hich\\af13\\dbch\\af13\\loch\\f13 ${gbk('关于2024年法治政府建设情况的报告')}\\par`,
    `{\\listtext\\pard\\plain \\f13\\hich\\af13\\dbch\\af13\\loch\\f13 ${gbk('一、')}\\tab}\\pard\\plain \\ls1\\ilvl0 \\f13 ${gbk('主要举措和成效')}\\par`,
    `\\pard\\plain \\f13 ${uni('全年办理行政复议')}${gbk('案件12件')}{\\v ${gbk('隐藏')}}{\\deleted ${gbk('删去')}}${gbk('，见')}{\\field{\\*\\fldinst HYPERLINK "http://example.gov.cn/"}{\\fldrslt ${gbk('公开平台')}}}{\\*\\bkmkstart _GoBack}{\\*\\bkmkend _GoBack}${gbk('。')}{\\*\\atnid sf}{\\*\\annotation \\pard ${gbk('请核对')}}\\par`,
    `\\trowd\\cellx3000\\cellx6000\\pard\\intbl ${gbk('项目')}\\cell ${gbk('数量')}\\cell\\row`,
    `\\trowd\\cellx3000\\cellx6000\\pard\\intbl ${gbk('行政复议')}\\cell 12\\cell\\row`,
    `\\pard\\plain \\f13 ${gbk('二是推进')}\\ldblquote ${gbk('放管服')}\\rdblquote ${gbk('改革')}\\emdash ${gbk('成效明显')}\\{1\\}\\par`,
  ].join('\r\n'),
);
const WORD_TEXT = [
  '关于2024年法治政府建设情况的报告',
  '一、主要举措和成效',
  '全年办理行政复议案件12件，见公开平台。',
  '| 项目 | 数量 |',
  '| 行政复议 | 12 |',
  '二是推进“放管服”改革—成效明显{1}',
].join('\n');

test('rtf: Word’s RTF reads as report text — GBK bytes and \\u characters, the list label, a field’s result, table rows; header and text box in the frame; deletions, comments, bookmarks and the file’s tables out', async () => {
  const read = await readSource('report.rtf', WORD_RTF);
  assert.equal(read.format, 'rtf');
  assert.equal(read.text, WORD_TEXT);
  assert.deepEqual(read.frame, ['某县司法局', '某县司法局文件']);
  // Hidden text is left out and said.
  assert.deepEqual(
    read.notes.map((n) => n.localized('zh-cn')),
    ['report.rtf 中有 2 字设为隐藏文字，未读入（如“隐藏”）；若其中有报告内容，请在 Word 或 WPS 中取消隐藏后再检查'],
  );
});

test('rtf and mht under a .doc name (as many systems serve them) are read as what they are, through the CLI (was: “legacy binary Word file”, or MIME source as text)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-rtf-'));
  writeFileSync(join(dir, 'report.doc'), WORD_RTF);
  writeFileSync(join(dir, 'page.doc'), WORD_MHT);
  const r = runCli(['text', join(dir, 'report.doc')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, WORD_TEXT + '\n');
  const m = runCli(['text', join(dir, 'page.doc')]);
  assert.equal(m.status, 0, m.stderr);
  assert.equal(m.stdout, MHT_TEXT + '\n');
});

test('rtf: unbalanced braces, a truncated file and control words without end read without a crash, keeping the text', async () => {
  const broken = Buffer.from(`{\\rtf1\\ansi\\ansicpg936 {\\f13 ${gbk('全年办理案件')}}}}}\\par ${gbk('共12件')}\\u`, 'latin1');
  assert.equal((await readSource('broken.rtf', broken)).text, '全年办理案件\n共12件');
  assert.equal((await readSource('empty.rtf', Buffer.from('{\\rtf1}', 'latin1'))).text, '');
});

/** Quoted-printable (RFC 2045) as Word writes it: bytes ≥ 0x80 and = as =XX, lines cut at 76 with a soft break. */
function quotedPrintable(bytes: Buffer): string {
  let out = '';
  let lineLength = 0;
  for (const b of bytes) {
    const piece =
      b === 0x0a
        ? '\r\n'
        : b === 0x0d
          ? ''
          : b >= 0x80 || b === 0x3d
            ? `=${b.toString(16).toUpperCase().padStart(2, '0')}`
            : String.fromCharCode(b);
    if (piece === '\r\n') ((out += piece), (lineLength = 0));
    else {
      if (lineLength + piece.length > 75) ((out += '=\r\n'), (lineLength = 0));
      out += piece;
      lineLength += piece.length;
    }
  }
  return out;
}

const MHT_PAGE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><title>报告</title>
<style>p.MsoNormal {margin:0cm; font-family:宋体}</style></head>
<body lang=ZH-CN style='text-justify-trim:punctuation'>
<div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><span style='font-size:22.0pt'>关于2024年法治政府建设情况的报告</span></p>
<p class=MsoNormal><span lang=EN-US>一、</span>主要举措和成效</p>
<p class=MsoNormal style='text-indent:32.0pt'>全年办理行政复议案件<span lang=EN-US>12</span>件，行政应诉案件<span lang=EN-US>3</span>件。</p>
<p class=MsoNormal><span lang=EN-US>二、</span>存在的不足和原因</p>
<p class=MsoNormal style='text-indent:32.0pt'>普法形式较为单一，基层执法力量不足。</p>
</div></body></html>`;
const MHT_TEXT = [
  '关于2024年法治政府建设情况的报告',
  '一、主要举措和成效',
  '全年办理行政复议案件12件，行政应诉案件3件。',
  '二、存在的不足和原因',
  '普法形式较为单一，基层执法力量不足。',
].join('\n');
const BOUNDARY = '----=_NextPart_01DB3F00.6A5E2B70';
/** A Word "single file web page": MIME headers, a preamble in GBK, the page quoted-printable in GB2312, a theme part in base64. */
const WORD_MHT = Buffer.concat([
  Buffer.from(
    `MIME-Version: 1.0\r\nX-Document-Type: Worksheet\r\nContent-Type: multipart/related; boundary="${BOUNDARY}"\r\n\r\n`,
    'latin1',
  ),
  iconv.encode('此文档为“单个文件网页”，也称为“Web 档案”文件。\r\n\r\n', 'gbk'),
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Location: file:///C:/0A1B2C3D/report.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n${quotedPrintable(iconv.encode(MHT_PAGE, 'gb2312'))}\r\n\r\n` +
      `--${BOUNDARY}\r\nContent-Location: file:///C:/0A1B2C3D/report.files/themedata.thmx\r\nContent-Transfer-Encoding: base64\r\nContent-Type: application/vnd.ms-officetheme\r\n\r\n${Buffer.from('PK theme bytes').toString('base64')}\r\n\r\n--${BOUNDARY}--\r\n`,
    'latin1',
  ),
]);

test('mht: Word’s single file web page (MIME, quoted-printable GB2312) reads as its article', async () => {
  const read = await readSource('report.mht', WORD_MHT);
  assert.equal(read.format, 'mht');
  assert.equal(read.text, MHT_TEXT);
  assert.deepEqual(read.notes, []);
});

test('mht: a .mht that is no MIME web page gets a clear message', async () => {
  await assert.rejects(
    () =>
      readSource(
        'empty.mht',
        Buffer.from(
          'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n\r\n--x\r\nContent-Type: image/png\r\n\r\nabc\r\n--x--\r\n',
        ),
      ),
    (e: unknown) => e instanceof SourceError && /单个文件网页（\.mht）/.test(e.message),
  );
});
