// Snippets: generated from the profile (the file is current), and every snippet, expanded with
// its defaults, reads right to the real engine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { analyze, builtinProfiles, defaultProfile } from '../server/src/core';
import { snippetsJson, type Snippet } from '../scripts/lib/snippets';
import { expandSnippet } from './support/snippetExpand';
import { renderOutline } from './support/render';

const FILE = resolve(__dirname, '..', '..', 'snippets', 'govreport.json');
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(FILE, 'utf8'));
const JAN_2025 = { CURRENT_YEAR: '2025', CURRENT_MONTH: '01', CURRENT_DATE: '20' };
const byPrefix = (p: string) => Object.values(snippets).find((s) => s.prefix.includes(p))!;
const STRUCTURE_CODES = ['missing-part', 'heading-sequence', 'heading-style'];

test('snippets: the file is generated from the profile (run node out/scripts/snippets.js)', () => {
  assert.equal(
    readFileSync(FILE, 'utf8'),
    snippetsJson(
      defaultProfile(),
      builtinProfiles.filter((p) => p !== defaultProfile()),
    ),
  );
});

test('snippets: the 政府信息公开 whole report chooses its own profile and has its six parts', () => {
  const text = expandSnippet(byPrefix('xxgk').body, { variables: JAN_2025 });
  const m = analyze(text);
  assert.equal(m.profile.id, 'xxgk-annual');
  assert.equal(m.header.title?.text, '某某镇人民政府2024年政府信息公开工作年度报告');
  assert.deepEqual(
    m.findings.filter((f) => STRUCTURE_CODES.includes(f.code)).map((f) => f.message),
    [],
  );
  assert.equal(m.parts.filter((p) => p.present).length, 6);
  assert.equal(byPrefix('信息公开报告'), byPrefix('xxgk'));
});

test('snippets: Chinese and pinyin prefixes for the report, each part, the items and the signature', () => {
  for (const [zh, py] of [
    ['报告', 'bg'],
    ['举措', 'jc'],
    ['责任人', 'zrr'],
    ['不足', 'bz'],
    ['安排', 'ap'],
    ['落款', 'lk'],
    ['一是', 'ys'],
  ]) {
    assert.ok(byPrefix(zh), zh);
    assert.equal(byPrefix(zh), byPrefix(py), `${zh} and ${py} are the same snippet`);
  }
});

test('snippets: every snippet expands with its defaults, leaving no snippet syntax', () => {
  for (const [name, s] of Object.entries(snippets)) {
    const text = expandSnippet(s.body, { variables: JAN_2025 });
    assert.doesNotMatch(text, /\$|\{(?:year|nextYear|cursor)\}/, name);
  }
});

test('snippets: the whole report, written in January 2025, reports on 2024 and plans 2025, with nothing missing', () => {
  const text = expandSnippet(byPrefix('bg').body, { variables: JAN_2025 });
  const m = analyze(text);
  assert.deepEqual(
    m.findings.filter((f) => STRUCTURE_CODES.includes(f.code)).map((f) => f.message),
    [],
  );
  assert.equal(m.year, 2024);
  assert.equal(m.header.title?.text, '某某镇人民政府关于2024年法治政府建设情况的报告');
  assert.equal(m.header.addressee?.text, '区委、区政府：');
  assert.match(m.header.lead?.text ?? '', /现将有关情况报告如下：$/);
  assert.equal(m.signature?.date?.text, '2025年1月20日');
  assert.deepEqual(
    m.parts.filter((p) => p.mandatory).map((p) => [p.id, p.present]),
    [
      ['measures', true],
      ['shortcomings', true],
      ['first-responsible', true],
      ['next-year', true],
    ],
  );
  assert.equal(
    renderOutline(m.outline)
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .join('\n'),
    [
      '一、2024年推进法治政府建设的主要举措和成效  @measures',
      '二、2024年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况  @first-responsible',
      '三、2024年推进法治政府建设存在的不足和原因  @shortcomings',
      '四、2025年推进法治政府建设的主要安排  @next-year',
    ].join('\n'),
  );
});

test('snippets: the years follow the report year the writer types, across a decade', () => {
  const typed = expandSnippet(byPrefix('bg').body, { variables: JAN_2025, typed: { 2: '2029' } });
  assert.match(typed, /关于2029年法治政府建设/);
  assert.match(typed, /四、2030年推进法治政府建设的主要安排/);
  const jan2030 = expandSnippet(byPrefix('bg').body, { variables: { ...JAN_2025, CURRENT_YEAR: '2030' } });
  assert.match(jan2030, /关于2029年/);
  assert.match(jan2030, /四、2030年/);
  assert.match(jan2030, /2030年1月20日/);
});

test('snippets: each part alone is recognised as that part', () => {
  for (const [prefix, part] of [
    ['jc', 'measures'],
    ['zrr', 'first-responsible'],
    ['bz', 'shortcomings'],
    ['ap', 'next-year'],
  ]) {
    const text = '关于2024年法治政府建设情况的报告\n' + expandSnippet(byPrefix(prefix).body, { variables: JAN_2025 });
    const m = analyze(text);
    assert.deepEqual(m.outline[0].parts, [part], `${prefix}: ${m.outline[0].name}`);
    assert.equal(m.outline[0].ordinal.text, '一、');
  }
});

test('snippets: the heading levels nest one below the other; 一是 items and the signature read right', () => {
  const text = ['h1', 'h2', 'h3', 'h4', 'ys']
    .map((p) => expandSnippet(byPrefix(p).body, { variables: JAN_2025 }).replace(/\n$/, ''))
    .join('\n');
  assert.equal(
    renderOutline(analyze(text).outline),
    '一、标题  @measures?\n  （一）标题\n    1.标题\n      （1）标题\n        一是……\n        二是……\n        三是……\n',
  );
  const signed =
    '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n内容。\n' + expandSnippet(byPrefix('lk').body, { variables: JAN_2025 });
  const m = analyze(signed);
  assert.equal(m.signature?.bodies[0]?.text, '某某镇人民政府');
  assert.equal(m.signature?.date?.text, '2025年1月20日');
});
