// PDFs as reports are really published, the layout rules line by line (the five seeds rendered by
// LibreOffice and read back through the CLI and the server are in test/slow/intakePdfSeeds.test.ts) — table rows at page edges kept as rows, the issuing body never a running header,
// the frame (page numbers, headers, print headers, watermarks, 红头) apart from the body, a centred
// title over two lines one title, lines joined by line fill, numbers split at a line end joined whole.
// Crashes: 200,000 glyphs on one baseline, a page count past the cap.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSource, SourceError } from '../server/src/intake';
import { MAX_PDF_PAGES, toLines, type TextItem } from '../server/src/intake/pdf';
import { layoutPdf, type PdfLine, type PdfPage } from '../server/src/intake/pdf/layout';
import { runCli } from './support/cli';

/** Lines of a page from the top: [text, x0, x1] 28.9 pt apart at 16 pt; the text block runs 80–512. */
const at = (text: string, x0: number, x1: number, y: number, extra: Partial<PdfLine> = {}): PdfLine => ({
  text,
  x0,
  x1,
  y,
  size: 16,
  ...extra,
});
const page = (lines: PdfLine[]): PdfPage => ({ width: 595, height: 842, lines });

test('pdf layout: a table spanning pages keeps every row, as rows, never joined (was: 12 of 119 rows dropped as running headers, rows merged)', () => {
  const pages: PdfPage[] = [];
  let k = 0;
  for (let p = 0; p < 8; p++) {
    const lines: PdfLine[] = [];
    for (let i = 0; i < 15; i++, k++) {
      const month = `2024年${(k % 12) + 1}月`;
      lines.push(at(`${month} 行政复议 ${k}`, 80, 512, 760 - i * 28.9, { cells: [month, '行政复议', String(k)] }));
    }
    lines.push(at(`— ${p + 1} —`, 280, 320, 60));
    pages.push(page(lines));
  }
  const { text, frame } = layoutPdf(pages);
  const rows = text.split('\n');
  assert.equal(rows.length, 120);
  assert.equal(rows[0], '| 2024年1月 | 行政复议 | 0 |');
  assert.equal(rows[119], '| 2024年12月 | 行政复议 | 119 |');
  assert.deepEqual(frame, ['— 1 —', '— 2 —', '— 3 —', '— 4 —', '— 5 —', '— 6 —', '— 7 —', '— 8 —']);
});

test('pdf layout: the issuing body above the title and in the 落款 is the writer’s; a 红头, print headers and a watermark are the frame', () => {
  const body = '重庆市大足区雍溪镇人民政府';
  const full = '全年办理行政执法案件128件，其中简易程序案件96件，一般程序案件';
  const { text, frame } = layoutPdf([
    page([
      at('2025/1/20 10:30', 40, 140, 820, { size: 9 }),
      at('雍溪镇人民政府文件', 150, 445, 780, { size: 30 }),
      at('雍溪府发〔2024〕12号', 220, 375, 730),
      at(body, 180, 420, 700),
      at('关于2023年法治政府建设情况的报告', 118, 483, 660, { size: 22 }),
      at('一、主要举措和成效', 112, 260, 620),
      at(full, 112, 512, 591),
      at(full, 80, 512, 562),
      at('32件。', 80, 130, 533),
      at('内部资料 注意保存', 150, 450, 400, { size: 40, rotated: true }),
      at('https://www.example.gov.cn/art/2024/1.html', 40, 300, 30, { size: 9 }),
    ]),
    page([
      at('2025/1/20 10:30', 40, 140, 820, { size: 9 }),
      at('二、存在的不足和原因', 112, 280, 760),
      at('普法形式单一。', 112, 230, 731),
      at(body, 300, 512, 650),
      at('2024年1月30日', 330, 480, 621),
      at('内部资料 注意保存', 150, 450, 400, { size: 40, rotated: true }),
      at('https://www.example.gov.cn/art/2024/1.html', 40, 300, 30, { size: 9 }),
    ]),
  ]);
  assert.equal(
    text,
    [
      body,
      '关于2023年法治政府建设情况的报告',
      '一、主要举措和成效',
      full + full + '32件。',
      '二、存在的不足和原因',
      '普法形式单一。',
      body,
      '2024年1月30日',
    ].join('\n'),
  );
  assert.deepEqual(frame, [
    '2025/1/20 10:30',
    '雍溪镇人民政府文件',
    '雍溪府发〔2024〕12号',
    '内部资料 注意保存',
    'https://www.example.gov.cn/art/2024/1.html',
    '2025/1/20 10:30',
    '内部资料 注意保存',
    'https://www.example.gov.cn/art/2024/1.html',
  ]);
});

test('pdf layout: a centred title over two lines is one title; block paragraphs join by line fill; numbers split at a line end join whole', () => {
  const { text } = layoutPdf([
    page([
      at('重庆市大足区雍溪镇人民政府', 180, 420, 780),
      at('重庆市綦江区关坝镇人民政府关于2025年度法治政府', 80, 512, 740, { size: 22 }),
      at('建设情况的报告', 219, 373, 712, { size: 22 }),
      at('区委、区政府：', 80, 192, 660),
      // Block paragraphs (no first-line indent): the first body line is joined too.
      at('2024年，雍溪镇坚持以习近平新时代中国特色社会主义思想为指导，深学笃用习近', 80, 512, 631),
      at('平法治思想，全年办理行政复议案件12', 80, 512, 602),
      at('00余件。', 80, 150, 573),
      at('二是组织法治培训40场次，覆盖干部职工1200余人次，“法律明白人”实现全覆', 80, 512, 544),
      // Ended two characters short: the next line starts with a quote and a number that did not fit.
      at('盖，结合国家宪法日开展宣传活动，在“6·26”国际禁毒日、', 80, 480, 515),
      at('“12·4”国家宪法日等开展集中宣传。', 80, 330, 486),
      at('（二）严格规范公正文明执法', 80, 300, 457),
    ]),
  ]);
  assert.equal(
    text,
    [
      '重庆市大足区雍溪镇人民政府',
      '重庆市綦江区关坝镇人民政府关于2025年度法治政府建设情况的报告',
      '区委、区政府：',
      '2024年，雍溪镇坚持以习近平新时代中国特色社会主义思想为指导，深学笃用习近平法治思想，全年办理行政复议案件1200余件。',
      '二是组织法治培训40场次，覆盖干部职工1200余人次，“法律明白人”实现全覆盖，结合国家宪法日开展宣传活动，在“6·26”国际禁毒日、“12·4”国家宪法日等开展集中宣传。',
      '（二）严格规范公正文明执法',
    ].join('\n'),
  );
});

test('pdf layout: a browser’s line breaking — a quote binds what stands on either side, a per cent sign is wide — never cuts a paragraph (a portal page printed by Chromium was cut after 世界环境)', () => {
  const { text } = layoutPdf([
    page([
      at('一、主要举措', 80, 200, 780),
      at('一是加强宪法学习。结合三月法治宣传月、“6·5”世界环境', 112, 464, 751),
      // 日、“6·25”全 goes down whole (no break beside a quote): 48 pt of room left, three characters.
      at('日、“6·25”全国土地日、“6·26”国际禁毒日、“9·10”教师节、“12·4”国家宪法', 80, 512, 722),
      at('日等开展集中宣传活动，全年排查矛盾纠纷572件，化解551件，化解成功率达到', 80, 471, 693),
      // 96%。 did not fit in the 41 pt left: two digits, a per cent sign and a full stop.
      at('96%。结合“全民反诈”“《民法典》宣讲进乡村”“宪法宣传周”等主题开展普法宣传', 80, 512, 664),
      at('活动20余场次。三是探索“普法+调解”新路径，我镇利用平台采用“调解', 80, 490, 635),
      // +普 is one unit (a prefix sign binds the character after it): 22 pt left, less than a sign and a character.
      at('+普法”的工作模式。', 80, 220, 606),
      // A sentence ended short of the margin: the next line is a new paragraph though a quote starts it.
      at('二是压实责任，全面落实普法责任制，各执法部门按照清单开展普法工作。', 80, 464, 577),
      at('“谁执法谁普法”责任制全面落实，行政执法人员全部持证上岗，执法规范化', 80, 512, 548),
      at('水平进一步提升。', 80, 210, 519),
    ]),
  ]);
  assert.equal(
    text,
    [
      '一、主要举措',
      '一是加强宪法学习。结合三月法治宣传月、“6·5”世界环境日、“6·25”全国土地日、“6·26”国际禁毒日、“9·10”教师节、“12·4”国家宪法日等开展集中宣传活动，全年排查矛盾纠纷572件，化解551件，化解成功率达到96%。结合“全民反诈”“《民法典》宣讲进乡村”“宪法宣传周”等主题开展普法宣传活动20余场次。三是探索“普法+调解”新路径，我镇利用平台采用“调解+普法”的工作模式。',
      '二是压实责任，全面落实普法责任制，各执法部门按照清单开展普法工作。',
      '“谁执法谁普法”责任制全面落实，行政执法人员全部持证上岗，执法规范化水平进一步提升。',
    ].join('\n'),
  );
});

test('pdf: 200,000 glyphs on one baseline and 200,000 baselines are laid out without a stack overflow or a quadratic search', () => {
  const item = (str: string, x: number, y: number): TextItem => ({ str, transform: [12, 0, 0, 12, x, y], width: 12, height: 12 });
  const one = toLines(Array.from({ length: 200_000 }, (_, i) => item('字', 72 + i * 12, 700)));
  assert.equal(one.length, 1);
  assert.equal(one[0].text.length, 200_000);
  const many = toLines(Array.from({ length: 200_000 }, (_, i) => item('字', 72, 800 - i * 20)));
  assert.equal(many.length, 200_000);
});

/** A PDF of `n` empty pages, written by hand (objects, a page tree, an xref table). */
function emptyPdf(n: number): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${n} /Kids [${Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ')}] >>`,
  ];
  for (let i = 0; i < n; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

test('pdf: past 1,000 pages a PDF is refused with a clear message (16,000 pages took 73 s)', async () => {
  await assert.rejects(
    readSource('huge.pdf', emptyPdf(MAX_PDF_PAGES + 1)),
    (e: SourceError) =>
      e instanceof SourceError && e.key === 'pdfTooManyPages' && /有 1001 页，超过上限 1000 页/.test(e.localized('zh-cn')),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'govreport-pdf-')), 'huge.pdf');
  writeFileSync(file, emptyPdf(MAX_PDF_PAGES + 1));
  const r = runCli(['text', file]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /1001 pages, more than the limit of 1000/);
});

test('pdf: a list label drawn apart from its text (Word numbering as 1. and a tab) is the start of its line, not a table cell; 项目 | 9 is a row', () => {
  const item = (str: string, x: number, y: number): TextItem => ({
    str,
    transform: [16, 0, 0, 16, x, y],
    width: str.length * 16,
    height: 16,
  });
  const lines = toLines([
    item('1.', 112, 700),
    item('完善重大行政决策程序', 150, 700),
    item('（一）', 112, 670),
    item('健全依法决策机制', 170, 670),
    item('行政复议案件', 112, 640),
    item('9', 400, 640),
  ]);
  assert.deepEqual(
    lines.map((l) => l.cells ?? null),
    [null, null, ['行政复议案件', '9']],
  );
  assert.equal(layoutPdf([page(lines)]).text, ['1.完善重大行政决策程序', '（一）健全依法决策机制', '| 行政复议案件 | 9 |'].join('\n'));
});
