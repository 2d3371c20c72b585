/**
 * The writer's words survive intake and fix-all (issue 21's done-when): a report rendered as the web
 * pages it arrives in — bare paragraphs, Word's "Save as Web Page" with section breaks, a portal page
 * whose article sits among navigation, a metadata table, share widgets and a footer, the article's
 * parts in sibling blocks — reads back with every line of the writer's, in order; and the editor's
 * Fix All (`safeFixEdits`) on that text removes none of them (words in = words out, chrome aside).
 * Whitespace is not a word: lines are compared with spaces removed (HTML collapses them).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, safeFixEdits } from '../server/src/core';
import { readSource } from '../server/src/intake';
import { applyEdits } from './support/edits';
import { writerLine } from './support/reportArb';
import { wordWebPage } from './support/wordHtml';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** What intake must keep: the line, whitespace aside (HTML collapses it). */
const asRead = (line: string) => line.replace(/[\s\u3000]+/g, '');
/** What Fix All must keep: the words — letters and digits, the heading's ordinal and punctuation aside (fixes rewrite those). */
const LEADING_ORDINAL =
  /^[\s\u3000]*(?:[（(][\s\u3000]*(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})[\s\u3000]*[）)]|(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})[\s\u3000]*[、，,.．])/u;
const asWords = (line: string) => line.replace(LEADING_ORDINAL, '').replace(/[^\p{L}\p{N}]+/gu, '');

const report = fc
  .tuple(fc.integer({ min: 2019, max: 2026 }), fc.array(writerLine, { minLength: 3, maxLength: 25 }))
  .map(([y, body]) => ['某某区司法局', `关于${y}年法治政府建设情况的报告`, '区委、区政府：', ...body, '某某区司法局', `${y + 1}年1月20日`]);

/** The lines as bare paragraphs. */
const bare = (lines: readonly string[]) => `<html><body>${lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}</body></html>`;

/** The lines as a government portal shows them: chrome all around, the article's parts in sibling divs. */
function portal(lines: readonly string[], splitAt: number): string {
  const para = (l: string) => `<p style="text-indent:2em">${escape(l)}</p>`;
  return [
    '<html><head><meta charset="utf-8"><title>某某区人民政府</title></head><body>',
    '<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">政民互动</a></div>',
    '<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt; 法治政府建设</div>',
    '<table class="meta"><tr><td>索引号：</td><td>11500106MB1234567X/2025-00012</td><td>发布机构：</td><td>某某区司法局</td></tr>',
    '<tr><td>发布日期：</td><td>2025-03-20</td><td>主题分类：</td><td>法治政府</td></tr></table>',
    '<div class="tools">字体：<a>大</a> <a>中</a> <a>小</a> 语音播报 打印本页 关闭窗口</div>',
    `<div class="article">${lines.slice(0, splitAt).map(para).join('')}</div>`,
    `<div class="article">${lines.slice(splitAt).map(para).join('')}</div>`,
    '<div class="share">分享到：<a>微信</a> <a>微博</a> 扫一扫在手机打开当前页</div>',
    '<div class="footer">主办单位：某某区人民政府办公室 网站标识码：5001060001 渝ICP备12345678号 返回顶部</div>',
    '</body></html>',
  ].join('\n');
}

/** The writer lines that do not stand, whole, as a line of `text` (in order), compared as `key` says. */
function missing(lines: readonly string[], text: string, key: (line: string) => string = asRead): string[] {
  const out = text.split(/\r?\n/).map(key);
  const lost: string[] = [];
  let at = 0;
  for (const l of lines) {
    const w = key(l);
    if (!w) continue;
    const k = out.indexOf(w, at);
    if (k < 0) lost.push(l);
    else at = k + 1;
  }
  return lost;
}

const shapes = {
  bare: (lines: readonly string[]) => bare(lines),
  'Word Save as Web Page, a section break': (lines: readonly string[]) => wordWebPage(lines, [Math.floor(lines.length / 2)]),
  'a portal page, parts in sibling blocks': (lines: readonly string[]) => portal(lines, Math.floor(lines.length / 2)),
};

for (const [name, render] of Object.entries(shapes)) {
  test(`HTML intake keeps every line of the writer's, and Fix All removes none: ${name}`, async () => {
    await fc.assert(
      fc.asyncProperty(report, async (lines) => {
        const { text } = await readSource('report.html', new TextEncoder().encode(render(lines)));
        assert.deepEqual(missing(lines, text), [], `read:\n${text}`);
        const fixed = applyEdits(text, safeFixEdits(analyze(text).findings));
        assert.deepEqual(missing(lines, fixed, asWords), [], `after Fix All:\n${fixed}`);
      }),
      { numRuns: 40 },
    );
  });
}

test('a paragraph in one span does not outweigh its section (Word writes <p><span>…</span></p>; found by the property: only that paragraph was read)', async () => {
  const lines = [
    '某某区司法局',
    '关于2019年法治政府建设情况的报告',
    '区委、区政府：',
    '全年共办理行政复议案件0件，同比增长0.0%。',
    '一、工作开展情况',
    '（一）、特色亮点。一是健全机制，落实责任。二是加强考核。',
    '某某区司法局',
    '2020年1月20日',
  ];
  const { text, notes } = await readSource('report.html', new TextEncoder().encode(wordWebPage(lines, [4])));
  assert.deepEqual(missing(lines, text), [], text);
  assert.deepEqual(notes, []);
});

test('a short report beside a metadata table is the article, not the table’s codes (found by the property, seed -156602489: only the 索引号 rows were read, no note)', async () => {
  const lines = [
    '某某区司法局',
    '关于2019年法治政府建设情况的报告',
    '区委、区政府：',
    '）》”多余的右括号',
    '|---|---|---|',
    '（一）存在的问题',
    '某某区司法局',
    '2020年1月20日',
  ];
  const { text } = await readSource('report.html', new TextEncoder().encode(portal(lines, 4)));
  assert.deepEqual(missing(lines, text), [], text);
  assert.doesNotMatch(text, /索引号/);
});

test('the check can fail: a line the reader dropped is reported', () => {
  assert.deepEqual(missing(['一、主要举措', '全年办理12件。'], '一、主要举措\n'), ['全年办理12件。']);
  assert.deepEqual(missing(['  一、主要 举措'], '一、主要举措'), []);
  assert.deepEqual(missing(['一.主要举措'], '一、主要举措', asWords), [], 'an ordinal rewritten is no word lost');
  assert.deepEqual(missing(['一.主要举措'], '一、主要', asWords), ['一.主要举措']);
});
