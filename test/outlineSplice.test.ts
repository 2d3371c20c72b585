/**
 * The outline spliced into the last analysis's (issue 27, core/document/outline.ts): the sections
 * before an edit are kept, the build stops at the first level-1 heading after it that it reaches in
 * the state the last build did, and the rest is the last build's, moved. Whatever the edit, the
 * analysis must equal a fresh one, field for field — the edits here aim at what a splice depends on:
 * headings renamed, inserted, deleted and renumbered, level-1 headings turned into prose and back,
 * lines joined and split, tables under a heading, a 落款 and attachments at the end.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, type OutlineNode, type Range, type ReportModel } from '../server/src/core';
import { random } from './support/random';
import { needsSeeds, seed } from './support/seeds';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const WORDS = EXAMPLE.replace(/[^\u4e00-\u9fa5]/g, '');

/** A report of headings and short paragraphs: parts of sections of items, a table under one, a 落款 and an attachment. */
function headingReport(parts: number): string {
  let p = 0;
  const words = (n: number) => WORDS.slice((p = (p + 11) % (WORDS.length - n)), p + n);
  const out = ['关于2024年法治政府建设情况的报告', '', `${words(30)}。`];
  for (let a = 0; a < parts; a++) {
    out.push(`${CN[a % 10]}、${words(8)}`);
    for (let b = 0; b < 3; b++) {
      out.push(`（${CN[b]}）${words(6)}`);
      for (let c = 1; c <= 3; c++) out.push(`${c}.${words(5)}`, `（1）${words(4)}`, `${words(20)}，一是${words(4)}，二是${words(5)}。`);
    }
    if (a === 1) out.push('二、本年新收案件', '12', '30');
  }
  out.push('', '附件：1.复议案件统计表', '', '某某县人民政府', '2025年1月10日', '', '附件1', '复议案件统计表', '1.行政复议12件');
  return out.join('\n') + '\n';
}

/** An edit where the outline is made: a heading renamed, inserted, deleted, renumbered, a line split or joined. */
function headingEdit(text: string, next: () => number): string {
  const lines = text.split('\n');
  const pick = (n: number) => Math.floor(next() * n);
  const i = pick(lines.length);
  const line = lines[i];
  const ordinal = () => [`${CN[pick(10)]}、`, `（${CN[pick(5)]}）`, `${1 + pick(5)}.`, `（${1 + pick(4)}）`, `${CN[pick(3)]}是`][pick(5)];
  const words = () => WORDS.slice(pick(WORDS.length - 8), undefined).slice(0, 2 + pick(6));
  switch (pick(9)) {
    case 0: // renamed: its last characters deleted, new ones typed
      lines[i] = line.slice(0, Math.max(0, line.length - 1 - pick(3))) + words();
      break;
    case 1: // a heading inserted before the line
      lines.splice(i, 0, ordinal() + words());
      break;
    case 2: // the line deleted
      lines.splice(i, 1);
      break;
    case 3: // renumbered, or its ordinal changed to another level
      lines[i] = line.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+\.)/, ordinal);
      break;
    case 4: // a heading turned into prose (its ordinal deleted), or prose into a heading
      lines[i] = /^[一二三四五六七八九十]+、/.test(line) ? line.replace(/^[一二三四五六七八九十]+、/, '') : ordinal() + line;
      break;
    case 5: // split in two
      lines.splice(i, 1, line.slice(0, line.length >> 1), line.slice(line.length >> 1));
      break;
    case 6: // joined with the next line
      if (i + 1 < lines.length) lines.splice(i, 2, line + lines[i + 1]);
      break;
    case 7: // a level-1 heading copied to another place (a section pasted)
      lines.splice(pick(lines.length), 0, lines.find((l, k) => k >= i && /^[一二三四五六七八九十]+、/.test(l)) ?? line);
      break;
    default: // a character typed into the line (a cell of the table, a 一是 item, the 落款)
      lines[i] = line.slice(0, line.length >> 1) + ['5', '，', '一是', '。', '：', '件'][pick(6)] + line.slice(line.length >> 1);
  }
  return lines.join('\n');
}

const json = (m: ReportModel) => JSON.stringify(m);

/** Every node of an outline, by its range object. */
function nodesByRange(nodes: readonly OutlineNode[], out = new Map<Range, OutlineNode>()): Map<Range, OutlineNode> {
  for (const n of nodes) {
    out.set(n.range, n);
    nodesByRange(n.children, out);
  }
  return out;
}

function checkHeadingEdits(text: string, steps: number, seedValue: number): void {
  const next = random(seedValue);
  const cache = new AnalysisCache();
  let current = text;
  let before = new Map<Range, OutlineNode>();
  for (let i = 0; i < steps; i++) {
    const locale = i % 17 === 16 ? 'en' : 'zh-cn';
    const model = analyze(current, { cache, locale });
    assert.equal(json(model), json(analyze(current, { locale })), `step ${i} (seed ${seedValue})`);
    // A range object belongs to one node, in this analysis and the last (the server keeps a node's
    // document symbol by its range, lsp/convert.ts): a node kept is the same node, a moved one new ranges.
    const now = nodesByRange(model.outline);
    for (const [range, node] of now) assert.ok((before.get(range) ?? node) === node, `step ${i}: a range shared by two nodes`);
    before = now;
    current = headingEdit(current, next);
  }
}

describe('outline splice', () => {
  test('headings renamed, inserted, deleted, renumbered, turned into prose; lines split and joined: each analysis reads as fresh', () => {
    const report = headingReport(7);
    const model = analyze(report);
    assert.equal(model.outline.filter((n) => n.rank === 1).length, 7, 'seven parts (the table row label is no heading)');
    assert.ok(model.signature, 'a 落款 at the end');
    for (const s of [1, 2, 3]) checkHeadingEdits(report, 40, s);
  });

  test('the example and the seeds, edited where their outlines are made, read as fresh', () => {
    checkHeadingEdits(EXAMPLE, 80, 5);
    checkHeadingEdits(EXAMPLE, 40, 6);
  });

  test('the seeds, edited where their outlines are made, read as fresh', { skip: needsSeeds }, () => {
    for (let n = 0; n < 5; n++) checkHeadingEdits(seed(n), 30, 20 + n);
  });

  test('a report whose part headings lost their ordinals (Word numbering), edited anywhere, reads as fresh', () => {
    // The outline read with the ordinals lost is never spliced into: a build that kept its roots would
    // find level-1 headings there and not read the ordinals lost again (an edit gave one part of three).
    const lost = [
      '某区司法局2024年法治政府建设工作情况报告',
      '',
      '区人民政府：',
      '现将我局2024年法治政府建设工作情况报告如下。',
      '推进法治政府建设的主要举措和成效',
      '全区办理行政复议案件36件，较上年增长12%。',
      '党政主要负责人履行推进法治建设第一责任人职责情况',
      '局党组书记带头学法4次。',
      '存在的不足和原因',
      '执法力量不足，原因是编制紧张。',
      '下一年度推进法治政府建设的主要安排',
      '深化行政执法体制改革。',
      '',
      '某区司法局',
      '2025年1月15日',
    ].join('\n');
    const cache = new AnalysisCache();
    const parts = (m: ReportModel) => m.outline.map((n) => n.parts.join());
    analyze(lost, { cache });
    const body = analyze(lost.replace('36件', '37件'), { cache });
    assert.deepEqual(parts(body), ['measures', 'first-responsible', 'shortcomings', 'next-year'], 'a body line edited: four parts');
    checkHeadingEdits(lost, 60, 7);
    checkHeadingEdits(lost, 60, 8);
  });

  test('a part inferred for the headings before 存在的不足 stops being inferred when a later heading names it', () => {
    // The frame gives kept roots their parts again (parts.ts: inferred parts are only ever set, so a kept root starts bare).
    const body = (third: string) =>
      [
        '关于2024年法治政府建设情况的报告',
        '一、深入推进依法行政',
        '（一）健全制度',
        '二、强化权力监督',
        '（一）加强审计',
        third,
        '（一）队伍不强',
        '',
      ].join('\n');
    const texts = [body('三、存在的不足和原因'), body('三、推进法治政府建设的主要举措和成效'), body('三、存在的不足和原因')];
    const cache = new AnalysisCache();
    const inferred = texts.map((text) => {
      const model = analyze(text, { cache });
      assert.equal(json(model), json(analyze(text)));
      return model.outline.map((n) => n.inferredPart);
    });
    assert.deepEqual(inferred, [
      [true, true, false],
      [false, false, false],
      [true, true, false],
    ]);
  });

  test('a running header that stops being one when a page number goes is read again, before the edit or after it', () => {
    // Running headers are counted over the whole text (lines/cleanLines.ts): an edit changes how a line elsewhere
    // reads — here the lines after 关于加强和 headings, which as content are the rest of those headings.
    const report = headingReport(6).split('\n');
    const at = (n: number) => report.findIndex((l) => l.startsWith(`${CN[n]}、`));
    const header = '某某县政府工作报告';
    report.splice(at(4), 0, '三、关于加强和', header, '— 2 —');
    report.splice(at(1), 0, '（四）关于加强和', header, '— 1 —');
    const paged = report.join('\n');
    const cache = new AnalysisCache();
    const seen = [paged, paged.replace('— 1 —\n', ''), paged, paged.replace('— 2 —\n', ''), paged].map((text) => {
      const model = analyze(text, { cache });
      assert.equal(json(model), json(analyze(text)));
      const headers = model.debris.filter((d) => d.kind === 'running-header').length;
      const titles = model.outline.flatMap((n) => [n, ...n.children]).filter((n) => n.title.startsWith('关于加强和'));
      return `${headers} ${titles.map((n) => n.title).join(' ')}`;
    });
    const apart = `2 关于加强和 关于加强和`;
    const joined = `0 关于加强和${header} 关于加强和${header}`;
    assert.deepEqual(seen, [apart, joined, apart, joined, apart]);
  });

  test('the sections before an edit are kept (the same model nodes); those after it move with it', () => {
    const report = headingReport(5);
    const cache = new AnalysisCache();
    const first = analyze(report, { cache });
    // A word typed into the last part's heading: the parts before it are the last model's nodes.
    const last = first.outline[first.outline.length - 1];
    const lines = report.split('\n');
    lines[last.line] += '工作';
    const second = analyze(lines.join('\n'), { cache });
    assert.equal(json(second), json(analyze(lines.join('\n'))));
    assert.equal(second.outline[1], first.outline[1], 'a part before the edit is the same node');
    assert.notEqual(second.outline[second.outline.length - 1], last);
    // A line added at the top of the second part: the parts after it move by a line.
    lines.splice(first.outline[1].line + 1, 0, '（一）新增一节');
    const third = analyze(lines.join('\n'), { cache });
    assert.equal(json(third), json(analyze(lines.join('\n'))));
    assert.equal(third.outline[0], second.outline[0]);
    assert.equal(third.outline[3].line, second.outline[3].line + 1);
    assert.equal(third.outline[3].children[0].range.start.line, second.outline[3].children[0].range.start.line + 1);
    // A word typed into a paragraph of the first part (no line added): the parts after it moved by
    // characters only, and a model node holds lines and characters, so each is the node it was.
    const prose = third.outline[0].line + 4;
    assert.match(lines[prose], /一是/);
    lines[prose] = lines[prose].slice(0, 3) + '情况' + lines[prose].slice(3);
    const fourth = analyze(lines.join('\n'), { cache });
    assert.equal(json(fourth), json(analyze(lines.join('\n'))));
    assert.notEqual(fourth.outline[0], third.outline[0]);
    for (let k = 1; k < third.outline.length; k++) assert.equal(fourth.outline[k], third.outline[k], `part ${k + 1} is the same node`);
  });
});
