// dated-reference and outdated-reference (DOMAIN.md §8): each dated event of the built-in data, the
// finding's data, the workspace's own entries, the hover, and the same through the real server.
// What the two rules find in a report and what they leave alone (old names, plan periods, guiding
// thoughts, the exact terms that stay quiet) are marked texts: test/fixtures/rules/*-reference*.txt.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { analyze, type ReferenceDefinition } from '../server/src/core';
import { referenceHover } from '../server/src/core/references/hover';
import { checkWorkspaceConfig } from '../server/src/config/workspaceConfig';
import referencesData from '../server/src/core/data/references.json';
import referencesSchema from '../profiles/references.schema.json';
import { loadMarkedFile } from './support/marks';
import { findings, vary } from './support/ruleFixture';
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

describe('dated-reference', () => {
  // What it finds and leaves alone is in test/fixtures/rules/dated-reference*.txt (and outdated-reference*.txt).
  test('the finding carries the event and both dates (dated-reference.txt)', () => {
    const { report: marked } = loadMarkedFile('dated-reference.txt');
    const [f] = findings(marked.text, 'dated-reference');
    assert.deepEqual(f.data, { id: 'cpc-20-3', happened: '2024-07-15', date: '2024年1月20日' });
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
});
