// Pattern safety (issue 12): a pattern from .govreport.json that can backtrack catastrophically is
// refused when the file is loaded, with a message naming it, in the CLI (exit 2) and in the server
// (a message to the user, the built-in profile used). Every built-in pattern passes the same check in
// test/slow/builtinPatterns.test.ts (`npm run test:slow`: recheck takes about a minute over all of them).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { checkPattern, describeRefusal, judgePattern } from '../server/src/config/patternSafety';
import { checkWorkspaceConfig } from '../server/src/config/workspaceConfig';
import { NOTIFICATIONS } from '../server/src/protocol';
import { startServer } from './support/lspClient';
import { dedent } from './support/render';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const EVIL = '(a+)+$';

/** A profile whose measures part is also named by `pattern`. */
const profileWith = (pattern: string) => ({
  id: 'mine',
  name: { 'zh-cn': '我的报告', en: 'Mine' },
  parts: [
    { id: 'measures', name: { 'zh-cn': '主要举措和成效', en: 'Measures' }, mandatory: true, headings: ['举措', pattern] },
    { id: 'plan', name: { 'zh-cn': '下一步打算', en: 'Plan' }, mandatory: true, headings: ['打算'] },
  ],
});

// A heading of 35 a's that does not end the line's match: 2^35 steps for (a+)+$.
const DRAFT = dedent(`
  关于2024年法治政府建设情况的报告
  一、${'a'.repeat(35)}!
  全年学法12次。
`);

describe('the check', () => {
  test('exponential and polynomial backtracking are refused; bounded lookbehinds and plain words pass', () => {
    assert.deepEqual(checkPattern(EVIL), { safe: false, reason: 'exponential' });
    assert.equal(checkPattern('^(a|a)*$').safe, false);
    const poly = checkPattern('\\s*\\s*$');
    assert.equal(!poly.safe && poly.reason, 'polynomial');
    assert.deepEqual(checkPattern('(?<!(?:补|破解|破除|攻克).{0,8})短板'), { safe: true });
    assert.deepEqual(checkPattern('主要举措|成效'), { safe: true });
    assert.equal(!checkPattern('(unclosed').safe && 'invalid', 'invalid');
  });

  test('a pattern that cannot be proven safe in time is refused too, saying so', () => {
    // Bounded repeats make this one slow to decide (seconds); with 1 ms it is undecided.
    const slow = '^以下是[^。]{0,60}(?:为大家|为您|给大家)[^。]{0,60}(?:整理|收集|搜集)';
    const v = judgePattern(slow, 1);
    assert.equal(!v.safe && v.reason, 'unknown');
    assert.match(describeRefusal(slow, v), /无法证明.*已拒绝.*could not be proven safe/);
  });

  test('a workspace file with such a pattern is invalid, and the error names the pattern and where it is', () => {
    const checked = checkWorkspaceConfig({ profile: profileWith(EVIL) });
    assert.equal(checked.ok, false);
    const errors = !checked.ok ? checked.errors : [];
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /^\/profile\/parts\/0\/headings\/1 /);
    assert.ok(errors[0].includes(JSON.stringify(EVIL)), errors[0]);
    assert.match(errors[0], /灾难性回溯.*catastrophic backtracking/);
    const refs = checkWorkspaceConfig({ references: [{ id: 'x', kind: 'event', names: [], patterns: ['(x+x+)+y'], date: '2024-01-01' }] });
    assert.ok(!refs.ok && refs.errors.some((e) => e.startsWith('/references/0/patterns/0 ') && e.includes('"(x+x+)+y"')));
    assert.equal(checkWorkspaceConfig({ profile: profileWith('工作(?:举措|成效)') }).ok, true);
    // Other errors of the same profile are still reported beside it.
    const { name: _name, ...nameless } = profileWith(EVIL);
    const both = checkWorkspaceConfig({ profile: nameless });
    assert.deepEqual(!both.ok && both.errors.map((e) => e.split(' ')[0]), ['/profile', '/profile/parts/0/headings/1']);
    assert.match(!both.ok ? both.errors[0] : '', /required property 'name'/);
  });
});

test('the CLI refuses the pattern at once: exit 2, naming the pattern and the file', { timeout: 60000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-pattern-'));
  writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ profile: profileWith(EVIL) }));
  writeFileSync(join(dir, 'r.txt'), DRAFT);
  const r = spawnSync(process.execPath, [CLI, 'check', 'r.txt'], { cwd: dir, encoding: 'utf8', timeout: 50000 });
  assert.equal(r.signal, null, 'finished');
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.ok(r.stderr.includes(join(dir, '.govreport.json')), r.stderr);
  assert.ok(r.stderr.includes(JSON.stringify(EVIL)), r.stderr);
  assert.match(r.stderr, /已拒绝.*refused/);
});

test(
  'the server refuses it like any invalid .govreport.json: a message to the user, the built-in profile used',
  { timeout: 60000 },
  async () => {
    const server = await startServer();
    try {
      const shown = new Promise<{ type: number; message: string }>((res) => server.connection.onNotification('window/showMessage', res));
      const uri = 'file:///pattern-safety.govreport';
      await server.open(uri, DRAFT);
      await server.connection.sendNotification(NOTIFICATIONS.workspaceConfig, { config: { profile: profileWith(EVIL) } });
      const message = await shown;
      assert.equal(message.type, 2, 'a warning');
      assert.ok(message.message.includes(JSON.stringify(EVIL)), message.message);
      assert.match(message.message, /\.govreport\.json.*内置.*built-in/);
      // Still the built-in fzzf-annual profile: its parts are missing, and the server answers.
      const d = await server.until(uri, (ds) => ds.some((x) => x.code === 'missing-part'));
      const parts = d.filter((x) => x.code === 'missing-part').map((x) => (x.data as { part: string }).part);
      assert.ok(parts.includes('first-responsible'), parts.join());
      const symbols = await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0);
    } finally {
      await server.stop();
    }
  },
);

test('the debris pattern that was exponential no longer hangs on a line of font-size chrome', { timeout: 60000 }, () => {
  // [字体\t大中小][字体\t\t大中小]… took 15 s at 17 repetitions before the rewrite, doubling with each.
  const dir = mkdtempSync(join(tmpdir(), 'govreport-pattern-'));
  const line = '[字体\t' + '大中小][字体\t\t'.repeat(40) + '默';
  writeFileSync(join(dir, 'r.txt'), `关于2024年法治政府建设情况的报告\n一、主要举措和成效\n${line}\n全年学法12次。\n`);
  const r = spawnSync(process.execPath, [CLI, 'check', '--no-config', 'r.txt'], { cwd: dir, encoding: 'utf8', timeout: 50000 });
  assert.equal(r.signal, null, 'finished');
  assert.equal(r.status, 1, r.stderr);
});
