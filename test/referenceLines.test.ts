/**
 * Issue 27: dated-reference and outdated-reference keep their findings by line (rules/citationLines.ts):
 * a keystroke reads the edited line's citations only, and what depends on the whole report — its
 * day and year (the newest congress or plenum by then, the year a plan period is read for) and
 * whether a line lies in the next-year part — is asked anew at every analysis. The oracle: typed
 * keystroke by keystroke near citations, through edits that flip the findings, every cached analysis
 * equals a fresh one.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, type Finding, type ReportModel } from '../server/src/core';
import { referenceTable, type ReferenceDefinition } from '../server/src/core/references/table';
import { Typist } from '../server/src/lsp/typist';

const json = (m: ReportModel) => JSON.stringify(m);
const CODES = new Set(['dated-reference', 'outdated-reference']);
const refs = (m: ReportModel): Finding[] => m.findings.filter((f) => CODES.has(f.code));
/** The reference findings as short strings: rule, place, kind (or the id cited). */
const names = (m: ReportModel) =>
  refs(m).map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character} ${String(f.data?.kind ?? f.data?.id)}`);

/** Each text analysed in turn with one cache, each compared with a fresh analysis, findings included. */
function asFresh(texts: readonly string[]): ReportModel[] {
  const cache = new AnalysisCache();
  return texts.map((text, i) => {
    const cached = analyze(text, { cache });
    assert.equal(json(cached), json(analyze(text)), `text ${i} reads as fresh`);
    return cached;
  });
}

/** Edits made one keystroke at a time: every text on the way, in order. */
class Keys {
  readonly texts: string[] = [];
  constructor(private lines: string[]) {}
  get text(): string {
    return this.lines.join('\n');
  }
  /** Types `chars` one by one at the first occurrence of `after`'s end on line `line`. */
  type(line: number, after: string, chars: string): this {
    let at = this.lines[line].indexOf(after);
    assert.ok(at >= 0, `line ${line} has ${after}`);
    at += after.length;
    for (const ch of chars) {
      const l = this.lines[line];
      this.lines[line] = l.slice(0, at) + ch + l.slice(at);
      at++;
      this.texts.push(this.text);
    }
    return this;
  }
  /** Deletes the `n` characters before the end of `before` on line `line`, one by one (backspace). */
  erase(line: number, before: string, n: number): this {
    const end = this.lines[line].indexOf(before) + before.length;
    assert.ok(end >= before.length, `line ${line} has ${before}`);
    for (let i = 0; i < n; i++) {
      const l = this.lines[line];
      this.lines[line] = l.slice(0, end - i - 1) + l.slice(end - i);
      this.texts.push(this.text);
    }
    return this;
  }
  /** A new line typed above line `line`, Enter first. */
  insertLine(line: number, chars: string): this {
    this.lines.splice(line, 0, '');
    this.texts.push(this.text);
    for (const ch of chars) {
      this.lines[line] += ch;
      this.texts.push(this.text);
    }
    return this;
  }
  deleteLine(line: number): this {
    this.lines.splice(line, 1);
    this.texts.push(this.text);
    return this;
  }
}

const REPORT = [
  '关于2024年法治政府建设情况的报告',
  '',
  '区委、区政府：',
  '2024年，我镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中全会精神。现将有关情况报告如下：',
  '一、2024年推进法治政府建设的主要举措和成效',
  '（一）强化领导。深入学习贯彻党的十九届四中全会精神。全年组织学法12次。',
  '（二）规范执法。深入学习贯彻党的二十届四中全会精神，加强法制宣传教育。',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '主要负责人带头学法，专题研究法治工作4次。',
  '三、存在的不足和原因',
  '一是普法形式单一。主要原因是投入不足。',
  '四、2025年工作安排',
  '对标“十四五”规划目标，继续加强普法宣传。',
  '',
  '某镇人民政府',
  '2025年1月20日',
];

describe('reference findings kept by line', () => {
  test('typing into the citations, the date, the title and the plan heading: every analysis reads as fresh, and the findings flip', () => {
    const keys = new Keys([...REPORT]);
    const start = keys.text;
    keys
      // A guiding-thought list growing: 二十届二中全会 → 二十届二中全会、三中全会 (current in a 2024 report).
      .type(3, '二十届二中全会', '、三中全会')
      // 十九届四中全会 → 十九届四中全会和五中全会: still an older congress's plenum.
      .type(5, '十九届四中全会', '和五中全会')
      // The 成文日期 moves past 二十届四中全会 (October 2025): the list stops short again, the dated citation is due.
      .erase(15, '2025', 1)
      .type(15, '202', '6')
      // The report year: 2024 → 2025 (through a title with no year).
      .erase(0, '2024', 1)
      .type(0, '202', '5')
      // The plan heading renamed: the 十四五 line below it is in the next-year part, then not, then again.
      .erase(11, '工作安排', 4)
      .type(11, '2025年', '工作安排')
      // A line typed above the citations (they move), then deleted.
      .insertLine(4, '全面贯彻党的十九大精神。')
      .deleteLine(4);
    const models = asFresh([start, ...keys.texts]);
    const seen = new Set(models.map((m) => names(m).join('|')));
    assert.ok(seen.size >= 5, `the reference findings changed along the way (${seen.size} states)`);
    const first = names(models[0]);
    // 2024 report signed 2025-01-20: 二十届四中全会 is dated; 二十届二中全会 and 十九届四中全会 stop short; 法制宣传 is an old name.
    assert.ok(first.includes('dated-reference@6:14 cpc-20-4'), first.join('\n'));
    assert.ok(first.includes('outdated-reference@3:41 guiding-thought'), first.join('\n'));
    assert.ok(first.includes('outdated-reference@5:14 guiding-thought'), first.join('\n'));
    assert.ok(
      first.some((n) => n.startsWith('outdated-reference@6:') && n.endsWith(' name')),
      first.join('\n'),
    );
    // After the edits: a 2025 report signed 2026-01-20 — 二十届四中全会 happened, 三中全会 is short of it.
    const last = names(models.at(-1)!);
    assert.ok(!last.some((n) => n.startsWith('dated-reference')), last.join('\n'));
    assert.ok(last.includes('outdated-reference@3:41 guiding-thought'), last.join('\n'));
    // 十四五 in the plan for 2026 of a 2025 report.
    assert.ok(last.includes('outdated-reference@12:3 period'), last.join('\n'));
  });

  test('a period cited without a year follows the next-year part when only a heading elsewhere changes', () => {
    const plan = REPORT.map((l) => l.replace('2024', '2025').replace('2025年1月', '2026年1月').replace('四、2025年', '四、2026年')).join(
      '\n',
    );
    // The plan heading loses its part: line 12 reads as before, its part does not.
    const noPlan = plan.replace('四、2026年工作安排', '四、其他情况');
    const models = asFresh([plan, noPlan, plan]);
    const period = (m: ReportModel) => refs(m).filter((f) => f.data?.kind === 'period' && f.range.start.line === 12);
    assert.equal(period(models[0]).length, 1, names(models[0]).join('\n'));
    assert.equal(period(models[0])[0].data?.year, 2026);
    assert.equal(period(models[1]).length, 0, 'outside the plan the report year (2025) is in the period');
    assert.equal(period(models[2]).length, 1);
  });

  test('a keystroke elsewhere hands out the same finding objects', () => {
    const text = REPORT.join('\n');
    const typed = text.replace('专题研究法治工作', '专题研究法治工作和');
    const cache = new AnalysisCache();
    const a = analyze(text, { cache });
    const b = analyze(typed, { cache });
    assert.equal(json(b), json(analyze(typed)));
    assert.ok(refs(a).length >= 4);
    for (const f of refs(a)) assert.ok(b.findings.includes(f), `${f.code} on line ${f.range.start.line} kept`);
  });

  test('a keystroke scans the edited line for citations; a new 成文日期 judges every line again but scans none', () => {
    // A workspace's table of its own, whose line test counts the lines scanned.
    const extra: readonly ReferenceDefinition[] = [{ id: 'local-campaign', kind: 'event', names: ['清风行动'], date: '2025-03-01' }];
    const table = referenceTable(extra);
    let scans = 0;
    const groupsIn = table.filter.groupsIn.bind(table.filter);
    table.filter.groupsIn = (s: string) => (scans++, groupsIn(s));
    const keys = new Keys([...REPORT.slice(0, 9), '开展清风行动。', ...REPORT.slice(9)]);
    const texts = [keys.text, ...keys.type(8, '法治工作', '和').erase(16, '月20', 1).type(16, '月2', '8').texts];
    const cache = new AnalysisCache();
    const counts = texts.map((text) => {
      scans = 0;
      const cached = analyze(text, { cache, references: extra });
      const scanned = scans;
      assert.equal(json(cached), json(analyze(text, { references: extra })));
      return { scans: scanned, found: names(cached).filter((n) => n.includes('local-campaign')).length };
    });
    assert.ok(counts[0].scans >= 10, JSON.stringify(counts));
    assert.deepEqual(
      counts.slice(1).map((c) => c.scans),
      [1, 1, 1],
      'the typed line only; the date line has no citation but is scanned when it changes',
    );
    // Signed 2025-01-20, then 2025-01-2, then 2025-01-28: the campaign (March 2025) is dated throughout, found on every line as fresh.
    assert.deepEqual(
      counts.map((c) => c.found),
      [1, 1, 1, 1],
    );
  });

  test('accumulating typing over a report full of citations reads as fresh', () => {
    const example = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');
    // Citation lines spread through the example: every typing run lands near some.
    const lines = example.split('\n');
    const cited = REPORT.slice(3, 13).filter((l) => /全会|十四五|法制/.test(l));
    for (let i = lines.length - 3; i > 4; i -= 6) lines.splice(i, 0, cited[i % cited.length]);
    const typist = new Typist(lines.join('\n'), 2);
    const texts: string[] = [];
    for (let i = 0; i < 48; i++) {
      typist.next();
      texts.push(typist.text());
    }
    const models = asFresh(texts);
    assert.ok(refs(models[0]).length >= 5, names(models[0]).join('\n'));
  });
});
