// A 政府信息公开工作年度报告 flattened into one line (issue 23, "Portal pages and crawls"; DOMAIN.md §5):
// the national template's six fixed parts run together with their tables flattened into runs of cells
// and numbers. The report reads as its six parts, with or without a space where the line breaks were,
// with the tables' cells kept by tabs, by spaces or run together; a row label numbered like a heading
// (一、本年新收…, 四、结转下年度继续办理) is no heading and does not hide the part heading after it; the
// missing parts are those of the report with its lines. Through the core, and once through the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, fixAllCodes, looksLikeReport, mergeEdits, type ReportModel, type TextEdit } from '../server/src/core';
import { applyEdits } from './support/edits';

const REPORT = readFileSync(resolve(__dirname, '..', '..', 'test', 'fixtures', 'portal', 'xxgk-short.txt'), 'utf8')
  .replace(/\r\n/g, '\n')
  .trimEnd();
/** The six part headings of the national template, as the profile writes them (一、总体情况 … 六、其他需要报告的事项). */
const XXGK = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'profiles', 'xxgk-annual.json'), 'utf8')) as {
  parts: { standardHeading: string }[];
};
const SIX = XXGK.parts.map((p, k) => `${'一二三四五六'[k]}、${p.standardHeading}`);

/** The report's lines flattened: joined by `sep`, a table's cells by `cell` (tabs as they are, spaces, or nothing). */
function flatten(report: string, sep: string, cell: string): string {
  return (
    report
      .split('\n')
      .map((l) => l.replace(/\t/g, cell))
      .join(sep) + '\n'
  );
}

/** The report without the parts whose headings start with these ordinals (each up to the next part). */
function without(report: string, ...ordinals: string[]): string {
  const lines = report.split('\n');
  const out: string[] = [];
  let skip = false;
  for (const l of lines) {
    const part = SIX.find((h) => l === h);
    if (part) skip = ordinals.some((o) => part.startsWith(o));
    if (/^某某镇人民政府$/.test(l)) skip = false;
    if (!skip) out.push(l);
  }
  return out.join('\n');
}

const level1 = (m: ReportModel) => m.outline.map((n) => n.name);
const missing = (m: ReportModel) =>
  m.findings
    .filter((f) => f.code === 'missing-part')
    .map((f) => String(f.data?.part))
    .sort();
const squeeze = (s: string) => s.replace(/\s+/g, '');

function fixAll(text: string, m: ReportModel): string {
  return applyEdits(
    text,
    mergeEdits(m.findings.filter((f) => fixAllCodes.has(f.code) && f.fixes?.length).flatMap((f) => f.fixes![0].edits)) as TextEdit[],
  );
}

const SHAPES = [
  ['no space where the breaks were, cells kept by tabs', '', '\t'],
  ['a space where the breaks were, cells kept by tabs', ' ', '\t'],
  ['no space where the breaks were, cells run together', '', ''],
  ['a space where the breaks were, cells kept by spaces', ' ', ' '],
] as const;

describe('a flattened 政府信息公开 report reads as its six parts', () => {
  test('the report with its lines: six parts, none missing (the reference)', () => {
    const m = analyze(REPORT + '\n');
    assert.deepEqual(level1(m), SIX);
    assert.deepEqual(missing(m), []);
    assert.equal(m.profile.id, 'xxgk-annual');
  });

  for (const [how, sep, cell] of SHAPES) {
    test(`${how}: the six parts, none missing, the writer's words all kept`, () => {
      const text = flatten(REPORT, sep, cell);
      assert.equal(text.split('\n').length, 2, 'one line');
      const m = analyze(text);
      assert.equal(m.profile.id, 'xxgk-annual');
      assert.deepEqual(level1(m), SIX);
      assert.deepEqual(
        m.parts.map((p) => [p.id, p.present]),
        ['overview', 'proactive-disclosure', 'requests', 'review-litigation', 'problems', 'other'].map((id) => [id, true]),
      );
      assert.deepEqual(missing(m), []);
      // No piece of a table is read as a heading: no ordinal out of sequence.
      assert.deepEqual(
        m.findings.filter((f) => f.code === 'heading-sequence').map((f) => f.message),
        [],
      );
      // Nothing here is chrome: no word is debris, and the line breaks fix-all inserts change no word.
      assert.deepEqual(
        m.debris.map((d) => d.text),
        [],
      );
      assert.ok(m.findings.some((f) => f.code === 'run-on-text'));
      const fixed = fixAll(text, m);
      assert.equal(squeeze(fixed), squeeze(text));
      // The breaks fall before the six headings: each starts a line of the fixed text.
      for (const h of SIX) assert.ok(fixed.split('\n').includes(h) || fixed.split('\n').some((l) => l.startsWith(h)), `${h} starts a line`);
    });

    test(`${how}: the missing parts are those of the report with its lines`, () => {
      for (const gone of [['四'], ['二', '六'], ['三', '四']]) {
        const report = without(REPORT, ...gone);
        const expected = missing(analyze(report + '\n'));
        assert.equal(expected.length, gone.length, `reference for ${gone.join('')}`);
        assert.deepEqual(missing(analyze(flatten(report, sep, cell))), expected, `without ${gone.join('、')}`);
      }
    });
  }

  test('a row label with the part heading’s own value does not hide it (四、结转下年度继续办理 … 四、政府信息公开行政复议…)', () => {
    for (const cells of ['\t3\t1\t0\t4', ' 3 1 0 4', '3104']) {
      const text =
        '某某镇2024年政府信息公开工作年度报告本报告按国家规定的格式编制。一、总体情况全年公开信息326条。二、主动公开政府信息情况全年公开信息326条。' +
        `三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量${cells}四、结转下年度继续办理${cells}` +
        '四、政府信息公开行政复议、行政诉讼情况全年未发生行政复议案件。五、存在的主要问题及改进情况一是形式单一。六、其他需要报告的事项无。\n';
      const m = analyze(text);
      assert.deepEqual(level1(m), SIX, JSON.stringify(cells));
      assert.deepEqual(missing(m), []);
    }
  });

  test('a table row with its cells on a line of its own, separated by spaces, is no heading', () => {
    const m = analyze(REPORT.replace(/\t/g, ' ') + '\n');
    const names = (ns: ReportModel['outline']): string[] => ns.flatMap((n) => [n.name, ...names(n.children)]);
    for (const row of ['一、本年新收', '二、上年结转', '（一）予以公开', '1.属于国家秘密', '（七）总计', '四、结转下年度'])
      assert.ok(!names(m.outline).some((n) => n.startsWith(row)), row);
    assert.deepEqual(missing(m), []);
  });

  test('a flattened 法治政府 report: a heading run into its numbered items is still a heading (一、坚持党的全面领导1.…)', () => {
    const text =
      '某某县司法局2024年法治政府建设年度报告县委、县政府：现将有关情况报告如下：一、坚持党的全面领导1.加强学习。2.强化考核。' +
      '二、存在的不足和原因普法形式单一。三、2025年工作安排继续加强普法。某某县司法局2025年1月20日\n';
    const m = analyze(text);
    // The heading's name ends before its first item (1.加强学习 is no part of it), the items under it.
    assert.deepEqual(level1(m), ['一、坚持党的全面领导', '二、存在的不足和原因', '三、2025年工作安排']);
    assert.deepEqual(
      m.outline[0].children.map((n) => n.name),
      ['1.加强学习', '2.强化考核'],
    );
  });
});

test('a 政府信息公开 report looks like a report, with its lines and flattened (the profile’s title patterns read as patterns)', () => {
  assert.ok(looksLikeReport(REPORT + '\n'));
  assert.ok(looksLikeReport(flatten(REPORT, '', '\t')));
  assert.ok(looksLikeReport(readFileSync(resolve(__dirname, '..', '..', 'test', 'fixtures', 'portal', 'xxgk-national.txt'), 'utf8')));
});

// In a folder: the scan used to skip every .txt 政府信息公开 report (its title words were not read as patterns).
test('cli: check --format json reads a flattened 政府信息公开 report as its parts, the missing ones missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-flat-xxgk-'));
  writeFileSync(join(dir, 'page.txt'), flatten(without(REPORT, '四'), '', '\t'));
  const r = spawnSync(process.execPath, [resolve(__dirname, '..', '..', 'dist', 'cli.js'), 'check', dir, '--format', 'json'], {
    encoding: 'utf8',
  });
  const [file] = JSON.parse(r.stdout);
  assert.equal(file.profile, 'xxgk-annual');
  assert.deepEqual(
    file.outline.map((n: { name: string }) => n.name),
    SIX.filter((h) => !h.startsWith('四')),
  );
  assert.deepEqual(
    file.parts.filter((p: { present: boolean }) => !p.present).map((p: { id: string }) => p.id),
    ['review-litigation'],
  );
  assert.deepEqual(
    file.diagnostics.filter((d: { code: string }) => d.code === 'missing-part').map((d: { data: { part: string } }) => d.data.part),
    ['review-litigation'],
  );
});
