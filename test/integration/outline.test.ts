/** Outline through VS Code's own command, as the Outline view and breadcrumbs get it. */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import { activate, documentSymbols, fileExists, openEditor, workspaceFile } from './support/vscodeHelpers';

const LEVEL1 = /^[一二三四五六七八九十]+、/;

suite('outline', () => {
  suiteSetup(activate);

  test('a seed report (or the complete fixture) lists its four level-1 parts, each naming a mandatory part', async () => {
    // The launcher copies ../shared/seeds/000_* in as seed.report.txt when the seeds exist.
    const name = (await fileExists(workspaceFile('seed.report.txt'))) ? 'seed.report.txt' : 'complete.report.txt';
    console.log(`    [outline] ${name}`);
    const editor = await openEditor(name);
    assert.equal(editor.document.languageId, 'govreport');
    const symbols = await documentSymbols(editor.document.uri);
    const top = symbols.filter((s) => LEVEL1.test(s.name));
    assert.deepEqual(
      top.map((s) => s.name.slice(0, 2)),
      ['一、', '二、', '三、', '四、'],
    );
    assert.equal(new Set(top.map((s) => s.detail)).size, 4, 'each level-1 part names a different mandatory part');
    for (const s of top) assert.ok(s.detail.length > 0, `${s.name} has a detail`);
    assert.ok(top[0].children.length > 0, 'the first part has sub-parts');
    assert.ok(top[0].range.contains(top[0].children[0].range), 'children lie inside their parent');
  });

  test('the missing-part fixture: three parts, sub-parts and 一是/二是 items nested', async () => {
    const editor = await openEditor('missing-part.report.txt');
    const symbols = await documentSymbols(editor.document.uri);
    const top = symbols.filter((s) => LEVEL1.test(s.name));
    assert.deepEqual(
      top.map((s) => s.name),
      ['一、2024年推进法治政府建设的主要举措和成效', '二、存在的问题', '三、2025年工作打算'],
    );
    assert.deepEqual(
      top[0].children.map((c) => c.name),
      ['（一）强化组织领导', '（二）规范行政执法', '（三）化解矛盾纠纷'],
    );
    assert.deepEqual(
      top[0].children[0].children.map((c) => c.name),
      ['一是健全工作机制', '二是压实工作责任'],
    );
    assert.equal(top[1].selectionRange.start.line, 13);
  });
});
