/**
 * The whole-line debris patterns tried by the line's first character and the characters they need
 * (core/lines/firstCharAlternation.ts, issue 27) answer exactly as their plain alternation: each
 * pattern alone and all of them together, over every line of the fixture reports, the seeds (when
 * present) and a portal corpus, over strings made to match each pattern and near misses of them,
 * and over random strings; and the reading of a pattern's first and needed characters holds for
 * the regex shapes the data does not use yet (nullable starts, lookarounds, back-references).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import rawDebris from '../server/src/core/data/debris.json';
import { FirstCharAlternation } from '../server/src/core/lines/firstCharAlternation';
import { cleanReports, pageText, pagesOf } from './support/portalCorpus';
import { haveSeeds, seed } from './support/seeds';

const anyOf = (sources: readonly string[]) => new RegExp(sources.map((s) => `(?:${s})`).join('|'));
const LINE_PATTERNS = rawDebris.lines.map((p) => p.pattern);
/** The whole-line patterns, and the tail markers and the attachment link, tried the same way (cleanLines.ts, chrome.ts). */
const PATTERNS = [...LINE_PATTERNS, ...rawDebris.tailMarkers, rawDebris.attachmentLink];

/** Each pattern alone and each list as one: the dispatched alternation beside the plain regex. */
const PAIRS: [FirstCharAlternation, RegExp, string][] = [
  [new FirstCharAlternation(LINE_PATTERNS), anyOf(LINE_PATTERNS), 'all whole-line patterns'],
  [new FirstCharAlternation(rawDebris.tailMarkers), anyOf(rawDebris.tailMarkers), 'the tail markers'],
  ...PATTERNS.map((p): [FirstCharAlternation, RegExp, string] => [new FirstCharAlternation([p]), new RegExp(p), p]),
];

/** Asserts every pair answers the same on `text`; returns how many said yes. */
function same(text: string): number {
  let yes = 0;
  for (const [dispatched, plain, name] of PAIRS) {
    const expected = plain.test(text);
    if (expected) yes++;
    assert.equal(dispatched.test(text), expected, `${name} on ${JSON.stringify(text)}`);
  }
  return yes;
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(?:txt|md)$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** A string with one character put in, taken out or changed at a random place (a near miss of a match). */
function nearMiss(text: string, pick: (n: number) => number, alphabet: string): string {
  const at = pick(text.length + 1);
  const ch = alphabet[pick(alphabet.length)];
  switch (pick(3)) {
    case 0:
      return text.slice(0, at) + ch + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    default:
      return text.slice(0, at) + ch + text.slice(at + 1);
  }
}

const ALPHABET = [
  ...new Set([...PATTERNS.join(''), ...' \t\u3000（）【】：，。年月日第页一二三四五六七八九十0123456789工作报告法治政府建设']),
]
  .filter((c) => c.charCodeAt(0) >= 0x20)
  .join('');

describe('whole-line debris patterns tried by the first character', () => {
  test('on every line of the fixture reports, the seeds and a portal corpus, as the plain alternation', () => {
    const texts = textFiles(resolve(__dirname, '..', '..', 'test', 'fixtures'));
    if (haveSeeds) for (let n = 0; n < 5; n++) texts.push(seed(n));
    for (const report of cleanReports().slice(0, 3)) for (const page of pagesOf(report, 16)) texts.push(pageText(page));
    let lines = 0;
    let matched = 0;
    for (const text of texts)
      for (const line of text.split('\n')) {
        lines++;
        if (same(line) > 0) matched++;
        same(line.trim());
      }
    // Without the seeds (a clone with no ../shared beside it) the fixtures and the portal pages alone: ~3,900 lines.
    assert.ok(lines > (haveSeeds ? 4_000 : 2_000), `${lines} lines`);
    assert.ok(matched > 200, `${matched} lines matched a pattern`);
  });

  test('on strings made to match each pattern, and their near misses, as the plain alternation', () => {
    let matched = 0;
    let made = 0;
    for (const [k, p] of PATTERNS.entries()) {
      // fast-check makes no strings for lookarounds: such a pattern is met by the other tests.
      let matching: fc.Arbitrary<string>;
      try {
        matching = fc.stringMatching(new RegExp(p));
        fc.sample(matching, { numRuns: 1, seed: 27 });
      } catch {
        continue;
      }
      made++;
      fc.assert(
        fc.property(matching, fc.infiniteStream(fc.nat()), (text, numbers) => {
          const next = numbers[Symbol.iterator]();
          const pick = (n: number) => next.next().value % n;
          if (same(text) > 0) matched++;
          // Matches that run into the line start or end as debris lines do: the text before or after a match taken away.
          same(text.trim());
          for (let i = 0; i < 4; i++) same(nearMiss(text, pick, ALPHABET));
        }),
        { numRuns: 80, seed: 27 + k },
      );
    }
    assert.ok(made >= PATTERNS.length - 3, `strings made for ${made} of ${PATTERNS.length} patterns`);
    assert.ok(matched > made * 50, `${matched} strings matched`);
  });

  test('on random strings of the patterns’ characters, as the plain alternation', () => {
    const char = fc.constantFrom(...ALPHABET);
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        same(chars.join(''));
      }),
      { numRuns: 5000, seed: 27 },
    );
  });

  test('a line is tried only with the alternatives that can start with its first character, and need what it holds', () => {
    const all = PAIRS[0][0];
    // A heading starts with （: no 语音播报, no page number, no 以下是…; the breadcrumb's alternatives need a > or →.
    assert.equal(all.tried('（一）加强组织领导').length, 0);
    const tried = all.tried('（一）首页 > 新闻 > 通知');
    assert.ok(tried.length > 0 && tried.length <= 10, tried.join('\n'));
    assert.ok(!tried.includes('^语音播报$'));
    assert.ok(all.tried('语音播报').includes('^语音播报$'));
    assert.ok(all.test('语音播报') && all.test('第 3 页') && !all.test('（一）加强组织领导'));
  });

  test('the reading of first and needed characters holds for shapes the data does not use yet', () => {
    const shapes = [
      '^a?b', // the first character may be the second atom's
      '^(?:a|)b$', // an empty alternative in a group
      '^x*$', // may match the empty line only: every line tries it
      '^(?=a)\\w+', // a lookahead before the first atom
      '^(?!a)[^\\s]', // a negated class after a negative lookahead
      '^\\bab', // a word boundary first
      '^(a)\\1', // a back-reference: kept whole, every line
      '^.b', // any character
      '^\\s+a', // white space
      '^[\\d中]+年', // digits or 中, then 年
      '^(?:ab|cd)(?:ef|g)$', // the needed characters of a group of alternatives
      '^a|b', // an anchored and an unanchored alternative
      'b$|^c', // the other way round
      '^\ud83d\ude00x', // a surrogate pair (two code units without the u flag)
      '^(?<n>a)\\k<n>', // a named back-reference
      '^[^a]{1,3}\\s*[>b]{2}', // the breadcrumb shape
    ];
    const pairs: [FirstCharAlternation, RegExp][] = [
      [new FirstCharAlternation(shapes), anyOf(shapes)],
      ...shapes.map((s): [FirstCharAlternation, RegExp] => [new FirstCharAlternation([s]), new RegExp(s)]),
    ];
    const char = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'x', '>', ' ', '\n', '中', '年', '1', '_', '\ud83d', '\ude00');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 8 }), (chars) => {
        const text = chars.join('');
        for (const [dispatched, plain] of pairs)
          assert.equal(dispatched.test(text), plain.test(text), `${plain} on ${JSON.stringify(text)}`);
      }),
      { numRuns: 20_000, seed: 27 },
    );
  });
});
