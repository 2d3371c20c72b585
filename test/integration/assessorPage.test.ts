/**
 * The assessor's page in VS Code (issue 26): the client command 生成本文件夹的审核汇总页 run on the
 * workspace folder as the explorer's folder menu runs it (the folder's uri, then the selection), so no
 * dialog opens; review.html is read back from the folder: one row per fixture report (the Word one
 * included) in the table of mandatory parts, ✘ where the part is missing. openExternal runs as it does for a user (in code-server
 * it hands the file's uri to the browser, which does not navigate away).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, workspaceFile } from './support/vscodeHelpers';

const COMMAND = 'govreport.assessorPageForFolder';

/** The rows of the page's table of mandatory parts, by report name (the first cell's link text). */
function partsRows(html: string): Map<string, string> {
  const table = /<table class="sortable" id="parts">([\s\S]*?)<\/table>/.exec(html);
  assert.ok(table, 'the page has the table of mandatory parts');
  const rows = new Map<string, string>();
  for (const row of table[1].split('<tr>').slice(1)) {
    const name = /^<td class="name"><a href="#r\d+">([^<]+)<\/a>/.exec(row);
    if (name) rows.set(name[1], row);
  }
  return rows;
}

async function pageIn(folder: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'review.html'))).toString('utf8');
}

suite("assessor's page", () => {
  suiteSetup(activate);

  test('run on the workspace folder: review.html written there, a row per report, ✘ for the missing part', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND, folder, [folder]);
    assert.equal(written?.toString(), workspaceFile('review.html').toString(), 'the command resolves with the page it wrote');
    const html = await pageIn(folder);
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /<meta name="generator" content="govreport">/);
    const rows = partsRows(html);
    // The Word fixture too: the editor's page lists what `govreport check <folder>` reads.
    for (const name of ['complete.report.txt', 'missing-part.report.txt', 'quick-fix.report.txt', 'word-report.docx'])
      assert.ok(rows.has(name), `a row for ${name}: ${[...rows.keys()].join(', ')}`);
    assert.doesNotMatch(rows.get('word-report.docx')!, /✘/, 'the Word report has every part');
    assert.ok(!rows.has('review.html'), 'the page is not a report of its own');
    assert.doesNotMatch(rows.get('complete.report.txt')!, /✘/, 'the complete report has every part');
    assert.match(rows.get('missing-part.report.txt')!, /<td class="no" data-v="0"><a href="#r\d+-missing-part">✘<\/a><\/td>/);
    // Each row links to the report's findings listed below the tables.
    const anchor = /href="#(r\d+)"/.exec(rows.get('missing-part.report.txt')!)![1];
    assert.match(html, new RegExp(`id="${anchor}"`));
    assert.match(html, new RegExp(`id="${anchor}-missing-part"`));
  });

  test('run again: its own review.html is replaced without asking', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const page = vscode.Uri.joinPath(folder, 'review.html');
    const marked = (await pageIn(folder)).replace('</body>', '<!-- the old page --></body>');
    await vscode.workspace.fs.writeFile(page, Buffer.from(marked, 'utf8'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND, folder);
    assert.equal(written?.toString(), page.toString());
    const html = await pageIn(folder);
    assert.doesNotMatch(html, /the old page/);
    assert.ok(partsRows(html).has('complete.report.txt'));
  });
});
