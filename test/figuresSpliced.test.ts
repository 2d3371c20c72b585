/**
 * A keystroke's figures spliced from the last analysis's (issue 27, figures/kept.ts) and the figure
 * rules' findings kept for the figures that did not change (rules/figureFindings.ts): typing that
 * accumulates into lines with figures — totals and their parts, shares, rates, a heading renamed
 * above figures, a line break typed between a total and its parts and taken out again, a sentence
 * end or a figure typed (every later figure's sentence or index changes) — reads as a fresh analysis
 * at every keystroke, figures and findings included.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, type ReportModel } from '../server/src/core';
import { spliceCounts } from '../server/src/core/figures/kept';
import { Typist } from '../server/src/lsp/typist';

const REPORT = [
  '某县人民政府关于2024年度法治政府建设情况的报告',
  '',
  '县委、县政府：',
  '现将有关情况报告如下：',
  '一、2024年推进法治政府建设的主要举措和成效',
  '（一）规范行政执法',
  '全年办理行政执法案件672件，其中行政许可269件，行政处罚172件，行政检查261件。',
  '全年受理复议案件100件，其中维持60件，占比60%，撤销40件，占比45%。',
  '组织执法人员培训6场次，覆盖120余人次。',
  '（二）化解矛盾纠纷',
  '全年排查矛盾纠纷215件，化解208件，化解成功率90%。',
  '排查矛盾纠纷50件，化解60件，调解成功率120%。',
  '二、存在的问题',
  '一是培训覆盖率达105%。二是普法形式较为单一。',
  '三、2025年工作打算',
  '（一）加强学法用法',
  '持续抓好领导干部学法，全年集中学法不少于4次。',
  '',
  '某县人民政府',
  '2025年1月20日',
].join('\n');

const json = (m: ReportModel) => JSON.stringify(m);

/** One keystroke: `text` with `insert` typed at `at`, or `remove` characters deleted there. */
interface Key {
  at: number;
  insert?: string;
  remove?: number;
}

/** A document typed into keystroke by keystroke; every version analysed with one cache and checked against a fresh analysis. */
class Session {
  readonly cache = new AnalysisCache();
  model: ReportModel;
  count = 0;

  constructor(
    public text: string,
    private readonly locale?: string,
  ) {
    this.model = this.analyse();
  }

  private analyse(locale = this.locale): ReportModel {
    const cached = analyze(this.text, { cache: this.cache, locale });
    assert.equal(json(cached), json(analyze(this.text, { locale })), `keystroke ${this.count} reads as fresh:\n${this.text}`);
    this.count++;
    return cached;
  }

  key(k: Key, locale?: string): ReportModel {
    this.text = this.text.slice(0, k.at) + (k.insert ?? '') + this.text.slice(k.at + (k.remove ?? 0));
    return (this.model = this.analyse(locale ?? this.locale));
  }

  /** Where `marker` ends (after), or starts, in the text. */
  at(marker: string, after = true): number {
    const i = this.text.indexOf(marker);
    assert.ok(i >= 0, `the text has ${marker}`);
    return after ? i + marker.length : i;
  }

  /** Types `word` character by character at `at`. */
  type(at: number, word: string): void {
    for (let k = 0; k < word.length; k++) this.key({ at: at + k, insert: word[k] });
  }

  /** Deletes `n` characters before `at`, one backspace at a time. */
  backspace(at: number, n: number): void {
    for (let k = 0; k < n; k++) this.key({ at: at - k - 1, remove: 1 });
  }
}

const codes = (m: ReportModel) => m.findings.filter((f) => f.code.startsWith('figure-')).map((f) => f.code);

describe('figures spliced and figure findings kept across keystrokes (issue 27)', () => {
  test('the report has every kind of figure finding to keep', () => {
    const m = analyze(REPORT);
    assert.deepEqual([...new Set(codes(m))].sort(), ['figure-percent', 'figure-rate', 'figure-sum']);
    assert.ok(codes(m).filter((c) => c === 'figure-percent').length >= 2, 'a share and a rate');
  });

  test('a word typed into a prose line keeps every figure and figure finding object', () => {
    const s = new Session(REPORT);
    const spliced = spliceCounts.spliced;
    const before = s.model;
    s.type(s.at('现将有关情况'), '和成效');
    assert.ok(spliceCounts.spliced - spliced >= 3, 'the keystrokes were spliced');
    assert.equal(s.model.figures, before.figures, 'the same figures array');
    const figureFindings = (m: ReportModel) => m.findings.filter((f) => f.code.startsWith('figure-'));
    assert.deepEqual(figureFindings(s.model), figureFindings(before));
    figureFindings(s.model).forEach((f, k) => assert.equal(f, figureFindings(before)[k], `${f.code} kept`));
  });

  test('a line typed into after its figures keeps its figure objects; typed into before them, moves them', () => {
    const s = new Session(REPORT);
    const before = s.model;
    const onLine = (m: ReportModel) => m.figures.filter((f) => f.line === 7);
    s.type(s.at('占比45%。'), '另有说明');
    assert.equal(s.model.figures, before.figures, 'the same figures array');
    const shares = (m: ReportModel) => m.findings.filter((f) => f.code === 'figure-percent');
    shares(s.model).forEach((f, k) => assert.equal(f, shares(before)[k], 'the share finding kept'));
    // Words after a figure that change it: 左右 makes it approximate.
    s.type(s.at('占比45%'), '左右');
    assert.equal(s.model.figures.find((f) => f.text.startsWith('45%'))?.modifier, '左右');
    s.backspace(s.at('占比45%左右'), 2);
    s.type(s.at('全年受理', false), '本');
    onLine(s.model).forEach((f, k) => assert.notEqual(f, onLine(before)[k], `${f.text} moved`));
  });

  test('a new paragraph typed above figures: after its line break, no keystroke moves a figure', () => {
    const s = new Session(REPORT);
    // A line break typed at the end of the first section's heading, then a sentence on the new empty line.
    const at = s.at('（一）规范行政执法');
    s.key({ at, insert: '\n' });
    const afterBreak = s.model;
    const spliced = spliceCounts.spliced;
    // The first character turns the empty line into text: an empty line ends a sentence as a line of text does,
    // so the sentence numbers after it stay (before, every later figure was placed again, ~6 ms in 1 MB).
    s.type(at + 1, '加强执法');
    assert.equal(spliceCounts.spliced - spliced, 4, 'every keystroke spliced');
    assert.equal(s.model.figures, afterBreak.figures, 'the same figures array');
    // And back: deleting the line's text to nothing.
    s.backspace(at + 5, 4);
    assert.equal(s.model.figures, afterBreak.figures, 'the same figures array after the text is deleted');
  });

  test('values of totals, parts, shares and rates typed over, digit by digit', () => {
    const s = new Session(REPORT);
    const spliced = spliceCounts.spliced;
    const untouched = s.model.figures.find((f) => f.text === '6场次')!;
    // A total made to match its parts (672 → 702), then back.
    let at = s.at('案件67');
    s.key({ at: at - 1, remove: 1 });
    s.key({ at: at - 2, remove: 1 });
    s.type(at - 2, '70');
    assert.ok(
      !codes(s.model).includes('figure-sum') || s.model.findings.every((f) => f.code !== 'figure-sum' || !f.message.includes('702')),
    );
    s.backspace(s.at('案件70'), 2);
    s.type(s.at('案件'), '67');
    // A part typed longer and shorter.
    at = s.at('行政处罚17');
    s.type(at, '0');
    s.backspace(at + 1, 1);
    // A share corrected (45% → 40%) and broken again.
    at = s.at('占比4');
    s.key({ at, remove: 1 });
    s.type(at, '0');
    s.backspace(at + 1, 1);
    s.type(at, '5');
    // A rate typed over (90% → 96.7%), and one over 100% brought under it.
    at = s.at('化解成功率9');
    s.backspace(at + 1, 1);
    s.type(at, '6.7');
    at = s.at('调解成功率1');
    s.backspace(at + 2, 2);
    s.type(at - 1, '9');
    // An outcome above its total, typed back under it.
    at = s.at('化解6');
    s.backspace(at + 1, 1);
    s.type(at - 1, '4');
    assert.ok(spliceCounts.spliced - spliced > 15, 'most keystrokes were spliced');
    assert.equal(
      s.model.figures.find((f) => f.text === '6场次'),
      untouched,
      'a figure on a line typed into by none of these is the same object',
    );
  });

  test('headings above figures renamed, character by character', () => {
    const s = new Session(REPORT);
    const spliced = spliceCounts.spliced;
    s.backspace(s.at('（一）规范行政执法'), 2);
    s.type(s.at('（一）规范行政'), '执法监督');
    assert.deepEqual(s.model.figures.find((f) => f.text === '672件')!.section.slice(-1), ['（一）规范行政执法监督']);
    // The level-1 heading over both sections.
    s.backspace(s.at('主要举措和成效'), 2);
    s.type(s.at('主要举措和'), '亮点');
    assert.ok(s.model.figures.find((f) => f.text === '215件')!.section[0].endsWith('主要举措和亮点'));
    // A heading's ordinal typed away and back: the sections it held go to the section before.
    const at = s.at('（二）化解', false);
    s.key({ at, remove: 1 });
    s.key({ at, remove: 1 });
    s.key({ at, remove: 1 });
    s.type(at, '（二）');
    assert.ok(spliceCounts.spliced - spliced > 8, 'the renames were spliced');
  });

  test('a line break typed between a total and its parts, and taken out; sentence ends and figures typed', () => {
    const s = new Session(REPORT);
    // The 其中 list loses its total for as long as the break stands.
    const at = s.at('672件，');
    s.key({ at, insert: '\n' });
    assert.ok(!s.model.findings.some((f) => f.code === 'figure-sum' && f.message.includes('672')));
    s.type(at + 1, '另');
    s.backspace(at + 2, 1);
    s.key({ at, remove: 1 });
    // An empty line inserted between two lines of figures, typed into, and deleted.
    const between = s.at('占比45%。');
    s.key({ at: between, insert: '\n' });
    s.type(between + 1, '另有3件');
    s.backspace(between + 5, 4);
    s.key({ at: between, remove: 1 });
    // A sentence end typed into a line of figures: every later figure's sentence number moves.
    const end = s.at('行政许可269件');
    s.type(end, '。新增');
    s.backspace(end + 3, 3);
    // A figure typed into a prose line: every later figure's index moves.
    s.type(s.at('二是普法形式'), '覆盖12个');
    s.backspace(s.at('覆盖12个'), 5);
  });

  test('another locale between two keystrokes reads as fresh in each', () => {
    const s = new Session(REPORT);
    const at = s.at('行政处罚17');
    s.key({ at, insert: '0' }, 'en');
    s.key({ at: at + 1, insert: '0' }, 'en');
    s.key({ at: at + 2, insert: '0' });
    s.key({ at: at + 3, insert: '0' }, 'en');
  });

  test('typing as people type, into a report dense with figures, reads as fresh at every keystroke', () => {
    // The report's sections several times over: every run lands near figures.
    const body = REPORT.split('\n').slice(4, 17);
    const text = [...REPORT.split('\n').slice(0, 4), ...body, ...body, ...body, ...REPORT.split('\n').slice(17)].join('\n');
    for (const run of [0, 3]) {
      const typist = new Typist(text, run);
      const cache = new AnalysisCache();
      for (let i = 0; i < 60; i++) {
        const current = typist.text();
        assert.equal(json(analyze(current, { cache })), json(analyze(current)), `keystroke ${i} (run ${run})`);
        typist.next();
      }
    }
  });
});
