/**
 * Figure findings moved with their figures (issue 27, figures/kept.ts `noteMoves`,
 * rules/figureFindings.ts): when a keystroke adds or removes lines, or changes how many figures a
 * line holds, the figures are read in full again, and every figure after the edit has another line
 * or index. A line that reads as a line of the last analysis did keeps its findings, moved to its
 * line and indexes now; only the other lines' figures are checked again. Each analysis here is
 * compared with a fresh one: the same findings, in the same order, at the same places.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, AnalysisCache, type Finding, type ReportModel } from '../server/src/core';
import { movedFindingCounts } from '../server/src/core/rules/figureFindings';

const LINES = [
  '关于2024年法治政府建设情况的报告',
  '',
  '一、2024年推进法治政府建设的主要举措和成效',
  '（一）严格规范行政执法',
  '全年办理行政执法案件131件，其中行政许可81件、行政处罚56件。',
  '行政复议纠错率达到105%，较上年有所提高。',
  '排查矛盾纠纷50件，化解60件。',
  '办理行政执法案件675件，其中行政许可275件，占比40%；行政确认175件，占比26%；行政检查225件，占比46%。',
  '',
];

const figureFindings = (m: ReportModel): Finding[] => m.findings.filter((f) => f.code.startsWith('figure-'));

/** Analyses of `texts` in turn with one cache, each compared with a fresh analysis; how many findings each moved. */
function typed(texts: readonly string[]): { models: ReportModel[]; moved: number[] } {
  const cache = new AnalysisCache();
  const models: ReportModel[] = [];
  const moved: number[] = [];
  for (const [i, text] of texts.entries()) {
    const before = movedFindingCounts.moved;
    const cached = analyze(text, { cache });
    moved.push(movedFindingCounts.moved - before);
    assert.deepEqual(cached.findings, analyze(text).findings, `text ${i}: the findings differ from a fresh analysis`);
    models.push(cached);
  }
  return { models, moved };
}

const lineOf = (m: ReportModel, code: string, message: string): number => {
  const f = figureFindings(m).find((x) => x.code === code && x.message.includes(message));
  assert.ok(f, `a ${code} finding about ${message}`);
  return f.range.start.line;
};

describe('figure findings moved with their figures', () => {
  test('the text has a finding of each figure rule', () => {
    const codes = figureFindings(analyze(LINES.join('\n'))).map((f) => f.code);
    assert.deepEqual([...new Set(codes)].sort(), ['figure-percent', 'figure-rate', 'figure-sum']);
  });

  test('a line added above them (Enter): every finding moves down a line, only the edited line’s is checked again', () => {
    const added = [...LINES.slice(0, 4), '', ...LINES.slice(4)];
    const { models, moved } = typed([LINES.join('\n'), added.join('\n')]);
    // The line the line break went into is the edit's (the sum's): read and checked again; the three below moved.
    assert.equal(moved[1], figureFindings(models[0]).length - 1);
    assert.equal(lineOf(models[1], 'figure-sum', '131件'), lineOf(models[0], 'figure-sum', '131件') + 1);
    assert.equal(lineOf(models[1], 'figure-percent', '675件'), lineOf(models[0], 'figure-percent', '675件') + 1);
  });

  test('a line with a finding deleted: the findings below move up, the deleted one is gone', () => {
    const deleted = LINES.filter((_, i) => i !== 5); // 行政复议纠错率达到105%
    const { models, moved } = typed([LINES.join('\n'), deleted.join('\n')]);
    // The sum above stays, the shares below move up; the deleted line's finding is gone, and the line the
    // deletion joined onto (the edit's: 化解60件) is read and checked again.
    assert.equal(moved[1], figureFindings(models[0]).length - 2);
    assert.ok(!figureFindings(models[1]).some((f) => f.message.includes('105%')));
    assert.equal(lineOf(models[1], 'figure-rate', '60件'), lineOf(models[0], 'figure-rate', '60件') - 1);
  });

  test('a figure typed into a line above them: their figure indexes move, the line numbers do not', () => {
    const more = LINES.map((l, i) => (i === 4 ? l.replace('行政处罚56件。', '行政处罚56件、行政强制6件。') : l));
    const { models, moved } = typed([LINES.join('\n'), more.join('\n')]);
    // The sum on the edited line is checked again (131 against 81 + 56 + 6); the three below are moved.
    assert.equal(moved[1], 3);
    assert.ok(figureFindings(models[1]).some((f) => f.message.includes('81 + 56 + 6')));
  });

  test('the figures of older analyses are not kept alive by the newest (no chain of analyses naming the one before)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const cache = new AnalysisCache();
    let lines = [...LINES];
    const first = new WeakRef(analyze(lines.join('\n'), { cache }).figures);
    let latest: ReportModel | undefined;
    for (let k = 0; k < 12; k++) {
      // Lines added and removed (full readings, moves noted) and typed into (splices) in turn.
      if (k % 3 === 0) lines = [...lines.slice(0, 4), '', ...lines.slice(4)];
      else if (k % 3 === 1) lines = lines.map((l) => (l.startsWith('排查') ? l.replace('50件', `${50 + k}件`) : l));
      else lines = lines.filter((l, i) => i !== 4 || l !== '');
      latest = analyze(lines.join('\n'), { cache });
    }
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.ok(latest!.figures.length > 0);
    assert.equal(first.deref(), undefined, 'the first analysis’s figures were collected');
  });

  test('lines added, deleted and typed into in turn, with figures changing: always what a fresh analysis finds', () => {
    const texts: string[] = [];
    let lines = [...LINES];
    const push = () => texts.push(lines.join('\n'));
    push();
    for (let round = 0; round < 6; round++) {
      lines = [...lines.slice(0, 3), `（${'二三四五六七'[round]}）新增工作${round}`, ...lines.slice(3)];
      push();
      lines = lines.map((l) => (l.startsWith('排查矛盾纠纷') ? `排查矛盾纠纷${50 + round * 7}件，化解${60 - round * 3}件。` : l));
      push();
      lines = [...lines, `办理复议案件${100 + round}件，其中维持${40 + round}件、纠错${50}件。`];
      push();
      lines = lines.filter((_, i) => i !== 4);
      push();
    }
    const { moved } = typed(texts);
    assert.ok(moved.reduce((a, b) => a + b, 0) > 0, 'some findings were moved (the path under test ran)');
  });
});
