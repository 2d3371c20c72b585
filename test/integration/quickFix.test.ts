/** The missing-part quick fix as VS Code offers it (vscode.executeCodeActionProvider), applied through workspace.applyEdit. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, codeOf, diagnosticsWhen, documentSymbols, openEditor } from './support/vscodeHelpers';

const isMissingPart = (d: vscode.Diagnostic) => codeOf(d) === 'missing-part';

suite('quick fix', () => {
  suiteSetup(activate);

  test('"Insert the part" adds the first-responsible part, renumbers after it, and the error goes away', async () => {
    const { document: doc } = await openEditor('quick-fix.report.txt');
    const [diag] = (await diagnosticsWhen(doc.uri, (d) => d.some(isMissingPart))).filter(isMissingPart);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && /^(Insert the part|插入)/.test(a.title));
    assert.ok(fix?.edit, `a quick fix for missing-part is offered (got: ${actions.map((a) => a.title).join(' | ')})`);
    assert.match(fix.title, /first responsible|第一责任人/, 'it names the missing part');

    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsWhen(doc.uri, (d) => !d.some(isMissingPart));
    const top = (await documentSymbols(doc.uri)).filter((s) => /^[一二三四五六七八九十]+、/.test(s.name));
    assert.deepEqual(
      top.map((s) => s.name.slice(0, 2)),
      ['一、', '二、', '三、', '四、'],
    );
    assert.ok(
      top.some((s) => s.name.includes('第一责任人')),
      `a first-responsible part heading was inserted: ${top.map((s) => s.name).join(' | ')}`,
    );
    assert.ok(top.some((s) => s.name.endsWith('存在的问题')) && top[3].name.endsWith('2025年工作打算'), 'the later parts keep their text');
  });
});
