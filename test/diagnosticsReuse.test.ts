/**
 * The server's diagnostics of a document being typed in (lsp/diagnosticsReuse.ts) are kept by
 * finding object and by place, and must always be what converting the model afresh gives: every
 * finding's diagnostic with its key (core/features/findingKey.ts, ranks of findings sharing a place
 * included), in the model's order; the same array when nothing changed, a new one (and a new result
 * id) when anything did.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, AnalysisCache, findingKeys, type Finding, type ReportModel } from '../server/src/core';
import { toDiagnostic } from '../server/src/lsp/convert';
import { DocumentDiagnostics, reuseCounts } from '../server/src/lsp/diagnosticsReuse';
import { Typist } from '../server/src/lsp/typist';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');

const fresh = (m: ReportModel) => {
  const keys = findingKeys(m.findings);
  return m.findings.map((f, i) => toDiagnostic(f, keys[i]));
};

describe('diagnostics kept across keystrokes', () => {
  test('accumulating typing: each list as converted afresh; the same array exactly when nothing changed', () => {
    // Two missing parts on the title share a place (ranks 0 and 1); placeholders and stray marks give findings by line.
    const text = `${EXAMPLE}\n某某情况XX月完成。“待补充\n`
      .replace('二、存在的问题', '二、其他')
      .replace('三、2025年工作打算', '三、其他事项');
    const typist = new Typist(text);
    const cache = new AnalysisCache();
    const reuse = new DocumentDiagnostics();
    let before = reuse.of(analyze(text, { cache }));
    let id = reuse.resultId;
    assert.ok(
      fresh(analyze(text)).some((d) => (d.data as { findingKey?: string } | undefined)?.findingKey?.endsWith('#1')),
      'a place with two findings',
    );
    let same = 0;
    let changed = 0;
    const counts = { ...reuseCounts };
    for (let k = 0; k < 120; k++) {
      typist.next();
      const model = analyze(typist.text(), { cache });
      const list = reuse.of(model);
      assert.deepEqual(list, fresh(model), `keystroke ${k}`);
      assert.equal(reuse.of(model), list, 'the same model: the same array');
      const equal = JSON.stringify(list) === JSON.stringify(before);
      assert.equal(list === before, equal, `keystroke ${k}: a new array exactly when a diagnostic changed`);
      assert.equal(reuse.resultId === id, equal, `keystroke ${k}: a new result id exactly when a diagnostic changed`);
      if (equal) same++;
      else changed++;
      before = list;
      id = reuse.resultId;
    }
    assert.ok(same > 0 && changed > 0, `both kinds of keystroke seen (${same} unchanged, ${changed} changed)`);
    // This report's missing parts are found anew at every keystroke: each list was compared finding by finding.
    assert.equal(reuseCounts.compared - counts.compared, 120);
  });

  test('a model of the same finding objects is handed the last list without a look at any finding', () => {
    const reuse = new DocumentDiagnostics();
    const model = analyze(EXAMPLE.replace('二、存在的问题', '二、其他'));
    assert.ok(model.findings.length > 0, 'findings to keep');
    const list = reuse.of(model);
    const id = reuse.resultId;
    const counts = { ...reuseCounts };
    // Another version whose findings are the objects of the last (a keystroke that changed none of them).
    const next: ReportModel = { ...model, findings: [...model.findings] };
    assert.equal(reuse.of(next), list);
    assert.equal(reuse.resultId, id);
    assert.equal(reuseCounts.sameObjects - counts.sameObjects, 1, 'taken without comparing');
    // One finding an equal copy: compared, and still the same list.
    const copy: ReportModel = { ...model, findings: model.findings.map((f, i) => (i === 0 ? { ...f } : f)) };
    assert.equal(reuse.of(copy), list);
    assert.equal(reuseCounts.compared - counts.compared, 1, 'compared');
    assert.deepEqual(reuse.of(copy), fresh(copy));
  });

  test('a finding whose rank at its place changes gets its new key, kept object or equal one', () => {
    const at = (line: number): Finding['range'] => ({ start: { line, character: 0 }, end: { line, character: 4 } });
    const finding = (message: string, line = 0): Finding =>
      ({ code: 'missing-part', severity: 'warning', message, range: at(line), data: { part: message } }) as Finding;
    const a = finding('a');
    const b = finding('b');
    const elsewhere = finding('x', 3);
    const model = (...findings: Finding[]) => ({ findings }) as unknown as ReportModel;
    const reuse = new DocumentDiagnostics();
    // The same object a: rank 0, then 1 once b sits before it at its place, then 0 again.
    // An equal object in a's slot: rank 0 there before, rank 1 now (b before it).
    for (const m of [model(a), model(b, a), model(a), model(elsewhere, a), model(b, finding('a'))])
      assert.deepEqual(reuse.of(m), fresh(m), m.findings.map((f) => f.message).join());
  });
});
