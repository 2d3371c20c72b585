// Round trip (issue 14): a report exported to .docx and read back by the .docx intake (issue 13) gives
// the same outline and the same parts — the file that leaves is the report that came in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { analyze, type OutlineNode, type ReportModel } from '../server/src/core';
import { exportDocx } from '../server/src/export';
import { readSource } from '../server/src/intake';
import { haveSeeds, seed } from './support/seeds';

const ROOT = resolve(__dirname, '..', '..');

const outline = (nodes: readonly OutlineNode[]): unknown[] => nodes.map((n) => [n.kind, n.name, n.rank, outline(n.children)]);
const shape = (m: ReportModel) => ({
  title: m.header.title?.text,
  addressee: m.header.addressee?.text,
  outline: outline(m.outline),
  parts: m.parts.map((p) => [p.id, p.present]),
  signature: m.signature && [m.signature.bodies.map((b) => b.text), m.signature.date?.text],
});

test('round trip: export → .docx intake → the same title, outline, parts and 落款', async () => {
  const reports: [string, string][] = [
    ['full', readFileSync(join(ROOT, 'test', 'fixtures', 'export', 'full.report.txt'), 'utf8')],
    ['example', readFileSync(join(ROOT, 'examples', 'example.report.txt'), 'utf8')],
  ];
  if (haveSeeds) for (let i = 0; i < 5; i++) reports.push([`seed ${i}`, seed(i)]);
  for (const [name, text] of reports) {
    const model = analyze(text);
    const { bytes } = await exportDocx(text, model);
    const back = await readSource(`${name}.docx`, bytes);
    assert.equal(back.format, 'docx');
    assert.deepEqual(shape(analyze(back.text)), shape(model), name);
  }
});
