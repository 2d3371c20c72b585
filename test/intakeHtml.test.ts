// Web pages read as report text: a portal page (GB2312, navigation, breadcrumbs, metadata table,
// reading tools, share widget, footer) gives the article's paragraphs under its title and nothing
// else; pasted HTML from Word (mso-list) and from a browser (<ol>) keeps its ordinals.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { analyze } from '../server/src/core';
import { readSource } from '../server/src/intake';
import { fragmentText } from '../server/src/intake/html';
import { missingCodes } from './support/render';
import { runCli } from './support/cli';

const PORTAL = readFileSync(resolve(__dirname, '..', '..', 'test', 'fixtures', 'html', 'portal.html'), 'utf8');

const ARTICLE = [
  '某区司法局2024年法治政府建设年度报告',
  '2024年，区司法局坚持以习近平法治思想为指导，全面落实法治政府建设各项任务，现将有关情况报告如下：',
  '一、2024年推进法治政府建设的主要举措和成效',
  '（一）健全依法决策机制。全年审查规范性文件12件，审查重大行政决策事项5件，提出法律意见36条。',
  '（二）严格规范公正文明执法。全年办理行政执法案件128件，其中简易程序案件96件，一般程序案件32件。',
  '| 项目 | 数量 |',
  '| 行政复议案件 | 9 |',
  '| 行政诉讼案件 | 3 |',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '局主要负责人认真履行第一责任人职责，全年主持召开专题会议3次，带头讲授法治课2次。',
  '三、存在的不足和原因',
  '一是普法形式较为单一；二是执法人员专业能力有待提升。主要原因是投入不足。',
  '四、2025年推进法治政府建设的主要安排',
  '2025年，我局将持续深化法治宣传教育，加强执法队伍建设。',
  '某区司法局',
  '2025年1月20日',
].join('\n');

test('html: a portal page (GB2312) gives its article under its title, no navigation, metadata, tools or footer', async () => {
  const bytes = iconv.encode(PORTAL, 'gb2312');
  const { text, format } = await readSource('report.html', bytes);
  assert.equal(format, 'html');
  assert.equal(text, ARTICLE);
  const m = analyze(text);
  assert.equal(m.header.title?.text, '某区司法局2024年法治政府建设年度报告');
  assert.deepEqual(missingCodes(m), []);
  assert.deepEqual(
    m.outline.map((n) => `${n.name} ${n.parts.join('+')}`),
    [
      '一、2024年推进法治政府建设的主要举措和成效 measures',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况 first-responsible',
      '三、存在的不足和原因 shortcomings',
      '四、2025年推进法治政府建设的主要安排 next-year',
    ],
  );
});

test('html: the title comes from <title> (site name cut) when the page has no heading', async () => {
  const page = PORTAL.replace(/<h1 class="title">.*?<\/h1>/, '').replace('charset=gb2312', 'charset=utf-8');
  const { text } = await readSource('page.htm', new TextEncoder().encode(page));
  assert.equal(text, ARTICLE);
});

test('html: Word clipboard HTML keeps Word list numbers (mso-list), drops its spacers and conditional comments', () => {
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=ZH-CN>
<!--StartFragment--><p class=MsoNormal align=center style='text-align:center'><span style='font-family:方正小标宋简体'>关于2024年法治政府建设情况的报告<o:p></o:p></span></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>主要举措和成效</span></p>
<p class=MsoListParagraph style='mso-list:l0 level2 lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>（一）<span style='font:7.0pt'>&nbsp;</span></span><!--[endif]--><span>健全依法决策机制</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>全年审查规范性文件<span lang=EN-US>12</span>件。</span></p><!--EndFragment-->
</body></html>`;
  assert.equal(
    fragmentText(word),
    ['关于2024年法治政府建设情况的报告', '一、主要举措和成效', '（一）健全依法决策机制', '全年审查规范性文件12件。'].join('\n'),
  );
});

test('html: browser lists are numbered by their list style; navigation in a pasted selection is dropped', () => {
  const html = `<nav><a href="/">首页</a></nav><ol style="list-style-type: cjk-ideographic"><li>主要举措和成效<ol><li>健全依法决策机制</li><li>严格执法</li></ol></li><li value="4">下一步工作安排</li></ol><script>alert(1)</script>`;
  assert.equal(fragmentText(html), ['一、主要举措和成效', '1.健全依法决策机制', '2.严格执法', '四、下一步工作安排'].join('\n'));
});

test('cli: check and text read .html (file is the path given)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-html-'));
  const file = join(dir, 'portal.html');
  writeFileSync(file, iconv.encode(PORTAL, 'gb2312'));
  const printed = runCli(['text', file]);
  assert.equal(printed.stdout, ARTICLE + '\n');
  const r = runCli(['check', dir, '--format', 'json']);
  const [result] = JSON.parse(r.stdout);
  assert.equal(result.file, file);
  assert.equal(result.title, '某区司法局2024年法治政府建设年度报告');
});

test('html: an old portal laid out with tables, paragraphs split by <br> and indented with full-width spaces', async () => {
  const bytes = readFileSync(resolve(__dirname, '..', '..', 'test', 'fixtures', 'html', 'table-layout.html'));
  const { text } = await readSource('old.html', bytes);
  assert.equal(
    text,
    [
      '关于2023年度法治政府建设情况的报告',
      '2023年，我镇深入贯彻落实习近平法治思想，现将有关情况报告如下：',
      '一、主要举措和成效',
      '（一）加强组织领导。召开专题会议3次，研究解决重大问题。',
      '二、存在的问题',
      '普法宣传不够深入，原因是投入不足。',
      '三、下一步打算',
      '继续加强法治建设。',
    ].join('\n'),
  );
});
