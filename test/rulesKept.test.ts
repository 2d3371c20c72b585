/**
 * Issue 27, round 9: the rules' bookkeeping keeps what did not change. A line-local rule's unchanged
 * lines hand out their model findings whole (rules/lineFindings.ts through rules/run.ts), and the rules
 * over the outline (heading-sequence, heading-style, part-without-causes) hand out their last findings
 * while the outline reads as it did (rules/outlineKept.ts). Each analysis with the cache must read as a
 * fresh one — fields and order of every finding — whatever changed between them: a word, a heading, a
 * line above, the severities, the hidden findings.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, type AnalyzeOptions, type ReportModel } from '../server/src/core';
import { randomEditsReadAsFresh } from './support/freshEdits';
import { Typist } from '../server/src/lsp/typist';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');

const json = (m: ReportModel) => JSON.stringify(m);

/** Each text analysed in turn with one cache (and its options), each compared with a fresh analysis. */
function asFresh(texts: readonly string[], options: readonly Omit<AnalyzeOptions, 'cache'>[] = []): ReportModel[] {
  const cache = new AnalysisCache();
  return texts.map((text, i) => {
    const cached = analyze(text, { ...options[i], cache });
    assert.equal(json(cached), json(analyze(text, options[i])), `text ${i} reads as fresh`);
    return cached;
  });
}

/** A report with a finding of every rule this round keeps: the outline's and the line-local ones. */
const REPORT = [
  '某县人民政府关于2023年度法治政府建设情况的报告',
  '',
  '一、2023年推进法治政府建设的主要举措和成效',
  '(一)强化领导,全年组织学法12次。',
  '（三）完善制度，XX月完成。',
  '1、规范执法，全面推行行政执法三项制度。',
  '三、存在的不足和原因',
  '队伍力量不足，执法水平有待提高。',
  '  四、下一步工作安排',
  '……',
  '五、党政主要负责人履行推进法治建设第一责任人职责情况',
  '主要负责人带头学法，“述法。',
  '',
  '某县人民政府',
  '2024年1月28日',
];
const TEXT = REPORT.join('\n');

const OUTLINE_RULES = ['heading-sequence', 'heading-style', 'part-without-causes'];
const codes = (m: ReportModel, code: string) => m.findings.filter((f) => f.code === code);

/** `text` with `what` typed one character at a time after `after`: every version, in order. */
function typed(text: string, after: string, what: string): string[] {
  const at = text.indexOf(after) + after.length;
  assert.ok(at >= after.length, `${after} is in the text`);
  return [...what].map((_, k) => text.slice(0, at) + what.slice(0, k + 1) + text.slice(at));
}

describe('rules keep what did not change (round 9)', () => {
  test('a word typed into prose keeps the outline rules’ finding objects; a cause typed ends part-without-causes', () => {
    const texts = [TEXT, ...typed(TEXT, '执法水平有待提高', '，究其原因是编制少')];
    const models = asFresh(texts);
    const first = models[0];
    for (const code of OUTLINE_RULES) assert.ok(codes(first, code).length > 0, `${code} found`);
    // Typed into prose (the line after a heading, which does not run on into it): the outline rules hand out the same objects.
    for (const code of ['heading-sequence', 'heading-style'])
      for (const f of codes(first, code)) assert.ok(models[2].findings.includes(f), `${code} on line ${f.range.start.line} kept`);
    // 究其 typed into the shortcomings part: its finding goes, as in a fresh analysis.
    assert.equal(codes(models[2], 'part-without-causes').length, 1);
    assert.equal(codes(models[3], 'part-without-causes').length, 0);
    assert.equal(codes(models.at(-1)!, 'part-without-causes').length, 0);
  });

  test('line-local findings of unchanged lines are the same objects, whole lines at once', () => {
    const texts = [TEXT, ...typed(TEXT, '主要负责人带头', '学习')];
    const models = asFresh(texts);
    for (const code of ['punctuation-width', 'placeholder'])
      for (const f of codes(models[0], code)) assert.ok(models[2].findings.includes(f), `${code} kept`);
  });

  test('a heading renamed, its ordinal changed, a heading inserted and deleted read as fresh', () => {
    const renamed = typed(TEXT, '三、存在的不足', '问题');
    const renumbered = TEXT.replace('三、存在', '二、存在');
    const inserted = TEXT.replace('  四、下一步', '二、加强监督\n  四、下一步');
    const items = TEXT.replace('（三）完善', '（二）完善');
    const models = asFresh([TEXT, ...renamed, TEXT, renumbered, TEXT, inserted, TEXT, items, renumbered, inserted]);
    const sequence = (m: ReportModel) => codes(m, 'heading-sequence').map((f) => f.range.start.line);
    assert.deepEqual(sequence(models[0]), [6, 4]);
    // Renamed, its ordinal as it was: the ordinal rules hand out the same objects.
    for (const code of ['heading-sequence', 'heading-style'])
      for (const f of codes(models[0], code)) assert.ok(models[renamed.length].findings.includes(f), `${code} kept`);
    assert.deepEqual(sequence(models[renamed.length + 2]), [8, 4], 'renumbered: 三、 is 二、 now, 四、 is out of step');
  });

  test('an ordinal rewritten in place (same width, another form) reads as fresh', () => {
    const half = TEXT.replace('（三）完善', '(三)完善');
    const comma = TEXT.replace('1、规范', '1.规范');
    const models = asFresh([TEXT, half, TEXT, comma, half, TEXT]);
    const style = (m: ReportModel) => codes(m, 'heading-style').map((f) => f.range.start.line);
    assert.deepEqual(style(models[0]), [3, 5, 8]);
    assert.deepEqual(style(models[1]), [3, 4, 5, 8]);
    assert.deepEqual(style(models[3]), [3, 8]);
  });

  test('a line inserted or deleted above the findings moves them, as fresh', () => {
    const above = TEXT.replace('一、2023年', '新的一行。\n一、2023年');
    const models = asFresh([TEXT, above, TEXT, above, above.replace('新的一行。', '新的一行，')]);
    const lines = (m: ReportModel) => codes(m, 'heading-style').map((f) => f.range.start.line);
    assert.deepEqual(
      lines(models[1]),
      lines(models[0]).map((l) => l + 1),
    );
  });

  // A report whose part headings lost their ordinals (its outline is never spliced into: document/structure.ts).
  test('the line after a heading it runs on into changes the heading: its findings read as fresh', () => {
    const lost = [
      '某县人民政府关于2023年度法治政府建设情况的报告',
      '',
      '县人民政府：',
      '现将我县2023年法治政府建设情况报告如下。',
      '主要举措和成效',
      '全年组织学法12次，完成各项任务。',
      '存在的不足和',
      '原因',
      '队伍力量不足。',
      '下一步工作安排',
      '继续推进各项工作。',
      '',
      '某县人民政府',
      '2024年1月28日',
    ].join('\n');
    // Compared by outline and findings (a short diff), not the whole model.
    const digest = (m: ReportModel) => JSON.stringify([m.outline.map((n) => n.name), m.findings.map((f) => [f.code, f.range, f.message])]);
    const cache = new AnalysisCache();
    // Typed into the run-on line (原因 → 原因分析), then into a heading that lost its ordinal (an empty span: its
    // heading-style finding ends with its title).
    const models = [lost, ...typed(lost, '\n原因', '分析'), ...typed(lost, '主要举措和成效', '情况')].map((text, i) => {
      const cached = analyze(text, { cache });
      assert.equal(digest(cached), digest(analyze(text)), `text ${i} reads as fresh`);
      return cached;
    });
    const style = (m: ReportModel) => codes(m, 'heading-style').find((f) => f.range.start.line === 6)!;
    assert.equal(style(models[0]).range.end.character, 2);
    assert.equal(style(models[2]).range.end.character, 4, 'the lost part heading now ends after 原因分析');
    const measures = codes(models.at(-1)!, 'heading-style').find((f) => f.range.start.line === 4)!;
    assert.equal(measures.range.end.character, 9, 'the lost part heading now ends after 主要举措和成效情况');
  });

  test('severities changed between analyses read as fresh', () => {
    const severities: AnalyzeOptions['severities'][] = [
      undefined,
      { 'punctuation-width': 'error', 'heading-style': 'information', placeholder: 'hint' },
      undefined,
      { 'heading-sequence': 'off', debris: 'error', 'part-without-causes': 'error' },
      { 'heading-sequence': 'error' },
      undefined,
    ];
    const texts = typed(TEXT, '队伍力量', '不足').concat(TEXT, TEXT, TEXT, TEXT).slice(0, severities.length);
    const models = asFresh(
      texts,
      severities.map((s) => ({ severities: s })),
    );
    assert.equal(codes(models[1], 'punctuation-width')[0].severity, 'error');
    assert.equal(codes(models[1], 'heading-style')[0].severity, 'information');
    assert.equal(codes(models[2], 'punctuation-width')[0].severity, 'warning');
    assert.equal(codes(models[4], 'heading-sequence')[0].severity, 'error');
  });

  test('ignore entries changed between analyses read as fresh', () => {
    const ignore = [
      [],
      [{ rule: 'placeholder', text: '（三）完善制度，XX月完成。' }],
      [{ rule: 'heading-style', text: '(一)强化领导,全年组织学法12次。' }],
      [
        { rule: 'heading-style', text: '(一)强化领导,全年组织学法12次。' },
        { rule: 'punctuation-width', text: ' (一)强化领导,全年组织学法12次。 ' },
      ],
      [],
    ];
    const texts = typed(TEXT, '队伍力量', '不足很明显').slice(0, ignore.length);
    const models = asFresh(
      texts,
      ignore.map((i) => ({ ignore: i })),
    );
    assert.equal(codes(models[1], 'placeholder').length, 0);
    assert.equal(codes(models[3], 'heading-style').filter((f) => f.range.start.line === 3).length, 0);
    assert.equal(codes(models[3], 'punctuation-width').length, 0, 'an entry is compared trimmed');
    assert.equal(codes(models[4], 'placeholder').length, 1);
  });

  test('accumulating typing into the example and into a document of headings reads as fresh at every keystroke', () => {
    const headings = [
      '某县人民政府关于2023年度法治政府建设情况的报告',
      ...Array.from({ length: 40 }, (_, i) =>
        i % 5 === 0
          ? `${['一', '二', '三', '四', '五', '六', '七', '八'][i / 5]}、工作部署`
          : `（${['一', '二', '三', '五'][(i % 5) - 1]}）具体举措`,
      ),
      '某县人民政府',
      '2024年1月28日',
    ].join('\n');
    for (const [name, text] of [
      ['example', EXAMPLE],
      ['headings', headings],
    ]) {
      const typist = new Typist(text, 2);
      const cache = new AnalysisCache();
      analyze(text, { cache });
      for (let i = 0; i < 80; i++) {
        const k = typist.next();
        const now = typist.text();
        assert.equal(json(analyze(now, { cache })), json(analyze(now)), `${name}: keystroke ${i} (${k.kind})`);
      }
    }
  });

  test('random edits of ordinals, headings, causes and line breaks read as fresh', () => {
    const pieces = ['一、', '（一）', '(二)', '1、', '三、', '\n', '', '。', '和', '原因', 'XX', ',', '  ', '……'];
    randomEditsReadAsFresh([...REPORT.slice(0, 12), ...REPORT.slice(2, 12), ...REPORT.slice(12)].join('\n'), pieces, 9, 4);
  });
});
