/**
 * Issue 16: the fast paths of the fresh analysis read exactly as the plain code they replace —
 * tool-word lines read word by word against the split of the whole line, numbers in half-width
 * digits read without replacing; and round 17's: labels trimmed by hand and by their last character,
 * the phrase after a figure sliced once; round 18's: brackets paired by a table read per character,
 * a paragraph's end read from its last character; round 19's: punctuation-width's marks read unit by
 * unit from tables; round 20's: a line's citations looked for in the entries the filter names only,
 * the lines holding a character of a class found by one scan of the whole text, unbalanced-pair's
 * brackets and punctuation-width's marks found from one to the next by a native scan, the figure
 * vocabulary asked through prepared lists, a number's unit asked before its exclusions, a line's
 * characters read from the document's text, and a line's class read from it (its width and first
 * looks, the units they ask for found ahead in the whole text); round 21's: the line rules' first-look
 * classes found together by one pass in script, and the lines that cite looked for among those holding
 * a character every citation holds.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import rawDebris from '../server/src/core/data/debris.json';
import { isToolLine } from '../server/src/core/lines/chrome';
import { numberAt, readNumber } from '../server/src/core/figures/number';
import { figureAt, notAFigure, quantityAt } from '../server/src/core/figures/predicates';
import { extractFigures } from '../server/src/core/figures';
import { readLines } from '../server/src/core/lines/readLines';
import { scanDebris } from '../server/src/core/lines/cleanLines';
import { readStructure } from '../server/src/core/document/structure';
import { readFrame } from '../server/src/core/document/frame';
import { contentSegments } from '../server/src/core/lines/segments';
import { TextIndex } from '../server/src/core/text/lineIndex';
import { cleanLabel, isNoiseUnit, phraseAfter } from '../server/src/core/figures/label';
import { SPACE_UNITS } from '../server/src/core/figures/spaceUnits';
import { vocab, wordAt, wordBefore, words, wordSets, Words, WordSet } from '../server/src/core/figures/data';
import { toHalfWidthDigits } from '../server/src/core/text/numerals';
import { analyze } from '../server/src/core/analyze';
import { ruleByCode } from '../server/src/core/rules';
import { isRate } from '../server/src/core/rules/figureRelations';
import { distinctMarks } from '../server/src/core/rules/punctuationWidth';
import type { Figure } from '../server/src/core/model';
import { citationReader, citationsInLine, type Citation } from '../server/src/core/references/scan';
import { referenceTable, type ReferenceDefinition } from '../server/src/core/references/table';
import { CharacterLook } from '../server/src/core/text/linesHolding';
import { LookedTogether } from '../server/src/core/rules/lookedTogether';
import { UnitAhead } from '../server/src/core/text/unitsAhead';

const TOOLS = new Set(rawDebris.toolWords);
// Not 、 or ，: words listed with them are prose (微信、微博), not a bar of buttons (issue 12).
const SEPARATORS = /[\s|｜/／·•:：【】[\]〔〕()（）<>《》]+/;
const FIRST = new Set([...TOOLS].map((w) => w[0]));

/** isToolLine as it was: the whole line split, then every word looked up. */
function splitReference(trimmed: string): boolean {
  if (trimmed.length > 80) return false;
  if (!FIRST.has(trimmed[0]) && !SEPARATORS.test(trimmed[0])) return false;
  const words = trimmed.split(SEPARATORS).filter(Boolean);
  if (words.length === 0) return false;
  if (words.length === 1 && words[0].length < 2) return false;
  return words.every((w) => TOOLS.has(w));
}

describe('fast paths read as the plain code', () => {
  test('a tool-word line read word by word is one the whole split calls so, and only such', () => {
    const word = fc.constantFrom(...TOOLS, '大', '中', '返回', '报告', '工作', 'x', '');
    const separator = fc.constantFrom(' ', '|', '｜', '/', '：', '【', '】', '  ', '、', '，', '（', '(', '');
    const line = fc.array(fc.tuple(word, separator), { maxLength: 6 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    let tools = 0;
    fc.assert(
      fc.property(fc.tuple(separator, line), ([lead, rest]) => {
        const text = lead + rest;
        const expected = splitReference(text);
        if (expected) tools++;
        assert.equal(isToolLine(text), expected, JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 16 },
    );
    assert.ok(tools > 100, 'the property met tool lines');
  });

  test('numbers read without replacing have the value the replacing reads', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9０-９][0-9０-９,.．]{0,10}$/), fc.constantFrom('件', '人', '%', '元', ''), (digits, unit) => {
        const token = numberAt(digits + unit, 0);
        const m = /^[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/.exec(digits)!;
        const plain = Number(toHalfWidthDigits(m[0]).replace(/,/g, '').replace('．', '.'));
        if (!Number.isFinite(plain)) return;
        assert.ok(token, digits);
        assert.equal(token.end, m[0].length);
        assert.equal(token.value, plain, digits + unit);
      }),
      { numRuns: 2000, seed: 16 },
    );
    assert.equal(toHalfWidthDigits('１２3'), '123');
    assert.equal(toHalfWidthDigits('2024'), '2024');
  });

  test('a label cleaned with its edges trimmed by hand and its filler found by its last character is the one the regexes made', () => {
    const YEAR_LEAD = /^(?:[0-9０-９]{4}年度?|[0-9０-９]{1,2}月(?:份)?|上半年|下半年)/;
    const NOISE = /[“”"‘’'「」《》\s\u3000]/g;
    const PUNCT_EDGE = /^[，,、；;：:。.（）()]+|(?<![，,、；;：:。.（）()])[，,、；;：:。.（）()]+$/g;
    const reference = (clause: string) => {
      let s = clause.replace(NOISE, '').replace(PUNCT_EDGE, '');
      for (let changed = true; changed && s;) {
        changed = false;
        const lead = YEAR_LEAD.exec(s)?.[0] ?? wordAt(s, 0, vocab.leadingFillers);
        if (lead) {
          s = s.slice(lead.length).replace(PUNCT_EDGE, '');
          changed = true;
        }
        const tail =
          vocab.trailingFillers.find((w) => s.endsWith(w)) ??
          (s.endsWith('为') && !vocab.wordsEndingIn为.some((w) => s.endsWith(w)) ? '为' : undefined);
        if (tail) {
          s = s.slice(0, -tail.length);
          changed = true;
        }
      }
      return s;
    };
    const piece = fc.constantFrom(
      ...vocab.leadingFillers,
      ...vocab.trailingFillers,
      ...vocab.wordsEndingIn为,
      '为',
      '，',
      '。',
      '（',
      ')',
      '、',
      ' ',
      '“',
      '》',
      '2024年',
      '3月份',
      '上半年',
      '下半年',
      '１２月',
      '上',
      '\u3000',
      '「',
      "'",
      '\t',
      '办理',
      '案件',
      '行政复议',
      'a',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const clause = pieces.join('');
        assert.equal(cleanLabel(clause), reference(clause), JSON.stringify(clause));
      }),
      { numRuns: 5000, seed: 17 },
    );
  });

  test('a prepared word list answers as wordAt and wordBefore, at every position and past both ends', () => {
    const lists = [...Object.values(words), new Words(['', '为', '行为']), new Words([])];
    const all = lists.flatMap((l) => l.list).filter(Boolean);
    const piece = fc.constantFrom(...all, '1', '二', '，', '为', 'a', '');
    let found = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.nat(lists.length - 1), (pieces, k) => {
        const text = pieces.join('');
        const list = lists[k];
        for (let at = -2; at <= text.length + 2; at++) {
          const a = list.at(text, at);
          if (a !== undefined) found++;
          assert.equal(a, wordAt(text, at, list.list), JSON.stringify([text, at, 'at', k]));
          assert.equal(list.before(text, at), wordBefore(text, at, list.list), JSON.stringify([text, at, 'before', k]));
        }
      }),
      { numRuns: 5000, seed: 20 },
    );
    assert.ok(found > 1000, 'the property met listed words');
  });

  test('a word set asked by length first holds what the plain set holds', () => {
    const long = '很'.repeat(31);
    const lists = [vocab.verbs, vocab.shareWords, vocab.coverWords, ['', '为', long, long + '长']];
    const sets = [wordSets.verbs, wordSets.shareWords, wordSets.coverWords, new WordSet(lists[3])];
    const piece = fc.constantFrom(...lists.flat(), '1', '二', '为', 'a', '');
    let held = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 3 }), fc.nat(lists.length - 1), (pieces, k) => {
        const word = pieces.join('');
        const expected = new Set(lists[k]).has(word);
        if (expected) held++;
        assert.equal(sets[k].has(word), expected, JSON.stringify([word, k]));
      }),
      { numRuns: 5000, seed: 20 },
    );
    assert.ok(held > 300, 'the property met listed words');
  });

  test("the figure reader's list of white-space units is the class of /\\s/, every UTF-16 unit", () => {
    const listed = new Set(SPACE_UNITS);
    for (let c = 0; c < 0x10000; c++) assert.equal(listed.has(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
  });

  test("the label's noise table holds the noise regex's class, every UTF-16 unit", () => {
    const NOISE = /[“”"‘’'「」《》\s\u3000]/;
    for (let c = 0; c < 0x10000; c++) assert.equal(isNoiseUnit(c), NOISE.test(String.fromCharCode(c)), c.toString(16));
  });

  test('a figure found with its unit asked first is the one notAFigure, then quantityAt found', () => {
    const number = fc.constantFrom('1', '25', '２', '一', '三', '十二', '3.5');
    const word = fc.constantFrom(
      ...vocab.slogans,
      ...vocab.notAfter,
      ...vocab.approximateBefore,
      ...vocab.approximateInside,
      ...vocab.approximateAfter,
      ...vocab.approximateBeforeChinese,
      '-',
      '·',
      ':',
      '+',
      '年',
      '，',
      '办理',
    );
    const unit = fc.constantFrom(...vocab.units);
    const piece = fc.oneof(
      number,
      word,
      unit,
      fc.tuple(number, unit).map(([n, u]) => n + u),
    );
    let figures = 0;
    let numbers = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.boolean(), fc.boolean(), fc.nat(), fc.nat(), (pieces, book, quote, x, y) => {
        const text = pieces.join('');
        const segmentStart = text.length === 0 ? 0 : x % text.length;
        const ordinal = y % 3 === 0 ? new Set([y % (text.length + 1), (y >> 2) % (text.length + 1)]) : undefined;
        const tok = { value: 0, end: 0, chinese: false };
        for (let i = segmentStart; i < text.length; i++) {
          if (!readNumber(text, i, tok)) continue;
          numbers++;
          const clauseStart = segmentStart + (y % (i - segmentStart + 1));
          const expected = notAFigure(text, i, tok, segmentStart, book, quote, ordinal) ? null : quantityAt(text, i, tok, clauseStart);
          if (expected) figures++;
          const args = JSON.stringify([text, i, segmentStart, clauseStart, book, quote, ordinal && [...ordinal]]);
          assert.deepEqual(figureAt(text, i, tok, segmentStart, clauseStart, book, quote, ordinal), expected, args);
        }
      }),
      { numRuns: 5000, seed: 20 },
    );
    assert.ok(figures > 1000 && numbers > 3 * figures, `the property met figures (${figures}) and other numbers (${numbers})`);
  });

  test("lines classified from the document's text, the units their first looks ask for found ahead, are those classified from their own text", () => {
    const piece = fc.constantFrom(
      '关于2024年法治政府建设情况的报告',
      '一、主要举措',
      '[ 索引号 ] 0000-2024-001',
      '索引号：',
      '| 发布机构 | 某某镇人民政府 |',
      '｜',
      '\t',
      '发布日期\t2024-01-02',
      '[图片]',
      '[',
      '返回顶部',
      '政务公开 | 政务服务',
      '某某县人民政府门户网站',
      '走进某某',
      'www.mx.gov.cn',
      '打印 关闭',
      '第 3 页',
      '3',
      '（二）',
      '全面推进依法行政。',
      '网',
      '\n',
      '\r\n',
      '  ',
      '\u3000',
    );
    let debris = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 5, maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const index = new TextIndex(text);
        const fromText = scanDebris(index.lines, undefined, index);
        // Without the index: every line read from its own text, each first look asked of the line.
        const fromLines = scanDebris(index.lines);
        debris += fromText.filter((l) => l.debris.length > 0).length;
        assert.deepEqual(fromText, fromLines, JSON.stringify(text));
      }),
      { numRuns: 1500, seed: 20 },
    );
    assert.ok(debris > 200, `the property met debris (${debris})`);
  });

  test("figures read from the document's text are those read from each line's own text", () => {
    const piece = fc.constantFrom(
      '办理案件',
      '10件',
      '，其中',
      '许可6件',
      '占比60%',
      '。',
      '；',
      '《条例》',
      '“三统一”',
      '2024年',
      '一、',
      '（二）',
      '第3次',
      '约',
      '5万元',
      '\n',
      '\r\n',
      '  ',
      '网页',
    );
    let figures = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 10, maxLength: 40 }), (pieces) => {
        const text = '关于2024年法治政府建设情况的报告\n一、主要举措\n' + pieces.join('');
        const { index, lines } = readLines(text, undefined);
        const structure = readStructure(text, lines, undefined, undefined, index);
        const { outline } = readFrame(text, index, structure, undefined, 'zh-cn');
        const source = { lines: structure.lines, outline, segments: contentSegments, joins: structure.wrap?.next };
        const fromText = extractFigures({ ...source, index });
        // An index of the same text with other line objects: every line is read from its own text.
        const fromLines = extractFigures({ ...source, index: new TextIndex(text) });
        figures += fromText.length;
        assert.equal(JSON.stringify(fromText), JSON.stringify(fromLines), JSON.stringify(text));
      }),
      { numRuns: 1000, seed: 20 },
    );
    assert.ok(figures > 1000, `the property met figures (${figures})`);
  });

  test('the phrase after a figure, sliced once, is the one read a character at a time', () => {
    const reference = (text: string, from: number, to: number) => {
      const stops = wordAt(text, from, vocab.labelStops) ? [] : vocab.labelStops;
      let out = '';
      for (let end = from; end < to && out.length < 12; end++) {
        const ch = text[end];
        if (ch === '“' || ch === '”') continue;
        if (!/[\u3400-\u9fff]/.test(ch) || wordAt(text, end, stops)) break;
        out += ch;
      }
      return out;
    };
    const piece = fc.constantFrom(...vocab.labelStops, '“', '”', '企业', '家', '完成', '，', '。', 'a', '1', '人民调解', '纠纷');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), fc.nat(), (pieces, x, y) => {
        const text = pieces.join('');
        const from = text.length === 0 ? 0 : x % text.length;
        const to = from + (y % (text.length - from + 1));
        assert.equal(phraseAfter(text, from, to), reference(text, from, to), JSON.stringify([text, from, to]));
      }),
      { numRuns: 5000, seed: 17 },
    );
  });

  test('a rate is told from a change by one regex of the change words, as by asking each word', () => {
    const plain = (f: Figure) => f.unit === '%' && f.label.includes(vocab.rateWord) && !vocab.changeWords.some((w) => f.label.includes(w));
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom(...vocab.changeWords), weight: 1 },
      { arbitrary: fc.constantFrom(vocab.rateWord, '增', '长', '上年', '比', '成功', '覆盖', '化解', 'a', '1'), weight: 6 },
    );
    let rates = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.constantFrom('%', '件', '个'), (pieces, unit) => {
        const f = { label: pieces.join(''), unit } as Figure;
        if (plain(f)) rates++;
        assert.equal(isRate(f), plain(f), JSON.stringify(f));
      }),
      { numRuns: 5000, seed: 27 },
    );
    assert.ok(rates > 100, 'the property met rates');
  });

  test("debris computes only the lines with debris spans: its findings stand on the lines of the model's debris", () => {
    const dir = resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports');
    const lines = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
    const debrisLines = lines.filter((l) => analyze(l).debris.length > 0);
    assert.ok(debrisLines.length > 20, 'the fixtures hold debris lines');
    const line = fc.oneof(fc.constantFrom(...debrisLines), fc.constantFrom(...lines));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (picked) => {
        const m = analyze(picked.join('\n'));
        const found = [...new Set(m.findings.filter((f) => f.code === 'debris').map((f) => f.range.start.line))];
        const spans = [...new Set(m.debris.map((d) => d.range.start.line))];
        assert.deepEqual(found, spans);
      }),
      { numRuns: 300, seed: 27 },
    );
  });

  test("punctuation-width names a line's marks by a loop as the set of them did", () => {
    const piece = fc.constantFrom(',', ';', ':', '?', '!', '(', ')', '中', '文', 'a', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 20 }), (pieces, picks) => {
        const text = pieces.join('');
        const marks = [...text].flatMap((ch, i) => (/[,;:?!()]/.test(ch) ? [i] : []));
        const at = marks.filter((_, k) => picks.length === 0 || picks[k % picks.length] % 3 !== 0);
        assert.equal(distinctMarks(text, at), [...new Set(at.map((i) => text[i]))].join(' '), JSON.stringify([text, at]));
      }),
      { numRuns: 3000, seed: 27 },
    );
  });

  test('the lines holding a character of a class, found in the whole text, are those whose own text the class matches', () => {
    const classes = [/[,;:?!(]/, /[XＸ×✕○〇*＊_＿【]/, /[a]/];
    const looks = classes.map((c) => new CharacterLook(c));
    const piece = fc.constantFrom(',', '(', '：', 'X', '×', '【', 'a', '法治', '年', ' ', '\n', '\r\n', '\r', '\n\n');
    let found = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const index = new TextIndex(pieces.join(''));
        classes.forEach((c, k) => {
          const plain = index.lines.filter((l) => c.test(l.text)).map((l) => l.index);
          found += plain.length;
          assert.deepEqual(looks[k].lines(index), plain, JSON.stringify(pieces.join('')));
        });
      }),
      { numRuns: 3000, seed: 21 },
    );
    assert.ok(found > 3000, 'the property met lines holding the classes');
    assert.throws(() => new CharacterLook(/[^a]/), /line break/);
    assert.throws(() => new CharacterLook(/ab/), /one character/);
  });

  test('the lines holding a character of each class, found together in one pass, are those the native scan of each finds', () => {
    // Two classes and one added later: with the four of the rules, the seven a unit's bits hold.
    const classes = [/[,;:?!(【]/, /[XＸ×✕○〇*＊_＿(a【]/];
    const together = classes.map((c) => new LookedTogether(c));
    const alone = classes.map((c) => new CharacterLook(c));
    const piece = fc.constantFrom(',', '(', '：', 'X', '×', '【', 'a', '法治', '年', ' ', '\n', '\r\n', '\r', '\n\n', '〇', '_b');
    let found = 0;
    const property = (looks: readonly LookedTogether[], natives: readonly CharacterLook[]) =>
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const index = new TextIndex(pieces.join(''));
        looks.forEach((look, k) => {
          const plain = natives[k].lines(index);
          found += plain.length;
          assert.deepEqual(look.lines(index), plain, JSON.stringify(pieces.join('')));
        });
      });
    fc.assert(property(together, alone), { numRuns: 3000, seed: 27 });
    assert.ok(found > 3000, 'the property met lines holding the classes');
    // A class added after passes: the units learnt so far are learnt again, with its bit.
    const later = new LookedTogether(/[年]/);
    fc.assert(property([...together, later], [...alone, new CharacterLook(/[年]/)]), { numRuns: 500, seed: 28 });
    assert.throws(() => new LookedTogether(/[^a]/), /line break/);
  });

  test('a unit found ahead in the whole text, asked of ranges in order from anywhere, is found as in each range alone', () => {
    const piece = fc.constantFrom('[', '|', 'a', '法', '\n', '  ');
    let held = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(8), { maxLength: 12 }), (pieces, steps) => {
        const text = pieces.join('');
        for (const unit of ['[', '|']) {
          const ahead = new UnitAhead(text, unit);
          // Ranges in order, the first anywhere (a keystroke's scan asks from the first line its memo does not know).
          let from = steps.length > 0 ? steps[0] % (text.length + 1) : 0;
          for (const step of steps) {
            const to = Math.min(text.length, from + step);
            const plain = text.slice(from, to).includes(unit);
            held += plain ? 1 : 0;
            assert.equal(ahead.within(from, to), plain, JSON.stringify([text, unit, from, to]));
            from = to;
          }
        }
      }),
      { numRuns: 3000, seed: 28 },
    );
    assert.ok(held > 1000, 'the property met ranges holding the unit');
  });

  test('citations looked for in the entries the filter names, the 31st entry on included, are those every entry finds', () => {
    // Four entries of a workspace after the 30 built-in ones: bit 30 names the 31st entry and those after it.
    const extra: ReferenceDefinition[] = ['清风行动', '蓝天行动', '护苗行动', '净网行动'].map((name, k) => ({
      id: `local-${k}`,
      kind: 'event',
      names: [name],
      date: '2025-03-01',
    }));
    const table = referenceTable(extra);
    assert.ok(table.entries.length > 31);
    /** Every entry tried on every piece of the content, then the longest kept where they overlap. */
    const reference = (text: string): string[] => {
      const cl = readLines(text, undefined).lines[0];
      const all: Citation[] = [];
      for (const [from, to] of cl.isDebris ? [] : contentSegments(cl)) {
        const seg = text.slice(from, to);
        for (const ref of table.entries)
          for (const m of seg.matchAll(new RegExp(ref.re.source, 'g')))
            if (m[0].length > 0)
              all.push({ ref, line: 0, start: from + m.index, end: from + m.index + m[0].length, text: m[0], groups: m.slice(1) });
      }
      all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      const kept: Citation[] = [];
      for (const c of all) if (!kept.some((k) => c.start < k.end && c.end > k.start)) kept.push(c);
      return kept.sort((a, b) => a.start - b.start).map((c) => `${c.ref.id}@${c.start}:${c.text}`);
    };
    const piece = fc.constantFrom(
      ...extra.map((e) => e.names[0]),
      ...table.entries.slice(0, 30).map((e) => e.names[0] ?? '法制宣传'),
      '十九届四中全会',
      '法治政府建设实施纲要（2021—2025年）',
      '依法治县领导小组',
      '行动',
      '法治',
      '，',
      '。',
      '2025年',
      ' ',
    );
    let found = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = `我们${pieces.join('')}`;
        const got = citationsInLine(table, readLines(text, undefined).lines[0], 0).map((c) => `${c.ref.id}@${c.start}:${c.text}`);
        found += got.length;
        assert.deepEqual(got, reference(text), text);
      }),
      { numRuns: 1500, seed: 20 },
    );
    assert.ok(found > 3000, 'the property met citations');
  });

  test("the lines that cite, looked for among the lines holding the table's rare class, are those every line read finds", () => {
    const extra: ReferenceDefinition[] = [
      { id: 'local-a', kind: 'event', names: ['清风行动'], date: '2025-03-01' },
      { id: 'local-b', kind: 'event', names: [], patterns: ['蓝天(?:保卫)?行动'], date: '2025-03-01' },
    ];
    for (const table of [referenceTable(), referenceTable(extra)]) {
      const rare = table.rare;
      assert.ok(rare !== null, 'every built-in name and pattern needs a character');
      const look = new CharacterLook(rare);
      const piece = fc.constantFrom(
        ...table.entries.map((e) => e.names[0] ?? '蓝天保卫行动'),
        '十九届四中全会',
        '党的二十届一中全会',
        '法治政府建设实施纲要（2021—2025年）',
        '依法治区领导小组',
        '八五普法',
        '行动',
        '法治',
        '十',
        '《',
        '，',
        '。',
        ' ',
        '\n',
        '\n\n',
        '\n    ',
        '\r\n',
        '第3页',
      );
      let cited = 0;
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
          const text = pieces.join('');
          const { index, lines } = readLines(text, undefined);
          // Fresh line lists: the reader keeps the last analysis's lines that cite by their list.
          const plain = citationReader({ lines: [...lines] }, table).citingLines();
          cited += plain.length;
          assert.deepEqual(citationReader({ lines: [...lines] }, table).citingLines(look.lines(index)), plain, JSON.stringify(text));
        }),
        { numRuns: 1500, seed: 21 },
      );
      assert.ok(cited > 1500, 'the property met lines that cite');
    }
  });

  test('unbalanced-pair reports what a plain stack over regex-found brackets reports', () => {
    const OPENERS = '“‘《（【';
    const CLOSERS = '”’》）】';
    const BRACKET = /[“‘《（【”’》）】]/g;
    const PARAGRAPH_END = /[。！？!?；;：:…]$/;
    // Every line report text (not a heading, not debris): a paragraph ends at a line ending in
    // PARAGRAPH_END, or at the text's end.
    const reference = (lines: readonly string[]) => {
      const out: string[] = [];
      let open: { line: number; at: number; ch: string }[] = [];
      lines.forEach((text, line) => {
        for (const m of text.matchAll(BRACKET)) {
          const ch = m[0];
          const k = CLOSERS.indexOf(ch);
          if (k < 0) {
            open.push({ line, at: m.index, ch });
            continue;
          }
          const j = open.map((o) => o.ch).lastIndexOf(OPENERS[k]);
          if (j < 0) out.push(`${line}:${m.index}:${ch}`);
          else for (const o of open.splice(j).slice(1)) out.push(`${o.line}:${o.at}:${o.ch}`);
        }
        if (!PARAGRAPH_END.test(text)) return;
        for (const o of open) out.push(`${o.line}:${o.at}:${o.ch}`);
        open = [];
      });
      for (const o of open) out.push(`${o.line}:${o.at}:${o.ch}`);
      return out.sort();
    };
    const rule = ruleByCode('unbalanced-pair')!;
    const piece = fc.constantFrom(...OPENERS, ...CLOSERS, '依法', '行政', '1', '，', '。', '：', '…', '；', '2025年');
    const line = fc
      .tuple(fc.array(piece, { maxLength: 10 }), fc.constantFrom('', '。', '；', '…', '，', '？', '”', '）'))
      .map(([p, end]) => `我们${p.join('')}${end}`);
    let found = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const text = ['某县2023年度法治政府建设情况的报告', '', ...lines].join('\n');
        const got = analyze(text, { rules: [rule] })
          .findings.filter((f) => f.code === 'unbalanced-pair')
          .map((f) => `${f.range.start.line - 2}:${f.range.start.character}:${(f.data as { char: string }).char}`)
          .sort();
        found += got.length;
        assert.deepEqual(got, reference(lines), JSON.stringify(lines));
      }),
      { numRuns: 1500, seed: 18 },
    );
    assert.ok(found > 1000, 'the property met strays and unclosed openers');
  });

  test('punctuation-width converts the marks the regex scan with a set converted', () => {
    const CHINESE_SIDE = /[\u3400-\u9fff\uf900-\ufaff〇“”‘’《》（）【】、。，；：]/;
    const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
    const URL = /(?:https?|ftp):\/\/\S+|www\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+/g;
    // marksOf as it was (the line's one content piece), before round 19.
    const reference = (text: string): number[] => {
      const skip: [number, number][] = [];
      for (const m of text.matchAll(URL)) skip.push([m.index, m.index + m[0].length]);
      const marks = new Set<number>();
      for (const m of text.matchAll(/\(([^()\n]{1,60})\)/g)) {
        if (CJK.test(m[1]) && !/[A-Za-z]{2,}/.test(m[1])) marks.add(m.index).add(m.index + m[0].length - 1);
      }
      const chinese = (k: number) => CHINESE_SIDE.test(text[k]) || marks.has(k);
      for (const m of text.matchAll(/[,;:?!]/g)) {
        let p = m.index - 1;
        while (p >= 0 && /\s/.test(text[p])) p--;
        let n = m.index + 1;
        while (n < text.length && /\s/.test(text[n])) n++;
        if (p >= 0 && chinese(p) && (n >= text.length || chinese(n))) marks.add(m.index);
      }
      return [...marks].sort((a, b) => a - b).filter((i) => !skip.some(([a, b]) => a <= i && i < b));
    };
    const rule = ruleByCode('punctuation-width')!;
    const piece = fc.constantFrom(
      ',',
      ';',
      ':',
      '?',
      '!',
      '(',
      ')',
      ' ',
      '\u3000',
      '依法',
      '行政',
      '1',
      '2,000',
      'ab',
      '，',
      '（',
      '）',
      '、',
      '“',
      '(依法)',
      '(ab)',
      'www.x.cn',
      'http://a.cn/b,c',
      'a@b.cn',
    );
    // Some lines end in a mark: the line's end stands for Chinese after it.
    const line = fc.tuple(fc.array(piece, { maxLength: 12 }), fc.constantFrom('。', '')).map(([p, end]) => `我们${p.join('')}${end}`);
    let marks = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const text = ['某县2023年度法治政府建设情况的报告', '', ...lines].join('\n');
        const model = analyze(text, { rules: [rule] });
        const debris = new Set(model.debris.map((d) => d.range.start.line));
        const got = new Map<number, number[]>();
        for (const f of model.findings.filter((x) => x.code === 'punctuation-width'))
          got.set(
            f.range.start.line,
            f.fixes![0].edits.map((e) => e.range.start.character),
          );
        lines.forEach((l, k) => {
          if (debris.has(k + 2)) return;
          const expected = reference(l);
          marks += expected.length;
          assert.deepEqual(got.get(k + 2) ?? [], expected, JSON.stringify(l));
        });
      }),
      { numRuns: 1500, seed: 19 },
    );
    assert.ok(marks > 1000, 'the property met marks to convert');
  });
});
