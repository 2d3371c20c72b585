// Lines above a portal page's report (issue 23, round 2). A template site's note about its copy on a
// line of its own (小编精心整理了…供大家参考。, 本文由第一范文网用户整理，仅供参考。) is debris: it ends with 。
// but is no line of the body, so the crawler's and the portal's blocks beside it are chrome too. A
// crawler's column name on a line of its own (issue 23, "A crawler's own header is never the title"): `法治政府建设年度报告` or `政府信息公开工作年度报告` beside the crawler's source
// address or the page's breadcrumb is the column's name, not the title — a 政府信息公开 report under a
// 法治政府 column is read as the 政府信息公开 report it is (its six parts, none missing). A title that
// wraps onto such a line (某某县司法局2024年 / 法治政府建设年度报告) stays the writer's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../server/src/core';
import { cleanReports } from './support/portalCorpus';
import { haveSeeds, needsSeeds } from './support/seeds';

const FIXTURES = resolve(__dirname, '..', '..', 'test', 'fixtures');
const XXGK = readFileSync(resolve(FIXTURES, 'portal', 'xxgk-national.txt'), 'utf8').replace(/\r\n/g, '\n');
const missing = (text: string) =>
  analyze(text)
    .findings.filter((f) => f.code === 'missing-part')
    .map((f) => String(f.data?.part))
    .sort();

const HEADERS: [string, string[]][] = [
  [
    'a breadcrumb, the column name, the source address',
    ['首页 > 政务公开 > 法治政府建设', '法治政府建设年度报告', 'http://www.mx.gov.cn/zwgk/t20250120_456.html'],
  ],
  [
    'the column name and the address, then a share line',
    ['法治政府建设年度报告', 'http://www.mx.gov.cn/zwgk/t20250120_456.html', '扫一扫在手机打开当前页'],
  ],
  [
    'the 信息公开 column name under a URL',
    ['http://www.mx.gov.cn/zwgk/t20250120_456.html', '政府信息公开工作年度报告', '分享到：微信 微博'],
  ],
];

describe('a crawler’s column name above the report is not its title', () => {
  for (const [name, header] of HEADERS)
    test(`政府信息公开 report: ${name}`, () => {
      const m = analyze(header.join('\n') + '\n' + XXGK);
      assert.equal(m.header.title?.text, analyze(XXGK).header.title?.text);
      assert.equal(m.profile.id, 'xxgk-annual');
      assert.deepEqual(missing(header.join('\n') + '\n' + XXGK), missing(XXGK));
    });
  test('the seeds under a column name and a source address', { skip: needsSeeds }, () => {
    for (const r of haveSeeds ? cleanReports().filter((c) => c.name.startsWith('seed')) : []) {
      for (const [, header] of HEADERS) {
        const text = header.join('\n') + '\n' + r.text;
        assert.equal(analyze(text).header.title?.text, analyze(r.text).header.title?.text, r.name);
        assert.deepEqual(missing(text), missing(r.text), r.name);
      }
    }
  });
});

describe('the writer’s lines that read like a column name stay', () => {
  test('a title wrapped onto a second line that is a column name', () => {
    const text =
      '某某县司法局2024年\n法治政府建设年度报告\n县委、县政府：\n现将有关情况报告如下：\n一、主要举措和成效\n全年组织学法12次。\n';
    const m = analyze(text);
    assert.deepEqual(
      m.debris.map((d) => d.text),
      [],
    );
  });
  test('a wrapped title under a breadcrumb', () => {
    const text =
      '首页 > 政务公开 > 法治政府建设\n某某县司法局2024年\n法治政府建设年度报告\n县委、县政府：\n现将有关情况报告如下：\n一、主要举措和成效\n全年组织学法12次。\n';
    const m = analyze(text);
    assert.deepEqual(
      m.debris.map((d) => text.split('\n')[d.range.start.line]),
      ['首页 > 政务公开 > 法治政府建设'],
    );
  });
});

describe('a template site’s note on a line of its own', () => {
  const NOTES = ['小编精心整理了这篇法治政府建设工作报告，希望对大家有所帮助，供大家参考。', '本文由第一范文网用户整理，仅供参考。'];
  for (const note of NOTES)
    test(`${note.slice(0, 12)}…: debris, and the crawler's fields after it`, () => {
      const crawl = ['栏目：法治政府建设', '来源网址：http://www.mx.gov.cn/zwgk/t20250120_123.html', '采集时间：2025-03-01 10:00:00'];
      const text = [note, ...crawl, ...XXGK.split('\n')].join('\n');
      const lines = new Set(analyze(text).debris.map((d) => d.range.start.line));
      for (let k = 0; k <= crawl.length; k++) assert.ok(lines.has(k), text.split('\n')[k]);
      assert.equal(analyze(text).header.title?.text, analyze(XXGK).header.title?.text);
    });
  test('a writer’s sentence that starts like one stays', () => {
    const text = '本文由县司法局汇总各单位材料整理形成。\n' + XXGK;
    assert.ok(!analyze(text).debris.some((d) => d.range.start.line === 0));
  });
});
