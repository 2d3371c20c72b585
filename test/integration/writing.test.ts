/**
 * Writing help inside VS Code: the whole-report snippet through VS Code's own snippet engine
 * (transforms included), completion, the title's code lens inserting a missing part, and the
 * semantic tokens legend.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, EXTENSION_ID } from './support/vscodeHelpers';

async function untitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'govreport', content });
  return vscode.window.showTextDocument(doc);
}

/** Resolves when `doc` changes so that `ready(text)` holds (checked now and on each change). */
function textWhen(doc: vscode.TextDocument, ready: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      if (!ready(doc.getText())) return false;
      sub.dispose();
      resolve(doc.getText());
      return true;
    };
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) check();
    });
    check();
  });
}

suite('writing help', () => {
  suiteSetup(activate);

  test('the 报告 snippet, tabbed through in VS Code: last year reported, this year planned, all parts there', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const snippets = JSON.parse(
      Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(ext.extensionPath, 'snippets', 'govreport.json')))).toString(
        'utf8',
      ),
    );
    const report = Object.values(snippets as Record<string, { prefix: string[]; body: string[] }>).find((s) => s.prefix.includes('bg'))!;
    const editor = await untitled('');
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(report.body.join('\n'))));
    // Tab through every stop: leaving the year applies the next-year transform.
    for (let i = 0; i < 6; i++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    const year = new Date().getFullYear() - 1;
    const text = editor.document.getText();
    assert.match(text, new RegExp(`关于${year}年法治政府建设情况的报告`));
    assert.match(text, new RegExp(`四、${year + 1}年推进法治政府建设的主要安排`));
    assert.match(text, new RegExp(`\\n${year + 1}年[1-9]\\d?月[1-9]\\d?日\\n`), 'the 成文日期 without leading zeros');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    // The editor's language decides the wording (必备部分 4/4 · mandatory parts 4/4).
    assert.ok(
      lenses.some((l) => l.command?.title.endsWith(' 4/4')),
      lenses.map((l) => l.command?.title).join(' | '),
    );
    assert.ok(!lenses.some((l) => l.command?.command === 'govreport.insertPart'), 'no part missing');
  });

  test('completion at a line start after （二）: （三）', async () => {
    const editor = await untitled('关于2024年法治政府建设情况的报告\n一、主要举措和成效\n（一）强化领导\n（二）规范执法\n\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(4, 0),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('（三）'), labels.join(' | '));
  });

  test('clicking the missing part (缺少：…) on the title inserts it', async () => {
    const editor = await untitled(
      '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n内容。\n二、存在的不足和原因\n内容。\n三、2025年工作安排\n内容。\n',
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const missing = lenses.find((l) => l.command?.command === 'govreport.insertPart');
    assert.ok(missing?.command, lenses.map((l) => l.command?.title).join(' | '));
    const changed = textWhen(editor.document, (t) => t.includes('第一责任人职责'));
    await vscode.commands.executeCommand(missing.command.command, ...(missing.command.arguments ?? []));
    assert.match(
      await changed,
      /\n二、2024年党政主要负责人履行推进法治建设第一责任人职责[^\n]*\n一是……二是……三是……\n三、存在的不足和原因\n/,
    );
  });

  test('semantic tokens: the legend names ordinals, dates and document names', async () => {
    const editor = await untitled('关于2024年法治政府建设情况的报告\n一、主要举措和成效\n依据《行政复议法》。\n');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentSemanticTokensLegend',
      editor.document.uri,
    );
    for (const m of ['ordinal', 'date', 'documentName']) assert.ok(legend.tokenModifiers.includes(m), m);
  });
});
