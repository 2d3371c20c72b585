// The 公文 frame: issuing bodies, title (wrapped or not), addressee, lead, signature, year.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../server/src/core';
import { dedent } from './support/render';

test('header: bodies on their own lines are not the title; addressee and lead are found', () => {
  const m = analyze(
    dedent(`
    中共某县某镇委员会
    某县某镇人民政府
    关于2024年法治政府建设情况的报告

    县委、县政府：
    2024年，某镇扎实推进法治政府建设。现将有关情况报告如下：
    一、主要举措和成效
  `),
  );
  assert.deepEqual(
    m.header.bodies.map((b) => b.text),
    ['中共某县某镇委员会', '某县某镇人民政府'],
  );
  assert.equal(m.header.title?.text, '关于2024年法治政府建设情况的报告');
  assert.deepEqual(m.header.title?.lines, [2]);
  assert.equal(m.header.addressee?.text, '县委、县政府：');
  assert.match(m.header.lead!.text, /^2024年，某镇/);
  assert.equal(m.year, 2024);
});

test('header: a title wrapped onto a second line is joined, without the body line above', () => {
  const m = analyze(
    dedent(`
    某县人民政府
    某县人民政府关于2023年度法治政府
    建设情况的报告
    一、主要举措和成效
  `),
  );
  assert.equal(m.header.title?.text, '某县人民政府关于2023年度法治政府建设情况的报告');
  assert.deepEqual(m.header.title?.lines, [1, 2]);
  assert.deepEqual(m.header.title?.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 7 } });
  assert.deepEqual(
    m.header.bodies.map((b) => b.text),
    ['某县人民政府'],
  );
  assert.equal(m.year, 2023);
});

test('header: several bodies on one line', () => {
  const m = analyze('中共旺草镇党委 旺草镇人民政府\n2024年法治政府建设工作情况报告\n一、工作开展情况\n');
  assert.deepEqual(
    m.header.bodies.map((b) => b.text),
    ['中共旺草镇党委 旺草镇人民政府'],
  );
  assert.equal(m.header.title?.text, '2024年法治政府建设工作情况报告');
});

test('signature: bodies and 成文日期 at the end are read, and are not part of the last section', () => {
  const m = analyze(
    dedent(`
    关于2023年法治政府建设情况的报告
    一、下一步打算
    继续努力。


    某区某镇委员会
                  某区某镇人民政府
    2024年1月30日
  `),
  );
  assert.deepEqual(
    m.signature?.bodies.map((b) => b.text),
    ['某区某镇委员会', '某区某镇人民政府'],
  );
  assert.deepEqual(m.signature?.date && [m.signature.date.year, m.signature.date.month, m.signature.date.day], [2024, 1, 30]);
  assert.equal(m.outline[0].range.end.line, 2);
});

test('header: no title in a body-only draft; the year falls back to the lead', () => {
  const m = analyze('2023年，我镇推进法治建设。\n一、主要举措和成效\n');
  assert.equal(m.header.title, undefined);
  assert.equal(m.year, 2023);
});

test('signature: a 成文日期 in Chinese numerals is a date', () => {
  const m = analyze(
    dedent(`
    某镇2023年法治政府建设工作报告
    一、主要举措和成效
    内容。

    某镇人民政府
    二〇二四年一月二十六日
  `),
  );
  assert.deepEqual(
    m.signature?.bodies.map((b) => b.text),
    ['某镇人民政府'],
  );
  assert.deepEqual(m.signature?.date && [m.signature.date.year, m.signature.date.month, m.signature.date.day], [2024, 1, 26]);
  assert.ok(!m.findings.some((f) => f.code === 'missing-signature'));
});

test('signature: 附注 and 版记 below the date do not hide the signature', () => {
  const m = analyze(
    dedent(`
    某县人民政府文件
    某府文〔2024〕12号
    某县人民政府关于2023年度法治政府建设情况的报告
    一、主要举措和成效
    内容。

    某县人民政府
    2024年2月18日
    （此件公开发布）

    抄送：市委依法治市办，市司法局。
    某县人民政府办公室          2024年2月18日印发
  `),
  );
  assert.deepEqual(
    m.header.bodies.map((b) => b.text),
    ['某县人民政府文件'],
  );
  assert.equal(m.header.title?.text, '某县人民政府关于2023年度法治政府建设情况的报告');
  assert.deepEqual(
    m.signature?.bodies.map((b) => b.text),
    ['某县人民政府'],
  );
  assert.equal(m.signature?.date?.text, '2024年2月18日');
  assert.equal(m.signature?.line, 6);
});

test('signature: a last paragraph in brackets is not taken for a date', () => {
  const m = analyze(
    dedent(`
    某镇2023年法治政府建设工作报告
    一、主要举措和成效
    内容。
    （以上数据截至2023年12月31日）
  `),
  );
  assert.equal(m.signature, null);
});

test('signature: read before the attachments that follow the 落款', () => {
  const m = analyze(
    dedent(`
    某区2023年法治政府建设情况报告
    一、主要举措和成效
    内容。

    某区人民政府
    2024年2月8日

    附件1
    主要指标
    1.行政复议案件\t156件
  `),
  );
  assert.deepEqual(
    m.signature?.bodies.map((b) => b.text),
    ['某区人民政府'],
  );
  assert.equal(m.signature?.date?.text, '2024年2月8日');
  assert.equal(m.outline[0].range.end.line, 2);
});

test('header: a year in Chinese numerals in the title is the report year', () => {
  const m = analyze('某区二〇二三年度法治政府建设情况报告\n一、主要举措和成效\n内容。\n');
  assert.equal(m.year, 2023);
});

test('header: a short lead ending in ： is not the addressee; a centred title is found', () => {
  const m = analyze('　　　　某区2023年法治政府建设情况报告\n现将有关情况报告如下：\n一、主要举措和成效\n内容。\n');
  assert.equal(m.header.title?.text, '某区2023年法治政府建设情况报告');
  assert.equal(m.header.addressee, undefined);
  assert.equal(m.header.lead?.text, '现将有关情况报告如下：');
});

test('header: without a year in the title or lead, the 成文日期 tells the report year', () => {
  const text = (date: string) =>
    `关于法治政府建设情况的报告\n今年以来，我镇扎实推进法治政府建设。\n一、主要举措和成效\n内容。\n二、2024年重点工作\n内容。\n\n某镇人民政府\n${date}\n`;
  const m = analyze(text('2024年1月20日'));
  assert.equal(m.year, 2023);
  assert.deepEqual(
    m.outline.map((n) => n.parts.join('+')),
    ['measures', 'next-year'],
  );
  assert.equal(analyze(text('2023年12月20日')).year, 2023);
});

test('header and signature: full-width digits in the title year and the 成文日期', () => {
  const m = analyze('某区２０２３年法治政府建设情况报告\n一、主要举措和成效\n内容。\n\n某区人民政府\n２０２４年１月３０日\n');
  assert.equal(m.year, 2023);
  assert.deepEqual(m.signature?.date && [m.signature.date.year, m.signature.date.month, m.signature.date.day], [2024, 1, 30]);
});

test('without headings the 落款 is not part of the lead: the report year is the one the date reports on', () => {
  const m = analyze('现将情况报告如下：\n某某区人民政府\n2020年1月1日');
  assert.equal(m.header.lead?.text, '现将情况报告如下：');
  assert.equal(m.signature?.date?.text, '2020年1月1日');
  assert.equal(m.year, 2019);
  // The missing-part fix then writes the same year a later analysis reads (found by the property test).
  assert.equal(analyze('某某区人民政府\n2019年1月1日').year, 2018);
});
