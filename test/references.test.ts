// dated-reference and outdated-reference (DOMAIN.md §8): each dated and outdated pattern of the
// built-in data, the exact terms that must stay quiet, the workspace's own entries, the hover,
// and the same through the real server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { analyze, fixAllCodes, ruleByCode, type ReferenceDefinition } from '../server/src/core';
import { referenceHover } from '../server/src/core/references/hover';
import { checkWorkspaceConfig } from '../server/src/config/workspaceConfig';
import referencesData from '../server/src/core/data/references.json';
import referencesSchema from '../profiles/references.schema.json';
import { assertFix, findings, vary } from './support/ruleFixture';
import { useServer } from './support/serverSuite';

/** The CLEAN report (2024, dated 2025-01-20) for another year: title, headings and date moved. */
function report(year: number, date: string | null, edit: (lines: string[]) => void = () => {}): string {
  return vary((l) => {
    l[0] = `关于${year}年法治政府建设情况的报告`;
    l[3] = `${year}年，我镇持续推进法治政府建设。现将有关情况报告如下：`;
    l[4] = `一、${year}年推进法治政府建设的主要举措和成效`;
    l[11] = `四、${year + 1}年工作安排`;
    l[15] = date ?? '';
    edit(l);
  });
}
const codes = (text: string, code: string) =>
  findings(text, code).map(
    (f) => `${f.range.start.line}:${text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`,
  );

describe('dated-reference', () => {
  test('a 2023 report dated 2024-01-20 citing 二十届三中全会 (July 2024): warning on the citation, with both dates', () => {
    const text = report(2023, '2024年1月20日', (l) => (l[5] = '（一）强化领导。深入学习贯彻党的二十届三中全会精神，全年组织学法12次。'));
    const [f] = findings(text, 'dated-reference');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(codes(text, 'dated-reference'), ['5:党的二十届三中全会']);
    assert.equal(f.message, '引用了“党的二十届三中全会”，但它2024年7月15日才发生，晚于本报告的成文日期（2024年1月20日）');
    assert.deepEqual(f.data, { id: 'cpc-20-3', happened: '2024-07-15', date: '2024年1月20日' });
  });

  test('without a 成文日期 the end of the report year decides; a list 二中、三中全会 counts its last plenum', () => {
    const text = report(2023, null, (l) => (l[5] = '（一）强化领导。全面贯彻党的二十大和二十届二中、三中全会精神，开展党纪学习教育。'));
    assert.deepEqual(codes(text, 'dated-reference'), ['5:二十届二中、三中全会', '5:党纪学习教育']);
    assert.match(findings(text, 'dated-reference')[0].message, /晚于报告年度（2023年）结束/);
  });

  test('each dated event of the data is flagged when cited a day before it happened, and not on the day', () => {
    for (const r of referencesData.references.filter((x) => ['congress', 'plenum', 'event'].includes(x.kind))) {
      const name = r.names[0];
      const [y, m, d] = r.date.split('-').map(Number);
      const before = new Date(Date.UTC(y, m - 1, d - 1));
      const dateLine = (dt: Date) => `${dt.getUTCFullYear()}年${dt.getUTCMonth() + 1}月${dt.getUTCDate()}日`;
      const cite = (l: string[]) => (l[5] = `（一）强化领导。认真学习${name}。`);
      // The report year is the one the date closes (a December date reports on its own year).
      const year = (dt: Date) => (dt.getUTCMonth() === 11 ? dt.getUTCFullYear() : dt.getUTCFullYear() - 1);
      const early = report(year(before), dateLine(before), cite);
      assert.equal(findings(early, 'dated-reference').length, 1, `${r.id} cited on ${dateLine(before)}`);
      const onTheDay = new Date(Date.UTC(y, m - 1, d));
      assert.equal(findings(report(year(onTheDay), dateLine(onTheDay), cite), 'dated-reference').length, 0, `${r.id} on the day`);
    }
  });

  test('correct citations are quiet: a 2023 report with 二十大 and 二十届二中全会, 习近平法治思想, the 纲要, the new 行政复议法', () => {
    const text = report(2023, '2024年1月30日', (l) => {
      l[5] =
        '（一）强化领导。全面贯彻党的二十大和二十届二中全会精神，深入学习习近平法治思想，落实《法治政府建设实施纲要（2021—2025年）》。';
      l[6] = '（二）规范执法。组织学习新修订的行政复议法，全年开展执法检查30次。';
    });
    assert.deepEqual(codes(text, 'dated-reference'), []);
    assert.deepEqual(codes(text, 'outdated-reference'), []);
  });
});

describe('outdated-reference', () => {
  test('法制宣传 → 法治宣传 (information, exact: quick fix); 法制宣传日 is a hint without a fix', () => {
    const text = vary((l) => (l[12] = '继续加强法制宣传教育，办好全国法制宣传日活动。'));
    const fs = findings(text, 'outdated-reference');
    assert.deepEqual(codes(text, 'outdated-reference'), ['12:法制宣传', '12:全国法制宣传日']);
    assert.equal(fs[0].severity, 'information');
    assert.equal(fs[0].message, '“法制宣传”是旧称，现称“法治宣传”');
    assert.equal(fs[1].message, '“全国法制宣传日”是旧提法，现为“国家宪法日”');
    assert.equal(fs[1].fixes, undefined);
    assertFix(
      text,
      'outdated-reference',
      vary((l) => (l[12] = '继续加强法治宣传教育，办好全国法制宣传日活动。')),
    );
  });

  test('依法治县领导小组 → 依法治县委员会 (the level kept), with a fix', () => {
    const text = vary((l) => (l[8] = '主要负责人主持召开全面依法治县领导小组会议，专题研究法治工作4次。'));
    assert.deepEqual(codes(text, 'outdated-reference'), ['8:依法治县领导小组']);
    assertFix(
      text,
      'outdated-reference',
      vary((l) => (l[8] = '主要负责人主持召开全面依法治县委员会会议，专题研究法治工作4次。')),
    );
    const district = vary((l) => (l[8] = '召开区依法治区领导小组办公室会议。'));
    assertFix(
      district,
      'outdated-reference',
      vary((l) => (l[8] = '召开区依法治区委员会办公室会议。')),
    );
  });

  test('current terms stay quiet: 法制审核, 法治建设领导小组, 学法制度, 法治宣传', () => {
    const text = vary((l) => {
      l[5] = '（一）强化领导。成立法治建设领导小组，落实领导干部学法制度，全年组织学法12次。';
      l[6] = '（二）规范执法。落实重大执法决定法制审核制度，加强法治宣传教育。';
    });
    assert.deepEqual(codes(text, 'outdated-reference'), []);
  });

  test('an old name is not outdated before the new one became official', () => {
    const text = report(2013, '2014年1月10日', (l) => (l[12] = '继续加强法制宣传教育。'));
    assert.deepEqual(codes(text, 'outdated-reference'), []);
  });

  test('十四五 in the plan for 2026 (a 2025 report) is outdated; in the plan for 2025 it is not; looking back is fine', () => {
    const plan2026 = report(2025, '2026年1月20日', (l) => (l[12] = '对标“十四五”规划目标，继续加强普法宣传。'));
    assert.deepEqual(codes(plan2026, 'outdated-reference'), ['12:十四五']);
    assert.equal(findings(plan2026, 'outdated-reference')[0].message, '“十四五”时期是2021—2025年，不含2026年');
    const plan2025 = report(2024, '2025年1月20日', (l) => (l[12] = '对标“十四五”规划目标，继续加强普法宣传。'));
    assert.deepEqual(codes(plan2025, 'outdated-reference'), []);
    const lookBack = report(2025, '2026年1月20日', (l) => (l[12] = '全面总结“十四五”时期法治建设成效，谋划“十五五”。'));
    assert.deepEqual(codes(lookBack, 'outdated-reference'), []);
  });

  test('a year named in the sentence decides: 2026年…八五普法 is outdated, 2026年是十五五开局之年 is not', () => {
    const text = report(2026, '2027年1月20日', (l) => {
      l[5] = '（一）强化领导。2026年深入推进八五普法规划。';
      l[6] = '（二）规范执法。2026年是十五五开局之年，全年开展执法检查30次。';
    });
    assert.deepEqual(codes(text, 'outdated-reference'), ['5:八五普法']);
  });

  test('a guiding thought that stops at an older congress or plenum', () => {
    const stale = report(
      2024,
      '2025年1月20日',
      (l) =>
        (l[3] = '2024年，我镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中全会精神。现将有关情况报告如下：'),
    );
    assert.deepEqual(codes(stale, 'outdated-reference'), ['3:二十届二中全会']);
    assert.equal(
      findings(stale, 'outdated-reference')[0].message,
      '指导思想只提到“二十届二中全会”，而党的二十届三中全会（2024年7月15日）已召开',
    );
    const nineteenth = report(2024, '2025年1月20日', (l) => (l[3] = '2024年，我镇全面贯彻党的十九大精神。现将有关情况报告如下：'));
    assert.deepEqual(codes(nineteenth, 'outdated-reference'), ['3:党的十九大']);
    for (const fine of [
      '全面贯彻党的二十大精神',
      '全面贯彻党的二十大和历届全会精神',
      '全面贯彻党的二十大和二十届二中、三中全会精神',
      '党的十九大以来，我镇持续推进法治建设',
      '组织学习党的二十届二中全会精神专题培训',
      '开展学习贯彻二十届二中全会精神宣讲12场',
    ]) {
      const text = report(2024, '2025年1月20日', (l) => (l[3] = `2024年，我镇${fine}。现将有关情况报告如下：`));
      assert.deepEqual(codes(text, 'outdated-reference'), [], fine);
    }
    const current2023 = report(
      2023,
      '2024年1月20日',
      (l) => (l[3] = '2023年，我镇全面贯彻党的二十大和二十届二中全会精神。现将有关情况报告如下：'),
    );
    assert.deepEqual(codes(current2023, 'outdated-reference'), []);
  });
});

describe('outdated-reference never rewrites titles or history (issue 21 item 5)', () => {
  const TITLE = '（一）强化领导。组织学习《全国人民代表大会常务委员会关于开展法制宣传教育的第七个五年规划的决议》，全年组织学法12次。';
  const PAPER = '（二）规范执法。《法制日报》2019年报道了我镇经验，全年开展执法检查30次。';
  const HISTORY = '2018年，县依法治县领导小组更名为县委全面依法治县委员会，主要负责人专题研究法治工作4次。';
  const text = report(2024, '2025年1月20日', (l) => {
    l[5] = TITLE;
    l[6] = PAPER;
    l[8] = HISTORY;
    l[12] = '继续加强法制宣传教育。';
  });

  test('a quoted title, a newspaper in a year before its rename and a sentence about the rename are not findings', () => {
    assert.deepEqual(codes(text, 'outdated-reference'), ['12:法制宣传']);
    for (const past of ['原县依法治县领导小组办公室设在司法局。', '县依法治县领导小组于2019年改为委员会。']) {
      assert.deepEqual(
        codes(
          report(2024, '2025年1月20日', (l) => (l[8] = past)),
          'outdated-reference',
        ),
        [],
        past,
      );
    }
  });

  test('an old name quoted alone is still an old name, but no fix rewrites a quotation', () => {
    const quoted = report(2024, '2025年1月20日', (l) => (l[6] = '（二）规范执法。在《法制日报》刊发稿件3篇，开展“法制宣传”进万家活动。'));
    assert.deepEqual(codes(quoted, 'outdated-reference'), ['6:法制日报', '6:法制宣传']);
    for (const f of findings(quoted, 'outdated-reference')) assert.equal(f.fixes, undefined, f.message);
  });

  test('renaming is not a fix-all fix: it changes words (fix-all removes debris, ordinals, punctuation width, spaces)', () => {
    assert.ok(!fixAllCodes.has('outdated-reference'));
    assert.equal(ruleByCode('outdated-reference')?.fixAll, undefined);
    // The single quick fix stays for the writer to choose.
    assertFix(
      text,
      'outdated-reference',
      report(2024, '2025年1月20日', (l) => {
        l[5] = TITLE;
        l[6] = PAPER;
        l[8] = HISTORY;
        l[12] = '继续加强法治宣传教育。';
      }),
    );
  });
});

describe('references data and the workspace file', () => {
  test('the built-in data satisfies its schema (and the schema rejects a bad entry)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('regex', (s: string) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    });
    const validate = ajv.compile(referencesSchema);
    assert.ok(validate(referencesData), JSON.stringify(validate.errors));
    assert.ok(!validate({ references: [{ id: 'x', kind: 'event', names: ['某'], date: '2024-7-1' }] }));
    assert.equal(new Set(referencesData.references.map((r) => r.id)).size, referencesData.references.length, 'ids are unique');
  });

  test('.govreport.json references: checked by the workspace schema, added to the built-in ones, a built-in id replaced', () => {
    const mine: ReferenceDefinition[] = [
      { id: 'county-congress-16', kind: 'event', names: ['县第十六次党代会'], date: '2026-09-20' },
      { id: 'legal-publicity', kind: 'name', names: ['法制宣传'], date: '2030-01-01', replacement: '法治宣传' },
    ];
    assert.ok(checkWorkspaceConfig({ references: mine }).ok);
    assert.ok(!checkWorkspaceConfig({ references: [{ id: 'x', kind: 'meeting', names: [], date: '2024-01-01' }] }).ok);
    assert.ok(
      !checkWorkspaceConfig({ references: [{ id: 'x', kind: 'event', names: [], patterns: ['(unclosed'], date: '2024-01-01' }] }).ok,
    );
    const text = report(2025, '2026年1月20日', (l) => (l[12] = '深入贯彻县第十六次党代会精神，加强法制宣传。'));
    const with_ = analyze(text, { references: mine }).findings.filter((f) => f.code.endsWith('-reference'));
    assert.deepEqual(
      with_.map((f) => `${f.code} ${f.data?.id}`),
      ['dated-reference county-congress-16'],
    );
    assert.deepEqual(
      findings(text, 'outdated-reference').map((f) => f.data?.id),
      ['legal-publicity'],
    );
  });

  test('hover: an event with its date, a period with its years, an old name with the new one', () => {
    const line = '深入学习贯彻党的二十届三中全会精神，推进“十四五”规划，加强法制宣传。';
    const h = referenceHover(line, 7, 10, 'zh-cn')!;
    assert.equal(h.markdown, '**党的二十届三中全会**：2024年7月15日');
    assert.deepEqual(h.range, { start: { line: 7, character: 6 }, end: { line: 7, character: 15 } });
    assert.equal(referenceHover(line, 7, line.indexOf('十四五') + 1, 'zh-cn')!.markdown, '**十四五**：2021—2025年');
    assert.equal(referenceHover(line, 7, line.indexOf('法制') + 1, 'en')!.markdown, '**法制宣传**: old name; "法治宣传" since 2014-10-23');
    assert.equal(referenceHover(line, 7, 2, 'zh-cn'), undefined);
  });
});

describe('references through the server', () => {
  const s = useServer();
  test('diagnostics with codes and ranges, the quick fix, and the hover with the date', async () => {
    const uri = s.uri('references');
    const text = report(2023, '2024年1月20日', (l) => {
      l[5] = '（一）强化领导。深入学习贯彻党的二十届三中全会精神，全年组织学法12次。';
      l[12] = '继续加强法制宣传教育。';
    });
    const diags = await s.server.open(uri, text);
    const mine = diags
      .filter((d) => String(d.code).endsWith('-reference'))
      .map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`);
    assert.deepEqual(mine, ['dated-reference@5:14-23', 'outdated-reference@12:4-8']);
    const h = await s.server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 17 } });
    assert.equal((h.contents as MarkupContent).value, '**党的二十届三中全会**：2024年7月15日');
    const outdated = diags.find((d) => d.code === 'outdated-reference')!;
    const actions = await s.server.request<{ title: string; edit?: { changes: Record<string, { newText: string }[]> } }[]>(
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: outdated.range,
        context: { diagnostics: [outdated] },
      },
    );
    const fix = actions.find((a) => a.title === '改为“法治宣传”')!;
    assert.deepEqual(
      fix.edit!.changes[uri].map((e) => e.newText),
      ['法治宣传'],
    );
  });

  test('source.fixAll leaves old names, quoted titles and history alone (issue 21 item 5)', async () => {
    const uri = s.uri('fixall-names');
    const text = report(2024, '2025年1月20日', (l) => {
      l[1] = '[bookmark: _GoBack]';
      l[5] = '（一）强化领导。组织学习《关于开展法制宣传教育的第七个五年规划的决议》，全年组织学法12次。';
      l[6] = '（二）规范执法。《法制日报》2019年报道了我镇经验，全年开展执法检查30次。';
      l[8] = '2018年，县依法治县领导小组更名为县委全面依法治县委员会。';
      l[12] = '继续加强法制宣传教育。';
    });
    const diags = await s.server.open(uri, text);
    const outdated = diags.find((d) => d.code === 'outdated-reference')!;
    const [all] = await s.server.request<{ kind: string; edit?: { changes: Record<string, { newText: string }[]> } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: outdated.range, context: { diagnostics: diags, only: ['source.fixAll'] } },
    );
    assert.equal(all.kind, 'source.fixAll.govreport');
    assert.deepEqual(
      all.edit!.changes[uri].map((e) => e.newText),
      [''],
      'only the debris line is removed',
    );
    const quick = await s.server.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: outdated.range,
      context: { diagnostics: [outdated] },
    });
    assert.deepEqual(
      quick.map((a) => a.title),
      ['改为“法治宣传”'],
      'one quick fix, no fix-all of its kind',
    );
  });
});
