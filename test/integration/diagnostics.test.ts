/** Missing-part diagnostics as VS Code holds them (vscode.languages.getDiagnostics), live while editing. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, codeOf, diagnosticsWhen, openEditor } from './support/vscodeHelpers';

const missing = (d: vscode.Diagnostic[]) => d.filter((x) => codeOf(x) === 'missing-part');

suite('diagnostics', () => {
  suiteSetup(activate);

  test('a report without the first-responsible part gets one missing-part error on the title line', async () => {
    const editor = await openEditor('missing-part.report.txt');
    const diags = await diagnosticsWhen(editor.document.uri, (d) => missing(d).length > 0);
    const found = missing(diags);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(found[0].source, 'govreport');
    assert.equal(found[0].range.start.line, 2, 'on the title line');
    assert.equal(editor.document.lineAt(2).text, '关于2024年法治政府建设情况的报告');
  });

  test('deleting a mandatory part adds the error; restoring it clears the error', async () => {
    const editor = await openEditor('complete.report.txt');
    const doc = editor.document;
    const line = [...Array(doc.lineCount).keys()].find((i) => doc.lineAt(i).text.includes('第一责任人职责情况'));
    assert.ok(line !== undefined, 'the fixture has a first-responsible heading');
    const range = new vscode.Range(line, 0, line + 2, 0);
    const removed = doc.getText(range);

    const cut = new vscode.WorkspaceEdit();
    cut.delete(doc.uri, range);
    assert.ok(await vscode.workspace.applyEdit(cut));
    const after = await diagnosticsWhen(doc.uri, (d) => missing(d).length > 0);
    assert.equal(missing(after).length, 1);

    const paste = new vscode.WorkspaceEdit();
    paste.insert(doc.uri, new vscode.Position(line, 0), removed);
    assert.ok(await vscode.workspace.applyEdit(paste));
    await diagnosticsWhen(doc.uri, (d) => missing(d).length === 0);
    assert.equal(doc.getText(), (await vscode.workspace.fs.readFile(doc.uri)).toString());
  });
});
