/**
 * Issue 27: an edit within one line is scanned by looking at that line alone when nothing the passes
 * over the whole document read changes (cleanLines.ts `withinOneLine`). Whatever the edit, the lines'
 * classes must equal a full scan of the new text: random keystrokes, and lines rewritten into what
 * those passes read — a running header's text, a 落款 date, an attachment's head, a metadata label
 * and value, a tail marker, an empty line — on web pastes, PDF text with page numbers, the seeds.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { AnalysisCache, analyze } from '../server/src/core';
import { scanCounts, type CleanLine } from '../server/src/core/lines/cleanLines';
import { readLines } from '../server/src/core/lines/readLines';
import { random } from './support/random';
import { needsSeeds, seed } from './support/seeds';

const fixture = (...path: string[]) => readFileSync(resolve(__dirname, '..', '..', 'test', 'fixtures', ...path), 'utf8');

/** What a line can be rewritten to that the document-wide passes read. */
const SPECIAL = [
  '2024年3月1日',
  '某某县司法局',
  '附件：1.统计表',
  '索引号：',
  '发布机构：某某县司法局',
  '成文日期：2024-03-01',
  '返回顶部',
  '微信 微博',
  '— 3 —',
  '第1页',
  '',
  '   ',
  '一、主要举措',
  '全年办理行政复议案件12件。',
  '打印本页 关闭窗口',
];

const plain = (lines: readonly CleanLine[]) =>
  lines.map((c) => ({
    n: c.line.index,
    text: c.line.text,
    debris: c.debris.map((d) => [d.kind, d.start, d.end, d.wholeLine]),
    isDebris: c.isDebris,
    start: c.contentStart,
    end: c.contentEnd,
    content: c.content,
    widthInHalves: c.widthInHalves,
  }));

/**
 * Where an edit goes: a random line, half of the time one within three lines of debris (where the
 * passes over the document look); the text's lines, the debris lines, and the random picks to go on with.
 */
function editSpot(text: string, scanned: readonly CleanLine[], next: () => number) {
  const lines = text.split('\n');
  const debris = scanned.filter((c) => c.debris.length > 0).map((c) => c.line.index);
  const pick = (n: number) => Math.floor(next() * n);
  const near = debris.length > 0 && next() < 0.5;
  const k = near ? Math.max(0, Math.min(lines.length - 1, debris[pick(debris.length)] + pick(7) - 3)) : pick(lines.length);
  return { lines, debris, pick, near, k };
}

/**
 * One keystroke: mostly a character typed or deleted inside a line; now and then a line rewritten
 * (into a special line, or into another line's text: a running header's, a label's), or a line
 * break. Half of the time the line is one next to debris, where the passes over the document look.
 */
function edit(text: string, scanned: readonly CleanLine[], next: () => number): string {
  const { lines, debris, pick, near, k } = editSpot(text, scanned, next);
  const line = lines[k];
  const kind = next();
  if (kind < 0.4) {
    const at = pick(line.length + 1);
    lines[k] = line.slice(0, at) + '法。12，：'[pick(6)] + line.slice(at);
  } else if (kind < 0.6) {
    const at = pick(line.length);
    lines[k] = line.slice(0, at) + line.slice(at + 1);
  } else if (kind < 0.75) lines[k] = SPECIAL[pick(SPECIAL.length)];
  else if (kind < 0.95) lines[k] = near ? lines[debris[pick(debris.length)]] : lines[pick(lines.length)];
  else lines.splice(k, 0, '');
  return lines.join('\n');
}

/**
 * One edit that adds or removes lines: a line deleted, an empty line or another line's text inserted
 * (Enter, a paste), a line split or joined to the next, a special line inserted, now and then two lines
 * deleted or inserted at once. Half of the time next to debris, where the passes over the document look.
 */
function lineEdit(text: string, scanned: readonly CleanLine[], next: () => number): string {
  const { lines, debris, pick, near, k } = editSpot(text, scanned, next);
  const kind = next();
  if (lines.length > 3 && kind < 0.3) lines.splice(k, next() < 0.8 ? 1 : 2);
  else if (kind < 0.45) lines.splice(k, 0, ...(next() < 0.8 ? [''] : ['', '']));
  else if (kind < 0.6) lines.splice(k, 0, near ? lines[debris[pick(debris.length)]] : lines[pick(lines.length)]);
  else if (kind < 0.75) lines.splice(k, 0, SPECIAL[pick(SPECIAL.length)]);
  else if (kind < 0.88) {
    const at = pick(lines[k].length + 1);
    lines.splice(k, 1, lines[k].slice(0, at), lines[k].slice(at));
  } else if (k + 1 < lines.length) lines.splice(k, 2, lines[k] + lines[k + 1]);
  return lines.join('\n');
}

function check(text: string, steps: number, seedValue: number, change = edit): void {
  const next = random(seedValue);
  const cache = new AnalysisCache();
  let current = text;
  for (let i = 0; i < steps; i++) {
    const cached = readLines(current, cache);
    // What analyze does after each analysis.
    cache.index = cached.index;
    cache.rotate();
    const fresh = readLines(current, undefined).lines;
    assert.deepEqual(plain(cached.lines), plain(fresh), `step ${i} (seed ${seedValue})`);
    current = change(current, fresh, next);
  }
}

describe('an edit within one line, scanned alone (issue 27)', () => {
  test('equals a full scan after random keystrokes and rewritten lines: web pastes, PDF text, the fixtures', () => {
    const before = { ...scanCounts };
    check(fixture('intake', 'portal-chrome.txt'), 300, 1);
    check(fixture('intake', 'pdf-wrapped-28.txt'), 300, 2);
    check(fixture('portal', 'xxgk-short.txt'), 200, 3);
    check(fixture('intake', 'xxgk-mangled-title.txt'), 200, 4);
    check(fixture('reports', 'town-signature.txt'), 200, 5);
    // Both paths were taken, or the comparison proves nothing of the quick one.
    assert.ok(scanCounts.quick - before.quick > 200, `quick scans: ${scanCounts.quick - before.quick}`);
    assert.ok(scanCounts.full - before.full > 200, `full scans: ${scanCounts.full - before.full}`);
  });

  test('equals a full scan after edits that add and remove lines, most of them scanned as a shift', () => {
    const before = { ...scanCounts };
    check(fixture('intake', 'portal-chrome.txt'), 300, 11, lineEdit);
    check(fixture('intake', 'pdf-wrapped-28.txt'), 300, 12, lineEdit);
    check(fixture('portal', 'xxgk-short.txt'), 200, 13, lineEdit);
    check(fixture('intake', 'xxgk-mangled-title.txt'), 200, 14, lineEdit);
    check(fixture('reports', 'town-signature.txt'), 200, 15, lineEdit);
    // The shift path was taken often, and so was the full scan (the edits next to debris).
    assert.ok(scanCounts.shifted - before.shifted > 150, `shifted scans: ${scanCounts.shifted - before.shifted}`);
    assert.ok(scanCounts.full - before.full > 200, `full scans: ${scanCounts.full - before.full}`);
  });

  test('the first character typed into an empty line keeps the lines after it: the same objects, as a full scan reads them', () => {
    const text = fixture('reports', 'town-signature.txt');
    const lines = text.split('\n');
    const k = lines.findIndex((l, i) => i > 3 && l.trim() === '' && i < lines.length - 3);
    assert.ok(k > 0, 'the fixture has an empty line in its body');
    const cache = new AnalysisCache();
    const last = readLines(text, cache);
    cache.index = last.index;
    cache.rotate();
    const typed = [...lines.slice(0, k), '加', ...lines.slice(k + 1)].join('\n');
    const shifted = scanCounts.shifted;
    const now = readLines(typed, cache);
    // The empty line's class does not reach beyond it (withinOneLine declines it): a shift by no line.
    assert.equal(scanCounts.shifted - shifted, 1, 'scanned as a shift');
    assert.deepEqual(plain(now.lines), plain(readLines(typed, undefined).lines));
    for (let i = k + 1; i < now.lines.length; i++) assert.equal(now.lines[i], last.lines[i], `line ${i} is the object it was`);
  });

  test('equals a full scan after edits that add and remove lines in the seeds', { skip: needsSeeds }, () => {
    for (let n = 0; n < 5; n++) check(seed(n), 120, 40 + n, lineEdit);
  });

  test('equals a full scan after random keystrokes into the seeds', { skip: needsSeeds }, () => {
    for (let n = 0; n < 5; n++) check(seed(n), 120, 30 + n);
  });

  test('a keystroke that changes what the passes over the document read is scanned in full: each case reads as fresh, and changed the debris', () => {
    const title = '某某县2023年法治政府建设年度报告';
    const body = (n: number) => `第${n}段正文，写明本年度的工作情况和具体措施。`;
    const meta = [
      '索引号：11410000/2024-00012',
      '',
      '发布机构：某某县司法局',
      '',
      '成文日期：2024-03-01',
      '',
      title,
      '一、主要举措',
      body(1),
      body(2),
    ];
    const before = ['某某县人民政府', ...meta.filter(Boolean).slice(0, 3), title, '一、主要举措', body(1), body(2)];
    const after = [title, '一、主要举措', body(1), body(2), meta[0], meta[2], '备注说明', ''];
    const headed = [title, '一、主要举措', ...[1, 2, 3, 4, 5, 6, 7, 8].map(body), '县司法局年度工作者', body(11), body(12), body(13)];
    const pages = ['- 1 -', '县司法局年度工作', '二、存在问题', body(9), '- 2 -', '县司法局年度工作', '三、下一步安排', body(10)];
    const note = '注：本报告中的数据均为初步统计数据如有出入以年度统计公报为准';
    // A title that names no body (a body's name reads as a 落款 line, which is checked anyway).
    const plainTitle = '关于2023年法治政府建设情况的报告';
    const nearPage = [
      plainTitle,
      '一、主要举措',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(body),
      note,
      '- 1 -',
      body(9),
      body(10),
      '- 2 -',
      body(11),
    ];
    const cases: [string, string[], number, string][] = [
      ['a long line next to a page number made the title (a running header that repeats it)', nearPage, 10, plainTitle],
      ['a blank line in a metadata block typed into (the block splits)', meta, 1, '县司法局'],
      ['a line above the body made a sentence (the body starts there)', before, 0, '某某县人民政府发布了本报告。'],
      ['a line below the body made a 落款 date (the body ends there)', after, 6, '2024年3月5日'],
      [
        "a line far from the page numbers made a running header's text (the header is the writer's)",
        [...headed, ...pages],
        10,
        '县司法局年度工作',
      ],
    ];
    const kinds = (t: string) => JSON.stringify(analyze(t).debris.map((d) => [d.kind, d.range.start.line]));
    for (const [name, lines, k, typed] of cases) {
      const text = lines.join('\n');
      const edited = lines.map((l, i) => (i === k ? typed : l)).join('\n');
      assert.notEqual(kinds(edited), kinds(text), `${name}: the case changes the debris`);
      const cache = new AnalysisCache();
      analyze(text, { cache });
      assert.equal(JSON.stringify(analyze(edited, { cache })), JSON.stringify(analyze(edited)), name);
    }
  });

  test('an edit that adds or removes lines where the passes over the document look is scanned in full: each case reads as fresh, and changed the debris', () => {
    const body = (n: number) => `第${n}段正文，写明本年度的工作情况和具体措施。`;
    const title = '关于2023年法治政府建设情况的报告';
    const head = [title, '一、主要举措', ...[1, 2, 3, 4, 5, 6].map(body)];
    const cases: [string, string[], (lines: string[]) => void][] = [
      [
        "a line inserted between a page number's line and a running header below a blank line (the header is out of the page number's reach)",
        [...head, '- 1 -', body(9), '', '县司法局年度工作', ...[11, 12, 13].map(body), '- 2 -', '县司法局年度工作', body(14)],
        (l) => l.splice(10, 0, body(10)),
      ],
      [
        'a sentence inserted above a metadata block (the block is in the body now)',
        [
          '某某县人民政府',
          '某某县人民政府办公室',
          '索引号：11410000/2024-00012',
          '',
          '发布机构：某某县司法局',
          '',
          ...head,
          ...[7, 8].map(body),
        ],
        (l) => l.splice(0, 0, body(20)),
      ],
      [
        'a line inserted between web chrome and tool words in the body (no longer beside chrome)',
        [...head, '打印本页 关闭窗口', '', '微信 微博', ...[7, 8].map(body)],
        (l) => l.splice(9, 0, '备注说明'),
      ],
      [
        "the title's text inserted between two page numbers (a running header that repeats it)",
        [...head, body(7), '- 1 -', '', '- 2 -', body(8), body(9)],
        (l) => l.splice(10, 0, title),
      ],
    ];
    const kinds = (t: string) => JSON.stringify(analyze(t).debris.map((d) => [d.kind, d.range.start.line]));
    for (const [name, lines, change] of cases) {
      const text = lines.join('\n');
      const changed = [...lines];
      change(changed);
      const edited = changed.join('\n');
      assert.notEqual(kinds(edited), kinds(text), `${name}: the case changes the debris`);
      const cache = new AnalysisCache();
      analyze(text, { cache });
      assert.equal(JSON.stringify(analyze(edited, { cache })), JSON.stringify(analyze(edited)), name);
    }
  });

  test('a running header stays one while a keystroke elsewhere is scanned alone, and goes when a line repeats its text', () => {
    const body = (n: number) => `第${n}段正文，写明本年度的工作情况和具体措施。`;
    const text = [
      '某某县2023年法治政府建设年度报告',
      '一、主要举措',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(body),
      '- 1 -',
      '县司法局年度工作',
      '二、存在问题',
      body(9),
      '- 2 -',
      '县司法局年度工作',
      '三、下一步安排',
      body(10),
    ].join('\n');
    const cache = new AnalysisCache();
    const headers = (t: string) => analyze(t, { cache }).debris.filter((d) => d.kind === 'running-header').length;
    assert.equal(headers(text), 2);
    const quick = scanCounts.quick;
    assert.equal(headers(text.replace('第5段正文', '第5段正文内容')), 2);
    assert.equal(scanCounts.quick, quick + 1, 'a keystroke in a body line is scanned alone');
    // A body line now says what the header says: the header text is the writer's, both go back to content.
    assert.equal(headers(text.replace('第5段正文', '第5段正文内容').replace(body(10), '县司法局年度工作')), 0);
  });
});
