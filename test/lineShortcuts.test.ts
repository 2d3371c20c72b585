/**
 * The cheap first looks that let most lines skip the line-chrome checks (core/lines/chrome.ts,
 * debrisGuard.ts; issue 27, the fresh analysis) answer exactly as the full checks: a metadata line
 * tried only when its first character or a cell separator allows it, a navigation line read word by
 * word instead of split, a portal name tried only when it ends in 网 or 站 (or starts with 走进), body
 * evidence ending in a colon tried only on lines that end in one, and a validity word read in place.
 * Each is compared with the full check (or the code it replaced) over every line of the fixture
 * reports, the seeds (when present) and a portal corpus, and over strings made of labels, names,
 * separators and marks.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import rawDebris from '../server/src/core/data/debris.json';
import {
  gluedTitleStart,
  isNavigationLine,
  isTableRule,
  isToolLine,
  metadataLine,
  readGluedTitleStart,
  readMetadataLine,
} from '../server/src/core/lines/chrome';
import { isBodyEvidence, isTitleText } from '../server/src/core/lines/debrisGuard';
import { cleanReports, pageText, pagesOf } from './support/portalCorpus';
import { haveSeeds, seed } from './support/seeds';

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(?:txt|md)$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Every line of the fixtures, the seeds and a portal corpus, as it is and trimmed. */
function corpusLines(): string[] {
  const texts = textFiles(resolve(__dirname, '..', '..', 'test', 'fixtures'));
  if (haveSeeds) for (let n = 0; n < 5; n++) texts.push(seed(n));
  for (const report of cleanReports().slice(0, 3)) for (const page of pagesOf(report, 16)) texts.push(pageText(page));
  return texts.flatMap((t) => t.split('\n')).flatMap((l) => [l, l.trim()]);
}

/** isNavigationLine as it was before the word-by-word reading: the line split at its separators. */
const SITE_NAME = /^(?:[\u4e00-\u9fa5]{2,24}(?:门户网站|政府网|政务网|网站)|走进[\u4e00-\u9fa5]{1,8})$/;
const NAVIGATION = new Set(rawDebris.navigationWords);
const TOOLS = new Set(rawDebris.toolWords);
function splitNavigationLine(trimmed: string): boolean {
  if (trimmed.length > 60) return false;
  let words = 0;
  for (const w of trimmed.split(/[\s|｜/／·•]+/)) {
    if (!w) continue;
    if (!NAVIGATION.has(w) && !SITE_NAME.test(w) && !TOOLS.has(w)) return false;
    words++;
  }
  return words > 0;
}

/** isToolLine read whole: every word between separators a tool word, more than one or one of two characters or more. */
function splitToolLine(trimmed: string): boolean {
  if (trimmed.length > 80) return false;
  const words = trimmed.split(/[\s|｜/／·•:：【】[\]〔〕()（）<>《》]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => TOOLS.has(w)) && (words.length > 1 || words[0].length >= 2);
}

/** Strings made of the pieces chrome lines are made of: field labels, names, separators, brackets, colons, list marks, bold. */
const PIECES = [
  ...rawDebris.metadataFields,
  ...rawDebris.metadataFieldsBare,
  ...rawDebris.navigationWords,
  ...rawDebris.toolWords,
  ...rawDebris.metadataValueWords,
  ...[
    '某某县人民政府门户网站',
    '某某政务网',
    '走进某某',
    '某某县司法局',
    '2024年法治政府建设工作报告',
    '关于',
    '报告',
    '如下',
    '区委、区政府',
  ],
  ...[' ', '\t', '\u3000', '|', '｜', '/', '／', '·', '•', '-', '*', '**', '+', '[', ']', '【', '】', '［', '］', '〔', '〕'],
  ...[':', '：', '。', '，', '、', '1', '2025-01-20', '某', '网', '站'],
];
const piece = fc.constantFrom(...PIECES);
const made = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
/** Lines shaped like labels: a mark or spaces, a bracket or bold, a field, a colon, pieces after. */
const labelled = fc
  .tuple(
    fc.constantFrom('', '- ', '* ', '• ', ' ', '\u3000', '\t', '**', 'x'),
    fc.constantFrom('', '[ ', '【', '［', '〔', '**'),
    fc.constantFrom(...rawDebris.metadataFields),
    fc.constantFrom('', ' ]', '】', '］', '〕', '**'),
    fc.constantFrom('', '：', ':', ' '),
    fc.array(piece, { maxLength: 4 }),
  )
  .map(([mark, open, field, close, colon, rest]) => mark + open + field + close + colon + rest.join(''));

const TITLE = '某某镇人民政府2024年法治政府建设工作报告';

/** isTableRule as it was: its three regexes, without the first unit's look. */
const plainTableRule = (line: string) => /^[|｜\s:：-]+$/.test(line) && /-{3}/.test(line) && /[|｜]/.test(line);

function same(line: string): void {
  assert.deepEqual(metadataLine(line), readMetadataLine(line), `metadataLine(${JSON.stringify(line)})`);
  // Told the line holds no row mark (cleanLines.ts found none in it), where it holds none.
  if (!/[|｜\t]/.test(line))
    assert.deepEqual(metadataLine(line, false), readMetadataLine(line), `metadataLine(${JSON.stringify(line)}, false)`);
  assert.equal(isNavigationLine(line), splitNavigationLine(line), `isNavigationLine(${JSON.stringify(line)})`);
  assert.equal(isToolLine(line), splitToolLine(line), `isToolLine(${JSON.stringify(line)})`);
  assert.equal(isTableRule(line), plainTableRule(line), `isTableRule(${JSON.stringify(line)})`);
  // Chrome run into a title: the line, and the line with a title after it.
  for (const text of [line, line + TITLE])
    assert.equal(gluedTitleStart(text, isTitleText), readGluedTitleStart(text, isTitleText), `gluedTitleStart(${JSON.stringify(text)})`);
}

describe('the first looks of the line-chrome checks', () => {
  test('on every line of the fixtures, the seeds and a portal corpus, as the full checks', () => {
    let metadata = 0;
    let navigation = 0;
    let tools = 0;
    const lines = corpusLines();
    for (const line of lines) {
      same(line);
      if (readMetadataLine(line)) metadata++;
      if (splitNavigationLine(line)) navigation++;
      if (splitToolLine(line)) tools++;
    }
    // Without the seeds (a clone with no ../shared beside it) the fixtures and the portal corpus alone: ~7,800 lines.
    assert.ok(lines.length > (haveSeeds ? 8_000 : 4_000), `${lines.length} lines`);
    assert.ok(
      metadata > 20 && navigation > 20 && tools > 20,
      `${metadata} metadata lines, ${navigation} navigation lines, ${tools} tool lines`,
    );
  });

  test('on strings of labels, names, separators and marks, as the full checks', () => {
    let metadata = 0;
    let tools = 0;
    let glued = 0;
    fc.assert(
      fc.property(fc.oneof(made, labelled), (line) => {
        same(line);
        if (readMetadataLine(line)) metadata++;
        if (splitToolLine(line)) tools++;
        if (readGluedTitleStart(line + TITLE, isTitleText) > 0) glued++;
      }),
      { numRuns: 20_000, seed: 27 },
    );
    assert.ok(
      metadata > 2_000 && tools > 200 && glued > 200,
      `${metadata} metadata lines, ${tools} tool lines, ${glued} chrome run into a title made`,
    );
  });

  test("a table rule tried only when its first unit is a rule's, as its regexes", () => {
    let rules = 0;
    const unit = fc.constantFrom('|', '｜', '-', '---', ' ', '\t', '\u3000', ':', '：', 'a', '政', '');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const line = units.join('');
        same(line);
        if (plainTableRule(line)) rules++;
      }),
      { numRuns: 5000, seed: 20 },
    );
    assert.ok(rules > 100, `${rules} table rules made`);
  });

  test('every metadata field starts a metadata line, bracketed, with a colon, after a list mark, bold or spaces', () => {
    for (const f of rawDebris.metadataFields)
      for (const line of [
        `${f}：某某镇`,
        `【${f}】某某镇`,
        `[ ${f} ] 某某镇`,
        `- ${f}：某某镇`,
        `**${f}**：某某镇`,
        `\u3000${f}：某某镇`,
        `${f}：`,
      ]) {
        assert.ok(metadataLine(line), line);
        assert.deepEqual(metadataLine(line), readMetadataLine(line), line);
      }
  });

  test('words between separators read unit by unit: the rarer white space and lone surrogates as the split reads them', () => {
    // \s holds more than the pieces above (no-break, thin and zero-width-no-break spaces, the line separator);
    // a lone surrogate is one unit, never a separator.
    const rare = fc.constantFrom('\u00a0', '\u2009', '\ufeff', '\u2028', '\u1680', '\ud800', '\udc00', '\u200b');
    const word = fc.constantFrom(...rawDebris.navigationWords, ...rawDebris.toolWords, '某某政务网', '大', '');
    const line = fc.array(fc.tuple(word, fc.oneof(rare, piece)), { maxLength: 6 }).map((p) => p.map(([w, sep]) => w + sep).join(''));
    fc.assert(
      fc.property(line, (l) => {
        assert.equal(isNavigationLine(l), splitNavigationLine(l), JSON.stringify(l));
        assert.equal(isToolLine(l), splitToolLine(l), JSON.stringify(l));
      }),
      { numRuns: 5000 },
    );
    assert.ok(isNavigationLine('首页\u00a0政务公开') && isToolLine('打印\u2009关闭'));
  });

  test('a portal’s name, alone or among navigation names', () => {
    for (const line of ['某某县人民政府门户网站', '某某县人民政府网', '某某政务网', '走进某某', '首页 | 走进某某 | 某某县人民政府网站'])
      assert.equal(isNavigationLine(line), splitNavigationLine(line), line);
    assert.ok(isNavigationLine('某某县人民政府门户网站') && isNavigationLine('走进某某'));
  });

  test('body evidence that ends with a colon, full width or not', () => {
    for (const line of [
      '现将有关情况报告如下：',
      '现将有关情况报告如下:',
      '现将有关情况报告如下 ：',
      '区委、区政府：',
      '县委:',
      '某某县司法局：',
    ])
      assert.ok(isBodyEvidence(line), line);
    for (const line of ['发布时间：', '区委、区政府', '如下', '来源：某某县司法局']) assert.ok(!isBodyEvidence(line), line);
  });

  test('a validity word after a list mark and a label, run into the title', () => {
    const title = TITLE;
    assert.ok(isTitleText(title));
    for (const head of ['- [ 时效 ] 现行有效', '[ 有效性 ] 现行有效 ', '现行有效', '时效：有效', '- 已废止'])
      assert.equal(gluedTitleStart(head + title, isTitleText), head.length, head);
    assert.equal(gluedTitleStart('- [ 时效 ] 某某' + title, isTitleText), 0);
  });
});
