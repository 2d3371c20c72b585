/**
 * The server keeps an AnalysisCache per document so that a keystroke re-does one line's work.
 * Whatever the edits, an analysis with the cache must equal a fresh one, field for field
 * (findings, ranges, messages, fixes, figures).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, type ReportModel } from '../server/src/core';
import { findHardWrap } from '../server/src/core/lines/hardWrap';
import { readLines } from '../server/src/core/lines/readLines';
import type { Rule } from '../server/src/core/rules/rule';
import { random } from './support/random';
import { needsSeeds, seed } from './support/seeds';
import { Typist } from '../server/src/lsp/typist';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');

/** What typing does: characters that matter to the rules and figures, line breaks, deletions, pasted lines. */
const INSERTS = [
  '，',
  ',',
  '5',
  '12件',
  '。',
  '\n',
  '\r\n',
  '\r',
  '一、',
  '（二）',
  'XX',
  '(',
  '（',
  '“',
  '》',
  '其中',
  '占比40%',
  '[bookmark]',
  '第1页',
  ' ',
  '是',
];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.6) return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
  if (kind < 0.85) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 8)));
  // Duplicate the line at `at` (a paste): the same line text twice in one document.
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end < 0 ? text.length : end);
  return text.slice(0, start) + line + '\n' + text.slice(start);
}

function json(m: ReportModel): string {
  return JSON.stringify(m);
}

function checkEdits(text: string, steps: number, seedValue: number, locale = 'zh-cn'): void {
  const next = random(seedValue);
  const cache = new AnalysisCache();
  let current = text;
  let fixed = 0;
  for (let i = 0; i < steps; i++) {
    const cached = analyze(current, { locale, cache });
    const fresh = analyze(current, { locale });
    assert.equal(json(cached), json(fresh), `step ${i} (seed ${seedValue}) differs from a fresh analysis`);
    fixed += fresh.findings.filter((f) => f.fixes?.length).length;
    current = edit(current, next);
  }
  // The comparison covered findings with fixes and figures (else it would prove little).
  assert.ok(fixed > 0);
}

describe('analysis cache', () => {
  test('after random edits of the example, the cached analysis equals a fresh one', () => {
    assert.ok(analyze(EXAMPLE).figures.length > 0);
    checkEdits(EXAMPLE, 80, 1);
    checkEdits(EXAMPLE, 40, 7, 'en');
  });

  test('after random edits of the seeds, the cached analysis equals a fresh one', { skip: needsSeeds }, () => {
    for (let n = 0; n < 5; n++) checkEdits(seed(n), 12, 100 + n);
  });

  test('a line changed and changed back reads as before; a cache shared by two documents still gives each its own', () => {
    const cache = new AnalysisCache();
    const other = EXAMPLE.replace(/。/g, ',');
    for (const text of [EXAMPLE, other, EXAMPLE, other]) assert.equal(json(analyze(text, { cache })), json(analyze(text)));
  });

  test('PDF text: a page number added or removed makes a running header appear or go; a hard-wrapped paragraph joined or split', () => {
    // Running headers count short lines across the document and hard wrap measures every line's
    // width (debris.ts, wrap.ts): both read what the line classes keep.
    const pdf = readFileSync(resolve(__dirname, '..', '..', 'test', 'fixtures', 'intake', 'pdf-wrapped-28.txt'), 'utf8');
    const noPage = pdf.replace('— 1 —\n', '');
    const header = '某某县人民政府关于2024年度法治政府建设情况的报告\n';
    const morePages = pdf.replace('　　四、2025年', `— 2 —\n${header}　　四、2025年`);
    const joined = pdf.replace('全面贯彻落实\n党中央', '全面贯彻落实党中央');
    const narrower = pdf.replace('扎实推进法治政府建设各项工作', '扎实推进各项工作');
    const cache = new AnalysisCache();
    const headers = (m: ReportModel) => m.debris.filter((d) => d.kind === 'running-header').length;
    const seen: number[] = [];
    for (const text of [pdf, noPage, pdf, morePages, noPage, joined, pdf, narrower, pdf]) {
      const cached = analyze(text, { cache });
      assert.equal(json(cached), json(analyze(text)));
      seen.push(headers(cached));
    }
    assert.deepEqual(seen.slice(0, 4), [1, 0, 1, 2], 'the running header comes and goes with the page number');
    checkEdits(pdf, 60, 11);
    checkEdits(noPage, 30, 12);
  });

  test('an attachment head typed, moved, changed and deleted, and edits around it, read as fresh', () => {
    // Where the body ends (document/header.ts attachmentsStart) is asked again only of lines that do not read
    // as they did at the last analysis: each of these texts must end its body where a fresh analysis does.
    const attachment = '\n附件：\n一、统计口径说明\n（一）案件数\n全年办理案件12件。\n';
    const withAttachment = EXAMPLE + attachment;
    const texts = [
      EXAMPLE,
      withAttachment,
      withAttachment.replace('附件：', '附件'),
      withAttachment.replace('附件：', '附件说明'),
      withAttachment,
      '\n\n' + withAttachment,
      withAttachment.replace('附件：\n', ''),
      withAttachment.replace('一、2024年', '附件1\n一、2024年'),
      withAttachment,
      EXAMPLE + attachment + attachment.replace('附件：', '附件2：'),
      EXAMPLE,
    ];
    const cache = new AnalysisCache();
    const roots = texts.map((text, i) => {
      const cached = analyze(text, { cache });
      assert.equal(json(cached), json(analyze(text)), `text ${i}`);
      return cached.outline.length;
    });
    // The attachment's 一、 is outside the body's outline while its head stands, inside when the head goes.
    assert.equal(roots[1], roots[0]);
    assert.equal(roots[6], roots[0] + 1);
    checkEdits(withAttachment, 60, 21);
  });

  test('a text made hard-wrapped and made plain again by edits reads as fresh (the widths counted from the last analysis)', () => {
    // lines/hardWrap.ts counts the lines' widths from the last analysis's counts: text is pasted in that
    // turns the document into hard-wrapped text, and taken out again.
    const pdf = readFileSync(resolve(__dirname, '..', '..', 'test', 'fixtures', 'intake', 'pdf-wrapped-28.txt'), 'utf8');
    const texts = [EXAMPLE, EXAMPLE + '\n' + pdf + pdf, pdf, pdf + '\n' + EXAMPLE + EXAMPLE + EXAMPLE, pdf, EXAMPLE];
    const cache = new AnalysisCache();
    texts.forEach((text, i) => assert.equal(json(analyze(text, { cache })), json(analyze(text)), `text ${i}`));
    // The texts go from plain to hard-wrapped and back (as a fresh reading of their lines says).
    const wrapped = texts.map((text) => findHardWrap(readLines(text, undefined).lines) !== null);
    assert.deepEqual(wrapped, [false, true, true, false, true, false]);
    checkEdits(pdf + '\n' + EXAMPLE, 40, 22);
  });

  test('lines moved by lines added or removed above them, and an analysis in another locale between two, read as fresh', () => {
    // The line slots (cache.ts) look a line up where it was in the last analysis; a miss falls back to its text.
    const cache = new AnalysisCache();
    const firstBreak = EXAMPLE.indexOf('\n') + 1;
    const texts = [EXAMPLE, '\n\n' + EXAMPLE, EXAMPLE.slice(firstBreak), EXAMPLE, '一、\n' + EXAMPLE.slice(firstBreak), EXAMPLE];
    texts.forEach((text, i) => {
      const locale = i === 3 ? 'en' : 'zh-cn';
      assert.equal(json(analyze(text, { cache, locale })), json(analyze(text, { locale })), `text ${i}`);
    });
  });
});

/** Every line a heading (issue 27): a title, then 一、 parts of （一） sections of 1. items, each title its own. */
function headingsOnly(parts: number): string {
  const words = EXAMPLE.replace(/[^\u4e00-\u9fa5]/g, '');
  const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const out = ['关于2024年法治政府建设情况的报告'];
  let p = 0;
  const title = () => words.slice((p = (p + 7) % (words.length - 12)), p + 4 + (p % 6));
  for (let a = 0; a < parts; a++) {
    out.push(`${cn[a % 10]}、${title()}`);
    for (let b = 0; b < 4; b++) {
      out.push(`（${cn[b]}）${title()}`);
      for (let c = 1; c <= 5; c++) out.push(`${c}.${title()}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Runs of keystrokes that accumulate (server/src/lsp/typist.ts), the cached analysis compared with a fresh one after each. */
function checkTyping(text: string, keystrokes: number, run: number): void {
  const cache = new AnalysisCache();
  const typist = new Typist(text, run);
  const kinds = new Set<string>();
  for (let i = 0; i < keystrokes; i++) {
    const current = typist.text();
    assert.equal(json(analyze(current, { cache })), json(analyze(current)), `keystroke ${i} (from run ${run})`);
    kinds.add(typist.next().kind);
  }
  assert.deepEqual([...kinds].sort(), ['delete-line', 'heading', 'paragraph', 'word'], 'every kind of run was typed');
}

describe('analysis cache, typing that accumulates (issue 27)', () => {
  test('words typed into prose, headings renamed, new paragraphs, lines deleted: the example reads as fresh at every keystroke', () => {
    checkTyping(EXAMPLE, 70, 0);
    checkTyping(EXAMPLE, 40, 5);
  });

  test('a document of nothing but headings reads as fresh at every keystroke', () => {
    const headings = headingsOnly(6);
    assert.ok(analyze(headings).outline.length >= 6);
    checkTyping(headings, 60, 0);
    checkTyping(headings, 26, 6);
  });

  test('the seeds, typed into as people type, read as fresh at every keystroke', { skip: needsSeeds }, () => {
    for (let n = 0; n < 5; n++) checkTyping(seed(n), 26, n);
  });
});

describe('findings of rules over the whole document (issue 27)', () => {
  const report = [
    '关于2024年法治政府建设情况的报告',
    '',
    '区委、区政府：',
    '2024年，我镇持续推进法治政府建设。现将有关情况报告如下：',
    '一、2023年推进法治政府建设的主要举措和成效',
    '（一）强化领导。全年组织学法12次。',
    '二、党政主要负责人履行推进法治建设第一责任人职责情况',
    '主要负责人带头学法，专题研究法治工作4次。',
    '',
    '某镇人民政府',
    '2024年12月28日',
  ].join('\n');
  const mismatch = (m: ReportModel) => m.findings.find((f) => f.code === 'year-mismatch')!;

  test('a keystroke elsewhere hands out the same finding object; one that changes it makes a new one, as fresh', () => {
    const cache = new AnalysisCache();
    const first = analyze(report, { cache });
    assert.ok(mismatch(first), 'the report has a year-mismatch finding');
    const typed = report.replace('学法12次', '学法12次，');
    const second = analyze(typed, { cache });
    assert.equal(mismatch(second), mismatch(first), 'kept: equal in every field');
    assert.equal(json(second), json(analyze(typed)));
    // The heading's year changes: a new message, a new finding.
    const renamed = typed.replace('一、2023年', '一、2022年');
    const third = analyze(renamed, { cache });
    assert.notEqual(mismatch(third), mismatch(second));
    assert.equal(json(third), json(analyze(renamed)));
    // Back to 2023: the finding of two analyses ago is not the last one's; a new object equal to it.
    const back = analyze(typed, { cache });
    assert.deepEqual(mismatch(back), mismatch(first));
    assert.equal(json(back), json(analyze(typed)));
    // The older models still read as they did (nothing they hold was changed).
    assert.equal(json(first), json(analyze(report)));
    assert.equal(json(third), json(analyze(renamed)));
  });

  test('a finding whose data changed at the same place with the same message is a new one', () => {
    // What the text's length is, said on the first line: the data change with every keystroke, the message never.
    const counting: Rule = {
      code: 'count-characters',
      defaultSeverity: 'information',
      description: { 'zh-cn': '字数', en: 'characters' },
      docs: { finds: 'the length of the text' },
      run(ctx, emit) {
        emit({ range: ctx.index.lineRange(0), message: 'length', data: { length: ctx.text.length, lines: [ctx.index.lineCount] } });
        emit({ range: ctx.index.lineRange(0), message: 'lines', data: { lines: [ctx.index.lineCount] } });
      },
    };
    const cache = new AnalysisCache();
    const first = analyze(report, { cache, rules: [counting] });
    const typed = report.replace('学法12次', '学法12次，');
    const second = analyze(typed, { cache, rules: [counting] });
    assert.deepEqual(second.findings[0].data, { length: report.length + 1, lines: [11] });
    assert.notEqual(second.findings[0], first.findings[0]);
    assert.equal(second.findings[1], first.findings[1], 'the one whose data stayed is kept');
    const split = typed.replace('学法12次，', '学法12次，\n');
    const third = analyze(split, { cache, rules: [counting] });
    assert.deepEqual(third.findings[1].data, { lines: [12] });
    assert.equal(json(third), json(analyze(split, { rules: [counting] })));
  });
});

describe('lazy fixes', () => {
  test('finding.fixes reads as plain data: the same edits every read, in JSON and in a spread copy', () => {
    const text = EXAMPLE.replace('。', ',').replace('二、', '四、');
    const m = analyze(text);
    const withFix = m.findings.filter((f) => f.fixes?.length);
    assert.ok(withFix.some((f) => f.code === 'punctuation-width'));
    assert.ok(withFix.some((f) => f.code === 'heading-sequence'));
    for (const f of withFix) {
      const first = f.fixes;
      assert.equal(f.fixes, first, 'computed once, then kept');
      assert.deepEqual({ ...f }.fixes, first);
      assert.deepEqual(JSON.parse(JSON.stringify(f)).fixes, first);
      assert.ok(first![0].edits.length > 0);
    }
  });
});
