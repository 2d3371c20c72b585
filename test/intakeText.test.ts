// Reports as they arrive in plain text (issue 13, DOMAIN.md §7): web chrome around the report,
// text that lost its line breaks, PDF text hard-wrapped with page numbers and running headers,
// part headings that lost Word's numbering, one-sided ordinals and measure words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, type ReportModel } from '../server/src/core';
import { applyEdits } from './support/edits';
import { missingCodes, presentParts, renderOutline } from './support/render';
import { needsSeeds, seed } from './support/seeds';

const DIR = resolve(__dirname, '..', '..', 'test', 'fixtures', 'intake');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** Applies the first fix of every finding with this code (as *fix all* does). */
function fixAll(text: string, model: ReportModel, code: string): string {
  return applyEdits(
    text,
    model.findings.filter((f) => f.code === code).flatMap((f) => f.fixes![0].edits),
  );
}

const lineNumbers = (m: ReportModel, code: string) => m.findings.filter((f) => f.code === code).map((f) => f.range.start.line + 1);

describe('web chrome around a pasted report', () => {
  const text = read('portal-chrome.txt');
  const m = analyze(text);
  test('every chrome line is debris, the report lines are not', () => {
    assert.deepEqual(lineNumbers(m, 'debris'), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 30, 31, 32, 33, 34, 35, 36, 37]);
    assert.deepEqual([...new Set(m.findings.filter((f) => f.code === 'debris').map((f) => f.data?.kind))].sort(), [
      'metadata',
      'template',
      'web',
    ]);
  });
  test('the title comes from the report, never from a metadata line', () => {
    assert.equal(m.header.title?.text, '某某县司法局2024年法治政府建设年度报告');
    assert.equal(m.header.title?.range.start.line, 14);
    assert.deepEqual(m.header.bodies, []);
    assert.equal(m.header.addressee?.text, '县委、县政府：');
    assert.equal(m.year, 2024);
  });
  test('outline, parts and signature are read through the chrome', () => {
    assert.deepEqual(
      m.outline.map((n) => n.name),
      [
        '一、2024年推进法治政府建设的主要举措和成效',
        '二、2024年主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
        '三、2024年推进法治政府建设存在的不足和原因',
        '四、2025年推进法治政府建设的主要安排',
      ],
    );
    assert.deepEqual(presentParts(m), ['measures', 'shortcomings', 'first-responsible', 'next-year']);
    assert.equal(m.signature?.date?.text, '2025年1月20日');
    assert.deepEqual(
      m.findings.filter((f) => f.code !== 'debris').map((f) => f.code),
      [],
    );
  });
  test('fixing all debris removes exactly the chrome lines: every character of the report stays', () => {
    const lines = text.split('\n');
    const report = lines.slice(14, 29).join('\n') + '\n';
    assert.equal(fixAll(text, m, 'debris'), report);
  });
});

describe('text that lost its line breaks', () => {
  const text = read('run-on.txt');
  const m = analyze(text);
  test('the headings inside the one line are the outline, with their ordinals', () => {
    assert.equal(
      renderOutline(m.outline),
      [
        '一、2024年推进法治政府建设的主要举措和成效  @measures',
        '  （一）强化组织领导',
        '  （二）规范行政执法',
        '二、党政主要负责人履行推进法治建设第一责任人职责情况  @first-responsible',
        '三、存在的不足和原因  @shortcomings',
        '  一是执法力量不足',
        '  二是普法针对性不强',
        '四、2025年推进法治政府建设的主要安排  @next-year',
        '  （一）加强法治队伍建设',
        '  （二）深化普法宣传',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      m.parts.filter((p) => p.mandatory && !p.present),
      [],
    );
  });
  test('title and addressee are read from the start of the line, the 落款 from its end', () => {
    assert.equal(m.header.title?.text, '某某镇人民政府关于2024年度法治政府建设情况的报告');
    assert.deepEqual(
      m.signature?.bodies.map((b) => b.text),
      ['某某镇人民政府'],
    );
    assert.equal(m.signature?.date?.text, '2025年1月20日');
    assert.deepEqual(
      m.findings.map((f) => f.code),
      ['run-on-text'],
    );
    assert.deepEqual(m.header.title?.lines, [0]);
    assert.equal(m.header.addressee?.text, '区委、区政府：');
    assert.equal(m.year, 2024);
  });
  test('figures and 其中 groups are read inside the run-on line', () => {
    const total = m.figures.find((f) => f.value === 6 && f.unit === '次')!;
    assert.ok(total);
    assert.deepEqual(
      m.figures.filter((f) => f.partOf === total.index).map((f) => f.value),
      [4, 2],
    );
    assert.ok(m.figures.some((f) => f.value === 20 && f.unit === '卷'));
  });
  test('one run-on-text finding; its fix only inserts line breaks, and the result reads the same', () => {
    const ro = m.findings.filter((f) => f.code === 'run-on-text');
    assert.equal(ro.length, 1);
    assert.equal(ro[0].data?.headings, 8);
    const fixed = fixAll(text, m, 'run-on-text');
    assert.equal(fixed.replace(/\n/g, ''), text.replace(/\n/g, ''));
    assert.ok(fixed.split('\n').length > 12);
    const again = analyze(fixed);
    assert.deepEqual(
      again.findings.filter((f) => f.code === 'run-on-text'),
      [],
    );
    assert.equal(renderOutline(again.outline), renderOutline(m.outline));
    assert.equal(again.header.title?.text, m.header.title?.text);
    assert.deepEqual(presentParts(again), presentParts(m));
  });
});

describe('smaller intake shapes', () => {
  test('an enumeration inside a paragraph (：一、…；二、…) is not a run-on line', () => {
    const text =
      '某县2024年法治政府建设情况报告\n现将有关情况报告如下：\n一、主要举措和成效\n（一）加强学习。全年开展以下工作：一、加强学习；二、完善制度；三、强化执法。主要做法：二、规范执法。三、严格监督。\n二、存在的不足和原因\n人员不足。\n三、2025年工作安排\n继续努力。\n';
    const m = analyze(text);
    assert.deepEqual(
      m.outline.map((n) => n.name),
      ['一、主要举措和成效', '二、存在的不足和原因', '三、2025年工作安排'],
    );
    assert.deepEqual(
      m.findings.filter((f) => f.code === 'run-on-text'),
      [],
    );
  });
  test('one-sided ordinals 一) and 1) are headings, flagged by heading-style with a fix', () => {
    const text = [
      '某县2024年法治政府建设情况的报告',
      '一、主要举措和成效',
      '一)强化组织领导。全年召开会议5次。',
      '1）健全制度。',
      '2) 完善机制。',
      '二)规范执法。',
    ].join('\n');
    const m = analyze(text);
    assert.equal(
      renderOutline(m.outline),
      ['一、主要举措和成效  @measures', '  一)强化组织领导', '    1）健全制度', '    2) 完善机制', '  二)规范执法', ''].join('\n'),
    );
    const hs = m.findings.filter((f) => f.code === 'heading-style');
    assert.deepEqual(
      hs.map((f) => f.data?.expected),
      ['（一）', '（1）', '（2）', '（二）'],
    );
    assert.equal(
      applyEdits(
        text,
        hs.map((f) => f.fixes![0].edits[0]),
      )
        .split('\n')
        .slice(2)
        .join('|'),
      '（一）强化组织领导。全年召开会议5次。|（1）健全制度。|（2） 完善机制。|（二）规范执法。',
    );
  });
  test('measure words 卷, 家次, 宗, 批次, 台次 make figures (units are data)', () => {
    const m = analyze('一、主要举措和成效\n评查行政执法案卷120卷，走访企业36家次，查处案件12宗，抽检食品8批次，检查设备15台次。\n');
    assert.deepEqual(
      m.figures.map((f) => `${f.value}${f.unit}`),
      ['120卷', '36家次', '12宗', '8批次', '15台次'],
    );
    assert.equal(m.figures[0].label, '评查行政执法案卷');
  });
});

describe('part headings that lost their ordinals (Word numbering not copied)', () => {
  const text = read('lost-ordinals.txt');
  const m = analyze(text);
  test('lines that read as the standard part titles are the parts', () => {
    assert.equal(
      renderOutline(m.outline),
      [
        '2024年推进法治政府建设的主要举措和成效  @measures',
        '  （一）强化组织领导',
        '  （二）严格规范执法',
        '主要负责人履行推进法治建设第一责任人职责情况  @first-responsible',
        '存在的不足和原因  @shortcomings',
        '  一是执法人员专业能力有待提升',
        '  二是执法信息化水平不高',
        '2025年工作安排  @next-year',
        '  （一）加强执法队伍建设',
        '  （二）推进智慧监管',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      m.findings.filter((f) => f.code === 'missing-part'),
      [],
    );
    assert.equal(m.header.title?.text, '某某区市场监督管理局关于2024年度法治政府建设情况的报告');
    assert.equal(m.signature?.date?.text, '2025年1月25日');
  });
  test('each is flagged heading-style on its words; the fix writes the ordinal and nothing else', () => {
    const hs = m.findings.filter((f) => f.code === 'heading-style');
    assert.deepEqual(
      hs.map((f) => [f.range.start.line, f.data?.expected]),
      [
        [3, '一、'],
        [6, '二、'],
        [8, '三、'],
        [10, '四、'],
      ],
    );
    assert.deepEqual(
      m.findings.map((f) => f.code).filter((c) => c !== 'heading-style'),
      [],
    );
    const fixed = fixAll(text, m, 'heading-style');
    assert.deepEqual(
      fixed.split('\n').filter((_, i) => [3, 6, 8, 10].includes(i)),
      [
        '一、2024年推进法治政府建设的主要举措和成效',
        '二、主要负责人履行推进法治建设第一责任人职责情况',
        '三、存在的不足和原因',
        '四、2025年工作安排',
      ],
    );
    const again = analyze(fixed);
    assert.deepEqual(
      again.findings.map((f) => f.code),
      [],
    );
    assert.deepEqual(presentParts(again), presentParts(m));
  });
  test('a report with its ordinals is not read for lost ones; one part-like line alone is not enough', () => {
    const single = '某县2024年法治政府建设情况报告\n现将有关情况报告如下：\n存在的不足和原因\n执法力量不足。\n';
    assert.deepEqual(analyze(single).outline, []);
  });
});

describe('profile by content and table row labels', () => {
  const m = analyze(read('xxgk-mangled-title.txt'));
  test('a 政府信息公开 report whose title does not say so is recognised by its six parts', () => {
    assert.equal(m.profile.id, 'xxgk-annual');
    assert.deepEqual(
      m.outline.map((n) => n.name),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    assert.deepEqual(
      m.parts.filter((p) => !p.present).map((p) => p.id),
      [],
    );
  });
  test('table row labels (一、本年新收…, 三、本年度办理结果, （七）总计) are not headings', () => {
    assert.deepEqual(
      m.findings.filter((f) => f.code.startsWith('heading')),
      [],
    );
    assert.equal(m.outline[2].children.length, 0);
  });
  test('the same rows as tab-separated cells are not headings either', () => {
    const tabs = read('xxgk-mangled-title.txt').replace(/\n(\d+)(?=\n)/g, '\t$1');
    const t = analyze(tabs);
    assert.equal(t.profile.id, 'xxgk-annual');
    assert.equal(t.outline.length, 6);
    assert.deepEqual(
      t.findings.filter((f) => f.code.startsWith('heading')),
      [],
    );
  });
  test('a 法治政府 report without a title stays with the default profile', () => {
    const fz = read('lost-ordinals.txt').split('\n').slice(1).join('\n');
    assert.equal(analyze(fz).profile.id, 'fzzf-annual');
  });
});

describe('PDF text hard-wrapped at 28 characters, with page numbers and running headers', () => {
  const text = read('pdf-wrapped-28.txt');
  const m = analyze(text);
  test('headings broken over two lines are one heading; parts and title are right', () => {
    assert.deepEqual(
      m.outline.map((n) => n.name),
      [
        '一、2024年全面深入推进法治政府建设的主要举措和取得的成效',
        '二、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
        '三、2024年推进法治政府建设存在的不足和原因',
        '四、2025年推进法治政府建设的主要安排',
      ],
    );
    assert.deepEqual(
      m.outline.map((n) => n.parts.join('+')),
      ['measures', 'first-responsible', 'shortcomings', 'next-year'],
    );
    assert.deepEqual(
      m.outline[0].children.map((n) => n.name),
      ['（一）深化“放管服”改革', '（二）严格规范公正文明执法', '（三）依法化解矛盾纠纷'],
    );
    assert.equal(m.header.title?.text, '某某县人民政府关于2024年度法治政府建设情况的报告');
    assert.equal(m.signature?.date?.text, '2025年1月20日');
  });
  test('page numbers and the running header are debris, nothing else', () => {
    const debris = m.findings.filter((f) => f.code === 'debris');
    assert.deepEqual(
      debris.map((f) => [f.range.start.line + 1, f.data?.kind]),
      [
        [24, 'page-number'],
        [25, 'running-header'],
        [33, 'page-number'],
      ],
    );
    assert.deepEqual(
      m.findings.filter((f) => f.code !== 'debris').map((f) => f.code),
      [],
    );
    const fixed = fixAll(text, m, 'debris');
    assert.equal(
      fixed,
      text
        .split('\n')
        .filter((_, i) => ![23, 24, 32].includes(i))
        .join('\n'),
    );
  });
  test('a sentence broken over lines is one sentence: a 其中 group across the line end, a figure split by the wrap', () => {
    const total = m.figures.find((f) => f.text === '1356件')!;
    const items = m.figures.filter((f) => f.partOf === total.index);
    assert.deepEqual(
      items.map((f) => [f.text, f.label, f.range.start.line]),
      [
        ['600件', '简易程序案件', 13],
        ['756件', '普通程序案件', 13],
      ],
    );
    assert.equal(items[0].sentence, total.sentence);
    const split = m.figures.find((f) => f.text === '1200余人次')!;
    assert.deepEqual([split.range.start.line, split.range.end.line, split.label], [15, 16, '接待群众来访来信']);
    assert.equal(m.figures.find((f) => f.text === '812件')?.label, '调解成功矛盾纠纷');
  });
  test('the same report unwrapped reads the same', () => {
    const unwrapped = analyze(read('pdf-wrapped-28.txt').replace(/\n(?![　一二三四（某县2—]|$)/g, ''));
    assert.deepEqual(
      unwrapped.outline.map((n) => n.name),
      m.outline.map((n) => n.name),
    );
    assert.deepEqual(
      unwrapped.figures.map((f) => `${f.label}${f.value}${f.unit}`),
      m.figures.map((f) => `${f.label}${f.value}${f.unit}`),
    );
  });
});

describe('the seeds with every line break lost (a portal page flattened into one line)', { skip: needsSeeds }, () => {
  const flatten = (t: string) => t.replace(/\r?\n\s*/g, '');
  const outline = (m: ReportModel) => m.outline.map((n) => `${n.name} @${n.parts.join('+')}`);
  for (const n of [0, 1, 2, 3, 4]) {
    test(`seed ${n}: the same outline, parts and part findings as the original`, () => {
      const original = analyze(seed(n));
      const flat = analyze(flatten(seed(n)));
      assert.deepEqual(outline(flat), outline(original));
      assert.deepEqual(missingCodes(flat), missingCodes(original));
      assert.equal(flat.year, original.year);
      assert.ok(flat.header.title?.text.endsWith(original.header.title!.text), flat.header.title?.text);
      assert.equal(flat.signature?.date?.text, original.signature?.date?.text);
      assert.equal(flat.findings.filter((f) => f.code === 'run-on-text').length, 1);
    });
  }
  test('seed 2: the page chrome run into the line is debris; the fix removes it and no report text', () => {
    const text = flatten(seed(2));
    const m = analyze(text);
    const debris = m.findings.filter((f) => f.code === 'debris');
    assert.deepEqual(
      debris.map((f) => text.slice(f.range.start.character, f.range.start.character + 6)),
      ['您当前的位置', '日期:202', '扫一扫在手机'],
    );
    const fixed = fixAll(text, m, 'debris');
    const body = flatten(
      seed(2)
        .split('\n')
        .filter((l) => l.trim() && !/^(?:您当前|\[ 索引号|日期:|语音|进入|退出|扫一扫|返回|部门街镇|政务新媒体|智能问答|收起)/.test(l))
        .join('\n'),
    );
    assert.equal(fixed, body);
  });
});
