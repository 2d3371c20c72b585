// DOMAIN.md §3 — what the five real reports contain, checked by hand — asserted on the engine.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../server/src/core';
import { missingCodes, presentParts } from './support/render';
import { needsSeeds, seed } from './support/seeds';

describe('seeds (../shared/seeds)', { skip: needsSeeds }, () => {
  test('000 青木关镇 2024: four parts, no missing-part; 一 has （一）（二）（三）, 四 has （一）…（四）', () => {
    const m = analyze(seed(0));
    assert.equal(m.year, 2024);
    assert.deepEqual(missingCodes(m), []);
    assert.deepEqual(presentParts(m), ['measures', 'shortcomings', 'first-responsible', 'next-year']);
    assert.equal(m.outline.length, 4);
    assert.deepEqual(
      m.outline.map((n) => n.ordinal.text),
      ['一、', '二、', '三、', '四、'],
    );
    assert.deepEqual(
      m.outline[0].children.map((n) => n.ordinal.text),
      ['（一）', '（二）', '（三）'],
    );
    assert.deepEqual(
      m.outline[3].children.map((n) => n.ordinal.text),
      ['（一）', '（二）', '（三）', '（四）'],
    );
    assert.equal(m.outline[0].children[0].children[0].name, '一是拓展学习高度');
    assert.equal(m.outline[3].parts[0], 'next-year');
    assert.ok(m.debris.some((d) => d.text === '[bookmark: _GoBack]'));
  });

  test('001 旺草镇 2024: exactly first-responsible missing; （四）（五） found behind [bookmark: …]', () => {
    const m = analyze(seed(1));
    assert.deepEqual(missingCodes(m), ['first-responsible']);
    assert.deepEqual(presentParts(m), ['measures', 'shortcomings', 'next-year']);
    const one = m.outline[0];
    assert.deepEqual(
      one.children.map((n) => n.ordinal.text),
      ['（1）', '（2）', '（三）', '（四）', '（五）', '（六）'],
    );
    assert.equal(one.children[3].name, '（四）完善依法行政制度体系');
    assert.equal(one.children[4].name, '（五）推动多元化解矛盾，提升平安建设水平');
    assert.equal(m.debris.filter((d) => d.kind === 'bookmark').length, 2);
  });

  test('002 关坝镇 2025: five parts incl. the extra 特色亮点, no missing-part; web debris set aside', () => {
    const m = analyze(seed(2));
    assert.equal(m.year, 2025);
    assert.deepEqual(missingCodes(m), []);
    assert.deepEqual(
      m.outline.map((n) => n.parts.join('+')),
      ['measures', '', 'first-responsible', 'shortcomings', 'next-year'],
    );
    assert.equal(m.outline[0].children[0].name, '(一)强化法治思想引领,筑牢思想根基');
    assert.equal(m.outline[3].children[0].ordinal.text, '(一)、');
    assert.equal(m.header.title?.text, '重庆市綦江区关坝镇人民政府关于2025年度法治政府建设情况的报告');
    for (const chrome of ['语音播报', '扫一扫在手机打开当前页', '返回主站', '返回顶部']) {
      assert.ok(
        m.debris.some((d) => d.text === chrome),
        chrome,
      );
    }
    assert.ok(m.debris.some((d) => d.text.startsWith('您当前的位置')));
    assert.ok(m.debris.some((d) => d.text.startsWith('[ 索引号 ]')));
  });

  test('003 雍溪镇 2023: shortcomings and next-year share one heading; no missing-part; signature read', () => {
    const m = analyze(seed(3));
    assert.equal(m.year, 2023);
    assert.deepEqual(missingCodes(m), []);
    assert.deepEqual([...m.outline[2].parts], ['shortcomings', 'next-year']);
    assert.equal(m.signature?.date?.text, '2024年1月30日');
    assert.equal(m.signature?.bodies.length, 2);
  });

  test('004 八桥镇 2023: exactly shortcomings and first-responsible missing; the sub-item is pointed at', () => {
    const m = analyze(seed(4));
    assert.deepEqual(missingCodes(m), ['shortcomings', 'first-responsible']);
    const fr = m.findings.find((f) => f.data?.part === 'first-responsible')!;
    assert.equal(fr.data?.mentionedAt, 6);
    assert.match(fr.message, /一是党政主要负责人履行推进法治政府建设第一责任人职责/);
    // The level-1 heading indented with spaces is still a level-1 part.
    assert.equal(m.outline[1].name, '二、2024年主要工作思路和打算');
    assert.equal(m.outline[1].ordinal.range.start.character, 3);
  });
});
