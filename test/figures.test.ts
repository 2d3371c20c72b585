// Figures (DOMAIN.md §4): one sentence per case, the expected figure(s) written next to it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../server/src/core';
import { parseChineseNumber } from '../server/src/core/figures';

/** Figures of a one-paragraph report body as `label=value unit[~]`. */
function figs(body: string): string[] {
  const m = analyze(`关于2024年法治政府建设情况的报告\n一、主要举措和成效\n${body}\n`);
  return m.figures.map((f) => `${f.label}=${f.value}${f.unit}${f.approximate ? '~' : ''}`);
}

describe('figure extraction: values, units, labels, approximation', () => {
  const cases: [string, string[]][] = [
    ['全年共主动公开政府信息293条。', ['主动公开政府信息=293条']],
    ['排查矛盾纠纷826件，调解成功率达99.39%。', ['排查矛盾纠纷=826件', '调解成功率=99.39%']],
    ['张贴、悬挂、发放宣传资料1万余份。', ['张贴、悬挂、发放宣传资料=10000份~']],
    ['组织法治培训40场次，覆盖800余人次。', ['组织法治培训=40场次', '覆盖法治培训=800人次~']],
    ['开展送法活动9.5万余场。', ['开展送法活动=95000场~']],
    ['开展普法讲座十余场，调解两次。', ['开展普法讲座=10场~', '调解=2次']],
    ['培训干部一百二十余人次。', ['培训干部=120人次~']],
    ['受理案件1,234件，涉案金额5万元。', ['受理案件=1234件', '涉案金额=5万元']],
    ['全镇共有１２人持证。', ['持证=12人']],
    ['收集意见近300条，走访企业超50家，参与群众约600人。', ['收集意见=300条~', '走访企业=50家~', '参与群众=600人~']],
    ['满意度达90%以上。', ['满意度=90%~']],
    ['2024年共累计排查矛盾纠纷572件，化解551件，化解成功率达到96%。', ['排查矛盾纠纷=572件', '化解矛盾纠纷=551件', '化解成功率=96%']],
    ['来访登记32件次、40人次。', ['来访登记=32件次', '来访登记=40人次']],
    ['持续挖掘潜力，6家企业完成申报。', ['企业=6家']],
    ['今年共有行政复议3件，行政应诉案件6件。', ['行政复议=3件', '行政应诉案件=6件']],
    ['已有三人取得联系。', ['取得联系=3人']],
    ['查处违法行为4000余起。', ['查处违法行为=4000起~']],
    [
      '全市共有行政执法人员1.2万名，涉案金额120.5万元，投入资金1.5亿元。',
      ['行政执法人员=12000名', '涉案金额=120.5万元', '投入资金=1.5亿元'],
    ],
    ['开展普法活动数十场，收集意见近千件，参训人数120人。', ['开展普法活动=10场~', '收集意见=1000件~', '参训人数=120人']],
    [
      '较上年下降3个百分点，平均办理时间2.5个工作日，第三方评估得分92.5分。',
      ['较上年下降=3个百分点', '平均办理时间=2.5个工作日', '第三方评估得分=92.5分'],
    ],
    ['同比增长15.2％。', ['同比增长=15.2%']],
    ['行政执法案件办理数量为120件，查处违法行为8起。', ['行政执法案件办理数量=120件', '查处违法行为=8起']],
    ['建成十余个示范点。', ['建成示范点=10个~']],
  ];
  for (const [text, expected] of cases) test(text, () => assert.deepEqual(figs(text), expected));
});

describe('not figures', () => {
  const cases: [string, string][] = [
    ['years and dates', '2024年1月30日，日期:2026-02-09，12月4日召开会议。'],
    ['date-like runs', '结合“6·26”国际禁毒日、“12·4”国家宪法日开展宣传。'],
    ['numbers inside document titles', '贯彻《法治政府建设实施纲要（2021—2025年）》和《关于3项制度的意见》。'],
    ['slogans', '结合“1+6+1”工作要求，围绕全区“5+2”产业布局。'],
    ['八五普法 and quoted names', '深入推进“八五”普法，八五普法，实现“三统一”，落实“一庭两所”、行政执法“三项制度”。'],
    ['one as an article', '做到一次性告知，办成一件事，一人一档。'],
    ['ordinals', '第3次会议，市第六次党代会，六届二次全会。'],
    ['numbers without a unit', '超千万的企业，二包一和四包一。'],
    ['project phases', '扩建基地二期。'],
    ['political formulas, fractions, 十四五', '深刻领悟两个确立，做到两个维护，三分之一以上，十四五规划，百分之百。'],
    ['phone numbers and hotlines', '拨打023-12345678或12345热线。'],
    ['formulas with 个 项 张 条', '落实五个一工程，把握三个区分开来，落实三项制度，建立两张清单，坚持两条主线，走进千家万户。'],
  ];
  for (const [name, text] of cases) test(name, () => assert.deepEqual(figs(text), []));

  test('heading ordinals (1. （1） 一、) are not figures; the heading numbers are part of the section', () => {
    const m = analyze('关于2024年法治政府建设情况的报告\n一、主要举措和成效\n（一）学法\n1.培训5次\n（2）发放资料3份\n');
    assert.deepEqual(
      m.figures.map((f) => f.text),
      ['5次', '3份'],
    );
    assert.deepEqual(m.figures[0].section, ['一、主要举措和成效', '（一）学法', '1.培训5次']);
    assert.deepEqual(m.figures[0].parts, ['measures']);
  });

  test('debris is skipped', () => {
    const m = analyze(
      '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n[ 索引号 ]11500110588903728C/2026-00068 [ 发布机构 ]某镇\n培训5次。\n',
    );
    assert.deepEqual(
      m.figures.map((f) => f.text),
      ['5次'],
    );
  });
});

describe('figure fields', () => {
  test('raw text, range, line, sentence, part relations', () => {
    const m = analyze(
      '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n办理案件10件，其中许可6件，占比60%；确认4件，占比40%。另开展培训100余人次。\n',
    );
    const [total, a, share, b, , training] = m.figures;
    assert.equal(total.text, '10件');
    assert.deepEqual(total.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } });
    assert.equal(a.partOf, total.index);
    assert.equal(b.partOf, total.index);
    assert.equal(share.shareOf, a.index);
    assert.equal(share.label, '许可占比');
    assert.equal(training.text, '100余人次');
    assert.equal(training.modifier, '余');
    assert.notEqual(training.sentence, total.sentence);
    assert.equal(a.sentence, total.sentence);
    assert.deepEqual(
      m.findings.filter((f) => f.code.startsWith('figure')),
      [],
    );
  });

  test('a line’s figures relate only within the line: a 其中 on the next line after one without a sentence end is no part (the reader’s state is cleared per line)', () => {
    const m = analyze('关于2024年法治政府建设情况的报告\n一、主要举措和成效\n受理行政复议案件10件\n\n其中许可6件，维持4件\n');
    const [total, a, b] = m.figures;
    assert.deepEqual(
      m.figures.map((f) => f.text),
      ['10件', '6件', '4件'],
    );
    assert.equal(total.partOf, undefined);
    assert.equal(a.partOf, undefined);
    assert.equal(b.partOf, undefined);
  });

  test('a 其中 finds no total left by an earlier sentence or an earlier line at the same index (the reader keeps its maps and checks what they hold)', () => {
    const m = analyze(
      '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n受理案件10件，其中许可6件\n办理培训3次，其中许可6件，确认2件\n受理案件10件。办理培训3次，其中许可6件\n',
    );
    assert.deepEqual(
      m.figures.map((f) => [f.text, f.partOf]),
      [
        ['10件', undefined],
        ['6件', 0],
        ['3次', undefined],
        ['6件', undefined],
        ['2件', undefined],
        ['10件', undefined],
        ['3次', undefined],
        ['6件', undefined],
      ],
    );
  });

  test('Chinese numerals', () => {
    assert.equal(parseChineseNumber('一百二十'), 120);
    assert.equal(parseChineseNumber('十五'), 15);
    assert.equal(parseChineseNumber('三万五千'), 35000);
    assert.equal(parseChineseNumber('一百零五'), 105);
    assert.equal(parseChineseNumber('两'), 2);
    assert.equal(parseChineseNumber('八五'), null);
    assert.equal(parseChineseNumber('二〇二四'), null);
  });
});

describe('a city-level paragraph: relations and no false alarm', () => {
  const m = analyze(
    '某市人民政府关于2023年法治政府建设情况的报告\n一、严格规范公正文明执法\n' +
      '全市共办理行政处罚案件15632件，罚没款金额2.36亿元，其中适用简易程序案件8921件，适用普通程序案件6711件。' +
      '全年收到行政复议申请562件，受理498件，审结463件，其中维持312件，撤销48件，确认违法21件，责令履行6件，驳回申请38件，终止38件，纠错率16.4%。' +
      '各级人民调解组织共排查矛盾纠纷2.1万件，调解成功1.98万件，调解成功率94.3%。\n',
  );
  const by = (text: string) => m.figures.find((f) => f.text === text)!;

  test('其中 finds its total in the same unit past another unit; verbs borrow the object', () => {
    assert.equal(by('8921件').partOf, by('15632件').index);
    assert.equal(by('312件').partOf, by('463件').index);
    assert.equal(by('463件').label, '审结行政复议申请');
    assert.equal(by('1.98万件').label, '调解成功矛盾纠纷');
    assert.equal(by('2.36亿元').unit, '亿元');
  });

  test('every total adds up and the rate matches: no figure finding', () => {
    assert.deepEqual(
      m.findings.filter((f) => f.code.startsWith('figure')),
      [],
    );
  });
});

describe('figure checks', () => {
  const codes = (body: string, locale?: string) =>
    analyze(`关于2024年法治政府建设情况的报告\n一、主要举措和成效\n${body}\n`, { locale }).findings.filter((f) =>
      f.code.startsWith('figure'),
    );

  test('figure-sum: items above their total', () => {
    const [f] = codes('办理案件10件，其中许可6件，确认7件。');
    assert.equal(f.code, 'figure-sum');
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, '合计与分项不符：办理案件10件，分项相加 6 + 7 = 13件');
    assert.deepEqual(f.range.start, { line: 2, character: 4 });
  });

  test('figure-sum: items below the total are a selection, unless their shares make 100%', () => {
    assert.deepEqual(codes('注册企业199家，其中，注册资金超千万的有13家，超百万的有37家。'), []);
    assert.deepEqual(
      codes('办理案件10件，其中许可5件，占比50%；确认4件，占比50%。').map((f) => f.code),
      ['figure-sum', 'figure-percent'],
    );
  });

  test('figure-percent: a bare percentage in brackets after an item is its share', () => {
    const [f] = codes('办理案件10件，其中许可6件（50%），确认4件（40%）。');
    assert.equal(f.code, 'figure-percent');
    assert.deepEqual(codes('办理案件10件，其中许可6件（60%），确认4件（40%）。'), []);
    assert.equal(
      analyze('关于2024年法治政府建设情况的报告\n一、主要举措\n办理案件10件，其中许可6件（60%）。\n').figures[2].label,
      '许可占比',
    );
  });

  test('figure-percent: shares, with rounding; rates after their counts', () => {
    assert.deepEqual(codes('办理案件3件，其中许可1件，占比33%；确认2件，占比67%。'), []);
    const [share] = codes('办理案件10件，其中许可6件，占比50%；确认4件，占比40%。', 'en');
    assert.equal(share.code, 'figure-percent');
    assert.match(share.message, /许可 6件 is 60.0% \(stated 50%\)/);
    assert.deepEqual(codes('排查矛盾纠纷572件，化解551件，化解成功率达到96%。'), []);
    // 按期办结率 is about the completed ones, not 办结 ÷ 受理: not compared.
    assert.deepEqual(codes('受理行政复议申请58件，办结55件，按期办结率100%。'), []);
    const [rate] = codes('排查矛盾纠纷500件，化解400件，化解成功率达到96%。');
    assert.equal(rate.code, 'figure-percent');
    assert.equal(rate.message, '化解成功率96%与数量不符：化解矛盾纠纷400件 ÷ 排查矛盾纠纷500件 = 80.0%');
  });

  test('figure-sum: a complete list of actions; a new action after the list is not an item', () => {
    assert.deepEqual(codes('全年共办理行政复议案件125件，其中维持89件、撤销12件、确认违法5件、驳回申请8件、终止11件。'), []);
    assert.deepEqual(codes('受理申请58件，其中受理53件，不予受理5件。'), []);
    assert.deepEqual(codes('办理案件100件，其中简易程序60件，一般程序40件，调解纠纷30件。'), []);
  });

  test('figure-rate: a rate over 100%, a success count above its total; changes may exceed 100%', () => {
    assert.deepEqual(
      codes('普法覆盖率达100%以上。').map((f) => f.code),
      ['figure-rate'],
    );
    assert.deepEqual(
      codes('调解成功率105%。').map((f) => f.code),
      ['figure-rate'],
    );
    assert.deepEqual(
      codes('排查矛盾纠纷50件，化解60件。').map((f) => f.code),
      ['figure-rate'],
    );
    assert.deepEqual(codes('受理率100%，执法效率提升150%，满意度90%以上，任务完成率105%。'), []);
  });
});
