/**
 * Issue 16: the incremental analysis must read exactly as a fresh one. The line index updated
 * from an edit equals the index of the new text split from scratch, line by line, whatever the
 * edit (line breaks LF, CRLF and lone CR typed, deleted or split in half, whole-text replaces).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, nodesAtLine, TextIndex, type OutlineNode } from '../server/src/core';
import { contains } from '../server/src/core/document/outlineWalk';
import { updatedIndex } from '../server/src/core/text/indexUpdate';
import { readLines } from '../server/src/core/lines/readLines';
import { isSpace, skipSpaces, trimEndIndex } from '../server/src/core/text/lineIndex';
import { random } from './support/random';
import { haveSeeds, needsSeeds, seed } from './support/seeds';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');

const PIECES = ['\n', '\r\n', '\r', '法', '12件\n', '', '\n\n', 'x\ry', '\r\n\r\n一、'];

function plain(index: TextIndex) {
  return index.lines.map((l, i) => ({ number: i, index: l.index, start: index.lineStart(i), end: index.lineEnd(i), text: l.text }));
}

function checkIndex(text: string, steps: number, seedValue: number): void {
  const next = random(seedValue);
  let current = text;
  let index = new TextIndex(current);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(next() * (current.length + 1));
    // Mostly small edits; now and then a long deletion (a selection) or a whole new text.
    const kind = next();
    const end =
      kind < 0.9
        ? Math.min(current.length, at + Math.floor(next() * 4))
        : kind < 0.98
          ? Math.min(current.length, at + Math.floor(next() * 400))
          : current.length;
    current = (kind >= 0.98 ? '' : current.slice(0, at)) + PIECES[Math.floor(next() * PIECES.length)] + current.slice(end);
    const before = index;
    index = updatedIndex(index, current);
    assert.deepEqual(plain(index), plain(new TextIndex(current)), `step ${i} (seed ${seedValue})`);
    assert.equal(index.text, current);
    // The lines before the edit are the previous lines themselves, not copies.
    const firstChanged = kind >= 0.98 ? 0 : at;
    for (const l of before.lines) {
      if (before.lineEnd(l.index) + 2 >= firstChanged) break;
      assert.equal(index.lines[l.index], l, `step ${i}: line ${l.index} before the edit is kept`);
    }
  }
}

describe('line index updated from the edit', () => {
  test('equals the new text split afresh after random edits of the example (LF, CRLF and CR breaks)', () => {
    checkIndex(EXAMPLE, 600, 3);
    checkIndex(EXAMPLE.replace(/\n/g, '\r\n'), 400, 4);
    checkIndex('', 200, 5);
  });

  test('equals the new text split afresh after random edits of the seeds', { skip: needsSeeds }, () => {
    for (let n = 0; n < 5; n++) checkIndex(seed(n), 150, 20 + n);
  });

  test('an unchanged text keeps its index; an edit keeps the lines after it, moved', () => {
    const index = new TextIndex('一、甲\n乙\n丙\n');
    assert.equal(updatedIndex(index, '一、甲\n乙\n丙\n'), index);
    const next = updatedIndex(index, '一、甲\n乙乙\n丙\n');
    assert.equal(next.lines[0], index.lines[0]);
    assert.deepEqual(next.lines[2], { index: 2, text: '丙' });
    assert.deepEqual([next.lineStart(2), next.lineEnd(2)], [7, 8]);
    assert.deepEqual(next.positionAt(7), { line: 2, character: 0 });
    // The line after the edit kept its number: the same object, only its start moved (issue 27).
    assert.equal(next.lines[2], index.lines[2]);
    assert.deepEqual([index.lineStart(2), index.lineEnd(2)], [6, 7], 'the older index reads its own offsets');
    // A line inserted: the lines after it are numbered anew.
    const longer = updatedIndex(next, '一、甲\n乙乙\n新\n丙\n');
    assert.deepEqual(longer.lines[3], { index: 3, text: '丙' });
    assert.deepEqual([longer.lineStart(3), longer.offsetAt({ line: 4, character: 0 })], [9, 11]);
    assert.equal(next.lines[2].index, 2);
  });

  test('an edit within a line makes no line object, and no line class, for the lines after it', () => {
    const text = '一、甲\n第一行文字。\n二、乙\n第二行文字。\n';
    const cache = new AnalysisCache();
    const before = readLines(text, cache);
    // What analyze does after each analysis: the next index is updated from this one.
    cache.index = before.index;
    cache.rotate();
    const after = readLines(text.replace('第一行', '第一行又'), cache);
    for (const k of [2, 3, 4]) {
      assert.equal(after.index.lines[k], before.index.lines[k], `line ${k}`);
      assert.equal(after.lines[k], before.lines[k], `line ${k}'s class`);
      assert.equal(after.index.lineStart(k), before.index.lineStart(k) + 1);
    }
    assert.notEqual(after.lines[1], before.lines[1]);
  });

  test('the debris of the lines after an in-line edit is listed as the same objects, where a fresh analysis puts it', () => {
    const text = '一、甲\n第一行文字。\n- 1 -\n二、乙[bookmark]\n第二行文字。\n';
    const cache = new AnalysisCache();
    const before = analyze(text, { cache });
    assert.ok(before.debris.length >= 1, JSON.stringify(before.debris));
    const edited = text.replace('第一行', '第一行又');
    const after = analyze(edited, { cache });
    assert.deepEqual(after.debris, analyze(edited).debris);
    after.debris.forEach((d, k) => assert.equal(d, before.debris[k], d.text));
    // A line inserted above: the lines after it have new numbers, and their debris new ranges.
    const inserted = edited.replace('第一行', '新的一行。\n第一行');
    const third = analyze(inserted, { cache });
    assert.deepEqual(third.debris, analyze(inserted).debris);
    assert.equal(third.debris[0].range.start.line, before.debris[0].range.start.line + 1);
  });

  test('lines made debris by their place (a portal metadata block, running headers) stay the same objects after an in-line edit', () => {
    const text = [
      '索引号：11410000/2024-00012',
      '发布机构：某某县司法局',
      '成文日期：2024-03-01',
      '',
      '某某县2023年法治政府建设年度报告',
      '一、主要举措',
      '第一行文字。',
      '- 1 -',
      '县司法局年度工作',
      '二、存在问题',
      '第二行文字。',
      '- 2 -',
      '县司法局年度工作',
      '三、下一步安排',
      '第三行文字。',
    ].join('\n');
    const cache = new AnalysisCache();
    const before = analyze(text, { cache });
    assert.deepEqual(
      before.debris.map((d) => [d.kind, d.range.start.line]),
      [
        ['metadata', 0],
        ['metadata', 1],
        ['metadata', 2],
        ['page-number', 7],
        ['running-header', 8],
        ['page-number', 11],
        ['running-header', 12],
      ],
    );
    const edited = text.replace('第二行', '第二行又');
    const after = analyze(edited, { cache });
    assert.deepEqual(after.debris, analyze(edited).debris);
    after.debris.forEach((d, k) => assert.equal(d, before.debris[k], `${d.kind} on line ${d.range.start.line}`));
    // The same when the edit is in the metadata block's neighbourhood: the block is decided again, and equal.
    const near = edited.replace('某某县2023年', '某某县2023年度');
    const third = analyze(near, { cache });
    assert.deepEqual(third.debris, analyze(near).debris);
    third.debris.forEach((d, k) => assert.equal(d, after.debris[k], `${d.kind} on line ${d.range.start.line}`));
  });
});

describe('spaces read by character code', () => {
  test('skipSpaces and trimEndIndex agree with isSpace on every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const space = isSpace(ch);
      assert.equal(skipSpaces(`${ch}x`), space ? 1 : 0, `U+${c.toString(16)}`);
      assert.equal(trimEndIndex(`x${ch}`), space ? 1 : 2, `U+${c.toString(16)}`);
    }
  });
});

describe('outline nodes at a position', () => {
  /** The reference: each level's nodes tried in turn. */
  function linear(nodes: readonly OutlineNode[], line: number, character: number): OutlineNode[] {
    const chain: OutlineNode[] = [];
    let level = nodes;
    for (;;) {
      const hit = level.find((n) => contains(n.range, { line, character }));
      if (!hit) return chain;
      chain.push(hit);
      level = hit.children;
    }
  }

  test('searching siblings by halves finds the nodes trying each in turn finds, at every line of the fixtures and seeds', () => {
    const dir = resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports');
    const texts = [
      EXAMPLE,
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(join(dir, f), 'utf8')),
    ];
    if (haveSeeds) for (let n = 0; n < 5; n++) texts.push(seed(n));
    let deep = 0;
    for (const text of texts) {
      const model = analyze(text);
      const lines = text.split(/\r\n|\r|\n/);
      for (let line = 0; line <= lines.length; line++) {
        for (const character of [0, 1, 2, 3, 5, 8, 20, (lines[line] ?? '').length]) {
          const expected = linear(model.outline, line, character);
          assert.deepEqual(nodesAtLine(model.outline, line, character), expected, `line ${line}:${character}`);
          if (expected.length > 2) deep++;
        }
      }
    }
    assert.ok(deep > 0, 'some positions are three levels deep');
  });
});
