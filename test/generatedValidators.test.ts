// No code generated at run time (issue 12): the JSON Schema validators are ajv standalone code
// written by `npm run generate`, current with the schemas, and no bundle carries ajv's compiler
// (`new Function`) or any other eval. test/webServerCsp.test.ts runs the web worker under a
// Content-Security-Policy that forbids eval.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { validatorsSource, VALIDATORS_PATH } from '../scripts/lib/validators';
import { checkProfile, checkWorkspaceConfig } from '../server/src/config/workspaceConfig';

const ROOT = resolve(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const schemas = () => ({
  workspace: JSON.parse(read('profiles/govreport.schema.json')),
  profile: JSON.parse(read('profiles/profile.schema.json')),
  references: JSON.parse(read('profiles/references.schema.json')),
});

test(`${VALIDATORS_PATH} is generated from profiles/*.schema.json (run npm run generate)`, () => {
  assert.equal(read(VALIDATORS_PATH), validatorsSource(schemas()));
});

test('the staleness check can fail: a changed schema changes the validators', () => {
  const changed = schemas();
  changed.profile.properties.id.pattern = '^[a-z]+$';
  assert.notEqual(validatorsSource(changed), validatorsSource(schemas()));
});

test('the generated validators check what the schemas say, the regex format included', () => {
  assert.equal(checkWorkspaceConfig({ profile: 'xxgk-annual', rules: { debris: 'off' } }).ok, true);
  assert.equal(checkWorkspaceConfig({ rules: { debris: 'loud' } }).ok, false);
  assert.equal(checkWorkspaceConfig({ profile: { id: 'x', name: 1, parts: 'no' } }).ok, false);
  const profile = JSON.parse(read('profiles/fzzf-annual.json'));
  assert.equal(checkProfile(profile).ok, true);
  profile.parts[0].headings.push('(unclosed');
  const bad = checkProfile(profile);
  assert.ok(!bad.ok && bad.errors.some((e) => e.startsWith('/parts/0/headings/') && e.includes('"(unclosed"')), JSON.stringify(bad));
});

test('no bundle compiles code at run time: no new Function( and no eval( in the server, web worker, CLI and worker bundles', () => {
  for (const file of [
    'dist/server.js',
    'dist/web/server.js',
    'dist/cli.js',
    'dist/checkWorker.js',
    'dist/intake.js',
    'dist/web/extension.js',
  ]) {
    const code = read(file);
    assert.doesNotMatch(code, /new Function\s*\(/, `${file}: new Function(`);
    assert.doesNotMatch(code, /(?<![\w$.])eval\s*\(/, `${file}: eval(`);
    // ajv's compiler itself (its code generator) is not bundled, only the generated validators and ajv's small runtime.
    assert.doesNotMatch(code, /makeValidate|ajv\/dist\/compile\//, `${file}: ajv's compiler`);
  }
});
