// Word 2003 XML (WordML), as Word 2003 saves an "XML Document" and as systems generate reports under a
// .doc name: numbered paragraphs with the label Word wrote, a table, a header and a text box in the
// frame, tracked changes as accepted, comments, field instructions and hidden text out (said).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { readSource } from '../server/src/intake';
import { runCli } from './support/cli';

const p = (runs: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
const listed = (label: string) =>
  `<w:listPr><w:ilvl w:val="0"/><w:ilfo w:val="1"/><wx:t wx:val="${label}" wx:wTabBefore="0" wx:wTabAfter="210"/><wx:font wx:val="宋体"/></w:listPr>`;
const wordml = (encoding: string, body: string) => `<?xml version="1.0" encoding="${encoding}" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" xmlns:aml="http://schemas.microsoft.com/aml/2001/core" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" w:macrosPresent="no" w:embeddedObjPresent="no" w:ocxPresent="no" xml:space="preserve">
<o:DocumentProperties><o:Author>张三</o:Author></o:DocumentProperties>
<w:fonts><w:font w:name="宋体"><w:altName w:val="SimSun"/></w:font></w:fonts>
<w:styles><w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style></w:styles>
<w:body><wx:sect>${body}<w:sectPr><w:hdr w:type="odd"><wx:pBdrGroup>${p(r('某县司法局'))}</wx:pBdrGroup></w:hdr><w:ftr w:type="odd">${p(r('— 1 —'))}</w:ftr></w:sectPr></wx:sect></w:body></w:wordDocument>`;

const BODY = [
  `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>${p(r('某县司法局文件'))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`,
  p(r('关于2024年法治政府建设情况的报告')),
  p(r('主要举措和成效'), listed('一、')),
  p(r('健全依法决策机制'), listed('（一）')),
  p(
    r('全年办理行政复议案件') +
      `<aml:annotation aml:id="0" w:type="Word.Insertion" aml:author="张三"><aml:content>${r('12')}</aml:content></aml:annotation>` +
      `<aml:annotation aml:id="1" w:type="Word.Deletion" aml:author="张三"><aml:content><w:r><w:delText>15</w:delText></w:r></aml:content></aml:annotation>` +
      r('件') +
      r('（待核实）', '<w:vanish/>') +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      r('，均依法审结。') +
      `<aml:annotation aml:id="2" w:type="Word.Comment" aml:author="审稿人"><aml:content>${p(r('请核对'))}</aml:content></aml:annotation>`,
  ),
  `<w:tbl><w:tr><w:tc>${p(r('项目'))}</w:tc><w:tc>${p(r('数量'))}</w:tc></w:tr><w:tr><w:tc>${p(r('行政复议'))}</w:tc><w:tc>${p(r('12'))}</w:tc></w:tr></w:tbl>`,
  p(r('加强队伍建设。') + '<w:r><w:tab/></w:r>' + r('A&amp;B')),
].join('\n');
const TEXT = [
  '关于2024年法治政府建设情况的报告',
  '一、主要举措和成效',
  '（一）健全依法决策机制',
  '全年办理行政复议案件12件，均依法审结。',
  '| 项目 | 数量 |',
  '| 行政复议 | 12 |',
  '加强队伍建设。\tA&B',
].join('\n');

test('wordml: a Word 2003 XML document reads as report text — labels, rows, insertions in; deletions, comments, field codes out; header, footer and text box in the frame; hidden text said', async () => {
  const read = await readSource('report.xml.doc', Buffer.from(wordml('UTF-8', BODY)));
  assert.equal(read.format, 'wordml');
  assert.equal(read.text, TEXT);
  assert.deepEqual(read.frame, ['某县司法局文件', '某县司法局', '— 1 —']);
  assert.deepEqual(
    read.notes.map((n) => n.key),
    ['hiddenText'],
  );
  assert.match(read.notes[0].localized('zh-cn'), /5 字设为隐藏文字/);
});

test('wordml: generated in GB2312 under a .doc name, through the CLI (was: “legacy binary Word file”)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'govreport-wordml-')), 'report.doc');
  writeFileSync(file, iconv.encode(wordml('GB2312', BODY), 'gb2312'));
  const c = runCli(['text', file]);
  assert.equal(c.status, 0, c.stderr);
  assert.equal(c.stdout, TEXT + '\n');
  assert.match(c.stderr, /隐藏文字/);
});
