// Profiles as data: the built-ins satisfy the shipped schema, the title picks the profile, and
// package.json contributes what the settings and schemas promise.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { checkProfile, checkWorkspaceConfig } from '../server/src/config/workspaceConfig';
import { analyze, builtinProfiles } from '../server/src/core';
import { rules } from '../server/src/core/rules';
import { needsSeeds, seed } from './support/seeds';

const ROOT = resolve(__dirname, '..', '..');
const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));

test('built-in profiles satisfy profiles/profile.schema.json', () => {
  for (const id of ['fzzf-annual', 'xxgk-annual'])
    assert.deepEqual(checkProfile(json(`profiles/${id}.json`)), { ok: true, value: json(`profiles/${id}.json`) });
  assert.deepEqual(
    builtinProfiles.map((p) => p.id),
    ['fzzf-annual', 'xxgk-annual'],
  );
});

test('invalid profiles and workspace files are rejected with the path of the problem', () => {
  const bad = checkProfile({
    id: 'x',
    name: { 'zh-cn': '甲', en: 'A' },
    parts: [{ id: 'p', name: { 'zh-cn': '乙', en: 'B' }, mandatory: true, headings: ['('] }],
  });
  assert.equal(bad.ok, false);
  assert.match((bad as { errors: string[] }).errors.join(), /\/parts\/0\/headings\/0/);
  assert.equal(checkWorkspaceConfig({ profile: 'nope' }).ok, false);
  assert.equal(checkWorkspaceConfig({ rules: { debris: 'loud' } }).ok, false);
  assert.equal(checkWorkspaceConfig({ run: 'rm -rf /' }).ok, false, 'unknown keys are refused');
  assert.equal(checkWorkspaceConfig({ profile: 'xxgk-annual', rules: { debris: 'off' } }).ok, true);
});

test('xxgk-annual: chosen from the title, six mandatory parts in the fixed order', () => {
  const text = [
    '某县人民政府2023年政府信息公开工作年度报告',
    '一、总体情况',
    '全年主动公开信息120条。',
    '二、主动公开政府信息情况',
    '规章0件。',
    '五、存在的主要问题及改进情况',
    '公开不够及时，主要原因是人手少。',
  ].join('\n');
  const m = analyze(text);
  assert.equal(m.profile.id, 'xxgk-annual');
  assert.deepEqual(
    m.findings.filter((f) => f.code === 'missing-part').map((f) => f.data?.part),
    ['requests', 'review-litigation', 'other'],
  );
});

test('a web page whose breadcrumb says 政府信息公开目录 is still judged by its title', { skip: needsSeeds }, () => {
  assert.equal(analyze(seed(2)).profile.id, 'fzzf-annual');
});

test('package.json: commands, settings for every rule code, schemas and nls titles exist', () => {
  const pkg = json('package.json');
  const c = pkg.contributes;
  assert.ok(c.commands.some((x: { command: string }) => x.command === 'govreport.renumber'));
  assert.deepEqual(Object.keys(c.configuration.properties['govreport.rules'].properties).sort(), rules.map((r) => r.code).sort());
  for (const v of c.jsonValidation) assert.ok(existsSync(join(ROOT, v.url)), v.url);
  const keys = JSON.stringify(c)
    .match(/%[\w.]+%/g)!
    .map((k) => k.slice(1, -1));
  for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const table = json(nls);
    for (const k of keys) assert.ok(k in table, `${k} in ${nls}`);
  }
});
