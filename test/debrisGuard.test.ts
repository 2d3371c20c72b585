// The debris guard (core/reportText.ts): a line is judged whole, and no fix removes what can be
// the writer's own words — however its start looks like web chrome (issue 12).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/core';
import { fixAllEdits } from '../server/src/core/fixes';
import { canBeReportText } from '../server/src/core/reportText';
import { applyEdits } from './support/edits';
import { startServer, type ServerHandle } from './support/lspClient';

const TITLE = '关于2024年法治政府建设情况的报告';
const doc = (...body: string[]) =>
  [TITLE, '一、工作开展情况', ...body, '二、存在的不足和原因', '基层力量不足，主要原因是编制紧张。', ''].join('\n');

/** The text after every debris fix (fix-all of the code), as the editor would apply it. */
function afterFixAll(text: string): string {
  const edits = fixAllEdits(analyze(text).findings, 'debris');
  const single = analyze(text).findings.filter((f) => f.code === 'debris' && f.fixes?.length);
  return applyEdits(text, (edits.length ? edits : single.flatMap((f) => f.fixes![0].edits)) as TextEdit[]);
}

/** Report lines from issue 12 that the debris fix used to delete. */
const WRITERS_LINES = [
  '扫一扫二维码即可在线申请法律援助，全年受理申请36件。',
  '分享典型案例12个，编印读本500册。',
  '行政复议办理流程：申请 > 受理 > 审查 > 决定',
  '主办单位：县司法局，协办单位：县法院，共开展普法活动12场。',
  '来源：全年受理行政复议申请36件',
  '分享典型案例12个',
  '返回顶部按钮旁设置了法律援助申请入口，全年受理申请8件。',
];

/** Chrome the guard must leave recognisable (the debris tests of outline.test.ts have more). */
const CHROME = [
  '扫一扫在手机打开当前页',
  '来源：某某县司法局',
  '浏览次数：1234次',
  '首页 > 政务公开 > 法治政府建设',
  '主办单位：某某县人民政府办公室',
  '第1页，共3页',
  '- 2 -',
  '【打印】【关闭】',
  '分享到：',
  '返回顶部',
  '当前位置：首页 > 政务公开',
  '发布时间：2024-01-05 10:30',
  '版权所有：某某县人民政府',
  '网站标识码：5001060001',
  '渝ICP备12345678号-1',
  '上一篇：关于开展2023年度法治政府建设的通知',
];

describe('the debris guard: can this line be report text?', () => {
  test("the writer's lines can; chrome cannot", () => {
    for (const line of WRITERS_LINES) assert.equal(canBeReportText(line), true, line);
    for (const line of CHROME) assert.equal(canBeReportText(line), false, line);
  });

  for (const line of WRITERS_LINES) {
    test(`kept, counted and never removed: ${line}`, () => {
      const text = doc('全年办理案件3件。', line, '继续推进依法行政。');
      const m = analyze(text);
      assert.deepEqual(m.debris, []);
      assert.deepEqual(
        m.findings.filter((f) => f.code === 'debris'),
        [],
      );
      const figuresOnLine = m.figures.filter((f) => f.line === 3);
      if (/[0-9]/.test(line)) assert.ok(figuresOnLine.length > 0, 'its figures are in the analysis');
      assert.ok(afterFixAll(text).includes(line));
    });
  }

  test("chrome next to the writer's lines is still found and fixed; only the chrome goes", () => {
    const text = doc('扫一扫在手机打开当前页', WRITERS_LINES[0], '浏览次数：1234次', WRITERS_LINES[1]);
    const m = analyze(text);
    assert.deepEqual(
      m.debris.map((d) => d.text),
      ['扫一扫在手机打开当前页', '浏览次数：1234次'],
    );
    assert.equal(afterFixAll(text), doc(WRITERS_LINES[0], WRITERS_LINES[1]));
  });

  test('a 返回顶部 above the first heading: only that line is debris, the heading and what follows stay', () => {
    const text = [TITLE, '返回顶部', '一、工作开展情况', '短行', '全年办理案件3件。', '二、存在的不足', '内容。', ''].join('\n');
    const m = analyze(text);
    assert.deepEqual(
      m.debris.map((d) => d.text),
      ['返回顶部'],
    );
    assert.deepEqual(
      m.outline.map((n) => n.name),
      ['一、工作开展情况', '二、存在的不足'],
    );
    assert.equal(afterFixAll(text), text.replace('返回顶部\n', ''));
  });

  test('a 返回顶部 at the page end still takes the short navigation lines after it', () => {
    const text = doc('全年办理案件3件。') + ['返回顶部', '首页', '政务公开', '互动交流', ''].join('\n');
    assert.deepEqual(
      analyze(text).debris.map((d) => d.text),
      ['返回顶部', '首页', '政务公开', '互动交流'],
    );
  });

  test('property: lines of report vocabulary that start with a chrome word are never removed', () => {
    const chromeStarts = [
      '扫一扫',
      '分享',
      '分享到',
      '主办单位：',
      '承办单位：',
      '来源：',
      '信息来源：',
      '返回顶部',
      '打印',
      '关闭',
      '收起',
      '展开',
      '相关链接',
      '首页 > ',
      '当前位置：',
      '索引号：',
      '发布机构：',
      '技术支持：',
      '版权所有',
      '附件：',
      '日期：',
      '作者：',
      '编辑：',
      '字号：',
      '语音播报',
      '上一篇：',
      '【打印】',
      '网站地图',
      '联系我们',
    ];
    const verbs = ['受理', '办理', '开展', '组织', '举办', '编印', '发放', '调解', '化解', '培训', '接待', '审查'];
    const nouns = ['行政复议申请', '法律援助案件', '普法讲座', '典型案例', '读本', '矛盾纠纷', '执法人员', '来访群众', '规范性文件'];
    const units = ['件', '场', '个', '册', '人次', '次', '份', '起'];
    const clause = fc
      .tuple(
        fc.constantFrom('', '全年', '共', '累计'),
        fc.constantFrom(...verbs),
        fc.constantFrom(...nouns),
        fc.integer({ min: 1, max: 99999 }),
        fc.constantFrom(...units),
      )
      .map(([a, v, n, k, u]) => `${a}${v}${n}${k}${u}`);
    const line = fc
      .tuple(fc.constantFrom(...chromeStarts), fc.array(clause, { minLength: 1, maxLength: 3 }), fc.constantFrom('。', '；', '', '！'))
      .map(([c, cs, end]) => c + cs.join('，') + end);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.boolean(), (lines, topMarker) => {
        const text = topMarker
          ? [TITLE, '返回顶部', '一、工作开展情况', ...lines, '二、存在的不足', '内容。', ''].join('\n')
          : doc(...lines);
        const m = analyze(text);
        const textLines = text.split('\n');
        const removed = m.debris.filter((d) => lines.includes(textLines[d.range.start.line]));
        assert.deepEqual(removed, []);
        const fixed = afterFixAll(text);
        for (const l of lines) assert.ok(fixed.includes(l), `removed: ${l}`);
        assert.ok(fixed.includes('一、工作开展情况'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the debris guard through the server', () => {
  let server: ServerHandle;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  test('source.fixAll removes the chrome and keeps every line of the writer', async () => {
    const uri = 'file:///guard.govreport';
    const text = doc('扫一扫在手机打开当前页', ...WRITERS_LINES, '【打印】【关闭】');
    await server.open(uri, text);
    const [action] = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const fixed = applyEdits(text, action.edit!.changes![uri] as TextEdit[]);
    assert.equal(fixed, doc(...WRITERS_LINES));
  });
});
