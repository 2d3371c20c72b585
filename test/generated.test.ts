// Generated artefacts are current: what `npm run generate` writes from the rules' metadata
// (package.json's govreport.rules schema, its nls descriptions, the README's rules table) is
// what the repository holds. A rule added, renamed in words or given another default severity
// without regenerating fails here. (The snippets have their own test: snippets.test.ts.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { guards, rules } from '../server/src/core';
import { generatedRuleFiles, rulesTable, withRulesTable } from '../scripts/lib/rulesDocs';

const ROOT = resolve(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

for (const [path, content] of Object.entries(generatedRuleFiles(read))) {
  test(`${path} is generated from the rules (run npm run generate)`, () => {
    assert.equal(read(path), content);
  });
}

test('every rule and guard describes itself in both languages, and codes are unique', () => {
  const all = [...rules, ...guards];
  assert.equal(new Set(all.map((r) => r.code)).size, all.length);
  for (const r of all) {
    assert.ok(r.description['zh-cn'] && r.description.en && r.docs.finds, r.code);
    assert.match(r.description['zh-cn'], /[\u4e00-\u9fff]/, `${r.code}: a Chinese description`);
  }
});

test('the staleness check can fail: a changed rule changes the table', () => {
  const table = rulesTable();
  assert.ok(table.includes('| `missing-part` |') && table.includes('| `too-large` |'));
  const stale = withRulesTable(read('README.md')).replace('| `missing-part` |', '| `missing-parts` |');
  assert.notEqual(stale, read('README.md'));
  assert.throws(() => withRulesTable('no markers here'), /markers/);
});
