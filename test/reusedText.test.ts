// reused-text (DOMAIN.md §8): two years of one body (test/fixtures/reuse/qingshan-*) with copied,
// lightly edited and new paragraphs; boilerplate, numbers, punctuation and hard wraps; the seeds
// against each other; the editor (diagnostics, code lens, hover) and the CLI (--previous, folder).
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type { CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { analyze, bodyKeyOf, type PreviousReport } from '../server/src/core';
import { haveSeeds, needsSeeds, seed } from './support/seeds';
import { useServer } from './support/serverSuite';
import { runCli } from './support/cli';

const DIR = resolve(__dirname, '..', '..', 'test', 'fixtures', 'reuse');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
const LAST: PreviousReport = { name: 'qingshan-2023.txt', text: read('qingshan-2023.txt') };
const THIS = read('qingshan-2024.txt');
const reused = (text: string, previous: PreviousReport, options: { reuseWarning?: number } = {}) =>
  analyze(text, { previous, ...options }).findings.filter((f) => f.code === 'reused-text');

describe('which body a report is about', () => {
  test('one body however its title and 发文机关 name it; two bodies apart', () => {
    const key = (title?: string, ...bodies: string[]) => bodyKeyOf({ title, bodies });
    assert.equal(key('关于2023年法治政府建设情况的报告', '中共青山镇委员会', '青山镇人民政府'), '青山镇');
    assert.equal(key('青山镇2024年法治政府建设工作报告'), '青山镇');
    assert.equal(key('中共青山镇委员会 青山镇人民政府关于2024年度法治政府建设情况的报告'), '青山镇');
    assert.equal(key('某县司法局2023年法治政府建设年度报告'), '某县司法局');
    assert.notEqual(key('某县司法局2023年法治政府建设年度报告'), key('某县公安局2023年法治政府建设年度报告'));
    assert.equal(key('关于2024年法治政府建设情况的报告'), '', 'a generic title and no bodies: unknown, never matched');
  });
});

describe('reused-text (core)', () => {
  test('copied and lightly edited paragraphs are found (with file, line, similarity); new ones and the boilerplate lead are not', () => {
    const fs = reused(THIS, LAST);
    // 0-based lines of this year's report → 1-based line of last year's, similarity.
    assert.deepEqual(
      fs.map((f) => [f.range.start.line, f.data!.line, f.data!.similarity]),
      [
        [7, 8, 1], // organisation paragraph: only the figures changed
        [8, 9, 0.93], // decisions: 土地流转 → 宅基地审批
        [10, 11, 0.87], // publicity: one law and the figures changed
        [11, 12, 1], // disputes: figures only
        [14, 14, 0.85], // first-responsible: a clause added
        [18, 18, 1], // the first plan item, word for word
      ],
    );
    const first = fs[0];
    // Half the report is last year's, not more (reuseWarning, default 0.5): information; above 40%: a warning.
    assert.equal(first.severity, 'information');
    assert.equal(reused(THIS, LAST, { reuseWarning: 0.4 })[0].severity, 'warning');
    assert.equal(first.message, '与上年报告重复100%（qingshan-2023.txt 第8行）');
    assert.equal(first.data!.file, 'qingshan-2023.txt');
    assert.match(String(first.data!.previousText), /^（一）强化组织领导，压实法治建设责任。.*全年召开专题会议4次/);
    // The whole paragraph is the range.
    const lines = THIS.split('\n');
    assert.deepEqual(first.range, { start: { line: 7, character: 0 }, end: { line: 7, character: lines[7].length } });
  });

  test('the threshold compares the share as it is shown: 50% is not above 50%, above 49% it is', () => {
    // The share is a little over one half (0.501…): shown, and compared, as 50%.
    const severities = (reuseWarning: number) => new Set(reused(THIS, LAST, { reuseWarning }).map((f) => f.severity));
    assert.equal(analyze(THIS, { previous: LAST }).reuse?.share, 0.5);
    assert.deepEqual(severities(0.5), new Set(['information']));
    assert.deepEqual(severities(0.499), new Set(['information']), '49.9% is shown as 50%');
    assert.deepEqual(severities(0.49), new Set(['warning']));
  });

  test('the model says how much of the report repeats last year (the code lens figure)', () => {
    const m = analyze(THIS, { previous: LAST });
    assert.deepEqual(m.reuse, { file: 'qingshan-2023.txt', share: 0.5, paragraphs: 6, firstLine: 7 });
    assert.equal(analyze(THIS).reuse, undefined, 'no previous report: no comparison');
    assert.equal(analyze(THIS, { previous: LAST, severities: { 'reused-text': 'off' } }).reuse, undefined);
    assert.equal(
      analyze(THIS, { previous: LAST, severities: { 'reused-text': 'off' } }).findings.some((f) => f.code === 'reused-text'),
      false,
    );
  });

  test('a paragraph that is boilerplate plus a few words of its own is not judged, even word for word', () => {
    const lead =
      '2024年，某镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入学习贯彻习近平法治思想，在县委、县政府的坚强领导下，法治政府建设各项工作取得新成效。现将有关情况报告如下：';
    const text = `关于2024年某镇法治政府建设情况的报告\n${lead}\n一、主要举措和成效\n全年组织学法12次。\n`;
    assert.deepEqual(reused(text, { name: 'last.txt', text: text.replace(/2024/g, '2023') }), []);
  });

  test('digits, punctuation width and spacing do not matter; fewer than 30 characters are never judged', () => {
    const last = '（一）规范执法。全年开展执法检查30次，查处违法案件12件，办结率100%，群众满意度明显提升，执法公信力持续增强。';
    const now = '(一) 规范执法.全年开展执法检查 45 次,查处违法案件 17 件,办结率 98%,群众满意度明显提升,执法公信力持续增强.';
    const f = reused(`标题\n${now}\n`, { name: 'a', text: `标题\n${last}\n` });
    assert.deepEqual(
      f.map((x) => x.data!.similarity),
      [1],
    );
    const short = '（二）全年开展执法检查30次。';
    assert.deepEqual(reused(`${short}\n`, { name: 'a', text: `${short}\n` }), []);
  });

  test('a paragraph hard-wrapped over lines (a PDF copy) is compared whole', () => {
    const para =
      '坚持和发展新时代枫桥经验，健全镇村组三级调解网络，全年排查矛盾纠纷326件，成功调解318件，调解成功率97.5%，未发生民转刑案件和群体性事件。';
    const wrapped = para.match(/.{1,30}/g)!.join('\n');
    const f = reused(`关于2024年某镇法治政府建设情况的报告\n${wrapped}\n`, { name: 'a', text: `${para}\n` });
    assert.equal(f.length, 1);
    assert.equal(f[0].range.start.line, 1);
    assert.equal(f[0].range.end.line, wrapped.split('\n').length);
  });

  test('a copy that lost its line breaks (one run-on line) is compared piece by piece, between its headings', () => {
    const flat = LAST.text
      .split('\n')
      .filter((l) => l.trim())
      .join('');
    const f = reused(THIS, { name: 'flat.txt', text: flat });
    assert.deepEqual(
      f.map((x) => x.range.start.line),
      [7, 8, 10, 11, 14, 18],
    );
    assert.ok(f.every((x) => x.data!.line === 1));
    const back = reused(
      THIS.split('\n')
        .filter((l) => l.trim())
        .join(''),
      LAST,
    );
    assert.ok(back.length >= 5, `the flattened report's pieces are found in last year's paragraphs: ${back.length}`);
  });

  test('the seeds (five bodies) do not repeat one another: no false alarm in any pair', { skip: needsSeeds }, () => {
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) {
        if (i !== j) assert.deepEqual(reused(seed(i), { name: `seed ${j}`, text: seed(j) }), [], `seed ${i} against ${j}`);
      }
  });

  test('a previous-report source is asked with the year and the body, once the analysis knows them', () => {
    const asked: unknown[] = [];
    analyze(THIS, { previous: (r) => (asked.push(r), undefined) });
    assert.deepEqual(asked, [{ year: 2024, title: '关于2024年法治政府建设情况的报告', bodies: ['中共青山镇委员会', '青山镇人民政府'] }]);
    const m = analyze(THIS, {
      previous: () => {
        throw new Error('disk gone');
      },
    });
    assert.equal(m.reuse, undefined, 'a failing source means no comparison, not a failed analysis');
  });
});

function folderWithBothYears(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-reuse-'));
  copyFileSync(join(DIR, 'qingshan-2023.txt'), join(dir, 'qingshan-2023.txt'));
  copyFileSync(join(DIR, 'qingshan-2024.txt'), join(dir, 'qingshan-2024.txt'));
  // Another body's 2023 report in the same folder is not "last year".
  writeFileSync(join(dir, 'other-2023.txt'), read('qingshan-2023.txt').replace(/青山镇/g, '绿水镇'));
  return dir;
}

describe('reused-text through the server', () => {
  const s = useServer();
  test('diagnostics, the title lens "与上年报告重复 N%" and the hover with last year\'s paragraph', async () => {
    const dir = folderWithBothYears();
    const uri = pathToFileURL(join(dir, 'qingshan-2024.txt')).href;
    const diags = await s.server.open(uri, THIS);
    const mine = diags.filter((d) => d.code === 'reused-text');
    assert.deepEqual(
      mine.map((d) => d.range.start.line),
      [7, 8, 10, 11, 14, 18],
    );
    assert.equal(mine[0].message, '与上年报告重复100%（qingshan-2023.txt 第8行）');
    const lenses = await s.server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const lens = lenses.find((l) => l.command?.title.startsWith('与上年报告重复'))!;
    assert.equal(lens.command!.title, '与上年报告重复 50%');
    assert.equal(lens.range.start.line, 2, 'on the title');
    assert.deepEqual(lens.command!.arguments, [{ uri, line: 7 }]);
    const h = await s.server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 40 } });
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /^\*\*上年报告\*\*（qingshan-2023\.txt 第9行，重复93%）：\n\n> （二）规范行政决策，提升依法决策水平。.*土地流转/);
  });

  test('stale-figures: a paragraph copied from last year with its figures as they were, on its figures', async () => {
    const dir = folderWithBothYears();
    const uri = pathToFileURL(join(dir, 'qingshan-2024.txt')).href;
    const lines = THIS.split('\n');
    lines[7] = LAST.text.split('\n')[7]; // the organisation paragraph as last year wrote it, figures and all
    const diags = await s.server.open(uri, lines.join('\n'));
    const stale = diags.filter((d) => d.code === 'stale-figures');
    assert.equal(stale.length, 1);
    assert.equal(stale[0].range.start.line, 7);
    assert.equal(stale[0].severity, 2); // warning
    assert.match(stale[0].message, /^数字与上年报告（qingshan-2023\.txt 第8行）相同：/);
    assert.ok(diags.some((d) => d.code === 'reused-text' && d.range.start.line === 7));
  });

  test('a document with no last-year report next to it: no finding, no lens', async () => {
    const uri = s.uri('reuse-alone');
    const diags = await s.server.open(uri, THIS);
    assert.equal(diags.filter((d) => d.code === 'reused-text').length, 0);
    const lenses = await s.server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(!lenses.some((l) => l.command?.title.startsWith('与上年报告重复')));
  });
});

describe('reused-text in the CLI', () => {
  const run = (cwd: string, ...args: string[]) => runCli(args, { cwd });

  test('check --previous FILE names that file; JSON carries the data and the share', () => {
    const r = run(DIR, 'check', 'qingshan-2024.txt', '--previous', 'qingshan-2023.txt', '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const [file] = JSON.parse(r.stdout);
    const mine = file.diagnostics.filter((d: { code: string }) => d.code === 'reused-text');
    assert.equal(mine.length, 6);
    assert.deepEqual(
      { ...mine[1].data, previousText: undefined },
      { file: 'qingshan-2023.txt', line: 9, similarity: 0.93, previousText: undefined },
    );
    assert.equal(file.reuse.share, 0.5);
  });

  test("without --previous the report's own folder is searched (same body, year − 1)", () => {
    const dir = folderWithBothYears();
    const r = run(dir, 'check', '.');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /8:1\s+提示\s+reused-text\s+与上年报告重复100%（qingshan-2023\.txt 第8行）/);
    assert.match(r.stdout, /与上年报告重复 50%（qingshan-2023\.txt）/);
    // Only the 2024 report has a predecessor; the other body's report is never taken for it.
    assert.equal((r.stdout.match(/reused-text/g) ?? []).length, 6);
  });

  test('--summary gives the reused share per report (text and JSON); --reuse-warning moves the threshold', () => {
    const dir = folderWithBothYears();
    const text = run(dir, 'check', '.', '--summary');
    assert.equal(text.status, 0, text.stderr);
    // 50% is not above the default 50%: information, as the share shown says.
    assert.match(text.stdout, /qingshan-2024\.txt .*警告 0，提示 6.*· 与上年报告重复 50%/);
    assert.doesNotMatch(
      text.stdout.split('\n').find((l) => l.startsWith('qingshan-2023'))!,
      /重复/,
    );
    const json = JSON.parse(run(dir, 'check', '.', '--summary', '--format', 'json').stdout);
    const by = Object.fromEntries(json.files.map((f: { file: string }) => [f.file, f]));
    assert.equal(by['qingshan-2024.txt'].reused, 0.5);
    assert.equal(by['qingshan-2024.txt'].previous, 'qingshan-2023.txt');
    assert.equal(by['qingshan-2023.txt'].reused, null);
    const strict = run(dir, 'check', '.', '--summary', '--reuse-warning', '40%');
    assert.match(strict.stdout, /qingshan-2024\.txt .*警告 6，提示 0/);
    const bad = run(dir, 'check', '.', '--reuse-warning', '150%');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--reuse-warning/);
  });

  test('an unreadable --previous is a clear error (exit 2)', () => {
    const r = run(DIR, 'check', 'qingshan-2024.txt', '--previous', 'no-such-file.txt');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no-such-file\.txt/);
  });
});

describe("a report's identity from its top (the folder index)", () => {
  test('the same body key and year as the whole analysis, on every fixture report and seed', async () => {
    const { readdirSync } = await import('node:fs');
    const { reportIdentity } = await import('../server/src/core');
    const dirs = [
      resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports'),
      DIR,
      resolve(__dirname, '..', '..', 'test', 'fixtures', 'similar'),
    ];
    const texts = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(join(d, f), 'utf8')),
    );
    if (haveSeeds) for (let i = 0; i < 5; i++) texts.push(seed(i));
    for (const text of texts) {
      const m = analyze(text, { rules: [] });
      const full = {
        key: bodyKeyOf({
          title: m.header.title?.text,
          bodies: (m.header.bodies.length ? m.header.bodies : (m.signature?.bodies ?? [])).map((b) => b.text),
        }),
        year: m.year,
      };
      assert.deepEqual(reportIdentity(text), full, text.slice(0, 60));
    }
  });
});
