// Generated artefacts are current: what `npm run generate` writes from the rules' metadata
// (package.json's govreport.rules schema, its nls descriptions, the README's rules table) is
// what the repository holds; so are the core's index of built-in profiles and the govreport.profile
// setting, generated from profiles/*.json. A rule added, renamed in words or given another default severity
// without regenerating fails here. (The snippets have their own test: snippets.test.ts.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { defaultProfile, guards, rules } from '../server/src/core';
import { profileFileNames, profilesIndex, withProfileDescriptions, withProfileSetting } from '../scripts/lib/profilesDocs';
import { generatedFiles, rulesTable, withRulesTable } from '../scripts/lib/rulesDocs';

const ROOT = resolve(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

for (const [path, content] of Object.entries(generatedFiles(read, (d) => readdirSync(join(ROOT, d))))) {
  test(`${path} is generated from the rules and profiles (run npm run generate)`, () => {
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

test('adding a report kind is adding its profile file: the index and the setting follow the files', () => {
  const files = profileFileNames(['xxgk-annual.json', 'profile.schema.json', 'aa-new.json', 'fzzf-annual.json']);
  assert.deepEqual(files, ['aa-new.json', 'fzzf-annual.json', 'xxgk-annual.json']);
  assert.match(profilesIndex(files), /import profile0 from '\.\.\/\.\.\/\.\.\/\.\.\/profiles\/aa-new\.json';/);
  const own = { id: 'aa-new', name: { 'zh-cn': '新报告', en: 'New report' }, parts: [] };
  const pkg = withProfileSetting(JSON.parse(read('package.json')), [own]) as {
    contributes: { configuration: { properties: Record<string, { enum: string[]; enumDescriptions: string[] }> } };
  };
  assert.deepEqual(pkg.contributes.configuration.properties['govreport.profile'].enum, ['', 'aa-new']);
  assert.equal(withProfileDescriptions({}, 'zh-cn', [own])['profile.kind.aa-new'], '新报告。');
  // The built-in default stays fzzf-annual whatever file sorts first.
  assert.equal(defaultProfile().id, 'fzzf-annual');
});
