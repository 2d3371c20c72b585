/**
 * Figures kept from one analysis to the next (issue 27, figures/extract.ts and placement.ts): a line
 * that survived the edit hands out its figure objects again, and only when each still reads as a
 * fresh analysis reads it — the same sections (a renamed heading above it), the same sentence and
 * index (a sentence or a figure added before it), the same line. An older model is never changed.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, type Figure, type ReportModel } from '../server/src/core';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');

/** The example with a line of `line` replaced. */
function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the example has ${from}`);
  return text.replace(from, to);
}

/** Analyses of `texts` in turn with one cache, each compared with a fresh analysis; the models in order. */
function typed(texts: readonly string[]): ReportModel[] {
  const cache = new AnalysisCache();
  return texts.map((text, i) => {
    const cached = analyze(text, { cache });
    assert.deepEqual(cached.figures, analyze(text).figures, `text ${i}: the figures differ from a fresh analysis`);
    return cached;
  });
}

const at = (m: ReportModel, text: string): Figure => {
  const f = m.figures.find((x) => x.text === text);
  assert.ok(f, `a figure ${text}`);
  return f;
};

describe('figures kept across analyses', () => {
  test('an edit in a prose line keeps every other line’s figure objects, in the edited section too', () => {
    const edited = replaced(EXAMPLE, '制定年度工作要点', '制定年度工作要点和计划');
    const [before, after] = typed([EXAMPLE, edited]);
    assert.equal(after.figures.length, before.figures.length);
    // 4次 stands on the edited line; every other figure is the object the last analysis made.
    for (let k = 0; k < after.figures.length; k++) {
      if (after.figures[k].text === '4次' && after.figures[k].line === at(before, '4次').line) continue;
      assert.equal(after.figures[k], before.figures[k], `figure ${after.figures[k].text} was made again`);
    }
  });

  test('a renamed heading: the figures under it, on lines that did not change, name the new section', () => {
    const renamed = replaced(EXAMPLE, '（二）规范行政执法', '（二）严格规范行政执法');
    const [before, after, back] = typed([EXAMPLE, renamed, EXAMPLE]);
    assert.deepEqual(at(before, '128件').section.slice(-1), ['（二）规范行政执法']);
    assert.deepEqual(at(after, '128件').section.slice(-1), ['（二）严格规范行政执法']);
    assert.notEqual(at(after, '128件'), at(before, '128件'));
    assert.deepEqual(at(back, '128件').section.slice(-1), ['（二）规范行政执法']);
    // The figures of the other sections are kept.
    assert.equal(at(after, '215件'), at(before, '215件'));
  });

  test('a level-1 heading renamed: the names of every section under it change', () => {
    const renamed = replaced(EXAMPLE, '一、2024年推进法治政府建设的主要举措和成效', '一、2024年法治政府建设的举措和成效');
    const [before, after] = typed([EXAMPLE, renamed]);
    assert.equal(at(after, '215件').section[0], '一、2024年法治政府建设的举措和成效');
    assert.notEqual(at(after, '215件'), at(before, '215件'));
  });

  test('a sentence or a figure added before a line: its kept figures are numbered anew', () => {
    const sentence = replaced(EXAMPLE, '二是压实工作责任。', '二是压实工作责任。三是强化监督。');
    const figure = replaced(EXAMPLE, '制定年度工作要点。', '制定年度工作要点3项。');
    const [before, moreSentences, , moreFigures] = typed([EXAMPLE, sentence, EXAMPLE, figure]);
    assert.equal(at(moreSentences, '128件').sentence, at(before, '128件').sentence + 1);
    assert.equal(at(moreFigures, '128件').index, at(before, '128件').index + 1);
    assert.equal(at(moreFigures, '128件').subjectFrom, undefined);
    assert.equal(at(moreFigures, '76件').partOf, at(moreFigures, '128件').index);
  });

  test('a line moved down by a line added above it: its figures stand on their new line', () => {
    const [before, after] = typed([EXAMPLE, replaced(EXAMPLE, '（二）规范行政执法\n', '（二）规范行政执法\n执法工作有序开展。\n')]);
    assert.equal(at(after, '128件').line, at(before, '128件').line + 1);
    assert.equal(at(after, '128件').range.start.line, at(after, '128件').line);
    assert.equal(at(after, '215件').line, at(before, '215件').line + 1);
  });

  test('figure-rate: a kept figure keeps its finding; a changed figure, total or locale makes a new one', () => {
    const text = replaced(EXAMPLE, '化解成功率96.7%。', '化解成功率96.7%，调解覆盖率达105%。\n排查隐患50件，化解60件。');
    const edited = replaced(text, '制定年度工作要点', '制定年度工作要点和计划');
    const rate = replaced(edited, '覆盖率达105%', '覆盖率达107%');
    const total = replaced(rate, '排查隐患50件', '排查隐患55件');
    const rates = (m: ReportModel) => m.findings.filter((f) => f.code === 'figure-rate');
    const cache = new AnalysisCache();
    const seen = [text, edited, rate, total, total, total].map((t, i) => {
      const locale = i === 4 ? 'en' : 'zh-cn';
      const cached = analyze(t, { cache, locale });
      assert.deepEqual(cached.findings, analyze(t, { locale }).findings, `text ${i}`);
      const found = rates(cached);
      assert.equal(found.length, 2, `text ${i}: the rate over 100% and the count above its total`);
      return found;
    });
    // An edit elsewhere: both findings are the objects the last analysis made.
    assert.equal(seen[1][0], seen[0][0]);
    assert.equal(seen[1][1], seen[0][1]);
    // The rate changed: its finding is new and says 107%; the count's is kept.
    assert.match(seen[2][0].message, /107%/);
    assert.equal(seen[2][1], seen[1][1]);
    // The total changed: the count's finding names the new total.
    assert.match(seen[3][1].message, /55/);
    // Another locale between two analyses: the messages follow it, and come back.
    assert.notEqual(seen[4][0].message, seen[3][0].message);
    assert.equal(seen[5][0].message, seen[3][0].message);
  });

  test('an older model reads as it did after later analyses of its document', () => {
    const cache = new AnalysisCache();
    const first = analyze(EXAMPLE, { cache });
    const snapshot = JSON.stringify(first.figures);
    for (const text of [
      replaced(EXAMPLE, '（二）规范行政执法', '（二）严格规范行政执法'),
      replaced(EXAMPLE, '二是压实工作责任。', '二是压实工作责任。三是强化监督。'),
      '\n' + EXAMPLE,
      EXAMPLE,
    ])
      analyze(text, { cache });
    assert.equal(JSON.stringify(first.figures), snapshot);
  });
});
