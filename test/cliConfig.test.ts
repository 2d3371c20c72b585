// Configuration mistakes named (issue 24): an unknown rule code and an unknown key by their JSON path,
// a .govreport.json skipped because it lies outside the current folder said on stderr, and
// `govreport init` writing a file with $schema and the defaults that the CLI then reads back unchanged.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { checkWorkspaceConfig } from '../server/src/config/workspaceConfig';
import { rules } from '../server/src/core';
import { runCli } from './support/cli';

const REPORT = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n全年组织学法12次,覆盖干部300人。\n二、存在的不足和原因\n';

function cli(args: string[], cwd: string) {
  const r = runCli(args, { cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('an unknown rule code and an unknown key are named by their JSON path (schema and CLI)', () => {
  const bad = checkWorkspaceConfig({ rules: { 'punctuation-widht': 'off' }, profiel: 'fzzf-annual' });
  assert.equal(bad.ok, false);
  const errors = (bad as { errors: string[] }).errors;
  assert.ok(
    errors.some((e) => e.startsWith('/profiel：未知的键 (unknown key)')),
    errors.join('\n'),
  );
  assert.ok(
    errors.some((e) => e.startsWith('/rules/punctuation-widht：未知的规则代码 (unknown rule code)')),
    errors.join('\n'),
  );
  assert.ok(checkWorkspaceConfig({ rules: { 'punctuation-width': 'off', 'large-document': 'hint' } }).ok);
  const schema = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'profiles', 'govreport.schema.json'), 'utf8'));
  assert.deepEqual(
    schema.properties.rules.propertyNames.enum.slice(0, rules.length),
    rules.map((r) => r.code),
  );

  const dir = mkdtempSync(join(tmpdir(), 'govreport-config-'));
  writeFileSync(join(dir, 'a.report.txt'), REPORT);
  writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ rules: { 'punctuation-widht': 'off' } }));
  const r = cli(['check', 'a.report.txt'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\/rules\/punctuation-widht：未知的规则代码/);
});

test('a .govreport.json outside the current folder is not read, and stderr says so', () => {
  const top = mkdtempSync(join(tmpdir(), 'govreport-outside-'));
  mkdirSync(join(top, 'reports'));
  mkdirSync(join(top, 'elsewhere'));
  writeFileSync(join(top, '.govreport.json'), JSON.stringify({ rules: { 'punctuation-width': 'off' } }));
  writeFileSync(join(top, 'reports', 'a.report.txt'), REPORT);
  const r = cli(['check', join(top, 'reports')], join(top, 'elsewhere'));
  assert.match(r.stderr, /未读取 .*\.govreport\.json：它在当前文件夹之外/);
  assert.match(r.stdout, /punctuation-width/);
  const inside = cli(['check', 'reports'], top);
  assert.doesNotMatch(inside.stderr, /未读取/);
  assert.doesNotMatch(inside.stdout, /punctuation-width/);
});

test('govreport init writes .govreport.json with $schema and every rule at its default; it keeps an existing one unless --force', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-init-'));
  const r = cli(['init'], dir);
  assert.equal(r.code, 0, r.stderr);
  const file = join(dir, '.govreport.json');
  const written = JSON.parse(readFileSync(file, 'utf8'));
  assert.deepEqual(Object.keys(written), ['$schema', 'rules']);
  const schema = resolve(dir, written.$schema);
  assert.ok(existsSync(schema), schema);
  assert.equal(JSON.parse(readFileSync(schema, 'utf8')).$id, 'https://govreport.invalid/govreport.schema.json');
  assert.deepEqual(written.rules, Object.fromEntries(rules.map((x) => [x.code, x.defaultSeverity])));
  assert.ok(checkWorkspaceConfig(written).ok);
  // The CLI reads it back: the same findings as without it.
  writeFileSync(join(dir, 'a.report.txt'), REPORT);
  const withFile = cli(['check', 'a.report.txt', '--format', 'json'], dir);
  const without = cli(['check', 'a.report.txt', '--format', 'json', '--no-config'], dir);
  assert.equal(withFile.stdout, without.stdout);
  writeFileSync(file, '{}');
  assert.equal(cli(['init'], dir).code, 2);
  assert.equal(readFileSync(file, 'utf8'), '{}');
  assert.equal(cli(['init', '--force'], dir).code, 0);
  assert.notEqual(readFileSync(file, 'utf8'), '{}');
});

test('ignore entries in .govreport.json hide one finding (rule + the text of its line), not the rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-ignore-'));
  const text = REPORT + '三、2025年工作安排\n继续加强普法,提升执法水平。\n';
  writeFileSync(join(dir, 'a.report.txt'), text);
  const codes = () =>
    (
      JSON.parse(cli(['check', 'a.report.txt', '--format', 'json'], dir).stdout)[0].diagnostics as {
        code: string;
        range: { start: { line: number } };
      }[]
    ).map((d) => `${d.code}@${d.range.start.line}`);
  const before = codes();
  assert.ok(before.includes('punctuation-width@2') && before.includes('punctuation-width@5'), before.join());
  writeFileSync(
    join(dir, '.govreport.json'),
    JSON.stringify({ ignore: [{ rule: 'punctuation-width', text: '  全年组织学法12次,覆盖干部300人。 ' }] }),
  );
  const after = codes();
  assert.ok(!after.includes('punctuation-width@2'), 'the ignored finding is gone');
  assert.ok(after.includes('punctuation-width@5'), 'the rule still reports elsewhere');
  assert.deepEqual(
    after,
    before.filter((c) => c !== 'punctuation-width@2'),
  );
  writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ ignore: [{ rule: 'punctuation-width' }] }));
  assert.match(cli(['check', 'a.report.txt'], dir).stderr, /\/ignore\/0 must have required property 'text'/);
});
