// The debris guard (core/reportText.ts): a line is judged whole, and no fix removes what can be
// the writer's own words — however its start looks like web chrome (issue 12).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/core';
import { fixAllEdits } from '../server/src/core/edits/fixes';
import { canBeReportText } from '../server/src/core/lines/debrisGuard';
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
  // An adversarial review (issue 12): chrome words at the start of the writer's sentences.
  '通过微信公众号、微博发布普法信息120条。',
  '首页设置法治政府建设专栏，全年更新信息56条。',
  '责任编辑培训2次，覆盖全体编辑人员。',
  '打印、分发宣传资料3000余份。',
  '关闭违规经营场所12家。',
  '纠错机制不断健全，全年纠正不当行政行为4件。',
  '二维码张贴于各便民服务中心，群众扫码即可办理',
  '来源于群众的意见建议36条全部办结。',
  '发布时间：2024年3月，我局印发年度普法计划，发放读本500册。',
  '浏览次数超过10万次的普法短视频3部。',
  '首页 > 办事服务 > 法律援助 > 在线申请，全年受理申请120件。',
  '版权所有人维权案件3件已办结。',
  '网站地图更新完善，方便群众查找政策文件。',
  '联系我们的群众代表共提出建议10条。',
  '语音播报系统覆盖全镇12个村，每周播放法治节目。',
  '技术支持单位配合完成系统升级，全年处理故障12次。',
  '编辑出版《以案释法》读本1000册。',
  '我要纠错平台收到留言20条，均已答复。',
  '分享到各村微信群普法视频30条',
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
  // 备案 is a report verb, but not in a site's registration number.
  '备案号：渝ICP备05003300号-1',
  'ICP备案号：京ICP备12345678号',
  '版权所有©某某县人民政府办公室',
  '分享到：微信 微博 QQ空间',
  '分享到微信朋友圈',
  '【字体：大 中 小】【打印】【关闭】',
  '责任编辑：张三',
  '附件：东湖街道2023年法治政府建设年度报告.pdf',
];

describe('the debris guard: can this line be report text?', () => {
  test("the writer's lines can; chrome cannot", () => {
    for (const line of WRITERS_LINES) assert.equal(canBeReportText(line), true, line);
    for (const line of CHROME) assert.equal(canBeReportText(line), false, line);
  });

  test('chrome in a report body is still debris, and the debris fix removes it', () => {
    // A metadata line alone in the body (来源：某某县司法局 may be a table's note, 发布时间：… an event's) and
    // 附件：….pdf (a 附件说明) are chrome only in a portal's block outside the body (writersLines.test.ts).
    const blockOnly = /^(?:来源|浏览次数|发布时间|责任编辑|附件)：/;
    for (const line of CHROME.filter((l) => !blockOnly.test(l))) {
      const text = doc('全年办理案件3件。', line, '继续推进依法行政。');
      assert.deepEqual(
        analyze(text).debris.map((d) => d.text),
        [line],
        line,
      );
      assert.equal(afterFixAll(text), doc('全年办理案件3件。', '继续推进依法行政。'), line);
    }
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
    const text = doc('扫一扫在手机打开当前页', WRITERS_LINES[0], '【打印】【关闭】', WRITERS_LINES[1]);
    const m = analyze(text);
    assert.deepEqual(
      m.debris.map((d) => d.text),
      ['扫一扫在手机打开当前页', '【打印】【关闭】'],
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

  /** The lines of `text` that are debris, and what the debris fix leaves of `text`. */
  const debrisOf = (text: string) => analyze(text).debris.map((d) => d.text);

  test('a 返回顶部 above the signature: the bodies and the 成文日期 stay (the date gives the tail back)', () => {
    const body = ['一、工作开展情况', '全年办理案件3件。', '二、存在的不足和原因', '基层力量不足。'];
    const text = [TITLE, ...body, '返回顶部', '中共某某镇委员会', '某某镇人民政府', '2025年1月20日', ''].join('\n');
    const m = analyze(text);
    assert.deepEqual(debrisOf(text), ['返回顶部']);
    assert.deepEqual(
      m.signature?.bodies.map((b) => b.text),
      ['中共某某镇委员会', '某某镇人民政府'],
    );
    assert.equal(m.signature?.date?.text, '2025年1月20日');
    assert.equal(afterFixAll(text), text.replace('返回顶部\n', ''));
    // A body's name too long for a link (13 characters) leaves the tail open for the date; the 附注 below the date counts as the date.
    const long = [
      TITLE,
      ...body,
      '返回顶部',
      '重庆市大足区雍溪镇委员会',
      '重庆市大足区雍溪镇人民政府',
      '2024年1月30日',
      '返回顶部',
      '（此件公开发布）',
      '',
    ].join('\n');
    assert.deepEqual(debrisOf(long), ['返回顶部', '返回顶部']);
  });

  test('a 返回顶部 above the header: the 发文机关, the 发文字号 and a title wrapped over two lines stay', () => {
    const text = [
      '返回顶部',
      '临江县人民政府',
      '临府文〔2024〕3号',
      '',
      '临江县人民政府关于2023年度法治政府',
      '建设情况的报告',
      '一、工作开展情况',
      '内容。',
      '',
    ].join('\n');
    assert.deepEqual(debrisOf(text), ['返回顶部']);
    assert.equal(afterFixAll(text), text.replace('返回顶部\n', ''));
  });

  test('after a 返回顶部, a heading with a year, a half-width ordinal or 附件 is the writer’s, even last in the text', () => {
    for (const last of ['四、2025年工作安排', '四.2025年工作思路', '（二）2024年度重点工作', '附件']) {
      const text = doc('全年办理案件3件。') + ['返回顶部', last, ''].join('\n');
      assert.deepEqual(debrisOf(text), ['返回顶部'], last);
      assert.ok(afterFixAll(text).includes(`\n${last}\n`), last);
    }
  });

  test('one tool word alone is chrome only next to chrome: a table’s row labels stay, a share bar goes', () => {
    const table = doc('各平台发布普法信息数量如下', '微信', '120', '微博', '80', '二维码', '36');
    assert.deepEqual(debrisOf(table), []);
    assert.equal(afterFixAll(table), table);
    assert.deepEqual(debrisOf(doc('全年办理案件3件。', '微信', '继续推进依法行政。')), []);
    // Words listed with 、 or ， are prose, not a bar of buttons.
    assert.deepEqual(debrisOf(doc('全年办理案件3件。', '微信、微博', '微信，微博，QQ', '继续推进依法行政。')), []);
    assert.deepEqual(debrisOf(doc('全年办理案件3件。', '分享到：', '微信', '', '微博', '继续推进依法行政。')), [
      '分享到：',
      '微信',
      '微博',
    ]);
    assert.deepEqual(debrisOf(doc('全年办理案件3件。', '微信', '微博', '【打印】【关闭】')), ['微信', '微博', '【打印】【关闭】']);
  });

  test('分享 is a share button alone, before 到/至 or a colon: 分享经验做法 is the writer’s', () => {
    assert.deepEqual(debrisOf(doc('全年办理案件3件。', '分享经验做法', '继续推进依法行政。')), []);
    assert.deepEqual(debrisOf(doc('全年办理案件3件。', '分享', '分享：', '分享至朋友圈')), ['分享', '分享：', '分享至朋友圈']);
  });

  test('a metadata label alone does not take the addressee for its value', () => {
    const text = [TITLE, '发布机构：', '县委、县政府：', '2024年，我局扎实推进法治政府建设。', '一、工作开展情况', '内容。', ''].join('\n');
    const m = analyze(text);
    // One label alone is no portal's block: it stays (issue 21), and the addressee is the addressee.
    assert.deepEqual(debrisOf(text), []);
    assert.equal(m.header.addressee?.text, '县委、县政府：');
    const block = text.replace('发布机构：', '索引号：11500106MB1234567X/2025-00012\n发布机构：');
    assert.deepEqual(debrisOf(block), ['索引号：11500106MB1234567X/2025-00012', '发布机构：']);
    assert.equal(analyze(block).header.addressee?.text, '县委、县政府：');
  });

  test('a page number after the signature does not make the body’s name, also above the title, a running header', () => {
    const text = [
      '临江县人民政府',
      TITLE,
      '一、工作开展情况',
      '全年办理案件3件。',
      '',
      '临江县人民政府',
      '2024年2月20日',
      '- 3 -',
      '',
    ].join('\n');
    const m = analyze(text);
    assert.deepEqual(debrisOf(text), ['- 3 -']);
    assert.deepEqual(
      m.signature?.bodies.map((b) => b.text),
      ['临江县人民政府'],
    );
  });

  test('a page flattened into one line: the writer’s last words before a footer word are no footer, the signature before it is', () => {
    const page =
      '关于2024年法治政府建设情况的报告县委、县政府：现将有关情况报告如下：一、主要举措和成效。全年办理案件3件。二、存在的不足和原因。基层力量不足。三、2025年工作安排。';
    const writers = analyze(`${page}继续推进依法行政，相关阅读材料发放500份`);
    assert.deepEqual(writers.debris, []);
    assert.ok(writers.figures.some((f) => f.value === 500));
    const footer = analyze(`${page}继续推进依法行政。某某县司法局 2025年1月20日 返回顶部 主办单位：某某县人民政府`);
    assert.deepEqual(
      footer.debris.map((d) => d.text),
      ['返回顶部 主办单位：某某县人民政府'],
    );
  });

  test('property: chrome lines put anywhere in a real report take none of its lines with them', () => {
    const reports = [
      'county-wenhao',
      'word-full-doc',
      'province-topical-wrapped',
      'causes-enumerated',
      'halfwidth-variants',
      'town-signature',
    ].map((name) =>
      readFileSync(resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports', `${name}.txt`), 'utf8').replace(/\r\n/g, '\n'),
    );
    const chrome = [
      '返回顶部',
      '扫一扫在手机打开当前页',
      '返回主站',
      '【打印】【关闭】',
      '分享到：',
      '微信',
      '首页',
      '首页 > 政务公开 > 法治政府建设',
      '浏览次数：1234',
      '发布时间：2024-03-25 10:30',
      '网站地图',
      '联系我们',
      '版权所有：某某县人民政府',
      '- 2 -',
      '第1页，共3页',
    ];
    const insertion = fc.tuple(fc.nat(), fc.constantFrom(...chrome));
    fc.assert(
      fc.property(fc.constantFrom(...reports.keys()), fc.array(insertion, { minLength: 1, maxLength: 3 }), (r, inserts) => {
        const original = reports[r].split('\n');
        const before = new Set(analyze(reports[r]).debris.map((d) => d.range.start.line));
        // Each line with its line in the original (-1 for an inserted one).
        const lines = original.map((text, i) => ({ text, i }));
        for (const [at, text] of inserts) lines.splice(at % (lines.length + 1), 0, { text, i: -1 });
        const text = lines.map((l) => l.text).join('\n');
        const after = new Set(analyze(text).debris.map((d) => d.range.start.line));
        lines.forEach((l, k) => {
          if (l.i >= 0 && l.text.trim() && !before.has(l.i)) assert.ok(!after.has(k), `made debris: ${l.text}`);
        });
        const fixed = afterFixAll(text).split('\n');
        for (const l of lines) if (l.i >= 0 && l.text.trim() && !before.has(l.i)) assert.ok(fixed.includes(l.text), `removed: ${l.text}`);
      }),
      { numRuns: 300 },
    );
  });

  test('property: whatever its neighbours (tail markers, labels, page numbers, tool words), a line the guard calls report text is never debris nor removed', () => {
    const chromeWords = [
      '返回顶部',
      '打印',
      '关闭',
      '分享',
      '分享到',
      '扫一扫',
      '来源：',
      '主办单位：',
      '发布时间：',
      '浏览次数',
      '字号',
      '大中小',
    ];
    const moreChrome = [
      '上一篇',
      '附件：',
      '责任编辑',
      '【字体：】',
      '首页',
      ' > ',
      '版权所有',
      '网站地图',
      '联系我们',
      '二维码',
      '微信',
      '索引号：',
      '|',
      '【',
    ];
    const reportWords = [
      '全年',
      '受理',
      '办理',
      '开展',
      '普法',
      '案件',
      '行政复议',
      '申请',
      '群众',
      '宣传资料',
      '执法人员',
      '我局',
      '专栏',
      '信息',
    ];
    const count = fc.tuple(
      fc.constantFrom('12', '3', '3000余', '2024年', '1.2万'),
      fc.constantFrom('件', '场', '条', '次', '人次', '份', '册', '%'),
    );
    const token = fc.oneof(
      fc.constantFrom(...chromeWords, ...moreChrome),
      fc.constantFrom(...reportWords),
      count.map(([n, u]) => n + u),
      fc.constantFrom('。', '；', '，', '、', '：', ' '),
    );
    const line = fc
      .array(token, { minLength: 1, maxLength: 8 })
      .map((t) => t.join(''))
      .filter((l) => l.trim().length > 0);
    const neighbour = fc.constantFrom(
      '返回顶部',
      '扫一扫在手机打开当前页',
      '来源：',
      '发布机构：',
      '- 2 -',
      '分享到：',
      '微信',
      '首页',
      '【打印】【关闭】',
      '',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(line, neighbour), { minLength: 1, maxLength: 8 }), (body) => {
        // The generated lines stand between two headings and between the last heading and the signature.
        const lines = [TITLE, '一、工作开展情况', ...body, '二、存在的不足和原因', ...body, '某某县司法局', '2025年1月20日'];
        const text = lines.join('\n') + '\n';
        const debrisLines = new Set(analyze(text).debris.map((d) => d.range.start.line));
        const fixed = afterFixAll(text).split('\n');
        lines.forEach((l, i) => {
          if (!canBeReportText(l)) return;
          assert.ok(!debrisLines.has(i), `debris: ${l}`);
          assert.ok(fixed.includes(l), `removed: ${l}`);
        });
        // A label alone right above the signature never takes the body's name for its value (issue 21).
        for (const l of ['一、工作开展情况', '二、存在的不足和原因', '某某县司法局', '2025年1月20日'])
          assert.ok(fixed.includes(l), `removed: ${l}`);
      }),
      { numRuns: 300 },
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
      '微信',
      '微博',
      '二维码',
      '纠错',
      '首页',
      '责任编辑',
      '发布时间：',
      '浏览次数',
      '字号 大中小',
      '下一篇：',
      '【字体：】',
      '版权所有：',
      '备案号：',
      '扫一扫 ',
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
