// findItems (一是/二是… inside paragraphs) scans only at each 是 for speed; this checks it against
// its specification, the regex it replaced, on generated lines and on the seeds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanDebris, type CleanLine } from '../server/src/core/lines/cleanLines';
import { findItems, type HeadingToken } from '../server/src/core/lines/headingShapes';
import { parseSmallChineseNumber } from '../server/src/core/text/numerals';
import { TextIndex } from '../server/src/core/text/lineIndex';
import { needsSeeds, seed } from './support/seeds';

const ITEM = /(^|[\s\u3000。；;：:，,！？!?、”’）)】」])([一二三四五六七八九十]{1,3})是(?![的否非])/g;
const ITEM_TITLE_END = /[，,。；;：:！？!?]/;

/** The specification: the regex over the line's content, as the analysis used to run it. */
function reference(
  cl: CleanLine,
  lineStart: number,
  from: number,
): Pick<HeadingToken, 'value' | 'start' | 'ordinalEnd' | 'titleStart' | 'titleEnd' | 'ordinalText'>[] {
  const text = cl.line.text;
  const start = Math.max(from, cl.contentStart);
  const limit = cl.contentEnd;
  if (start >= limit) return [];
  const sub = text.slice(start, limit);
  const out = [];
  ITEM.lastIndex = 0;
  for (let m = ITEM.exec(sub); m; m = ITEM.exec(sub)) {
    const rel = start + m.index + m[1].length;
    const value = parseSmallChineseNumber(m[2]);
    if (value === null) continue;
    const titleStart = rel + m[2].length + 1;
    const slice = text.slice(titleStart, Math.min(limit, titleStart + 320));
    const e = ITEM_TITLE_END.exec(slice);
    let titleEnd = e ? titleStart + e.index : Math.min(limit, titleStart + slice.length);
    while (titleEnd > titleStart && /\s|\u3000/.test(text[titleEnd - 1])) titleEnd--;
    if (titleEnd <= titleStart) continue;
    const base = lineStart;
    out.push({
      value,
      start: base + rel,
      ordinalEnd: base + titleStart,
      titleStart: base + titleStart,
      titleEnd: base + titleEnd,
      ordinalText: m[2] + '是',
    });
  }
  return out;
}

function compare(text: string) {
  const index = new TextIndex(text);
  const lines = scanDebris(index.lines);
  for (const cl of lines) {
    const lineStart = index.lineStart(cl.line.index);
    for (const from of [0, 1, 3, cl.contentStart + 2]) {
      const got = findItems(cl, lineStart, from).map(({ value, start, ordinalEnd, titleStart, titleEnd, ordinalText }) => ({
        value,
        start,
        ordinalEnd,
        titleStart,
        titleEnd,
        ordinalText,
      }));
      assert.deepEqual(got, reference(cl, lineStart, from), `line ${JSON.stringify(cl.line.text)} from ${from}`);
    }
  }
}

test('findItems: examples read as before', () => {
  const cl = scanDebris(new TextIndex('  一是健全机制，落实责任。二是加强考核；十一是好的。三是的确如此。,四是\u3000完善').lines)[0];
  assert.deepEqual(
    findItems(cl, 0, 0).map((t) => [t.ordinalText, t.value]),
    [
      ['一是', 1],
      ['二是', 2],
      ['十一是', 11],
      ['四是', 4],
    ],
  );
});

test('findItems agrees with its regex specification on generated lines', () => {
  // A small alphabet dense in numerals, boundaries and 是, so every edge case occurs often.
  const alphabet = [...'一二三十是是的否非，。；：、）” \u3000a1【'];
  let seedValue = 7;
  const random = () => (seedValue = (Math.imul(seedValue, 1103515245) + 12345) & 0x7fffffff) / 0x80000000;
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const n = 1 + Math.floor(random() * 24);
    for (let k = 0; k < n; k++) s += alphabet[Math.floor(random() * alphabet.length)];
    lines.push(s);
  }
  compare(lines.join('\n'));
});

test('findItems agrees with its regex specification on the seeds', { skip: needsSeeds }, () => {
  for (let n = 0; n < 5; n++) compare(seed(n));
});
