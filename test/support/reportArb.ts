/**
 * fast-check arbitraries for report drafts: a small grammar of the pieces real drafts are made
 * of (header lines, headings at all four levels in every tolerated style, 一是 items, prose with
 * figures, Word and web debris), shuffled and mixed with arbitrary Unicode, joined with LF or CRLF.
 */
import fc from 'fast-check';

const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const num = fc.integer({ min: 1, max: 12 });
const year = fc.integer({ min: 2019, max: 2026 });

const titles = [
  '2024年推进法治政府建设的主要举措和成效',
  '主要举措和成效',
  '工作开展情况',
  '存在的问题',
  '存在的不足和原因',
  '党政主要负责人履行推进法治建设第一责任人职责情况',
  '2025年工作思路、目标和举措',
  '下一步打算',
  '特色亮点',
  '坚持党的全面领导',
  '依法全面履行政府职能',
  '存在的问题及2024年工作思路目标举措',
  '其他需要报告的情况',
  '强化依法行政组织和领导保障',
  '规范行政执法',
  '一二季度完成',
  '',
];
const title = fc.constantFrom(...titles);
const indent = fc.constantFrom('', '', '  ', '\u3000\u3000', '\t');
const runIn = fc.constantFrom('', '', '。一是健全机制，落实责任。二是加强考核。', '。全年办理案件12件。', '：');

const heading = fc.oneof(
  fc.tuple(indent, num, fc.constantFrom('、', '，', '.'), title, runIn).map(([i, n, p, t, r]) => `${i}${cn[n - 1]}${p}${t}${r}`),
  fc
    .tuple(indent, num, fc.constantFrom(['（', '）'], ['(', ')'], ['（', '）、'], ['(', ')、']), fc.constantFrom('', ' '), title, runIn)
    .map(([i, n, [a, b], s, t, r]) => `${i}${a}${cn[n - 1]}${b}${s}${t}${r}`),
  fc
    .tuple(indent, num, fc.constantFrom('.', '、', '．', '. '), fc.boolean(), title, runIn)
    .map(
      ([i, n, p, full, t, r]) => `${i}${full ? String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : n}${p}${t}${r}`,
    ),
  fc.tuple(indent, num, fc.constantFrom(['（', '）'], ['(', ')']), title, runIn).map(([i, n, [a, b], t, r]) => `${i}${a}${n}${b}${t}${r}`),
);

const items = fc.integer({ min: 1, max: 5 }).map((k) =>
  cn
    .slice(0, k)
    .map((c) => `${c}是加强学习培训，全年培训${k * 7}人次。`)
    .join(''),
);
const figure = fc
  .tuple(fc.integer({ min: 0, max: 99999 }), fc.constantFrom('件', '人次', '%', '万元', '个', '起'))
  .map(([n, u]) => `全年共办理行政复议案件${n}${u}，同比增长${n % 100}.${n % 10}%。`);
const prose = fc.constantFrom(
  '我局坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党中央决策部署。',
  '现将有关情况报告如下：',
  '法治政府建设工作取得新成效。',
  '| 指标 | 2023年 | 2024年 |',
  '|---|---|---|',
  '（此页无正文）',
  '全年共办理XX件，××人次，【待补充】，20XX年X月X日。',
  '“依法行政《条例》（试行',
  '）》”多余的右括号',
  '学习,培训;考核:(中文)?完成!',
  '成文日期：2024年2月30日',
  '1,000人 3:00 http://example.invalid/a,b',
);
const debris = fc.constantFrom(
  '[bookmark: _Toc123456]',
  '您当前的位置：首页 > 政务公开 > 法治政府建设',
  '[ 索引号 ] 11500106MB1234567X/2024-00012',
  '语音播报',
  '扫一扫在手机打开当前页',
  '返回顶部',
  '- 3 -',
  '—  12  —',
  '[bookmark: _GoBack]一、主要举措和成效',
);
const header = fc
  .tuple(year, fc.boolean(), fc.boolean())
  .map(([y, body, addressee]) => [
    ...(body ? ['某某区人民政府'] : []),
    `关于${y}年法治政府建设情况的报告`,
    ...(addressee ? ['区委、区政府：'] : []),
  ]);
const signature = fc
  .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => ['某某区人民政府', `${y}年${m}月${d}日`]);
const noise = fc.string({ unit: 'binary', maxLength: 12 });

/** A line the writer wrote (no debris, no noise): what intake and fix-all must keep whole. */
export const writerLine: fc.Arbitrary<string> = fc.oneof(heading, items, figure, prose);

export const bodyLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: heading },
  { weight: 2, arbitrary: items },
  { weight: 2, arbitrary: figure },
  { weight: 3, arbitrary: prose },
  { weight: 2, arbitrary: debris },
  { weight: 1, arbitrary: fc.tuple(debris, heading).map(([d, h]) => d + h) },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: fc.constant('') },
);

/** A report-like text: optional header, body lines, optional signature, one line-break style. */
export const reportText: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(header, { nil: [] as string[] }),
    fc.array(bodyLine, { maxLength: 40 }),
    fc.option(signature, { nil: [] as string[] }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([h, body, sig, eol, finalEol]) => [...h, ...body, ...sig].join(eol) + (finalEol ? eol : ''));

/** A replacement text for an edit: a report piece, a line break, noise or nothing. */
export const insertion: fc.Arbitrary<string> = fc.oneof(
  bodyLine.map((l) => l + '\n'),
  bodyLine,
  fc.constantFrom('', '\n', '\r\n', '一', '、', '（', '）', '是', '😀', '\r'),
  noise,
);

/** An edit as offsets into the current text, resolved against its length when applied. */
export interface OffsetEdit {
  readonly from: number;
  readonly length: number;
  readonly text: string;
}

export const offsetEdit: fc.Arbitrary<OffsetEdit> = fc.record({
  from: fc.nat({ max: 1_000_000 }),
  length: fc.nat({ max: 40 }),
  text: insertion,
});

const partId = fc.constantFrom('measures', 'shortcomings', 'first-responsible', 'next-year', 'other', 'x', 'y');
const localized = fc.record({ 'zh-cn': fc.constantFrom('举措', '不足', '其他', '{year}年', '\u0000'), en: fc.constantFrom('a', 'b') });
const pattern = fc.constantFrom('举措', '不足|问题', '^', '$', '.', 'x*', '(?:)', '第一责任人', '20\\d\\d', '[一二三]', '\\u0000');

/** Profiles a `.govreport.json` may define: schema-valid, otherwise as odd as data gets. */
export const workspaceProfile = fc.record(
  {
    id: fc.constantFrom('custom', 'fzzf-annual', 'a-b'),
    name: localized,
    detect: fc.record({ title: fc.array(pattern, { maxLength: 2 }) }),
    parts: fc.array(
      fc.record(
        {
          id: partId,
          name: localized,
          mandatory: fc.boolean(),
          headings: fc.array(pattern, { minLength: 1, maxLength: 3 }),
          yieldsTo: fc.array(partId, { maxLength: 2 }),
          year: fc.constantFrom('current' as const, 'next' as const),
          standsForUnmatchedBefore: fc.array(partId, { maxLength: 3 }),
          standardHeading: fc.constantFrom('', '{year}年{nextYear}', '主要举措', '{cursor}'),
          skeleton: fc.array(fc.constantFrom('', '……', '{cursor}', '\r\n', '一是……'), { maxLength: 3 }),
        },
        { requiredKeys: ['id', 'name', 'mandatory', 'headings'] },
      ),
      { minLength: 1, maxLength: 6 },
    ),
    deadlines: fc.array(
      fc.record({
        id: fc.constantFrom('a', 'b'),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
        name: localized,
      }),
      { maxLength: 3 },
    ),
    conventionalOrder: fc.array(partId, { maxLength: 6 }),
  },
  { requiredKeys: ['id', 'name', 'parts'] },
);

/** Text made of the characters the parser reacts to, in any order: where off-by-one bugs live. */
export const structuralSoup: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      '一',
      '二',
      '十',
      '、',
      '（',
      '）',
      '(',
      ')',
      '1',
      '２',
      '.',
      '．',
      '是',
      '\n',
      '\r',
      '\r\n',
      '[bookmark: x]',
      '：',
      ' ',
      '\u3000',
      '\ufeff',
      '2024年',
      '报告',
      '关于',
      '举措',
      '不足',
      '原因',
      '第一责任人',
      '工作安排',
      '。',
      '“',
      '”',
      '《',
      '》',
      '😀',
      '- 3 -',
      '返回顶部',
      'XX',
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/** Drafts and soup: what the range and nesting properties run on. */
export const anyText: fc.Arbitrary<string> = fc.oneof(reportText, structuralSoup);
