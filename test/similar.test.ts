// govreport similar (DOMAIN.md §8): a folder with near-copies under swapped place names, the
// same body's two years, a report that copies one paragraph, and unrelated ones; the MinHash +
// LSH path on a generated corpus above the exact-comparison limit; the CLI in every format.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { useServer } from './support/serverSuite';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { SimilarityCorpus, verifyPair } from '../server/src/core';
import { EXACT_LIMIT } from '../server/src/core/similarity/corpus';
import { documentShingles, dice } from '../server/src/core/similarity/documents';
import { estimateJaccard, jaccardOf, signature } from '../server/src/core/similarity/minhash';
import { runCli } from './support/cli';

const DIR = resolve(__dirname, '..', '..', 'test', 'fixtures', 'similar');
const cli = (...args: string[]) => runCli(args, { cwd: DIR });

/** Deterministic varied text: random sentences over a few hundred ideographs. */
function generator(seed: number) {
  let s = seed;
  const random = () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  const chars = Array.from({ length: 600 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 37) % 8000)));
  const paragraph = () =>
    Array.from({ length: 60 + Math.floor(random() * 80) }, () => chars[Math.floor(random() * chars.length)]).join('') + '。';
  return (paragraphs: number) => Array.from({ length: paragraphs }, paragraph).join('\n');
}

describe('similarity (core)', () => {
  test('the MinHash estimate follows the exact Jaccard index', () => {
    const gen = generator(7);
    const a = gen(30);
    const half = a.split('\n').slice(0, 15).join('\n') + '\n' + gen(15);
    const [sa, sb] = [documentShingles(a), documentShingles(half)];
    const exactDice = dice(sa, sb);
    const estimate = estimateJaccard(signature(sa), signature(sb));
    assert.ok(Math.abs(estimate - jaccardOf(exactDice)) < 0.08, `estimate ${estimate} vs exact ${jaccardOf(exactDice)}`);
    assert.ok(Math.abs(exactDice - 0.5) < 0.1, `half copied: Dice ${exactDice}`);
  });

  test(`above ${EXACT_LIMIT} reports LSH finds every planted near-copy and no unrelated pair`, () => {
    const gen = generator(15);
    const corpus = new SimilarityCorpus();
    const texts: string[] = [];
    for (let i = 0; i < EXACT_LIMIT + 100; i++) {
      // Every tenth report copies the one before, a fifth of its paragraphs rewritten.
      const text =
        i % 10 === 9
          ? texts[i - 1]
              .split('\n')
              .map((p, k) => (k % 5 === 0 ? gen(1) : p))
              .join('\n')
          : gen(25);
      texts.push(text);
      corpus.add(i, text);
    }
    const found = corpus
      .candidates(0.3)
      .map((c) => verifyPair(texts[c.a], texts[c.b], 0.3) && `${c.a}-${c.b}`)
      .filter(Boolean);
    const planted = texts
      .map((_, i) => i)
      .filter((i) => i % 10 === 9)
      .map((i) => `${i - 1}-${i}`);
    assert.deepEqual(found.sort(), planted.sort());
  });
});

describe('govreport similar', () => {
  test('text: most similar first; the copy under swapped place names, the same body two years, not the unrelated', () => {
    const r = cli('similar', '.');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '5 份报告，3 对相似度 ≥ 0.3 (3 pairs of 5 reports at or above 0.3):');
    assert.match(lines[1], /^ 95%  lvshui-2024\.txt  ↔  qingshan-2024\.txt$/);
    assert.match(lines[2], /共有段落 11 个/);
    assert.match(lines[3], /^ 61%  qingshan-2023\.txt  ↔  qingshan-2024\.txt  （同一单位 same body）$/);
    assert.ok(!r.stdout.includes('baihe'), 'the unrelated report pairs with nothing');
  });

  test('json: [{a, b, similarity, sameBody, shared: [{aLine, bLine}]}]', () => {
    const r = cli('similar', 'lvshui-2024.txt', 'qingshan-2024.txt', 'hongqiao-2024.txt', '--format', 'json', '--threshold', '0.05');
    assert.equal(r.status, 0, r.stderr);
    const pairs = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(pairs[0]), ['a', 'b', 'similarity', 'sameBody', 'shared']);
    // a and b in the order the files were given.
    assert.deepEqual(
      pairs.map((p: { a: string; b: string }) => `${p.a} ${p.b}`),
      ['lvshui-2024.txt qingshan-2024.txt', 'lvshui-2024.txt hongqiao-2024.txt', 'qingshan-2024.txt hongqiao-2024.txt'],
    );
    assert.equal(pairs[0].similarity, 0.949);
    assert.equal(pairs[0].sameBody, false);
    assert.deepEqual(pairs[0].shared[0], { aLine: 8, bLine: 8 });
    // The one copied paragraph (the 枫桥经验 one) is named with its lines in both reports.
    assert.deepEqual(pairs[1].shared, [{ aLine: 12, bLine: 9 }]);
    assert.ok(pairs[1].similarity < 0.3);
  });

  test('csv: a header and one row per pair', () => {
    const r = cli('similar', '.', '--format', 'csv');
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.trim().split('\n');
    assert.equal(rows[0], 'a,b,similarity,sameBody,sharedParagraphs,shared');
    assert.equal(rows[2], 'qingshan-2023.txt,qingshan-2024.txt,0.61,true,6,8:8 9:9 11:11 12:12 14:15 18:19');
    assert.equal(rows.length, 4);
  });

  test('nothing similar: a sentence, exit 0; bad usage: exit 2 with the reason', () => {
    const r = cli('similar', 'baihe-2024.txt', 'hongqiao-2024.txt');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /2 份报告中没有相似度达到 0\.3 的报告对/);
    assert.equal(cli('similar', '.', '--threshold', '2').status, 2);
    assert.match(cli('similar', '.', '--format', 'xml').stderr, /未知格式/);
    assert.equal(cli('similar').status, 2);
  });

  test('Word and other readable files take part; an unreadable one is reported and skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-similar-'));
    const gen = generator(3);
    const text = `关于2024年某镇法治政府建设情况的报告\n${gen(10)}`;
    writeFileSync(join(dir, 'a.txt'), text);
    writeFileSync(join(dir, 'b.txt'), text.replace('某镇', '另一镇'));
    writeFileSync(join(dir, 'c.txt'), Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0xff, 0xfe, 0x0a]));
    const r = runCli(['similar', dir, '--format', 'json']);
    assert.equal(r.status, 2, r.stderr); // as check: a reading that missed a file is not a clean one
    assert.equal(JSON.parse(r.stdout).length, 1);
    assert.match(r.stderr, /c\.txt/);
  });
});

describe('similar reports in the editor (govreport/similar through the stdio server)', () => {
  const s = useServer();
  test("the pairs of the document's folder, with URIs, most similar first; nothing outside a file folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-similar-lsp-'));
    for (const f of readdirSync(DIR)) copyFileSync(join(DIR, f), join(dir, f));
    const uri = pathToFileURL(join(dir, 'qingshan-2024.txt')).href;
    const r = await s.server.request<{ pairs: { a: string; b: string; similarity: number; sameBody: boolean; shared: unknown[] }[] }>(
      'govreport/similar',
      { uri },
    );
    assert.deepEqual(
      r.pairs.map((p) => [p.a.replace(/^.*\//, ''), p.b.replace(/^.*\//, ''), p.similarity, p.sameBody]),
      [
        ['lvshui-2024.txt', 'qingshan-2024.txt', 0.949, false],
        ['qingshan-2023.txt', 'qingshan-2024.txt', 0.61, true],
        ['lvshui-2024.txt', 'qingshan-2023.txt', 0.584, false],
      ],
    );
    assert.ok(r.pairs[0].a.startsWith('file:'));
    assert.equal(r.pairs[0].shared.length, 11);
    const untitled = await s.server.request<{ pairs: unknown[] }>('govreport/similar', { uri: 'untitled:Untitled-1' });
    assert.deepEqual(untitled.pairs, []);
  });
});
