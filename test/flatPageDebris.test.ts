// Page chrome inside a portal page flattened into one line (issue 23, "Portal pages and crawls"):
// each class of chrome run into the header, between paragraphs and after the 落款 is debris, with or
// without a space where the line breaks were, and the writer's words around it never are (the
// guard's promise: fix-all keeps every one). Each class alone through the core; one page through the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, fixAllCodes, mergeEdits, type TextEdit } from '../server/src/core';
import { applyEdits } from './support/edits';

const TITLE = '某某县司法局2024年法治政府建设年度报告';
const PARTS = [
  '县委、县政府：现将有关情况报告如下：',
  '一、主要举措和成效全年组织学法12次。',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况主要负责人带头学法。',
  '三、存在的不足和原因普法形式单一，主要原因是投入不足。',
  '四、2025年工作安排继续加强普法。',
  '某某县司法局2025年1月20日',
];

const squeeze = (s: string) => s.replace(/\s+/g, '');
function fixAll(text: string): string {
  const m = analyze(text);
  return applyEdits(
    text,
    mergeEdits(m.findings.filter((f) => fixAllCodes.has(f.code) && f.fixes?.length).flatMap((f) => f.fixes![0].edits)) as TextEdit[],
  );
}

/** The page `before` + title + parts (with `inside` after the second part) + `after`, joined by `sep`; asserts `chrome` is debris, every writer piece kept. */
function check(sep: string, before: string[], after: string[], inside: string[] = []) {
  const writer = [TITLE, ...PARTS];
  const pieces = [...before, TITLE, PARTS[0], PARTS[1], ...inside, ...PARTS.slice(2), ...after];
  const text = pieces.join(sep);
  const m = analyze(text);
  const covered = new Uint8Array(text.length);
  for (const d of m.debris) covered.fill(1, d.range.start.character, d.range.end.character);
  let at = 0;
  for (const p of pieces) {
    const hit = covered.slice(at, at + p.length).reduce((a, b) => a + b, 0);
    if (writer.includes(p)) assert.equal(hit, 0, `writer's ${p} made debris`);
    else assert.ok(hit >= p.replace(/\s/g, '').length, `chrome ${p} kept (${hit}/${p.length})`);
    at += p.length + sep.length;
  }
  const fixed = squeeze(fixAll(text));
  for (const w of writer) assert.ok(fixed.includes(squeeze(w)), `fix-all removes ${w}`);
  assert.equal(m.header.title?.text, TITLE);
}

for (const [sep, how] of [
  ['', 'no space'],
  [' ', 'a space'],
] as const) {
  describe(`a flattened page, the line breaks lost with ${how}`, () => {
    test('navigation and column names run together, a portal site name', () =>
      check(sep, ['首页', '政务公开', '政务服务', '互动交流', '某某县人民政府门户网站'], []));
    test('reading tools and share widgets, with their colons', () =>
      check(sep, ['字号：', '大', '中', '小', '分享到：', '微信', '微博', 'QQ空间'], []));
    test("a portal's date line with its body, and its English banner", () =>
      check(sep, ['某某县人民政府 2025年3月4日星期二', '某某县人民政府 The People’s Government of Mou County'.replace('’', "'")], []));
    test("a crawler's path and source address, a template site's intro", () =>
      check(
        sep,
        [
          'D:\\crawl\\gov\\某某\\2024年法治政府建设情况报告.html',
          'http://www.mx.gov.cn/zwgk/t20250120_123.html',
          '本文由第一范文网用户整理，仅供参考。',
        ],
        [],
      ));
    test("a template site's watermark between paragraphs", () => check(sep, [], [], ['第一范文网 www.diyifanwen.com']));
    test('reading tools, share widgets, footer links and an outro after the 落款', () =>
      check(
        sep,
        [],
        [
          '【字体：大 中 小】【打印】【关闭】',
          '分享到：微信 微博 QQ空间',
          '相关链接',
          '网站地图',
          '本文由范文网用户上传整理，转载请注明出处。',
        ],
      ));
  });
}

describe('a flattened page: the writer’s words near the chrome stay', () => {
  test('a body whose name holds a column word, after a breadcrumb', () => {
    const text = `首页 > 政务公开 某某县政务服务中心2024年法治政府建设年度报告${PARTS.join('')}`;
    assert.ok(squeeze(fixAll(text)).includes('某某县政务服务中心2024年法治政府建设年度报告'));
  });
  test('a field’s value run into the title is not cut with its label ([ 主题分类 ]其他某某县2024年…)', () => {
    const text = `[ 索引号 ]11500106MB1A23456X/2025-00012 [ 主题分类 ]其他某某县2024年度法治政府建设工作报告${PARTS.join('')}`;
    assert.ok(squeeze(fixAll(text)).includes('其他某某县2024年度法治政府建设工作报告'));
  });
  test('what follows the 落款 and is no chrome stays: （此件公开发布）', () => {
    const text = `${TITLE}${PARTS.join('')}（此件公开发布）`;
    assert.deepEqual(
      analyze(text).debris.map((d) => d.text),
      [],
    );
  });
});

test('cli: check --format json lists the chrome of a flattened page as debris, the report read through it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-flat-'));
  const page = ['首页政务公开政务服务', '分享到：微信微博QQ空间', TITLE, ...PARTS, '【打印】【关闭】网站地图联系我们'].join('');
  writeFileSync(join(dir, 'page.txt'), page + '\n');
  const r = spawnSync(process.execPath, [resolve(__dirname, '..', '..', 'dist', 'cli.js'), 'check', dir, '--format', 'json'], {
    encoding: 'utf8',
  });
  const [file] = JSON.parse(r.stdout);
  const debris = file.diagnostics.filter((d: { code: string }) => d.code === 'debris');
  const texts = debris.map((d: { range: { start: { character: number }; end: { character: number } } }) =>
    page.slice(d.range.start.character, d.range.end.character),
  );
  assert.deepEqual(texts, ['首页政务公开政务服务分享到：微信微博QQ空间', '【打印】【关闭】网站地图联系我们']);
  assert.equal(file.title, TITLE);
});
