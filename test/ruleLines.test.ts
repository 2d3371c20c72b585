/**
 * Issue 27: a keystroke's line-local rule work is the changed lines' (rules/lineChanges.ts). The
 * rules compute only the lines that read differently from the last analysis and hand out the last
 * analysis's findings for the others — which must never be stale: a line moved by a line inserted
 * above it, or read differently because of an edit elsewhere (its ordinal, its heading flag, its
 * paragraph), reads as in a fresh analysis.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, type ReportModel } from '../server/src/core';
import { emitLineFindings } from '../server/src/core/rules/lineFindings';
import type { Rule } from '../server/src/core/rules/rule';
import { randomEditsReadAsFresh } from './support/freshEdits';
import { Typist } from '../server/src/lsp/typist';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');

const json = (m: ReportModel) => JSON.stringify(m);

/** Each text analysed in turn with one cache, each compared with a fresh analysis. */
function asFresh(texts: readonly string[], rules?: readonly Rule[]): ReportModel[] {
  const cache = new AnalysisCache();
  return texts.map((text, i) => {
    const cached = analyze(text, { cache, rules });
    assert.equal(json(cached), json(analyze(text, { rules })), `text ${i} reads as fresh`);
    return cached;
  });
}

const REPORT = [
  '某县人民政府关于2023年度法治政府建设情况的报告',
  '',
  '一、2023年推进法治政府建设的主要举措和成效',
  '（一）强化领导，全年组织学法12次，XX月完成。',
  '二、存在的不足和原因',
  '队伍力量不足。原因是编制少“待补充。',
  '',
  '某县人民政府',
  '2024年1月28日',
  '附件：',
  '(三)加强监督,严格执法。',
];

describe('line-local rules computed for the changed lines only', () => {
  test('a line whose ordinal an edit elsewhere gives or takes (after 附件：) reads as fresh', () => {
    const attachment = REPORT.join('\n');
    const body = REPORT.map((l) => (l === '附件：' ? '附' : l)).join('\n');
    const [first, second, third] = asFresh([attachment, body, attachment]);
    const widths = (m: ReportModel) => m.findings.filter((f) => f.code === 'punctuation-width' && f.range.start.line === 10);
    // As an attachment's line its (三) is text with half-width brackets; in the body it is an ordinal.
    assert.match(widths(first)[0].message, /3/);
    assert.match(widths(second)[0].message, /1/);
    assert.match(widths(third)[0].message, /3/);
  });

  test('findings below a line inserted or deleted move with their lines; an edit elsewhere keeps their objects', () => {
    const text = REPORT.join('\n');
    const inserted = text.replace('二、存在', '新的一行，\n二、存在');
    // The third analysis, back to the text, is checked against a fresh one by asFresh.
    const [first, second] = asFresh([text, inserted, text]);
    const below = (m: ReportModel, line: number) => m.findings.filter((f) => f.range.start.line === line).map((f) => f.code);
    assert.deepEqual(below(second, 6), below(first, 5), 'the findings of line 5 are on line 6 after the insert');
    assert.ok(below(first, 5).includes('placeholder') || below(first, 5).includes('unbalanced-pair'));
    // A keystroke within line 3 hands out the same finding objects for every other line.
    const typed = text.replace('强化领导', '强化领导力');
    const [, fourth] = asFresh([text, typed]);
    const cache = new AnalysisCache();
    const a = analyze(text, { cache });
    const b = analyze(typed, { cache });
    assert.equal(json(b), json(fourth));
    for (const f of a.findings.filter((f) => f.range.start.line !== 3 && ['punctuation-width', 'placeholder', 'debris'].includes(f.code)))
      assert.ok(b.findings.includes(f), `${f.code} on line ${f.range.start.line} kept`);
  });

  test('a keystroke computes the edited line, not every line', () => {
    const seen: string[] = [];
    const counting: Rule = {
      code: 'count-lines',
      defaultSeverity: 'information',
      description: { 'zh-cn': '行', en: 'lines' },
      docs: { finds: 'every line with 法' },
      run(ctx, emit) {
        emitLineFindings(ctx, 'count-lines', emit, (cl) => {
          seen.push(cl.line.text);
          const at = cl.line.text.indexOf('法');
          return at < 0 ? [] : [{ start: at, end: at + 1, message: '法' }];
        });
      },
    };
    const typist = new Typist(EXAMPLE);
    const cache = new AnalysisCache();
    analyze(EXAMPLE, { cache, rules: [counting] });
    const lines = EXAMPLE.split('\n').length;
    for (let i = 0; i < 60; i++) {
      const k = typist.next();
      seen.length = 0;
      const text = typist.text();
      const m = analyze(text, { cache, rules: [counting] });
      // The edited lines and the first line of the edit: never the document.
      assert.ok(seen.length <= 3, `keystroke ${i} (${k.kind}) computed ${seen.length} of ${lines} lines`);
      assert.equal(json(m), json(analyze(text, { rules: [counting] })), `keystroke ${i} (${k.kind}) reads as fresh`);
    }
  });

  test('accumulating typing into the example reads as fresh at every keystroke, in both locales', () => {
    for (const locale of ['zh-cn', 'en']) {
      const typist = new Typist(EXAMPLE, 1);
      const cache = new AnalysisCache();
      for (let i = 0; i < 80; i++) {
        typist.next();
        const text = typist.text();
        assert.equal(json(analyze(text, { cache, locale })), json(analyze(text, { locale })), `keystroke ${i} (${locale})`);
      }
    }
  });
});

describe('unbalanced-pair over changed lines', () => {
  const lines = [
    '某县人民政府关于2023年度法治政府建设情况的报告',
    '',
    '一、主要举措',
    '他说“要依法办事。',
    '继续推进”工作。',
    '引用《规划（2021—',
    '2025年）的内容',
    '完成。',
    '二、存在的不足',
    '（一）队伍“不足。',
  ];
  const pairs = (m: ReportModel) =>
    m.findings.filter((f) => f.code === 'unbalanced-pair').map((f) => `${f.range.start.line}:${f.range.start.character}`);

  test('a line that stops or starts ending its paragraph changes what the unchanged line after it reports', () => {
    const text = lines.join('\n');
    const joined = text.replace('要依法办事。', '要依法办事');
    const [first, second, third] = asFresh([text, joined, text]);
    assert.ok(pairs(first).includes('4:4'), 'the stray ” on line 4');
    assert.ok(!pairs(second).includes('4:4'), 'closed by the “ of line 3 once that line runs on');
    assert.deepEqual(pairs(third), pairs(first));
  });

  test('a paragraph over several lines moved by a line inserted or deleted above it reports on its new lines', () => {
    const text = lines.join('\n');
    const inserted = text.replace('一、主要举措', '一、主要举措\n新增说明。');
    const [first, second] = asFresh([text, inserted, text, inserted.replace('新增说明。\n', ''), inserted]);
    assert.ok(pairs(first).includes('5:2'), 'the 《 of line 5 never closed');
    assert.ok(pairs(second).includes('6:2'), 'one line down after the insert');
  });

  test('random edits with brackets, paragraph ends and line breaks read as fresh', () => {
    const pieces = ['“', '”', '《', '》', '（', '）', '。', '\n', '', '一、', '，'];
    randomEditsReadAsFresh([...lines, ...lines.slice(2), ...lines.slice(2)].join('\n'), pieces, 27, 3);
  });
});
