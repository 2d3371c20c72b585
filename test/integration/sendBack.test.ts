/**
 * The reviewer's "Send back with comments (Word)" in VS Code (issue 26): the client command run on a
 * clerk's .docx as the explorer's menu runs it (the file's uri), with `{ target }` in place of the save
 * dialog; draft.reviewed.docx is read back from the workspace: the clerk's file untouched, and in the
 * reviewed one word/comments.xml holds a comment per finding — missing part, a figure that does not add
 * up, an old name — each anchored in document.xml on the words it is about.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { strFromU8, unzipSync } from 'fflate';
import { suite, suiteSetup, test } from 'mocha';
import { readDocx } from '../../server/src/intake/docx';
import { draftDocx } from '../support/reviewFixture';
import { activate, fileExists, workspaceFile } from './support/vscodeHelpers';

const COMMAND = 'govreport.sendBackWithComments';

suite('send back with comments (Word)', () => {
  suiteSetup(activate);

  test('draft.docx → draft.reviewed.docx beside it, every finding a comment on its words', async () => {
    const draft = workspaceFile('draft.docx');
    const original = new Uint8Array(await draftDocx());
    await vscode.workspace.fs.writeFile(draft, original);
    const target = workspaceFile('draft.reviewed.docx');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND, draft, { target });
    assert.equal(written?.toString(), target.toString(), 'the command resolves with the file it wrote');
    assert.ok(await fileExists(target));
    assert.ok(Buffer.from(await vscode.workspace.fs.readFile(draft)).equals(original), "the clerk's file is left as it was");

    const reviewed = await vscode.workspace.fs.readFile(target);
    const parts = unzipSync(reviewed);
    assert.ok(parts['word/comments.xml'], 'word/comments.xml is there');
    const commentsXml = strFromU8(parts['word/comments.xml']);
    const documentXml = strFromU8(parts['word/document.xml']);
    const comments = [...commentsXml.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)].map((m) => ({
      id: /w:id="(\d+)"/.exec(m[1])![1],
      author: /w:author="([^"]*)"/.exec(m[1])?.[1],
      text: [...m[2].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    for (const code of ['missing-part', 'figure-sum', 'outdated-reference'])
      assert.ok(
        comments.some((c) => c.text.includes(code)),
        `a comment for ${code}: ${comments.map((c) => c.text).join(' | ')}`,
      );
    for (const c of comments) {
      assert.equal(c.author, '审核', 'the default reviewer');
      for (const mark of ['commentRangeStart', 'commentRangeEnd', 'commentReference'])
        assert.match(documentXml, new RegExp(`<w:${mark} w:id="${c.id}"/>`), `comment ${c.id}: ${mark} in document.xml`);
    }
    assert.match(strFromU8(parts['word/_rels/document.xml.rels']), /Target="comments.xml"/);
    assert.match(strFromU8(parts['[Content_Types].xml']), /PartName="\/word\/comments.xml"/);

    // Read back: the report text is the clerk's, and each comment stands on its words.
    const before = readDocx(original);
    const after = readDocx(reviewed);
    assert.equal(after.text, before.text, 'the report text read back is the same');
    assert.equal(after.comments.length, comments.length);
    const on = (code: string) => after.comments.find((c) => c.text.includes(code))?.anchor;
    assert.equal(on('missing-part'), '某镇2024年法治政府建设情况的报告', 'a missing part on the title');
    assert.match(on('figure-sum') ?? '', /672件/);
    assert.equal(on('outdated-reference'), '法制宣传');
  });
});
