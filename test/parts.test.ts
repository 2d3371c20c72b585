// Which parts a report has: recognition from the profile, for the variety of real headings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../server/src/core';
import { dedent, missingCodes, presentParts } from './support/render';

/** The parts a heading names by itself (inferred parts excluded), in a report of `year`. */
function partsOfHeading(heading: string, year: number): string[] {
  const m = analyze(`关于${year}年法治政府建设情况的报告\n${heading}\n内容。\n`);
  return m.outline[0].inferredPart ? [] : [...m.outline[0].parts];
}

// [heading, parts, report year]
const headings: [string, string[], number?][] = [
  ['一、2024年推进法治政府建设的主要举措和成效', ['measures'], 2024],
  ['一、工作开展情况', ['measures']],
  ['一、主要举措和成效', ['measures']],
  ['一、推进法治政府建设的主要举措及成效', ['measures']],
  ['一、2023年目标任务完成情况', ['measures']],
  ['一、2023年度法治政府建设工作情况', ['measures']],
  ['二、2024年主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况', ['first-responsible'], 2024],
  ['三、主要负责人履行推进法治建设第一责任人职责情况', ['first-responsible']],
  ['二、党政主要负责人履行推进法治建设第一责任人职责情况', ['first-responsible']],
  ['三、2024年推进法治政府建设存在的不足和原因', ['shortcomings'], 2024],
  ['二、存在的问题', ['shortcomings']],
  ['四、存在的不足和原因', ['shortcomings']],
  ['三、问题与不足', ['shortcomings']],
  ['四、2025年推进法治政府建设的工作思路目标举措', ['next-year'], 2024],
  ['三、下一步打算', ['next-year']],
  ['五、2026年工作思路、目标和举措', ['next-year'], 2025],
  ['四、2024年主要举措', ['next-year'], 2023],
  ['二、2024年主要工作思路和打算', ['next-year']],
  ['四、下步工作计划', ['next-year']],
  ['三、存在的问题及2024年工作思路目标举措', ['shortcomings', 'next-year']],
  ['一、2023年工作开展情况及存在的问题', ['measures', 'shortcomings']],
  ['五、其他需要报告的情况', ['other']],
  ['三、存在的困难与挑战', ['shortcomings']],
  ['三、面临的主要困难', ['shortcomings']],
  ['三、存在的困难和问题', ['shortcomings']],
  ['四、下一阶段工作安排', ['next-year']],
  ['四、下年度工作打算', ['next-year']],
  ['四、2024年重点工作', ['next-year']],
  ['二、主要负责人履职情况', ['first-responsible']],
  ['二、履行推进法治建设第一责任人职责情况', ['first-responsible']],
  ['五、其他需要报告的事项', ['other']],
  ['二、依法全面履行政府职能', []],
  ['八、健全社会矛盾纠纷行政预防调处化解体系，推进社会治理法治化', []],
  ['九、加强法治政府建设科技保障，全面建设数字法治政府', []],
  ['一、坚持高位谋划，压紧压实法治建设责任', []],
  ['二、创新普法工作思路，提升全民法治素养', []],
  ['三、补齐基层法治短板，夯实法治政府建设基础', []],
  ['四、依法全面履行政府职能，缩小城乡公共服务差距', []],
  ['三、工作短板和不足', ['shortcomings']],
  ['三、存在的差距和原因', ['shortcomings']],
  ['四、2024年工作谋划', ['next-year']],
  ['四、下一步工作思路和举措', ['next-year']],
  ['一、2023年法治政府建设工作总结', ['measures']],
  ['四、2024年法治政府建设工作要点', ['next-year']],
  ['二、法治建设第一责任人职责履行情况', ['first-responsible']],
  ['三、需要改进的方面', ['shortcomings']],
  ['三、当前面临的挑战', ['shortcomings']],
  ['四、新的一年工作安排', ['next-year']],
  ['四、２０２４年重点工作', ['next-year'], 2023],
  ['二、落实党政主要负责人法治建设责任情况', ['first-responsible']],
  ['二、党政主要领导法治建设责任落实情况', ['first-responsible']],
  ['五、其他需要说明的情况', ['other']],
  ['二、特色亮点', []],
  ['一、坚持党的全面领导，统筹推进法治政府建设', []],
];

for (const [heading, parts, year = 2023] of headings) {
  test(`parts: ${heading} → ${parts.join('+') || '(none)'}`, () => {
    assert.deepEqual(partsOfHeading(heading, year), parts);
  });
}

test("parts: a heading naming the report year is not next year's plan", () => {
  assert.deepEqual(partsOfHeading('一、2023年工作计划执行情况', 2023), ['measures']);
});

test('parts: topical level-1 parts before the shortcomings stand for the measures part', () => {
  const m = analyze(
    dedent(`
    某市人民政府关于2023年法治政府建设情况的报告
    一、坚持党的全面领导，统筹推进法治政府建设
    内容。
    二、依法全面履行政府职能
    内容。
    三、党政主要负责人履行推进法治建设第一责任人职责情况
    内容。
    四、存在的不足和原因
    内容。
    五、2024年工作安排
    内容。
  `),
  );
  assert.deepEqual(
    m.outline.map((n) => n.parts.join('+')),
    ['measures', 'measures', 'first-responsible', 'shortcomings', 'next-year'],
  );
  assert.equal(m.outline[0].inferredPart, true);
  assert.deepEqual(missingCodes(m), []);
  assert.equal(m.parts.find((p) => p.id === 'measures')!.inferred, true);
});

test('parts: order does not matter — first-responsible first is fine', () => {
  const m = analyze(
    dedent(`
    关于2023年法治政府建设情况的报告
    一、党政主要负责人履行推进法治建设第一责任人职责情况
    二、2023年推进法治政府建设的主要举措和成效
    三、存在的不足和原因
    四、2024年工作思路
  `),
  );
  assert.deepEqual(presentParts(m), ['measures', 'shortcomings', 'first-responsible', 'next-year']);
});

test('parts: a part present only as a sub-item is missing, and the finding says where the sub-item is', () => {
  const m = analyze(
    dedent(`
    2023年法治政府建设年度报告
    一、2023年目标任务完成情况
    （1）强化组织领导
    一是党政主要负责人履行推进法治政府建设第一责任人职责。持续推进。
    二、存在的不足和原因
    三、2024年工作打算
  `),
  );
  assert.deepEqual(missingCodes(m), ['first-responsible']);
  const f = m.findings[0];
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } });
  assert.equal(f.data?.mentionedAt, 3);
  assert.match(f.message, /第4行的“一是党政主要负责人履行推进法治政府建设第一责任人职责”/);
});

test('parts: every mandatory part is missing from a text without headings; the finding sits on the first line', () => {
  const m = analyze('\n这是一段文字。\n');
  assert.deepEqual(missingCodes(m), ['measures', 'shortcomings', 'first-responsible', 'next-year']);
  assert.deepEqual(m.findings[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
});

test('parts: messages in English on request', () => {
  const m = analyze('一、主要举措和成效\n', { locale: 'en-US' });
  assert.equal(m.findings[0].message, 'Missing mandatory part: Shortcomings and their causes');
});

test('parts: a small report whose top level is （一） or 1. has its parts there', () => {
  const paren = analyze(
    dedent(`
    某镇2023年法治政府建设工作报告
    （一）主要举措和成效
    1.加强学法。
    （二）主要负责人履行推进法治建设第一责任人职责情况
    （三）存在的问题
    （四）2024年工作打算
  `),
  );
  assert.deepEqual(missingCodes(paren), []);
  const dotted = analyze(
    dedent(`
    某局2023年法治政府建设工作报告
    1.主要举措和成效
    （1）加强学法。
    2.存在的不足和原因
    3.下一步工作计划
  `),
  );
  assert.deepEqual(missingCodes(dotted), ['first-responsible']);
});

test('parts: a plan heading whose year does not fit the title is still the plan (year-mismatch says so), not a missing part', () => {
  const m = analyze(
    dedent(`
    某区2024年法治政府建设年度报告
    一、2023年工作开展情况
    二、主要负责人履行推进法治建设第一责任人职责情况
    三、存在的不足和原因
    四、2024年工作计划
  `),
  );
  assert.deepEqual(missingCodes(m), []);
  assert.deepEqual(
    m.outline.map((n) => n.parts.join('+')),
    ['measures', 'first-responsible', 'shortcomings', 'next-year'],
  );
  assert.deepEqual(
    m.findings.filter((f) => f.code === 'year-mismatch').map((f) => f.range.start.line),
    [1, 4],
  );
});
