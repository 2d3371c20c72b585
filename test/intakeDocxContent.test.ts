// What a .docx holds besides plain paragraphs, read or refused, never dropped in silence: 拼音指南's base
// text, embedded chunks (altChunk), the frame (text boxes, headers, footers) apart from the body, the
// comments listed (govreport text --comments) and never in the text, tracked changes as accepted, a
// part in another encoding; hostile numbering capped (labels, a quadratic lookup); an encrypted file.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { readSource, SourceError } from '../server/src/intake';
import { readDocx } from '../server/src/intake/docx';
import { DOCX_REPORT_TEXT } from './support/docxReport';
import { patchDocx, relationship, withRelationships, wp, wr } from './support/docxPatch';
import { startServer } from './support/lspClient';
import { reviewedDocx } from './support/reviewedDocx';
import { runCli } from './support/cli';

function tmpFile(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'govreport-docx-')), name);
  writeFileSync(path, bytes);
  return path;
}

const simple = (lines: string[]) => Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));
/** Puts `xml` (block-level content) in place of the paragraph holding `marker`. */
const replacing = (marker: string, xml: string) => (doc: string) => doc.replace(new RegExp(`<w:p>(?:(?!<w:p>).)*?${marker}.*?</w:p>`), xml);

test('docx: 拼音指南 (w:ruby) reads as its base text, without the guide (was: the words dropped)', async () => {
  const ruby = `<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="16"/><w:hpsRaise w:val="30"/><w:hpsBaseText w:val="32"/><w:lid w:val="zh-CN"/></w:rubyPr><w:rt><w:r><w:t>yōng xī</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>雍溪</w:t></w:r></w:rubyBase></w:ruby></w:r>`;
  const docx = patchDocx(await simple(['标记']), { document: replacing('标记', wp(wr('全年在') + ruby + wr('镇开展普法活动12场。'))) });
  assert.equal((await readSource('ruby.docx', docx)).text, '全年在雍溪镇开展普法活动12场。');
});

test('docx: altChunk content is read where it stands (HTML, text, a .docx); RTF is refused with a message (was: only the title read, exit 0)', async () => {
  const html =
    '<html><head><meta charset="gb2312"></head><body><p>一、主要举措和成效</p><p>全年办理行政复议案件<b>9</b>件。</p></body></html>';
  const inner = await simple(['二、存在的不足和原因', '普法形式单一。']);
  const chunk = (id: string) => `<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"/>`;
  const docx = patchDocx(await simple(['关于2024年法治政府建设情况的报告', 'A', 'B', 'C', '某镇人民政府']), {
    document: (d) => replacing('>C<', chunk('rC'))(replacing('>B<', chunk('rB'))(replacing('>A<', chunk('rA'))(d))),
    rels: withRelationships(
      relationship('rA', 'aFChunk', 'part1.htm'),
      relationship('rB', 'aFChunk', 'part2.docx'),
      relationship('rC', 'aFChunk', 'part3.txt'),
    ),
    add: {
      'word/part1.htm': iconv.encode(html, 'gb2312'),
      'word/part2.docx': inner,
      'word/part3.txt': '三、2025年工作安排\r\n持续深化法治宣传。',
    },
  });
  assert.equal(
    (await readSource('chunks.docx', docx)).text,
    [
      '关于2024年法治政府建设情况的报告',
      '一、主要举措和成效',
      '全年办理行政复议案件9件。',
      '二、存在的不足和原因',
      '普法形式单一。',
      '三、2025年工作安排',
      '持续深化法治宣传。',
      '某镇人民政府',
    ].join('\n'),
  );
  const rtf = patchDocx(await simple(['标题', 'A']), {
    document: replacing('>A<', chunk('rA')),
    rels: withRelationships(relationship('rA', 'aFChunk', 'part1.rtf')),
    add: { 'word/part1.rtf': '{\\rtf1 全年办理9件。}' },
  });
  await assert.rejects(
    readSource('rtf.docx', rtf),
    (e: SourceError) => e instanceof SourceError && e.key === 'altChunk' && /RTF/.test(e.message),
  );
  const r = runCli(['text', tmpFile('rtf.docx', rtf)]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /嵌入了 RTF 格式的内容（altChunk），无法读取/);
});

test('docx from a reviewer: tracked changes accepted, comments listed with author, date and anchor but never in the text; 红头 text box and headers in the frame', async () => {
  const docx = await reviewedDocx();
  const read = await readSource('reviewed.docx', docx);
  assert.equal(read.text, DOCX_REPORT_TEXT);
  assert.doesNotMatch(read.text, /批注|请补充|68|某司发|— 1 —/);
  assert.deepEqual(read.frame, ['某县司法局文件', '某司发〔2025〕3号', '某县司法局文件', '— 1 —']);
  assert.deepEqual(
    read.comments?.map((c) => [c.author, c.date.slice(0, 10), c.anchor, c.text]),
    [
      ['审稿人', '2025-01-21', '全年办理行政执法案件86件。', '批注：请核对数字。'],
      ['区司法局', '2025-01-22', '主要原因是投入不够。', '缺少原因分析。\n请补充。'],
    ],
  );
  const file = tmpFile('reviewed.docx', docx);
  const c = runCli(['text', file, '--comments']);
  assert.equal(c.status, 0, c.stderr);
  assert.equal(
    c.stdout,
    [
      '[1] 审稿人 2025-01-21 09:30',
      '  原文 (on)：「全年办理行政执法案件86件。」',
      '  批注 (comment)：批注：请核对数字。',
      '',
      '[2] 区司法局 2025-01-22 10:00',
      '  原文 (on)：「主要原因是投入不够。」',
      '  批注 (comment)：缺少原因分析。',
      '    请补充。',
      '',
    ].join('\n'),
  );
  const f = runCli(['text', file, '--frame']);
  assert.equal(f.stdout, '某县司法局文件\n某司发〔2025〕3号\n某县司法局文件\n— 1 —\n');
  const t = runCli(['text', file]);
  assert.equal(t.stdout, DOCX_REPORT_TEXT + '\n');
  const none = runCli(['text', tmpFile('plain.docx', await simple(['标题'])), '--comments']);
  assert.equal(none.status, 0);
  assert.match(none.stderr, /没有批注/);
});

test('docx: hidden text (w:vanish) stays out of the text and is said in a note, through the CLI too (was: dropped in silence)', async () => {
  const hidden = (t: string) => `<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
  const docx = patchDocx(await simple(['标记']), {
    document: replacing('标记', wp(wr('全年办理行政复议案件9件') + hidden('（含撤回 2 件，待核实）') + wr('。'))),
  });
  const read = await readSource('hidden.docx', docx);
  assert.equal(read.text, '全年办理行政复议案件9件。');
  assert.deepEqual(
    read.notes.map((n) => [n.key, n.localized('zh-cn')]),
    [
      [
        'hiddenText',
        'hidden.docx 中有 11 字设为隐藏文字，未读入（如“（含撤回2件，待核实）”）；若其中有报告内容，请在 Word 或 WPS 中取消隐藏后再检查',
      ],
    ],
  );
  const r = runCli(['text', tmpFile('hidden.docx', docx)]);
  assert.equal(r.stdout, '全年办理行政复议案件9件。\n');
  assert.match(r.stderr, /11 字设为隐藏文字/);
  assert.deepEqual((await readSource('plain.docx', await simple(['全年办理行政复议案件9件。']))).notes, []);
});

test('docx: a part in GB2312 reads right; bytes invalid in UTF-8 are counted in a note (was mojibake, exit 0)', async () => {
  const base = await simple(['全年办理行政复议案件9件。']);
  const gb = patchDocx(base, {});
  const { unzipSync, strFromU8 } = await import('fflate');
  const files = unzipSync(gb);
  const xml = strFromU8(files['word/document.xml']).replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="GB2312" standalone="yes"?>');
  files['word/document.xml'] = new Uint8Array(iconv.encode(xml, 'gb2312'));
  const read = await readSource('gb.docx', zipSync(files));
  assert.equal(read.text, '全年办理行政复议案件9件。');
  assert.deepEqual(read.notes, []);
  // Declared UTF-8 (by default), written in GBK: said, not silent.
  files['word/document.xml'] = new Uint8Array(iconv.encode(xml.replace('encoding="GB2312"', 'encoding="UTF-8"'), 'gb2312'));
  const bad = await readSource('bad.docx', zipSync(files));
  assert.deepEqual(
    bad.notes.map((n) => n.key),
    ['undecodable'],
  );
  assert.match(bad.notes[0].localized('zh-cn'), /处字节不是有效的 XML 编码/);
});

test('docx: a list starting at 2,000,000,000 in lowerLetter gives short labels; 10,000 numbering definitions read without a search per paragraph', async () => {
  const numbering = (abstracts: number) =>
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${Array.from(
      { length: abstracts },
      (_, i) =>
        `<w:abstractNum w:abstractNumId="${i}"><w:lvl w:ilvl="0"><w:start w:val="2000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1%1%1%1%1%1%1%1%1%1%1%1."/></w:lvl></w:abstractNum>`,
    ).join(
      '',
    )}${Array.from({ length: abstracts }, (_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i}"/></w:num>`).join('')}</w:numbering>`;
  const numbered = (n: number, numId: number) =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${wr(`第${n}项`)}</w:p>`;
  const base = await simple(['标记']);
  const build = (abstracts: number, paragraphs: number) =>
    patchDocx(base, {
      document: replacing('标记', Array.from({ length: paragraphs }, (_, i) => numbered(i, abstracts - (i % abstracts))).join('')),
      rels: withRelationships(relationship('rNum', 'numbering', 'numbering.xml')),
      types: (t) =>
        t.replace(
          '</Types>',
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
        ),
      add: { 'word/numbering.xml': numbering(abstracts) },
    });
  const small = build(1, 5);
  const text = readDocx(small).text;
  assert.ok(text.length < 1000, `${text.length} characters`);
  assert.equal(text.split('\n')[0], '2000000000200000000020000000002000000000200000000020000000002000 第0项');
  // 10,000 definitions, a paragraph in each (80,000 took 154 s: each paragraph searched every definition); the parse dominates now.
  const t0 = process.hrtime.bigint();
  const many = readDocx(build(10_000, 10_000));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  assert.equal(many.text.split('\n').length, 10_000);
  assert.ok(seconds < 60, `${seconds} s`);
});

test('docx: an encrypted Office file gets its own message, not the old .doc one', async () => {
  // An OLE compound file holding an EncryptedPackage stream: how Word saves a .docx with a password.
  const ole = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from('EncryptionInfo', 'utf16le'),
    Buffer.alloc(50),
    Buffer.from('EncryptedPackage', 'utf16le'),
    Buffer.alloc(512),
  ]);
  await assert.rejects(
    readSource('secret.docx', ole),
    (e: SourceError) => e instanceof SourceError && e.key === 'encrypted' && /设有打开密码/.test(e.localized('zh-cn')),
  );
  const server = await startServer({ locale: 'en' });
  try {
    await assert.rejects(
      server.request('govreport/sourceText', { uri: 'file:///secret.docx', data: ole.toString('base64') }),
      (e: { code: number; message: string }) => e.code === 1 && /password-protected/.test(e.message),
    );
  } finally {
    await server.stop();
  }
});
