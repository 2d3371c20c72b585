// Two architecture invariants that had no test of their own (ARCHITECTURE.md):
// - one analysis per document version: every feature asks the document cache and shares its model;
// - the model is immutable: no feature changes it, and the next analysis of the document (which
//   hands out unchanged figure objects again through the line cache) does not change the last one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import {
  analyze,
  AnalysisCache,
  completeLine,
  figureHover,
  figureRows,
  findingKeys,
  fixAllEdits,
  highlights,
  outlineView,
  renumberAll,
  type AnalyzeOptions,
  type ReportModel,
} from '../server/src/core';
import { DocumentCache } from '../server/src/lsp/documentCache';

const EXAMPLE = readFileSync(resolve(__dirname, '..', '..', 'examples', 'example.report.txt'), 'utf8');

test('one analysis per document version, shared by every request for it', () => {
  const runs: string[] = [];
  const counting = (text: string, options: AnalyzeOptions) => (runs.push(text), analyze(text, options));
  const cache = new DocumentCache(() => ({}), undefined, counting);
  const first = cache.get('file:///a', 1, () => EXAMPLE);
  for (let i = 0; i < 5; i++)
    assert.equal(
      cache.get('file:///a', 1, () => EXAMPLE),
      first,
    );
  assert.equal(runs.length, 1);
  const second = cache.get('file:///a', 2, () => EXAMPLE + '\n');
  assert.notEqual(second, first);
  assert.equal(runs.length, 2);
  cache.get('file:///b', 1, () => EXAMPLE);
  assert.equal(runs.length, 3, 'each document has its own versions');
});

/** Everything readable in the model, lazy fixes included (reading them computes them once). */
const snapshot = (m: ReportModel) => JSON.stringify(m, (_k, v) => (v instanceof RegExp ? v.source : v));

test('the model is immutable: features and the next analysis leave it as it was', () => {
  const cache = new AnalysisCache();
  const model = analyze(EXAMPLE, { cache });
  assert.ok(model.figures.length > 0 && model.findings.some((f) => f.fixes?.length), 'figures and fixes were covered');
  const before = snapshot(model);

  // Every front-end view over the model.
  outlineView(model);
  highlights(model, EXAMPLE);
  figureRows('example', model);
  findingKeys(model.findings);
  renumberAll(model);
  for (const code of new Set(model.findings.map((f) => f.code))) fixAllEdits(model.findings, code);
  for (const f of model.figures) figureHover(model, f.range.start, model);
  for (let line = 0; line < model.lineCount; line++) completeLine(model, { line, character: 0 }, '');

  // The next analyses of the document, through the same line cache: an edit at the end keeps
  // the lines and hands the same figure objects out again; one at the top moves every line.
  const kept = analyze(EXAMPLE + '\n补充一句。', { cache });
  assert.ok(
    kept.figures.some((f, i) => f === model.figures[i]),
    'unchanged figures are shared between analyses',
  );
  analyze('关于\n' + EXAMPLE + '\n补充一句。', { cache });
  assert.equal(snapshot(model), before);
});
