// Each rule of issue 3: a fixture that triggers it, one that must not, and its fix re-checked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../server/src/core';
import { fixAllEdits } from '../server/src/core/edits/fixes';
import { applyEdits } from './support/edits';
import { assertFix, CLEAN, findings, vary } from './support/ruleFixture';

test('the clean fixture has no findings at all', () => {
  assert.deepEqual(
    analyze(CLEAN).findings.map((f) => f.code),
    [],
  );
});

describe('part-without-causes', () => {
  test('problems without a cause: on the heading', () => {
    const text = vary((l) => (l[10] = '一是普法形式单一。二是执法力量不足。'));
    const [f] = findings(text, 'part-without-causes');
    assert.equal(f.range.start.line, 9);
    assert.equal(f.severity, 'warning');
  });
  test('究其原因 / 由于 count as causes; the heading saying 原因 does not', () => {
    assert.equal(
      findings(
        vary((l) => (l[10] = '一是普法形式单一，究其原因是重视不够。')),
        'part-without-causes',
      ).length,
      0,
    );
    assert.equal(
      findings(
        vary((l) => (l[10] = '由于人手少，普法形式单一。')),
        'part-without-causes',
      ).length,
      0,
    );
  });
  test('主观上/客观上, 受…限制 and …所致 give causes too', () => {
    for (const line of [
      '执法力量不足。客观上编制有限，主观上重视不够。',
      '执法力量不足，受编制限制，专职人员仅2名。',
      '普法形式单一，系宣传经费不足所致。',
    ]) {
      assert.equal(
        findings(
          vary((l) => (l[10] = line)),
          'part-without-causes',
        ).length,
        0,
        line,
      );
    }
  });
});

describe('empty-part', () => {
  test('a part with only ellipses and markers is empty', () => {
    const text = vary((l) => (l[12] = '一是……二是……'));
    assert.deepEqual(
      findings(text, 'empty-part').map((f) => [f.range.start.line, f.message]),
      [[11, '“下一年度推进法治政府建设的主要安排”部分没有实质内容']],
    );
  });
  test('a short real sentence is content', () => {
    assert.equal(
      findings(
        vary((l) => (l[12] = '加强普法。')),
        'empty-part',
      ).length,
      0,
    );
  });
});

describe('heading-sequence', () => {
  const skipped = vary((l) => ((l[9] = '四、存在的不足和原因'), (l[11] = '五、2025年工作安排')));
  test('一、二、四: one finding on 四, renumber fixes the level', () => {
    const fs = findings(skipped, 'heading-sequence');
    assert.deepEqual(
      fs.map((f) => [f.range.start.line, f.message]),
      [[9, '序号不连续：“四、”处应为“三”']],
    );
    assert.equal(fs[0].fixes![0].title, '重新编号本级标题');
    assertFix(skipped, 'heading-sequence', CLEAN);
  });
  test('（一）（一）: repeated', () => {
    const text = vary((l) => (l[6] = '（一）规范执法。全年开展执法检查30次。'));
    const [f] = findings(text, 'heading-sequence');
    assert.equal(f.message, '序号重复：“（一）”处应为“二”');
    assertFix(text, 'heading-sequence', CLEAN);
  });
  test('a proper sequence has none', () => {
    assert.equal(findings(CLEAN, 'heading-sequence').length, 0);
  });
});

describe('heading-style', () => {
  test('half-width (一), stray 、, 1、 and 一. are normalised one at a time', () => {
    const cases: [string, string, string][] = [
      ['(一)强化领导。全年组织学法12次。', '(一)', '（一）'],
      ['（一）、强化领导。全年组织学法12次。', '（一）、', '（一）'],
    ];
    for (const [line, written, expected] of cases) {
      const text = vary((l) => (l[5] = line));
      const [f] = findings(text, 'heading-style');
      assert.equal(f.message, `序号“${written}”不符合公文格式（GB/T 9704），应为“${expected}”`);
      assertFix(text, 'heading-style', CLEAN);
    }
    const dot = vary((l) => (l[4] = '一.2024年推进法治政府建设的主要举措和成效'));
    assertFix(dot, 'heading-style', CLEAN);
    const num = vary((l) => l.splice(6, 0, '1、建立台账。'));
    assertFix(
      num,
      'heading-style',
      vary((l) => l.splice(6, 0, '1.建立台账。')),
    );
  });
  test('（1） at level two → （一）; fix all normalises the whole file', () => {
    const text = vary((l) => ((l[5] = '（1）强化领导。全年组织学法12次。'), (l[6] = '（2）规范执法。全年开展执法检查30次。')));
    const fs = findings(text, 'heading-style');
    assert.deepEqual(
      fs.map((f) => f.message),
      ['第二层标题应使用“（一）”式序号：“（1）”应为“（一）”', '第二层标题应使用“（一）”式序号：“（2）”应为“（二）”'],
    );
    const all = applyEdits(text, fixAllEdits(analyze(text).findings, 'heading-style'));
    assert.equal(all, CLEAN);
  });
  test('an indented level-1 heading among flush ones: the fix removes only the spaces', () => {
    const text = vary((l) => (l[11] = '   四、2025年工作安排'));
    assertFix(text, 'heading-style', CLEAN);
  });
  test('GB/T forms, （1） under （一）, 1. under 一、 and a full-width 1． are fine', () => {
    const text = vary((l) => l.splice(6, 0, '1．建立台账。', '（1）按月更新。'));
    assert.equal(findings(text, 'heading-style').length, 0);
    assert.equal(findings(CLEAN, 'heading-style').length, 0);
  });
});

describe('year-mismatch', () => {
  test('measures naming last year, next-year naming the wrong year', () => {
    const text = vary((l) => ((l[4] = '一、2023年推进法治政府建设的主要举措和成效'), (l[11] = '四、2025年和2026年工作安排')));
    assert.deepEqual(
      findings(text, 'year-mismatch').map((f) => f.range.start.line),
      [4],
    );
  });
  test('a 成文日期 before the year is over is a warning; after 1 March / 1 April information', () => {
    const early = findings(
      vary((l) => (l[15] = '2024年6月1日')),
      'year-mismatch',
    );
    assert.deepEqual(
      early.map((f) => [f.range.start.line, f.severity]),
      [[15, 'warning']],
    );
    const late = findings(
      vary((l) => (l[15] = '2025年3月15日')),
      'year-mismatch',
    );
    assert.deepEqual(
      late.map((f) => [f.severity, f.data?.deadline]),
      [['information', 'report']],
    );
    const later = findings(
      vary((l) => (l[15] = '2025年5月1日')),
      'year-mismatch',
    );
    assert.deepEqual(
      later.map((f) => f.data?.deadline),
      ['report'],
    );
  });
  test('the right years and an on-time date are fine', () => {
    assert.equal(findings(CLEAN, 'year-mismatch').length, 0);
    assert.equal(
      findings(
        vary((l) => (l[15] = '2024年12月28日')),
        'year-mismatch',
      ).length,
      0,
    );
  });
});

describe('missing-title and missing-signature (information)', () => {
  test('no title', () => {
    const text = vary((l) => (l[0] = ''));
    const [f] = findings(text, 'missing-title');
    assert.equal(f.severity, 'information');
  });
  test('no signature, or a signature without a date', () => {
    assert.equal(
      findings(
        vary((l) => l.splice(13)),
        'missing-signature',
      )[0].message,
      '未找到落款（发文机关署名和成文日期）',
    );
    assert.equal(
      findings(
        vary((l) => l.splice(15, 1)),
        'missing-signature',
      )[0].message,
      '落款缺少成文日期',
    );
  });
  test('present: nothing', () => {
    assert.equal(findings(CLEAN, 'missing-title').length + findings(CLEAN, 'missing-signature').length, 0);
  });
});

describe('debris', () => {
  test('an inline bookmark: the fix removes exactly the bookmark', () => {
    const text = vary((l) => (l[8] = '[bookmark: _GoBack]' + l[8]));
    const [f] = findings(text, 'debris');
    assert.equal(f.message, '残留的书签标记：[bookmark: _GoBack]');
    assertFix(text, 'debris', CLEAN);
  });
  test('a debris line goes with its line break; fix all removes every debris and nothing else', () => {
    const text = vary((l) => (l.splice(1, 0, '语音播报'), l.splice(9, 0, '- 2 -')));
    assertFix(
      text,
      'debris',
      vary((l) => l.splice(8, 0, '- 2 -')),
    );
    assert.equal(applyEdits(text, fixAllEdits(analyze(text).findings, 'debris')), CLEAN);
  });
  test('a debris last line without a line break', () => {
    const text = CLEAN + '返回顶部';
    assertFix(text, 'debris', CLEAN);
  });
  test('none in a clean text', () => {
    assert.equal(findings(CLEAN, 'debris').length, 0);
  });
});

describe('unbalanced-pair', () => {
  test('an unclosed “ is reported on the opener', () => {
    const text = vary((l) => (l[12] = '畅通“直接报”、“实时报。继续加强普法宣传。'));
    const fs = findings(text, 'unbalanced-pair');
    assert.deepEqual(
      fs.map((f) => [f.range.start.line, f.range.start.character, f.message]),
      [[12, 8, '「“」没有对应的「”」']],
    );
  });
  test('a stray closer, and crossed pairs', () => {
    assert.deepEqual(
      findings(
        vary((l) => (l[12] = '继续加强普法宣传》。')),
        'unbalanced-pair',
      ).map((f) => f.message),
      ['「》」前面没有对应的「《」'],
    );
    assert.deepEqual(
      findings(
        vary((l) => (l[12] = '学习《民法典（修订》。')),
        'unbalanced-pair',
      ).map((f) => f.range.start.character),
      [6],
    );
  });
  test('balanced pairs and list ordinals like 1） are fine', () => {
    assert.equal(
      findings(
        vary((l) => (l[12] = '学习《民法典》“八五”普法（2021—2025年）【重点】。')),
        'unbalanced-pair',
      ).length,
      0,
    );
    assert.equal(
      findings(
        vary((l) => (l[12] = '1）继续加强普法宣传。')),
        'unbalanced-pair',
      ).length,
      0,
    );
  });
  test('a paragraph hard-wrapped mid-sentence (a PDF copy) is one paragraph; a 。 at the line end closes it', () => {
    assert.equal(
      findings(
        vary((l) => (l[12] = '落实《法治政府建设实施纲要（2021—\n2025年）》，开展“\n执法监督年”活动。')),
        'unbalanced-pair',
      ).length,
      0,
    );
    const fs = findings(
      vary((l) => (l[12] = '公开电话“实时报。\n继续加强”普法宣传。')),
      'unbalanced-pair',
    );
    assert.deepEqual(
      fs.map((f) => [f.range.start.line, f.range.start.character]),
      [
        [12, 4],
        [13, 4],
      ],
    );
  });
});

describe('placeholder', () => {
  test('XX, ××, ＊次, __, 【待补充】, X月X日', () => {
    const text = vary((l) => (l[12] = 'XX镇开展××活动＊次，覆盖__人，【待补充】，于X月X日完成。'));
    assert.deepEqual(
      findings(text, 'placeholder').map((f) => f.data?.text),
      ['XX', '××', '＊', '__', '【待补充】', 'X月X日'],
    );
  });
  test('Latin words and real figures are not placeholders', () => {
    assert.equal(
      findings(
        vary((l) => (l[12] = '通过学习强国APP和XXL-Job平台开展学习3次。')),
        'placeholder',
      ).length,
      0,
    );
  });
});

describe('punctuation-width', () => {
  test('half-width marks between Chinese: one finding per line, the fix converts them, numbers and URLs stay', () => {
    const text = vary((l) => (l[12] = '继续加强普法,覆盖村(社区);访问https://a.cn/x,y 下载,共1,000份,时间3:00'));
    const [f] = findings(text, 'punctuation-width');
    assert.equal(f.data?.count, 6);
    assertFix(
      text,
      'punctuation-width',
      vary((l) => (l[12] = '继续加强普法，覆盖村（社区）；访问https://a.cn/x,y 下载，共1,000份，时间3:00')),
    );
  });
  test('Latin text and a half-width (一) ordinal (heading-style) are left alone', () => {
    assert.equal(
      findings(
        vary((l) => (l[12] = 'Hello, world (APP).')),
        'punctuation-width',
      ).length,
      0,
    );
    const text = vary((l) => (l[5] = '(一)强化领导。全年组织学法12次。'));
    assert.equal(findings(text, 'punctuation-width').length, 0);
  });
});

test('severities: a setting changes the severity or switches the rule off', () => {
  const text = vary((l) => (l[8] = '[bookmark: _GoBack]' + l[8]));
  assert.equal(analyze(text, { severities: { debris: 'error' } }).findings[0].severity, 'error');
  assert.equal(analyze(text, { severities: { debris: 'off' } }).findings.length, 0);
});
