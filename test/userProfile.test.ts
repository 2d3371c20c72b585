// A profile the user defines in a trusted .govreport.json (here xxgk-annual copied under a new id)
// works in every feature, through the real server: diagnostics, completion, code lenses, the
// insert-part command and quick fix, hover and the new-report skeleton. Before the compiled
// profile travelled with the model, completion looked the id up among the built-ins and failed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type {
  ApplyWorkspaceEditParams,
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  TextDocumentEdit,
} from 'vscode-languageserver-protocol';
import { analyze, compileProfile, type ProfileDefinition } from '../server/src/core';
import { SettingsStore } from '../server/src/lsp/settings';
import { NOTIFICATIONS, SERVER_COMMANDS } from '../server/src/protocol';
import { applyEdits } from './support/edits';
import { startServer, type ServerHandle } from './support/lspClient';
import { dedent, missingCodes } from './support/render';
import { runCli } from './support/cli';

const xxgk = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'profiles', 'xxgk-annual.json'), 'utf8')) as ProfileDefinition;
const OWN: ProfileDefinition = { ...xxgk, id: 'our-disclosure', name: { 'zh-cn': '本单位公开年报', en: 'Our disclosure report' } };

// A title the built-in detection would give to fzzf-annual: only the workspace profile makes it xxgk-shaped.
const DRAFT = dedent(`
  某县人民政府2023年度工作报告
  一、总体情况
  全年主动公开信息120条。
  二、主动公开政府信息情况
  规章0件。
  三、存在的主要问题及改进情况
  公开不够及时，主要原因是人手少。

`);

describe('a user-defined profile from .govreport.json, in every feature', () => {
  let server: ServerHandle;
  const applied: ApplyWorkspaceEditParams[] = [];
  let n = 0;
  const open = async (text = DRAFT) => {
    const uri = `file:///user-profile-${++n}.govreport`;
    return { uri, diagnostics: await server.open(uri, text) };
  };
  before(async () => {
    server = await startServer();
    server.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied.push(p);
      return { applied: true };
    });
    await server.connection.sendNotification(NOTIFICATIONS.workspaceConfig, { config: { profile: OWN } });
  });
  after(async () => {
    await server.stop();
  });

  test('diagnostics: the parts the user profile requires', async () => {
    const { diagnostics } = await open();
    const missing = diagnostics.filter((d) => d.code === 'missing-part').map((d) => (d.data as { part: string }).part);
    assert.deepEqual(missing, ['requests', 'review-litigation', 'other']);
  });

  test('completion offers the user profile’s missing parts (it used to throw on the unknown id)', async () => {
    const { uri } = await open();
    const line = DRAFT.split('\n').length - 1;
    const result = await server.request<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 0 },
    });
    const items = Array.isArray(result) ? result : result.items;
    const parts = items
      .filter((i) => (i.data as { part?: string } | undefined)?.part)
      .map((i) => [i.label, (i.data as { part: string }).part]);
    assert.deepEqual(
      parts.sort(),
      [
        ['四、其他需要报告的事项', 'other'],
        ['四、收到和处理政府信息公开申请情况', 'requests'],
        ['四、政府信息公开行政复议、行政诉讼情况', 'review-litigation'],
      ].sort(),
    );
  });

  test('code lenses name the user profile and its missing parts; clicking one inserts it', async () => {
    const { uri } = await open();
    const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const onTitle = lenses.filter((l) => l.range.start.line === 0).map((l) => [l.command?.title, l.command?.command]);
    assert.deepEqual(onTitle, [
      ['本单位公开年报 · 必备部分 3/6', SERVER_COMMANDS.revealLine],
      ['缺少：收到和处理政府信息公开申请情况', SERVER_COMMANDS.insertPart],
      ['缺少：政府信息公开行政复议、行政诉讼情况', SERVER_COMMANDS.insertPart],
      ['缺少：其他需要报告的事项', SERVER_COMMANDS.insertPart],
    ]);
    const before = applied.length;
    const ok = await server.request<boolean>('workspace/executeCommand', {
      command: SERVER_COMMANDS.insertPart,
      arguments: [{ uri, part: 'requests' }],
    });
    assert.equal(ok, true);
    const change = applied[before].edit.documentChanges![0] as TextDocumentEdit;
    const text = applyEdits(DRAFT, change.edits as never);
    assert.match(text, /三、收到和处理政府信息公开申请情况/);
    assert.deepEqual(missingCodes(analyze(text, { profile: compileProfile(OWN) })), ['review-litigation', 'other']);
  });

  test('the missing-part quick fix inserts the user profile’s part', async () => {
    const { uri, diagnostics } = await open();
    const d = diagnostics.find((x: Diagnostic) => x.code === 'missing-part' && (x.data as { part: string }).part === 'other')!;
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['插入“其他需要报告的事项”部分'],
    );
    const text = applyEdits(DRAFT, actions[0].edit!.changes![uri] as never);
    assert.match(text, /四、其他需要报告的事项/);
  });

  test('hover on the title counts figures per part of the user profile', async () => {
    const { uri } = await open();
    const h = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    const md = (h?.contents as { value: string }).value;
    assert.match(md, /总体情况/);
    assert.match(md, /收到和处理政府信息公开申请情况/);
  });

  test('the new-report skeleton follows the configured profile, by default and by its id', async () => {
    for (const args of [{}, { profile: OWN.id }]) {
      const text = await server.request<string>('workspace/executeCommand', {
        command: SERVER_COMMANDS.skeleton,
        arguments: [{ body: '某县人民政府', year: 2024, ...args }],
      });
      const m = analyze(text, { profile: compileProfile(OWN) });
      assert.deepEqual(missingCodes(m), [], text);
      assert.ok(
        m.outline.some((node) => /收到和处理政府信息公开申请情况/.test(node.name)),
        text,
      );
    }
    const builtin = await server.request<string>('workspace/executeCommand', {
      command: SERVER_COMMANDS.skeleton,
      arguments: [{ body: '某县司法局', year: 2024, profile: 'fzzf-annual' }],
    });
    assert.deepEqual(missingCodes(analyze(builtin)), []);
    assert.equal(analyze(builtin).profile.id, 'fzzf-annual');
  });
});

test('the model carries the compiled profile it was analysed with', () => {
  const own = compileProfile(OWN);
  const m = analyze(DRAFT, { profile: own });
  assert.equal(m.compiledProfile, own);
  assert.deepEqual(m.profile, { id: 'our-disclosure', name: '本单位公开年报' });
  assert.equal(analyze(DRAFT).compiledProfile.id, 'fzzf-annual');
  assert.equal(analyze('x'.repeat(20), { maxLength: 10, profile: own }).compiledProfile, own, 'the size guard’s model too');
});

describe('a user-defined profile in every CLI command (one resolveProfile for the server and the CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-user-profile-'));
  writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ profile: OWN }));
  writeFileSync(join(dir, 'draft.txt'), DRAFT);
  const run = (...args: string[]) => runCli(args, { cwd: dir });
  const parts = (stdout: string) => (JSON.parse(stdout) as { parts: { id: string; present: boolean }[] }[])[0].parts;

  test('check --profile names the profile .govreport.json defines', () => {
    const r = run('check', '--format', 'json', '--profile', OWN.id, 'draft.txt');
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      parts(r.stdout).map((p) => p.id),
      OWN.parts.map((p) => p.id),
    );
    assert.equal((JSON.parse(r.stdout) as { profile: string }[])[0].profile, OWN.id);
  });

  test('check --profile with an id neither built in nor defined is bad usage (exit 2), naming it', () => {
    const r = run('check', '--profile', 'nobody', 'draft.txt');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown profile.*nobody/);
  });

  test('new reads .govreport.json like the editor: the skeleton has the user profile’s parts', () => {
    const r = run('new', '--body', '某县人民政府', '--year', '2024');
    assert.equal(r.status, 0, r.stderr);
    // The user profile's part headings (xxgk-shaped), not the built-in default's.
    assert.match(r.stdout, /一、总体情况\n[^]*二、主动公开政府信息情况/);
    const byId = run('new', '--body', '某县人民政府', '--profile', OWN.id, '--year', '2024');
    assert.equal(byId.stdout, r.stdout);
    assert.doesNotMatch(run('new', '--no-config', '--year', '2024').stdout, /总体情况/, 'without the file: the built-in default');
  });

  test('figures and export take --profile of the workspace file too', () => {
    const f = run('figures', '--format', 'json', '--profile', OWN.id, 'draft.txt');
    assert.equal(f.status, 0, f.stderr);
    assert.ok((JSON.parse(f.stdout) as unknown[]).length > 0);
    const e = run('export', '--profile', OWN.id, '-o', 'draft.docx', 'draft.txt');
    assert.equal(e.status, 0, e.stderr);
  });
});

test('the server compiles a profile from .govreport.json once, not on every analysis', async () => {
  const store = new SettingsStore();
  store.setWorkspace({ profile: OWN });
  const first = store.analysisOptions().profile;
  assert.equal(typeof first, 'object');
  assert.equal(store.analysisOptions().profile, first, 'the same compiled profile for the next analysis');
  store.setWorkspace({ profile: { ...OWN, id: 'changed' } });
  assert.notEqual(store.analysisOptions().profile, first, 'a change compiles the new one');
});
