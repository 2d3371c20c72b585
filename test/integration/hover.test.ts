/** Hovers as VS Code asks for them (vscode.executeHoverProvider): a figure, and the title's summary. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, openEditor } from './support/vscodeHelpers';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; range?: vscode.Range }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  return { text, range: hovers[0]?.range };
}

suite('hover', () => {
  suiteSetup(activate);

  test('over a figure: what it counts, its value, and its neighbours in the sentence', async () => {
    const { document: doc } = await openEditor('missing-part.report.txt');
    const line = 10;
    const col = doc.lineAt(line).text.indexOf('128');
    assert.ok(col > 0, 'the fixture line has the figure 128');
    const { text, range } = await hoverText(doc.uri, new vscode.Position(line, col + 1));
    assert.match(text, /办理行政执法案件/);
    assert.match(text, /128件/);
    assert.match(text, /行政处罚 76件/);
    assert.ok(range?.contains(new vscode.Position(line, col)), 'the hover range covers the figure');
  });

  test('over the title: the figures per mandatory part, the missing part included', async () => {
    const { document: doc } = await openEditor('missing-part.report.txt');
    const { text } = await hoverText(doc.uri, new vscode.Position(2, 3));
    assert.match(text, /\|/, 'a table');
    assert.match(text, /first responsible|第一责任人/);
  });
});
