// Word files (.docx) read as report text: automatic numbering written out as Word shows it, tables as
// rows, notes, comments, bookmarks and deleted revisions left out — for files written by the `docx`
// package and re-saved by LibreOffice.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, TextRun } from 'docx';
import { analyze } from '../server/src/core';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { docxToText } from '../server/src/intake/docx';
import { MAX_UNPACKED_XML } from '../server/src/intake/docx/package';
import { formatNumber } from '../server/src/intake/docx/numberFormat';
import { readSource, SourceError } from '../server/src/intake';
import { DOCX_REPORT_TEXT, docxReport } from './support/docxReport';
import { missingCodes, presentParts, renderOutline } from './support/render';
import { runCli } from './support/cli';

function tmpFile(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'govreport-docx-')), name);
  writeFileSync(path, bytes);
  return path;
}

const OUTLINE = [
  '一、2024年推进法治政府建设的主要举措和成效  @measures',
  '  （一）健全依法决策机制',
  '    1.完善重大行政决策程序',
  '    2.推行法律顾问制度',
  '  （二）严格规范公正文明执法',
  '    1.全年办理行政执法案件86件',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况  @first-responsible',
  '  （一）主要负责人带头学法',
  '三、存在的不足和原因  @shortcomings',
  '  一是执法人员力量不足',
  '  二是普法形式单一',
  '四、2025年推进法治政府建设的主要安排  @next-year',
  '  1.持续深化法治宣传',
  '  2.加强执法队伍建设',
  '',
].join('\n');

test('docx: Word numbering written out (multi-level, restart under a new part, a list starting at 3), every character of the text kept', async () => {
  const text = docxToText(await docxReport());
  // Exact: every character of the report's own text, nothing of the footnote, the comment, the
  // bookmark or the deleted revision (68), the inserted one (86) kept.
  assert.equal(text, DOCX_REPORT_TEXT);
  const m = analyze(text);
  assert.equal(m.header.title?.text, '关于某县司法局2024年法治政府建设情况的报告');
  assert.equal(renderOutline(m.outline), OUTLINE);
  assert.deepEqual(missingCodes(m), []);
  assert.doesNotMatch(text, /脚注|批注|_GoBack|68/);
});

test('docx: number formats as Word displays them', () => {
  const cases: [string, number, string][] = [
    ['chineseCounting', 1, '一'],
    ['chineseCounting', 10, '十'],
    ['chineseCounting', 11, '十一'],
    ['chineseCounting', 20, '二十'],
    ['chineseCounting', 21, '二十一'],
    ['chineseCounting', 105, '一百零五'],
    ['chineseCountingThousand', 13, '十三'],
    ['chineseLegalSimplified', 12, '壹拾贰'],
    ['ideographTraditional', 3, '丙'],
    ['ideographDigital', 10, '一〇'],
    ['decimalEnclosedParen', 1, '⑴'],
    ['decimalEnclosedCircle', 20, '⑳'],
    ['decimalEnclosedCircle', 21, '21'],
    ['decimalEnclosedFullstop', 2, '⒉'],
    ['decimalFullWidth', 12, '１２'],
    ['decimalZero', 7, '07'],
    ['upperRoman', 14, 'XIV'],
    ['lowerLetter', 28, 'bb'],
    ['decimal', 3, '3'],
    ['bullet', 1, ''],
  ];
  for (const [format, n, want] of cases) assert.equal(formatNumber(format, n), want, `${format} ${n}`);
});

test('docx: numbering from heading styles, other formats and level texts; a missing part is reported', async () => {
  const doc = new Document({
    styles: {
      paragraphStyles: [
        { id: 'PartHeading', name: 'Part Heading', basedOn: 'Normal', paragraph: { numbering: { reference: 'parts', level: 0 } } },
        { id: 'SectionHeading', name: 'Section Heading', basedOn: 'Normal', paragraph: { numbering: { reference: 'parts', level: 1 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'parts',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING_THOUSAND, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          ],
        },
        {
          reference: 'items',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL_ENCLOSED_PARENTHESES,
              text: '%1',
              alignment: AlignmentType.LEFT,
              suffix: LevelSuffix.SPACE,
            },
          ],
        },
        {
          reference: 'stems',
          levels: [{ level: 0, format: LevelFormat.IDEOGRAPH_TRADITIONAL, text: '%1、', alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('某镇人民政府关于2023年度法治政府建设工作情况的报告'),
          new Paragraph({ style: 'PartHeading', children: [new TextRun('2023年法治政府建设主要举措和成效')] }),
          new Paragraph({ style: 'SectionHeading', children: [new TextRun('加强组织领导')] }),
          new Paragraph({ numbering: { reference: 'items', level: 0 }, children: [new TextRun('召开专题会议3次。')] }),
          new Paragraph({ numbering: { reference: 'items', level: 0 }, children: [new TextRun('制定工作要点。')] }),
          new Paragraph({ style: 'SectionHeading', children: [new TextRun('推进严格执法')] }),
          new Paragraph({ numbering: { reference: 'stems', level: 0 }, children: [new TextRun('执法检查。')] }),
          new Paragraph({ style: 'PartHeading', children: [new TextRun('存在的问题及原因')] }),
          new Paragraph('学法不够深入，主要原因是重视不够。'),
          new Paragraph({ style: 'PartHeading', children: [new TextRun('2024年工作打算')] }),
          new Paragraph('继续抓好学法用法。'),
        ],
      },
    ],
  });
  const text = docxToText(await Packer.toBuffer(doc));
  assert.equal(
    text,
    [
      '某镇人民政府关于2023年度法治政府建设工作情况的报告',
      '一、2023年法治政府建设主要举措和成效',
      '（一）加强组织领导',
      '⑴ 召开专题会议3次。',
      '⑵ 制定工作要点。',
      '（二）推进严格执法',
      '甲、执法检查。',
      '二、存在的问题及原因',
      '学法不够深入，主要原因是重视不够。',
      '三、2024年工作打算',
      '继续抓好学法用法。',
    ].join('\n'),
  );
  const m = analyze(text);
  assert.deepEqual(presentParts(m).sort(), ['measures', 'next-year', 'shortcomings']);
  assert.deepEqual(missingCodes(m), ['first-responsible']);
});

test('docx: a broken binary Word file (.doc/.wps) gets a message to save as .docx; a renamed .docx is read; junk is a clear error', async () => {
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  for (const name of ['old.doc', 'old.wps', 'disguised.docx']) {
    await assert.rejects(readSource(name, ole), (e: SourceError) => {
      assert.ok(e instanceof SourceError);
      assert.match(e.localized('zh-cn'), /另存为” \.docx/);
      assert.match(e.localized('en'), /save it as \.docx/);
      return true;
    });
  }
  assert.equal((await readSource('renamed.doc', await docxReport())).text, DOCX_REPORT_TEXT);
  await assert.rejects(readSource('broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), /不是有效的 \.docx/);
});

test('docx: a zip bomb of XML is refused by its unpacked size before it is parsed, with a clear message', async () => {
  // 40 MB of <w:p/> compress to ~40 KB; parsed, they would take gigabytes.
  const parts = unzipSync(await docxReport());
  parts['word/document.xml'] = strToU8(
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p/>'.repeat(7_000_000)}</w:body></w:document>`,
  );
  const bomb = zipSync(parts, { level: 9 });
  assert.ok(bomb.length < 200_000, `${bomb.length} bytes`);
  const rss = process.memoryUsage().rss;
  await assert.rejects(readSource('bomb.docx', bomb), (e: SourceError) => {
    assert.match(e.localized('zh-cn'), /不是有效的 \.docx.*解压后的 XML 超过 32 MB/);
    return true;
  });
  assert.ok(process.memoryUsage().rss - rss < 500_000_000, 'refused before parsing');
  // A real report is far under the cap.
  assert.ok(MAX_UNPACKED_XML > 10 * 1024 * 1024);
});

test('cli: check reads a .docx (file is the path given, lines are those `govreport text` prints) and folders with Word files', async () => {
  const file = tmpFile('县司法局报告.docx', await docxReport());
  const printed = runCli(['text', file]);
  assert.equal(printed.status, 0);
  assert.equal(printed.stdout, DOCX_REPORT_TEXT + '\n');
  const r = runCli(['check', file, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const [result] = JSON.parse(r.stdout);
  assert.equal(result.file, file);
  assert.equal(result.title, '关于某县司法局2024年法治政府建设情况的报告');
  const lines = printed.stdout.split('\n');
  for (const node of result.outline) assert.ok(lines[node.line].startsWith(node.name), `${node.name} at line ${node.line}`);

  const dir = join(file, '..');
  writeFileSync(join(dir, 'old.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  const folder = runCli(['check', dir, '--summary']);
  assert.equal(folder.status, 2, 'an unreadable .doc makes the run exit 2');
  assert.match(folder.stdout, /县司法局报告\.docx {2}必备部分 4\/4/);
  assert.match(folder.stderr, /old\.doc 无法作为 Word 97–2003 文档（\.doc）读取/);
});
