// The rules' tests as marked texts: every test/fixtures/rules/*.txt is a whole report with its
// findings marked where they are (⟦span⟧{code}, {code} at a line's end; format in
// test/support/marks.ts and CONTRIBUTING.md), one test per file. Within the codes a file names in
// `#! rules:`, a finding not marked and a mark not found both fail.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  ALL_CODES,
  checkMarkedFile,
  compareMarks,
  loadMarkedFile,
  MARKED_DIR,
  markedFileNames,
  parseMarks,
  readMarkedFile,
} from './support/marks';

const files = markedFileNames();
const marked = files.map(loadMarkedFile);

describe('rule marks', () => {
  for (const file of marked) {
    test(file.name, () => {
      const { problems } = checkMarkedFile(file);
      if (problems.length) assert.fail('\n' + problems.join('\n'));
    });
  }

  test('every rule and size guard has a marked file that checks it and marks a finding of it', () => {
    const marks = new Set(marked.flatMap((f) => f.report.marks.map((m) => m.code)));
    assert.deepEqual(
      ALL_CODES.filter((c) => !marks.has(c)),
      [],
    );
  });

  test('every .fixed.txt belongs to a marked file', () => {
    const orphans = readdirSync(MARKED_DIR).filter((f) => f.endsWith('.fixed.txt') && !files.includes(f.replace(/\.fixed\.txt$/, '.txt')));
    assert.deepEqual(orphans, []);
  });
});

describe('the marks harness', () => {
  const finding = (code: string, line: number, start: number, end: number, message = 'm') => ({
    code,
    severity: 'warning' as const,
    message,
    range: { start: { line, character: start }, end: { line, character: end } },
  });

  test('marks are stripped; positions are the clean text’s, in UTF-16 (a full-width line, an astral character)', () => {
    const m = parseMarks('第一行\n𠀀继续⟦加强“普法⟧{placeholder}宣传。{debris}{debris:页码}\n');
    assert.equal(m.text, '第一行\n𠀀继续加强“普法宣传。\n');
    assert.deepEqual(
      m.marks.map((k) => [k.code, k.kind, k.range.start, k.range.end, k.message]),
      [
        ['placeholder', 'span', { line: 1, character: 4 }, { line: 1, character: 9 }, undefined],
        ['debris', 'line', { line: 1, character: 0 }, { line: 1, character: 0 }, undefined],
        ['debris', 'line', { line: 1, character: 0 }, { line: 1, character: 0 }, '页码'],
      ],
    );
  });

  test('spans may cross lines and nest', () => {
    const m = parseMarks('⟦一⟦二⟧{debris}\n三⟧{placeholder@error:X}');
    assert.equal(m.text, '一二\n三');
    assert.deepEqual(
      m.marks.map((k) => [k.code, k.range, k.severity, k.message]),
      [
        ['debris', { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, undefined, undefined],
        ['placeholder', { start: { line: 0, character: 0 }, end: { line: 1, character: 1 } }, 'error', 'X'],
      ],
    );
  });

  test('a malformed or unknown mark is an error, not text', () => {
    assert.throws(() => parseMarks('a⟦b'), /never closed/);
    assert.throws(() => parseMarks('a⟧{debris}'), /without its ⟦/);
    assert.throws(() => parseMarks('a⟦b⟧c'), /followed by \{code\}/);
    assert.throws(() => parseMarks('a{debriss}'), /unknown code/);
    assert.throws(() => parseMarks('a{debris} b'), /looks like a mark/);
    assert.throws(() => readMarkedFile('x.txt', '#! rules: debris\na{placeholder}\n'), /does not name/);
    assert.throws(() => readMarkedFile('x.txt', 'a\n'), /no “#! rules/);
  });

  test('a missing finding and an extra one both fail, shown on the clean line', () => {
    const m = parseMarks('继续⟦加强⟧{debris}普法。\n第二行{placeholder}\n');
    assert.deepEqual(compareMarks(m, [finding('debris', 0, 2, 4), finding('placeholder', 1, 0, 3)], ['debris', 'placeholder']), []);
    const missing = compareMarks(m, [finding('debris', 0, 2, 4)], ['debris', 'placeholder']);
    assert.deepEqual(missing, ['  - marked, not found: {placeholder} at line 2 (file line 2)', '         2 | 第二行{placeholder}']);
    const extra = compareMarks(
      m,
      [finding('debris', 0, 2, 4), finding('placeholder', 1, 0, 3), finding('debris', 0, 0, 1, '多')],
      ['debris', 'placeholder'],
    );
    assert.deepEqual(extra, [
      '  + found, not marked: {debris@warning:多} at 1:0–1:1 (file line 1)',
      '         1 | ⟦继⟧{debris}续加强普法。',
    ]);
    // A code the file does not check is not compared.
    assert.deepEqual(
      compareMarks(
        m,
        [finding('debris', 0, 2, 4), finding('placeholder', 1, 0, 3), finding('empty-part', 0, 0, 1)],
        ['debris', 'placeholder'],
      ),
      [],
    );
  });

  test('a wrong span, severity or message part fails', () => {
    const m = parseMarks('继续⟦加强⟧{debris@warning:残留}普法。\n');
    assert.deepEqual(compareMarks(m, [finding('debris', 0, 2, 4, '残留的页码')], ['debris']), []);
    assert.equal(compareMarks(m, [finding('debris', 0, 2, 5, '残留的页码')], ['debris']).length, 4);
    assert.equal(compareMarks(m, [finding('debris', 0, 2, 4, '页码')], ['debris']).length, 4);
    assert.equal(compareMarks(m, [{ ...finding('debris', 0, 2, 4, '残留'), severity: 'error' }], ['debris']).length, 4);
  });

  test('sections: the fixed text, last year’s report, a text without its final line break', () => {
    const f = readMarkedFile(
      'x.txt',
      '#! rules: debris\n#! final-newline: no\n#! options: {"locale": "en"}\nA\nB\n#! fixed:\nA\n#! previous: last.txt\nC\n',
    );
    assert.equal(f.report.text, 'A\nB');
    assert.equal(f.report.firstLine, 3);
    assert.equal(f.fixed?.text, 'A\n');
    assert.deepEqual(f.options, { locale: 'en', previous: { name: 'last.txt', text: 'C\n' } });
    const sibling = readMarkedFile('y.txt', '#! rules: debris\nA\nB{debris}\n', 'A\n⟦B⟧{debris}\n');
    assert.deepEqual([sibling.fixed?.text, sibling.fixed?.marks.length], ['A\nB\n', 1]);
    assert.throws(() => readMarkedFile('x.txt', '#! rules: debris\nA\n#! fixed:\nA\n', 'A\n'), /both/);
  });
});
