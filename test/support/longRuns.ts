/**
 * Long runs of one character class, for the "every scan over a line is linear" regressions. Each
 * class is something a real paste can run together (flattened statistics tables run digits,
 * a broken export repeats brackets, a template repeats XX年XX月) or an attacker can type.
 */
import fc from 'fast-check';

/** The classes, each as the units a run repeats (a run mixes units of its class at random). */
export const RUN_CLASSES: Readonly<Record<string, readonly string[]>> = {
  digits: ['0', '1', '2', '5', '9', '０', '８'],
  chineseNumerals: ['一', '二', '三', '十', '百', '千', '万', '两', '〇', '零'],
  cjk: ['法', '治', '政', '府', '建', '设', '的', '年', '是', '其', '中', '全'],
  brackets: ['（', '）', '(', ')', '《', '》', '“', '”', '‘', '’', '【', '】', '[', ']'],
  ordinals: ['一、', '（一）', '1.', '（1）', '一是', '1）', '十、', '(2)'],
  halfWidthMarks: [',', ';', ':', '?', '!', '.', '(', ')', '-', '/', '@'],
  fullWidthMarks: ['，', '。', '、', '；', '：', '？', '！', '…', '—', '·'],
  placeholders: ['XX年XX月', 'X', 'Ｘ', '×', '〇', '＊', '*', '_', '＿', '【待补充】', '20XX年'],
  figures: ['办理1件，', '其中2件，', '2%，', '1人，', '、1件', '10万元', '占比3%', '共4场次', '1,000,'],
  latin: ['a', 'b', 'www.', 'http://', '@', 'x.cn', ' '],
  spaces: [' ', '\u3000', '\t', '\u00a0'],
};

/** A run of `length` characters (about) from one class. */
export function run(cls: readonly string[], length: number, pick: (n: number) => number): string {
  let out = '';
  while (out.length < length) out += cls[pick(cls.length)];
  return out;
}

/** Deterministic picks from a seed (the run's content is varied, not one unit repeated). */
export function picker(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

/**
 * A document of a few long runs, each of one class and each on its own line or glued to the
 * next, under a heading: about `total` characters.
 */
export function longRunsDocument(total: number): fc.Arbitrary<string> {
  const names = Object.keys(RUN_CLASSES);
  return fc
    .record({
      runs: fc.array(
        fc.record({ cls: fc.constantFrom(...names), share: fc.integer({ min: 1, max: 10 }), seed: fc.integer(), newline: fc.boolean() }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map(({ runs }) => {
      const shares = runs.reduce((s, r) => s + r.share, 0);
      let body = '';
      for (const r of runs)
        body += run(RUN_CLASSES[r.cls], Math.floor((total * r.share) / shares), picker(r.seed)) + (r.newline ? '\n' : '');
      return `一、工作开展情况\n${body}\n二、存在的不足和原因\n内容。\n`;
    });
}
