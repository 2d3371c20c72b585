// A web page's article is every section of it: a Word "Save as Web Page" file with a section break
// (WordSection1, WordSection2) and parts in sibling <div>s read whole; prose left outside the article is
// counted in a note (CLI stderr, the server's answer); a page declaring the wrong charset is read as
// what its bytes are, with a note; pasted tracked changes read as accepted (deletions out).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { analyze } from '../server/src/core';
import { readSource } from '../server/src/intake';
import { fragmentText } from '../server/src/intake/html';
import { GBT_REPORT_LINES } from './support/gbtReport';
import { startServer } from './support/lspClient';
import { missingCodes } from './support/render';
import { haveSeeds, seed } from './support/seeds';
import { wordWebPage } from './support/wordHtml';
import { runCli } from './support/cli';

const words = (s: string) => s.replace(/\s+/g, '');
const utf8 = (s: string) => new TextEncoder().encode(s);

function tmpFile(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'govreport-html-')), name);
  writeFileSync(path, bytes);
  return path;
}

test('html: a Word web page with section breaks reads every section (was: everything after the first break lost)', async () => {
  // Section breaks before part 二 and before part 四: the first section is not the longest.
  const lines = GBT_REPORT_LINES;
  const page = wordWebPage(lines, [
    lines.indexOf('二、党政主要负责人履行推进法治建设第一责任人职责情况'),
    lines.indexOf('四、2025年推进法治政府建设的主要安排'),
  ]);
  const { text, notes } = await readSource('report.htm', utf8(page));
  assert.equal(text, lines.join('\n'));
  assert.deepEqual(notes, []);
  const m = analyze(text);
  assert.equal(m.header.title?.text, '关于2024年法治政府建设情况的报告');
  assert.deepEqual(missingCodes(m), []);
});

test(
  'html: the seeds as Word web pages in three sections keep every word',
  { skip: haveSeeds ? undefined : 'no ../shared/seeds' },
  async () => {
    for (let n = 0; n < 5; n++) {
      const lines = seed(n).split('\n');
      const third = Math.floor(lines.length / 3);
      const { text } = await readSource(`seed${n}.htm`, utf8(wordWebPage(lines, [third, 2 * third])));
      assert.equal(words(text), words(lines.join('')), `seed ${n}`);
    }
  },
);

test('html: parts in sibling <div>s are all the article; prose outside it is counted in a note', async () => {
  const part = (lines: string[]) => `<div class="part">${lines.map((l) => `<p>${l}</p>`).join('')}</div>`;
  const body = [
    part(GBT_REPORT_LINES.slice(0, 8)), // the longest: density picks it
    part(GBT_REPORT_LINES.slice(8, 10)),
    part(GBT_REPORT_LINES.slice(10, 12)),
    part(GBT_REPORT_LINES.slice(12)),
  ];
  const aside = '<div class="notice"><p>温馨提示：本站部分内容转载自其他网站，如有侵权，请联系我们删除，谢谢合作。</p></div>';
  const page = `<html><head><meta charset="utf-8"><title>报告</title></head><body><div class="content">${body.join('')}</div>${aside}</body></html>`;
  const { text, notes } = await readSource('parts.html', utf8(page));
  assert.equal(text, GBT_REPORT_LINES.join('\n'));
  assert.equal(notes.length, 1);
  assert.equal(notes[0].key, 'htmlLeftOut');
  assert.equal(notes[0].args.chars, String(words('温馨提示：本站部分内容转载自其他网站，如有侵权，请联系我们删除，谢谢合作。').length));
  assert.match(notes[0].localized('zh-cn'), /正文以外还有 37 字的段落未读入（1 处，如“温馨提示/);
  assert.match(notes[0].localized('en'), /37 characters of paragraphs on the page were not read/);

  // The CLI says so on stderr and prints the text, exit 0.
  const file = tmpFile('parts.html', page);
  const r = runCli(['text', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, GBT_REPORT_LINES.join('\n') + '\n');
  assert.match(r.stderr, /parts\.html: 网页中正文以外还有 37 字的段落未读入/);
  const c = runCli(['check', file, '--format', 'json']);
  assert.match(c.stderr, /正文以外还有 37 字/);

  // The server sends the note with the text, in the editor's language.
  const server = await startServer({ locale: 'en' });
  try {
    const answer = await server.request<{ text: string; notes?: string[] }>('govreport/sourceText', {
      uri: 'file:///parts.html',
      data: Buffer.from(page).toString('base64'),
    });
    assert.equal(answer.text, GBT_REPORT_LINES.join('\n'));
    assert.deepEqual(answer.notes?.length, 1);
    assert.match(answer.notes![0], /37 characters of paragraphs/);
  } finally {
    await server.stop();
  }
});

test('html: a page declaring GB2312 over UTF-8 bytes reads right, with a note (was mojibake, exit 0)', async () => {
  const page = wordWebPage(GBT_REPORT_LINES, [], 'gb2312');
  const { text, notes } = await readSource('mixed.htm', utf8(page));
  assert.equal(text, GBT_REPORT_LINES.join('\n'));
  assert.deepEqual(
    notes.map((n) => n.key),
    ['charsetMismatch'],
  );
  assert.match(notes[0].localized('zh-cn'), /声明的编码是 gb2312，但内容是 UTF-8/);
  // The right declaration: no note.
  assert.deepEqual((await readSource('gbk.htm', iconv.encode(page, 'gb18030'))).notes, []);
  // Bytes that are neither: counted.
  const broken = Buffer.concat([
    Buffer.from('<html><head><meta charset="utf-8"></head><body><p>全年办理'),
    Buffer.from([0xff, 0xfe, 0x80]),
    Buffer.from('件。</p></body></html>'),
  ]);
  const r = await readSource('broken.html', broken);
  assert.ok(
    r.notes.some((n) => n.key === 'charsetMismatch' || n.key === 'undecodable'),
    r.notes.map((n) => n.message).join(),
  );
});

test('paste: tracked changes read as accepted — <del> and Word msoDel spans out, <ins> in; comments out', () => {
  assert.equal(fragmentText('<p>全年办理<del>10</del><ins>12</ins>件。</p>'), '全年办理12件。');
  const word = [
    "<p class=MsoNormal>全年办理<span class=msoDel><del cite='mailto:审核' datetime='2025-01-20T10:00'>10</del></span>",
    "<span class=msoIns><ins cite='mailto:审核' datetime='2025-01-20T10:00'>12</ins></span>件<a class=msocomanchor id='_anchor_1' href='#_msocom_1'>[审1]</a>。</p>",
    "<div style='mso-element:comment-list'><hr class=msocomoff align=left size=1 width='33%'>",
    "<div style='mso-element:comment'><div id='_com_1' class=msocomtxt><p class=MsoCommentText>数字请核实</p></div></div></div>",
  ].join('');
  assert.equal(fragmentText(word), '全年办理12件。');
  // Deleted text never returns, however it is wrapped.
  assert.equal(fragmentText('<p>一、<span class="msoDel">旧标题</span>主要举措和成效</p>'), '一、主要举措和成效');
});
