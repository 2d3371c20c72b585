/** A plain-text draft that looks like a report is switched to the report language (govreport.detect = auto). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { activate, codeOf, diagnosticsWhen, documentInLanguage, workspaceFile } from './support/vscodeHelpers';

suite('report detection', () => {
  const config = () => vscode.workspace.getConfiguration('govreport');
  suiteSetup(async () => {
    await activate();
    await config().update('detect', 'auto', vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(() => config().update('detect', undefined, vscode.ConfigurationTarget.Global));

  test('draft.txt opens as plain text and becomes a govreport document with diagnostics', async () => {
    const uri = workspaceFile('draft.txt');
    const switched = documentInLanguage(uri, 'govreport');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'plaintext');
    await vscode.window.showTextDocument(doc);
    const report = await switched;
    const diags = await diagnosticsWhen(report.uri, (d) => d.some((x) => codeOf(x) === 'missing-part'));
    assert.equal(diags.filter((x) => codeOf(x) === 'missing-part').length, 1);
  });
});
