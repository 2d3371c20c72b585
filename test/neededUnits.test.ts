/**
 * The needed-character filter (core/text/neededUnits.ts, issue 27 round 17) never passes over a line
 * an entry matches: over the reference table's names and patterns, strings made to match them and
 * near misses of them, random strings of their characters, and the lines of the fixture reports and
 * seeds, every entry whose regex matches is among those the filter names; and it does pass over
 * lines that hold none of an entry's characters.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { referenceTable, type ReferenceTable } from '../server/src/core/references/table';
import { alternativesOf, neededClass, NeededFilter, neededSets, UnitClasses } from '../server/src/core/text/neededUnits';
import rules from '../server/src/core/data/rules.json';
import { haveSeeds, seed } from './support/seeds';

const table = referenceTable();

/** The entries whose regex matches `text`, as the filter's bits. */
function matching(t: ReferenceTable, text: string): number {
  let bits = 0;
  t.entries.forEach((e, k) => {
    e.re.lastIndex = 0;
    if (e.re.test(text)) bits |= 1 << Math.min(k, 30);
  });
  return bits;
}

function holds(t: ReferenceTable, text: string): void {
  const must = matching(t, text);
  const named = t.filter.groupsIn(text);
  // Read where it lies in a longer text (cleanLines.ts reads a line in the document's), the same groups.
  const around = `某${text}。\n${text}`;
  assert.equal(t.filter.groupsInRange(around, 1, 1 + text.length), named, `groupsInRange(${JSON.stringify(text)})`);
  assert.equal(named & must, must, `entries ${(must & ~named).toString(2)} matched ${JSON.stringify(text)} but were not named`);
}

const ALPHABET = [
  ...new Set([...table.entries.flatMap((e) => [...e.names, ...(e.patterns ?? [])]).join(''), ...'，。 的和年二三十九届中全会法治政府']),
].join('');

describe('the needed-character filter', () => {
  test('names every reference entry a string made to match it matches, and its near misses', () => {
    for (const [k, e] of table.entries.entries()) {
      for (const name of e.names) holds(table, `我们学习${name}精神。`);
      // fast-check makes no strings for lookarounds (法制宣传(?!日)): its names and the other tests meet it.
      if (/\(\?[=!<]/.test(e.re.source)) continue;
      fc.assert(
        fc.property(
          fc.stringMatching(new RegExp(e.re.source)),
          fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 6 }),
          (m, noise) => {
            holds(table, m);
            holds(table, noise + m + noise);
            holds(table, m.slice(1) + noise);
          },
        ),
        { numRuns: 60, seed: 17 + k },
      );
    }
  });

  test('names every entry a random string of their characters matches', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 40 }), (s) => holds(table, s)),
      { numRuns: 5000, seed: 17 },
    );
  });

  test('names every entry a line of the fixture reports and the seeds cites', () => {
    const dir = resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports');
    const texts = readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .map((n) => readFileSync(join(dir, n), 'utf8'));
    if (haveSeeds) for (let n = 0; n < 5; n++) texts.push(seed(n));
    let cited = 0;
    for (const text of texts)
      for (const line of text.split('\n')) {
        holds(table, line);
        if (matching(table, line)) cited++;
      }
    assert.ok(cited >= 10, `${cited} lines cite a reference`);
  });

  test('passes over a line holding none of an entry’s needed characters, and names the one it may cite', () => {
    assert.equal(table.filter.groupsIn('全面推进严格规范公正文明执法，行政执法质量稳步提升。'), 0);
    const k = table.entries.findIndex((e) => e.id === 'cpc-19');
    const named = table.filter.groupsIn('深入学习贯彻党的十九大精神。');
    assert.ok(named & (1 << k), 'cpc-19 named');
    let count = 0;
    for (let m = named; m !== 0; m &= m - 1) count++;
    assert.ok(count <= 3, `${count} entries named for a line that cites one`);
  });

  test('looks for an entry by its characters rare in reports: a line of common words names nothing', () => {
    // 法治政府建设实施纲要 was named for every line holding 法 and 治 while its needed sets were taken
    // in the pattern's order (references/table.ts, COMMON): a third of the varied 1 MB's lines.
    for (const line of ['深入推进法治政府建设，全面依法行政。', '区委依法治区办公室组织召开专题会议。', '2024年法治政府建设年度报告'])
      assert.equal(table.filter.groupsIn(line), 0, line);
  });

  test('a pattern that refers back to a group, and the 31st group on, are named whenever they may match', () => {
    const alternatives = [
      ...Array.from({ length: 32 }, (_, g) => ({ needs: neededSets(alternativesOf(`甲${g}乙`)![0].ast.elements, false), group: g })),
      { needs: [], group: 33 },
    ];
    assert.equal(alternativesOf('(a)\\1'), null);
    const filter = new NeededFilter(new UnitClasses(alternatives.flatMap((a) => a.needs.map((n) => n.units!))), alternatives);
    assert.ok(filter.groupsIn('丙') & (1 << 30), 'the groups from the 31st on share bit 30, and one needing nothing is always named');
    assert.ok(filter.groupsIn('甲5乙') & (1 << 5));
  });

  test('the needed class of the placeholder patterns matches every text one of them matches', () => {
    const patterns = rules.placeholders.patterns;
    const needed = neededClass(patterns)!;
    assert.ok(needed, 'every placeholder pattern needs a character');
    const any = new RegExp(patterns.map((p) => `(?:${p})`).join('|'));
    const check = (text: string) => {
      if (any.test(text)) assert.ok(needed.test(text), `${needed} on ${JSON.stringify(text)}`);
    };
    // Lookarounds are dropped for the strings made (fast-check makes none for them); the texts made still hold what the rest needs.
    for (const [k, p] of patterns.entries())
      fc.assert(
        fc.property(fc.stringMatching(new RegExp(p.replace(/\(\?<?[=!][^)]*\)/g, ''))), (m) => {
          check(m);
          check(`共${m}件`);
        }),
        { numRuns: 100, seed: 17 + k },
      );
    const chars = [...new Set([...patterns.join(''), ...'年月日次件人XＸ×○〇＊*_＿【】待补充 0123456789'])].join('');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...chars), maxLength: 20 }), check), { numRuns: 5000, seed: 17 });
    // It is narrow: the digits, 年 and the words of a report are not in it.
    assert.ok(!needed.test('2024年12月，全县共办理行政复议案件36件。'));
    assert.equal(neededClass(['a|b?']), null, 'an alternative that needs nothing gives no class');
  });
});
