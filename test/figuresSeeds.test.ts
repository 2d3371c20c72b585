// Figures of the five real reports (DOMAIN.md §3–4), checked by hand: what is found, and the only
// three contradictions the seeds hold (no false alarms).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, type ReportModel } from '../server/src/core';
import { needsSeeds, seed } from './support/seeds';

// seed, line (1-based), text as written, value, unit, label, approximate
const EXPECTED: [number, number, string, number, string, string, boolean][] = [
  [0, 9, '13名', 13, '名', '组织在编人员', false],
  [0, 11, '1600余件', 1600, '件', '青木关镇全面梳理历年发文', true],
  [0, 12, '200余次', 200, '次', '提供合同审查', true],
  [0, 14, '293条', 293, '条', '主动公开政府信息', false],
  [0, 14, '0件', 0, '件', '收到政府信息依申请公开', false],
  [0, 16, '150余家', 150, '家', '靠前服务企业', true],
  [0, 16, '13家', 13, '家', '新申报科技型企业', false],
  [0, 16, '5家', 5, '家', '创新型中小企业', false],
  [0, 17, '20余场次', 20, '场次', '开展普法宣传活动', true],
  [0, 17, '1万余份', 10000, '份', '张贴、悬挂、发放宣传资料', true],
  [0, 17, '50余人次', 50, '人次', '现场解答法律咨询', true],
  [0, 20, '5次', 5, '次', '带头学法', false],
  [1, 10, '672件', 672, '件', '办理行政执法案件', false],
  [1, 10, '269件', 269, '件', '行政许可', false],
  [1, 10, '36%', 36, '%', '行政许可占比', false],
  [1, 10, '27条', 27, '条', '旺草镇主动公开政府信息', false],
  [1, 11, '572件', 572, '件', '排查矛盾纠纷', false],
  [1, 11, '551件', 551, '件', '化解矛盾纠纷', false],
  [1, 11, '96%', 96, '%', '化解成功率', false],
  [1, 11, '51800元', 51800, '元', '申请落实案补经费', false],
  [1, 11, '25份', 25, '份', '出具家暴告诫书', false],
  [1, 12, '70余次', 70, '次', '提供法律咨询', true],
  [1, 12, '3件次', 3, '件次', '镇党委政府主要领导参与涉政府诉讼案件应诉', false],
  [2, 20, '11次', 11, '次', '开展专题学习', false],
  [2, 20, '40场次', 40, '场次', '组织法治培训', false],
  [2, 20, '800余人次', 800, '人次', '覆盖法治培训', true],
  [2, 20, '5000余份', 5000, '份', '发放宣传资料', true],
  [2, 24, '2800余次', 2800, '次', '开展行政执法检查', true],
  [2, 24, '4000余起', 4000, '起', '查处违法行为', true],
  [2, 28, '53名', 53, '名', '配备调解员', false],
  [2, 28, '38个', 38, '个', '划分网格', false],
  [2, 28, '40人次', 40, '人次', '来访登记', false],
  [2, 28, '826件', 826, '件', '排查调处矛盾纠纷', false],
  [2, 28, '99.39%', 99.39, '%', '调解成功率', false],
  [2, 34, '807件', 807, '件', '通过该模式化解疑难纠纷', false],
  [2, 78, '100%以上', 100, '%', '特殊群体普法覆盖率', true],
  [3, 11, '120余人次', 120, '人次', '参与法治培训人数', true],
  [3, 13, '100余条', 100, '条', '在主要街道、路口悬挂普法宣传横幅、制作法治宣传标语', true],
  [3, 13, '20余块', 20, '块', '设立法治宣传栏', true],
  [4, 12, '199家', 199, '家', '成功注册企业', false],
  [4, 16, '6件', 6, '件', '行政应诉案件', false],
  [4, 18, '788件', 788, '件', '调解矛盾纠纷', false],
  [4, 18, '98%以上', 98, '%', '调解成功率', true],
  [4, 20, '9万余户', 90000, '户', '入户宣传走访', true],
  [4, 20, '1440条', 1440, '条', '解决问题', false],
];

const figureFindings = (m: ReportModel) =>
  m.findings
    .filter((f) => f.code.startsWith('figure'))
    .map(
      (f) =>
        `${f.code}@${f.range.start.line + 1}:${m.figures.find((g) => g.range.start.line === f.range.start.line && g.range.start.character === f.range.start.character)?.text}`,
    );

describe('figures on the seeds', { skip: needsSeeds }, () => {
  const models = [0, 1, 2, 3, 4].map((n) => analyze(seed(n)));

  test(`${EXPECTED.length} hand-checked figures are found with value, unit, label and approximation`, () => {
    for (const [n, line, text, value, unit, label, approximate] of EXPECTED) {
      const found = models[n].figures.filter((f) => f.line === line - 1 && f.text === text);
      assert.ok(found.length > 0, `seed ${n} line ${line}: ${text} not found`);
      assert.ok(
        found.some((f) => f.value === value && f.unit === unit && f.label === label && f.approximate === approximate),
        `seed ${n} line ${line}: ${text} → ${JSON.stringify(found.map((f) => [f.value, f.unit, f.label, f.approximate]))}`,
      );
    }
  });

  test('no years, dates, titles, slogans or ordinals among them', () => {
    const all = models.flatMap((m) => m.figures.map((f) => f.text));
    for (const bad of ['2024年', '2025年', '2021', '1+6+1', '5+2', '6·26', '2026', '八五', '三统一', '二期']) {
      assert.ok(!all.some((t) => t.includes(bad)), bad);
    }
    assert.ok(all.length >= 150, `only ${all.length} figures`);
  });

  test('001: figure-sum on 672件 and figure-percent on the shares, at line 10', () => {
    assert.deepEqual(figureFindings(models[1]), ['figure-sum@10:672件', 'figure-percent@10:36%']);
    const pct = models[1].findings.find((f) => f.code === 'figure-percent')!;
    assert.match(pct.message, /40\.0%（写作36%）.*25\.6%（写作25%）.*38\.8%（写作39%）/);
    assert.equal(pct.range.end.character - pct.range.start.character, '36%；行政确认172件，占比25%；行政检查261件，占比39%'.length);
  });

  test('002: figure-rate on 覆盖率达100%以上; no other figure finding in any seed', () => {
    assert.deepEqual(figureFindings(models[2]), ['figure-rate@78:100%以上']);
    for (const n of [0, 3, 4]) assert.deepEqual(figureFindings(models[n]), [], `seed ${n}`);
  });

  test('figures know their section and part', () => {
    const f = models[1].figures.find((g) => g.text === '672件')!;
    assert.deepEqual(f.section, ['一、工作开展情况', '（四）完善依法行政制度体系', '一是落实依法行政工作责任制']);
    assert.deepEqual(f.parts, ['measures']);
    const r = models[2].figures.find((g) => g.text === '100%以上')!;
    assert.deepEqual(r.parts, ['next-year']);
  });
});
