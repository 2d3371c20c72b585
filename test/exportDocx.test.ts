// The Word export (issue 14) read back with readers we did not write: JSZip + fast-xml-parser for the
// package's XML (page setup, fonts per level, grid, footers) and mammoth for the text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import mammoth from 'mammoth';
import { analyze, type ReportModel } from '../server/src/core';
import { exportDocx, exportMessage, reportBlocks, signatureIndents } from '../server/src/export';
import { readDocx, type ParagraphInfo } from './support/docxReader';
import { expectedText } from './support/exportText';
import { haveSeeds, needsSeeds, seed } from './support/seeds';

const ROOT = resolve(__dirname, '..', '..');
const FULL = readFileSync(join(ROOT, 'test', 'fixtures', 'export', 'full.report.txt'), 'utf8');
const EXAMPLE = readFileSync(join(ROOT, 'examples', 'example.report.txt'), 'utf8');

const strip = (s: string) => s.replace(/[\s\u3000\u00a0\ufeff\u200b]/g, '');

async function exported(text: string) {
  const model = analyze(text);
  const result = await exportDocx(text, model);
  return { model, result, docx: await readDocx(result.bytes) };
}

const paragraphs = (body: readonly { kind: string }[]) => body.filter((b): b is ParagraphInfo => b.kind === 'p');

test('export: A4, margins 37/26/35/28 mm, a 22-line grid of 28.95 pt, odd/even footers with the PAGE field', async () => {
  const { docx } = await exported(FULL);
  assert.deepEqual({ w: docx.sectPr.pgSz['w:w'], h: docx.sectPr.pgSz['w:h'] }, { w: '11906', h: '16838' });
  const m = docx.sectPr.pgMar;
  assert.deepEqual([m['w:top'], m['w:right'], m['w:bottom'], m['w:left']], ['2098', '1474', '1984', '1587']); // 37 26 35 28 mm
  assert.equal(docx.sectPr.docGrid['w:linePitch'], '579'); // 225 mm / 22 lines
  assert.equal(docx.sectPr.docGrid['w:charSpace'], '-842'); // 28 characters a line when Word's character grid is on
  assert.equal(docx.sectPr.docGrid['w:type'], 'lines');
  // Odd pages right, even pages left, — N — in 4号 宋体 with a PAGE field.
  assert.ok(docx.sectPr.footers.default && docx.sectPr.footers.even, 'a default (odd) and an even footer');
  assert.match(docx.settingsXml, /<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="(true|1)"\/>/);
  for (const [type, align] of [
    ['default', 'right'],
    ['even', 'left'],
  ] as const) {
    const [p] = docx.footers[type];
    assert.equal(p.align, align, `${type} footer alignment`);
    assert.ok(
      docx.footerFields[type].some((f) => /^PAGE\b/.test(f)),
      `${type} footer has a PAGE field: ${docx.footerFields[type]}`,
    );
    assert.match(p.text, /^— .*—$/);
    for (const r of p.runs) {
      assert.equal(r.eastAsia, '宋体');
      assert.equal(r.size, 28);
    }
  }
});

test('export: title 2号 小标宋 centred line by line, addressee flush left, headings by level, body 3号 仿宋 indented two characters', async () => {
  const { docx, model } = await exported(FULL);
  const ps = paragraphs(docx.body).filter((p) => p.text);
  const title = ps[0];
  assert.equal(title.align, 'center');
  // The issuing body above the title, then the title: its two lines in the text fit one line of 2号 (19 characters).
  assert.deepEqual(title.text.split('\n'), ['某县司法局', '关于2024年度法治政府建设工作情况的报告']);
  assert.ok(title.flags?.has('w:snapToGrid'), 'the title leaves the line grid (LibreOffice would give each of its lines two)');
  for (const r of title.runs) assert.deepEqual([r.eastAsia, r.size], ['方正小标宋简体', 44]);

  const addressee = ps[1];
  assert.equal(addressee.text, '县委、县政府：');
  assert.equal(addressee.align, 'left');
  assert.equal(addressee.indent['w:firstLineChars'], undefined);

  const fontBy: Record<string, string> = {
    GovHeading1: '黑体',
    GovHeading2: '楷体_GB2312',
    GovHeading3: '仿宋_GB2312',
    GovHeading4: '仿宋_GB2312',
  };
  const headings = ps.filter((p) => p.style?.startsWith('GovHeading'));
  const expected: string[] = [];
  const visit = (nodes: ReportModel['outline']) => nodes.forEach((n) => (n.kind === 'heading' && expected.push(n.name), visit(n.children)));
  visit(model.outline);
  assert.deepEqual(
    headings.map((p) => strip(p.runs[0].text).replace(/[。：]$/, '')),
    expected.map(strip),
    'every heading, in order',
  );
  assert.deepEqual([...new Set(headings.map((p) => p.style))].sort(), ['GovHeading1', 'GovHeading2', 'GovHeading3', 'GovHeading4']);
  for (const h of headings) {
    assert.equal(h.runs[0].eastAsia, fontBy[h.style!], `${h.text}: ${h.style}`);
    assert.equal(h.runs[0].size, 32);
    assert.equal(h.indent['w:firstLineChars'], '200');
    // Run-in body text after the heading is in the body font.
    for (const r of h.runs.slice(1)) assert.equal(r.eastAsia, '仿宋_GB2312');
  }
  const runIn = headings.find((h) => h.text.startsWith('（一）持续深化依法行政。'))!;
  assert.deepEqual(
    runIn.runs.map((r) => [r.text, r.eastAsia]),
    [
      ['（一）持续深化依法行政。', '楷体_GB2312'],
      ['加强执法人员培训，全年培训不少于4次。', '仿宋_GB2312'],
    ],
  );

  const body = ps.filter((p) => p.style === 'GovBody' && p.indent['w:firstLineChars']);
  assert.equal(body.length, 4, body.map((p) => p.text).join('\n'));
  for (const p of body) {
    assert.equal(p.align, 'both');
    for (const r of p.runs) assert.deepEqual([r.eastAsia, r.size], ['仿宋_GB2312', 32]);
    assert.deepEqual([p.spacing['w:line'], p.spacing['w:lineRule']], ['579', 'exact']);
  }
});

test('export: the 落款 ends two characters in from the right edge, the date starting two characters right of the name (a longer date keeps the edge)', async () => {
  const { docx } = await exported(FULL);
  const ps = paragraphs(docx.body);
  const date = ps.findIndex((p) => p.text === '2025年1月20日');
  const name = ps[date - 1];
  assert.equal(name.text, '某县司法局');
  assert.equal(ps[date - 2].text, '', 'one blank line below the body');
  // 某县司法局 is 5 characters, the date 6.5 (half-width digits): the date keeps 2 from the edge
  // (starts at 28 − 2 − 6.5 = 19.5), the name starts 2 characters left of it.
  assert.deepEqual(signatureIndents(5, 6.5), { name: 17.5, date: 19.5 });
  // In twips, one character of the 156 mm / 28 line being 15.79 pt (±1 twip of rounding).
  const chars = (twips: string) => Number(twips) / 20 / (((156 / 25.4) * 72) / 28);
  assert.ok(Math.abs(chars(name.indent['w:left']) - 17.5) < 0.01, name.indent['w:left']);
  // The date, being the longer, is set flush right two characters in: the edge holds whatever width a renderer gives its digits.
  assert.equal(ps[date].align, 'right');
  assert.ok(Math.abs(chars(ps[date].indent['w:right']) - 2) < 0.01, ps[date].indent['w:right']);
  // A name longer than the date ends 2 characters in (starts at 28 − 2 − 12), the date 2 characters right of its start.
  assert.deepEqual(signatureIndents(12, 6.5), { name: 14, date: 16 });
});

test('export: a | table becomes a Word table; debris never reaches the file', async () => {
  const { docx } = await exported(FULL);
  const tables = docx.body.filter((b) => b.kind === 'tbl');
  assert.equal(tables.length, 1);
  assert.deepEqual(tables[0].kind === 'tbl' && tables[0].rows, [
    ['项目', '数量', '占比'],
    ['行政处罚', '98', '82%'],
    ['行政强制', '22', '18%'],
  ]);
  const all = paragraphs(docx.body)
    .map((p) => p.text)
    .join('\n');
  assert.doesNotMatch(all, /bookmark|_GoBack/);
  assert.match(all, /（二）规范行政执法行为/);
});

test('export: the text of every paragraph is the report text without debris, in order (mammoth reads it back)', async () => {
  const texts: [string, string][] = [
    ['full', FULL],
    ['example', EXAMPLE],
  ];
  if (haveSeeds) for (let i = 0; i < 5; i++) texts.push([`seed ${i}`, seed(i)]);
  for (const [name, text] of texts) {
    const { model, result } = await exported(text);
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(result.bytes) })).value;
    const withoutTables = expectedText(text, model);
    // mammoth gives table cells as paragraphs in row order; the source has them between | marks.
    assert.equal(strip(raw), withoutTables.replace(/[|｜]|:?-{2,}:?/g, ''), name);
  }
});

test(
  'export: the seeds export with what they miss: 001 and 004 name their missing parts and errors, the web page 002 loses its chrome',
  { skip: needsSeeds },
  async () => {
    const s1 = await exported(seed(1));
    assert.deepEqual(
      s1.result.missingParts.map((p) => p.id),
      ['first-responsible'],
    );
    assert.equal(s1.result.errors, 1);
    const s4 = await exported(seed(4));
    assert.deepEqual(s4.result.missingParts.map((p) => p.id).sort(), ['first-responsible', 'shortcomings']);
    const s2 = await exported(seed(2));
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(s2.result.bytes) })).value;
    for (const chrome of ['您当前的位置', '语音播报', '扫一扫在手机打开当前页', '[ 索引号 ]']) assert.ok(!raw.includes(chrome), chrome);
    const s0 = await exported(seed(0));
    assert.equal(s0.result.errors, 0);
    const title = paragraphs(s0.docx.body)[0];
    assert.deepEqual(title.text.split('\n'), [
      '中共重庆市沙坪坝区青木关镇委员会',
      '重庆市沙坪坝区青木关镇人民政府',
      '关于2024年法治政府建设情况的报告',
    ]);
  },
);

test('export: blocks of an empty or odd text never throw, and a report without a title still exports', async () => {
  for (const text of ['', '\n\n', '一、', '|', '\t\t', '某镇人民政府\n2025年1月20日', 'x'.repeat(5000)]) {
    const model = analyze(text);
    reportBlocks(text, model);
    const { bytes } = await exportDocx(text, model);
    assert.ok(bytes.length > 1000);
  }
});

test('export (issue 25): the font table names a stand-in for each GB/T 9704 font; the author is the issuing body; Latin text is en-US', async () => {
  const { docx } = await exported(FULL);
  const fonts = new Map(
    [...docx.fontTableXml.matchAll(/<w:font w:name="([^"]+)"><w:altName w:val="([^"]+)"\/><w:panose1 w:val="([0-9A-F]{20})"\/>/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  assert.equal(fonts.get('仿宋_GB2312'), '仿宋');
  assert.equal(fonts.get('楷体_GB2312'), '楷体');
  assert.equal(fonts.get('方正小标宋简体'), '宋体');
  assert.equal(fonts.get('黑体'), 'SimHei');
  assert.match(docx.fontTableXml, /<w:charset w:val="86"\/>/);
  assert.match(docx.coreXml, /<dc:creator>某县司法局<\/dc:creator>/);
  assert.doesNotMatch(docx.coreXml, /govreport|Un-named/);
  // Without an issuing body, no author at all.
  const anon = await exported('关于2024年法治政府建设情况的报告\n一、主要举措和成效\n全年组织学法12次。\n');
  assert.doesNotMatch(anon.docx.coreXml, /<dc:creator>[^<]/);
  // With zh-CN as the Latin language LibreOffice breaks inside numbers; en-US keeps them whole (test/slow/exportRender.test.ts renders it).
  assert.match(docx.stylesXml, /<w:rPrDefault><w:rPr>.*<w:lang w:val="en-US" w:eastAsia="zh-CN"/);
  assert.match(docx.stylesXml, /<w:pPrDefault><w:pPr><w:widowControl\/><w:kinsoku\/>/);
});

test('export (issue 25): a heading alone keeps with the next paragraph and stays whole, a run-in heading does not; table rows never split and the header repeats', async () => {
  const { docx } = await exported(FULL);
  const ps = paragraphs(docx.body);
  const alone = ps.find((p) => p.text === '（一）健全依法决策机制')!;
  assert.ok(alone.flags?.has('w:keepNext') && alone.flags.has('w:keepLines'), 'keepNext and keepLines');
  const runIn = ps.find((p) => p.text.startsWith('（一）持续深化依法行政。'))!;
  assert.ok(!runIn.flags?.has('w:keepNext'), 'a run-in heading is a paragraph');
  const rows = [...docx.documentXml.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((m) => m[1]);
  assert.equal(rows.length, 3);
  assert.match(rows[0], /<w:tblHeader\/>/);
  for (const r of rows) assert.match(r, /<w:cantSplit\/>/);
});

test('export (issue 21): a prose line with a bar in it stays a paragraph; only real table rows become tables', async () => {
  const text = FULL.replace('全年办理行政执法案件120件', '按照“甲|乙”两种方式办理行政执法案件120件');
  const { docx } = await exported(text);
  assert.equal(docx.body.filter((b) => b.kind === 'tbl').length, 1, 'the | table stays a table');
  assert.ok(
    paragraphs(docx.body).some((p) => p.text.includes('按照“甲|乙”两种方式')),
    'the prose line is a paragraph',
  );
  // Two bar rows of the same cells without a leading bar are a table too.
  const plain = await exported(FULL.replace(/\| 项目.*\n\| --- .*\n\| 行政处罚.*\n\| 行政强制.*\n/, '项目｜数量\n行政处罚｜98\n'));
  assert.equal(plain.docx.body.filter((b) => b.kind === 'tbl').length, 1);
});

test('export (issue 21): characters XML forbids are replaced by U+FFFD and counted by line; the package stays well-formed', async () => {
  const { XMLValidator } = await import('fast-xml-parser');
  const text =
    '关于2024年法治政府建设情况的报告\n县委：\n一、主要举措和成效\n全年\u0001组织\u0008学法\ufffe12次\uffff。\n孤\ud800字，\udc00尾。😀\n';
  const model = analyze(text);
  const result = await exportDocx(text, model);
  assert.deepEqual(result.replaced, { count: 6, lines: [3, 4] });
  const docx = await readDocx(result.bytes);
  assert.equal(XMLValidator.validate(docx.documentXml), true);
  const raw = (await mammoth.extractRawText({ buffer: Buffer.from(result.bytes) })).value;
  assert.match(raw, /全年�组织�学法�12次�。/);
  assert.match(raw, /孤�字，�尾。😀/, 'a surrogate pair (an emoji) is kept');
  assert.match(exportMessage(result, 'a.docx', 'zh-cn'), /6 个 Word 文档不能容纳的控制字符已替换为 �（第 4、5 行）/);
});

test('export (issue 25): attachments — the 附件说明 aligned with a hanging indent, each attachment on a new page, 附件 in 黑体, its title in 小标宋', async () => {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'export', 'attachments.report.txt'), 'utf8');
  const { docx } = await exported(text);
  const ps = paragraphs(docx.body);
  const note = ps.findIndex((p) => p.text.startsWith('附件：1.'));
  assert.equal(ps[note - 1].text, '', 'a blank line before the 附件说明');
  const chars = (twips: string | undefined) => Number(twips ?? 0) / 20 / (((156 / 25.4) * 72) / 28);
  // 附件：1. starts two characters in (left 6, hanging 4); 2. starts under 1. (left 6, hanging 1).
  assert.deepEqual([chars(ps[note].indent['w:left']), chars(ps[note].indent['w:hanging'])].map(Math.round), [6, 4]);
  assert.deepEqual([chars(ps[note + 1].indent['w:left']), chars(ps[note + 1].indent['w:hanging'])].map(Math.round), [6, 1]);
  for (const head of ['附件1', '附件2']) {
    const i = ps.findIndex((p) => p.text === head);
    assert.ok(ps[i].flags?.has('w:pageBreakBefore'), `${head} starts a page`);
    assert.equal(ps[i].runs[0].eastAsia, '黑体');
    assert.equal(ps[i + 1].text, '', `${head}: its title on the third line`);
    assert.equal(ps[i + 2].align, 'center');
    assert.equal(ps[i + 2].runs[0].eastAsia, '方正小标宋简体');
  }
});
