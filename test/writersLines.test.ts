// The writer's words survive every way debris is found (issue 21, items 1–4): a run-on header is
// not chrome because a word in it looks like a portal's, a tail word inside a sentence ends no page,
// metadata is debris only in a portal's metadata block outside the body, and a label written twice
// is no running header. Each case is checked on the model, after source.fixAll and in export.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, fixAllCodes, mergeEdits, type TextEdit } from '../server/src/core';
import { blockText, reportBlocks } from '../server/src/export/blocks';
import { applyEdits } from './support/edits';

const TITLE = '关于2024年法治政府建设情况的报告';
const doc = (...body: string[]) =>
  [
    TITLE,
    '县委、县政府：',
    '2024年，我县扎实推进法治政府建设。现将有关情况报告如下：',
    '一、工作开展情况',
    '全年办理案件3件。',
    ...body,
    '继续推进依法行政。',
    '二、存在的不足和原因',
    '基层力量不足，主要原因是编制紧张。',
    '某某县司法局',
    '2025年1月20日',
    '',
  ].join('\n');

/** The text after source.fixAll: every fixable rule's first fix, merged, as the editor applies it. */
function sourceFixAll(text: string): string {
  const m = analyze(text);
  return applyEdits(
    text,
    mergeEdits(m.findings.filter((f) => fixAllCodes.has(f.code) && f.fixes?.length).flatMap((f) => f.fixes![0].edits)) as TextEdit[],
  );
}
/** The text export writes (every block's text, joined). */
const exported = (text: string) => reportBlocks(text, analyze(text)).map(blockText).join('\n');
const squeeze = (s: string) => s.replace(/\s+/g, '');
const debrisOf = (text: string) => analyze(text).debris.map((d) => d.text);

/** `words` are the writer's: nothing of them is debris, and fix-all and export keep them. */
function keeps(text: string, ...words: string[]): void {
  const m = analyze(text);
  for (const w of words) {
    for (const d of m.debris) assert.ok(!w.includes(d.text.trim()) && !d.text.includes(w), `debris ${JSON.stringify(d.text)} takes ${w}`);
    assert.ok(squeeze(sourceFixAll(text)).includes(squeeze(w)), `fix-all removes ${w}`);
    assert.ok(squeeze(exported(text)).includes(squeeze(w)), `export drops ${w}`);
  }
}

describe('item 1: the header of a run-on page is chrome only where chrome is recognised', () => {
  const body =
    '县委：现将有关情况报告如下：一、主要举措和成效。全年办理案件3件。二、存在的不足和原因。基层力量不足。三、2025年工作安排。继续推进依法行政。';
  const headers: [string, string[]][] = [
    ['某某县人民政府 某府发[2025]3号 ', ['某某县人民政府', '某府发[2025]3号']],
    ['某某县人民政府 某府发【2025】3号 ', ['某某县人民政府', '某府发【2025】3号']],
    ['某某县人民政府新闻发布办公室 ', ['某某县人民政府新闻发布办公室']],
    ['中共某某县委员会 某某县人民政府 某委发〔2025〕3号', ['中共某某县委员会', '某某县人民政府', '某委发〔2025〕3号']],
    ['某某县信息来源管理中心 ', ['某某县信息来源管理中心']],
    ['某某县不动产登记中心（首页服务站） ', ['某某县不动产登记中心（首页服务站）']],
    ['某某县人民政府 索引号管理办公室 ', ['索引号管理办公室']],
  ];
  for (const [header, words] of headers) {
    test(`kept: ${header.trim()}`, () => {
      const text = `${header}${TITLE} ${body}`;
      const m = analyze(text);
      assert.equal(m.header.title?.text, TITLE);
      assert.deepEqual(
        m.outline.map((n) => n.name.slice(0, 2)),
        ['一、', '二、', '三、'],
      );
      keeps(text, ...words);
    });
  }
  test('the portal chrome around the same header is still debris, the header is not', () => {
    const text = `您当前的位置：首页 > 政务公开 > 法治政府建设 [ 索引号 ]11500106MB1A23456X/2025-00012 [ 发布机构 ]某某县司法局 某某县人民政府 某府发[2025]3号 ${TITLE} ${body}`;
    const debris = debrisOf(text).join('|');
    assert.ok(debris.includes('您当前的位置'), debris);
    assert.ok(debris.includes('索引号'), debris);
    keeps(text, '某某县人民政府', '某府发[2025]3号', TITLE);
  });
  test('an empty metadata field run into the issuing body takes none of it ([ 有效性 ]中共旺草镇党委: was 中 taken)', () => {
    const text = `首页 > 政务公开 > 法治政府建设[ 索引号 ]11500106MB1A23456X/2025-00011 [ 发文字号 ] [ 发布机构 ]某某县人民政府 [ 主题分类 ]其他 [ 成文日期 ]2025-01-20 [ 有效性 ]中共旺草镇党委 旺草镇人民政府${TITLE} ${body}`;
    const debris = debrisOf(text).join('|');
    assert.ok(debris.includes('有效性') && debris.includes('索引号'), debris);
    keeps(text, '中共旺草镇党委', '旺草镇人民政府');
  });
  test('the time after a date field’s value goes with it (发布时间：2025-02-11 10:32: 10:32 was left as text)', () => {
    const text = `首页 > 政务公开 > 法治政府建设 发布时间：2025-02-11 10:32 来源：本站 浏览次数：567 ${TITLE} ${body}`;
    const fixed = sourceFixAll(text);
    assert.ok(!fixed.includes('10:32'), fixed.slice(0, 60));
    keeps(text, TITLE);
  });
  test("a body named as a field's value goes whole with its label, never cut after its first character ([ 发布机构 ]某某县司法局: 某县司法局 was left)", () => {
    for (const [value, next] of [
      ['某某县司法局', ' [ 成文日期 ]2026-02-09 '],
      ['某某镇人民政府', ' '],
      ['中共某某县委办公室', ' [ 主题分类 ]其他 '],
      ['某某县人民政府办公室', ' '],
    ]) {
      const text = `[ 索引号 ]11500110588903728C/2026-00068 [ 发布机构 ]${value}${next}${TITLE} ${body}`;
      const debris = debrisOf(text).join('|');
      assert.ok(debris.includes(`[ 发布机构 ]${value}`), `${value}: ${debris}`);
      const fixed = sourceFixAll(text);
      assert.ok(!fixed.includes(value.slice(1)), `${value}: a piece of it is left: ${fixed.slice(0, 80)}`);
      assert.ok(fixed.includes(TITLE), fixed.slice(0, 80));
    }
  });
});

describe('item 2: a footer word inside the last words of a run-on page ends no page', () => {
  const page =
    '关于2024年法治政府建设情况的报告县委：现将有关情况报告如下：一、主要举措和成效。全年办理案件3件。二、存在的不足和原因。基层力量不足。三、2025年工作安排。加强法治教育。';
  for (const last of [
    '附件：某某县2024年度法治建设相关阅读书目',
    '附件：某某县著作权版权所有人维权指引',
    '附件：某某县主办单位名单',
    '附件：某某县相关链接服务点一览',
    '附件：返回首页面的操作指引',
  ]) {
    test(`kept: ${last}`, () => {
      const text = page + last;
      assert.deepEqual(debrisOf(text), []);
      keeps(text, last);
    });
  }
  test('a footer after the last sentence is still found', () => {
    assert.deepEqual(debrisOf(`${page}返回顶部 主办单位：某某县人民政府办公室`), ['返回顶部 主办单位：某某县人民政府办公室']);
    assert.deepEqual(debrisOf(`${page}某某县司法局 2025年1月20日 扫一扫在手机打开当前页返回主站`), ['扫一扫在手机打开当前页返回主站']);
  });
});

describe('item 3: whole lines of the writer are not debris', () => {
  const lines = [
    '主题词：法治政府 年度报告',
    '名称：“宪法进万家”主题活动',
    '附件：某某县2024年法治工作台账.xlsx',
    '某某县司法局门户网站 www.mxsf.gov.cn',
    '“渝快办”平台（cq.gov.cn）',
    '文号：某府发〔2024〕12号',
    '日期：2024年12月4日',
    '作者：张三',
    '编辑：李四',
    '扫一扫即可查询',
    '当前位置：县委常委会召开',
    '时间：2024年全年',
    '来源：某某县统计局',
    '地点：县法治文化广场',
  ];
  for (const line of lines) {
    test(`kept in the body: ${line}`, () => keeps(doc(line), line));
  }
  test('the writer’s block of labels in the body (名称/时间/地点) is kept whole', () => {
    const text = doc('名称：“宪法进万家”主题活动', '时间：2024年全年', '地点：县法治文化广场');
    assert.deepEqual(debrisOf(text), []);
  });
  test('labels written after the addressee are the body’s, before its first sentence too (found by the HTML intake property)', () => {
    const text = [
      TITLE,
      '区委、区政府：',
      '成文日期：2024年2月30日',
      '成文日期：2024年2月30日',
      '全年办理案件3件。',
      '某某区司法局',
      '2020年1月20日',
      '',
    ].join('\n');
    assert.deepEqual(debrisOf(text), []);
    keeps(text, '成文日期：2024年2月30日');
    // The portal's info bar between the title and the addressee is still chrome.
    const page = [TITLE, '发布时间：2025-01-21', '来源：某某区司法局', '区委、区政府：', '全年办理案件3件。', ''].join('\n');
    assert.deepEqual(debrisOf(page), ['发布时间：2025-01-21', '来源：某某区司法局']);
  });
  test('微信 微博 as a table’s header row is kept; as a share bar it goes', () => {
    assert.deepEqual(debrisOf(doc('各平台发布普法信息数量如下', '微信 微博', '120 80')), []);
    keeps(doc('各平台发布普法信息数量如下', '微信 微博', '120 80'), '微信 微博');
    assert.deepEqual(debrisOf(doc('分享到：', '微信 微博')), ['分享到：', '微信 微博']);
  });
  test('a label alone does not take the short line after it outside a metadata block', () => {
    const text = doc('来源：', '某某县司法局');
    assert.deepEqual(debrisOf(text), []);
    keeps(text, '某某县司法局');
    // Right above the signature, the body's name stays the signature's.
    const above = [TITLE, '一、工作开展情况', '全年办理案件3件。', '发布机构：', '某某县司法局', '2025年1月20日', ''].join('\n');
    assert.deepEqual(
      analyze(above).signature?.bodies.map((b) => b.text),
      ['某某县司法局'],
    );
    keeps(above, '某某县司法局');
  });
  // Metadata of every label, a portal's own (成文日期, 索引号, 发布时间) too, is debris only in a portal's block.
  for (const line of ['成文日期：2024年2月30日', '[ 索引号 ] 11500106MB1234567X/2024-00012', '发布时间：2024年3月', '浏览次数：36']) {
    test(`a portal's label alone in the body is kept: ${line}`, () => keeps(doc(line), line));
  }
  test('成文日期 alone above the title is no block; with 索引号 beside it, it is', () => {
    keeps(['成文日期：2024年2月30日', ...doc().split('\n')].join('\n'), '成文日期：2024年2月30日');
    const block = ['索引号：11500106MB1234567X/2025-00012', '成文日期：2025-01-20', ...doc().split('\n')].join('\n');
    assert.deepEqual(debrisOf(block), ['索引号：11500106MB1234567X/2025-00012', '成文日期：2025-01-20']);
    const row = ['[ 索引号 ] 11500106MB1234567X/2025-00012 [ 成文日期 ] 2025-01-20', ...doc().split('\n')].join('\n');
    assert.deepEqual(
      debrisOf(row),
      ['[ 索引号 ] 11500106MB1234567X/2025-00012 [ 成文日期 ] 2025-01-20'],
      'two labels on one line are a block',
    );
  });
  test('a portal’s metadata block at the top or the bottom, outside the body, is debris', () => {
    const top = ['来源：某某县司法局', '发布时间：2025-01-22', '作者：张三', ...doc().split('\n')].join('\n');
    assert.deepEqual(debrisOf(top), ['来源：某某县司法局', '发布时间：2025-01-22', '作者：张三']);
    const bottom = doc() + ['作者：张三', '编辑：李四', '来源：', '某某县司法局', ''].join('\n');
    assert.deepEqual(debrisOf(bottom), ['作者：张三', '编辑：李四', '来源：', '某某县司法局']);
    const label = [TITLE, '来源：', '某某县司法局', '发布时间：', '2025-01-22', ...doc().split('\n').slice(1)].join('\n');
    assert.deepEqual(debrisOf(label), ['来源：', '某某县司法局', '发布时间：', '2025-01-22']);
  });
  test('one label alone at the top is no block: 文号 above the title stays', () => {
    const text = ['文号：某府发〔2024〕12号', ...doc().split('\n')].join('\n');
    assert.deepEqual(debrisOf(text), []);
    keeps(text, '文号：某府发〔2024〕12号');
  });
  test('an attachment link after the signature is still debris; the same line in the body is not', () => {
    const text = doc() + ['附件：某某县2024年法治政府建设年度报告.pdf', ''].join('\n');
    assert.deepEqual(debrisOf(text), ['附件：某某县2024年法治政府建设年度报告.pdf']);
  });
  test('a template site’s watermark with its address is still debris', () => {
    for (const line of ['第一范文网 www.diyifanwen.com', '本文来源：www.fanwen123.com', 'https://www.wenku.example.com/doc/123.html'])
      assert.deepEqual(debrisOf(doc(line)), [line], line);
  });
});

describe('item 4: a label written twice is no running header', () => {
  test('主要做法： twice, once within two lines of a page number, stays everywhere', () => {
    const text = [
      TITLE,
      '一、工作开展情况',
      '主要做法：',
      '全年办理案件3件。',
      '— 1 —',
      '二、存在的不足和原因',
      '主要做法：',
      '基层力量不足。',
      '',
    ].join('\n');
    assert.deepEqual(debrisOf(text), ['— 1 —']);
    assert.equal(sourceFixAll(text).split('主要做法：').length, 3);
  });
  test('a short line beside two page numbers and nowhere else is still a running header', () => {
    const text = [
      TITLE,
      '一、工作开展情况',
      '全年办理案件3件。',
      '某某县司法局文件汇编',
      '— 1 —',
      '全年受理申请8件。',
      '某某县司法局文件汇编',
      '— 2 —',
      '二、存在的不足和原因',
      '基层力量不足。',
      '',
    ].join('\n');
    assert.deepEqual(debrisOf(text), ['某某县司法局文件汇编', '— 1 —', '某某县司法局文件汇编', '— 2 —']);
  });
});
