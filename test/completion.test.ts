// Completion at a line start: the next ordinal per open level, the first sub-heading, the
// missing parts as whole headings; nothing inside prose. Through the real server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { startServer, type ServerHandle } from './support/lspClient';
import { applyEdits } from './support/edits';
import { dedent, missingCodes } from './support/render';
import { analyze } from '../server/src/core';

/** `$0` marks the cursor; returns the text without it and the cursor position. */
function cursor(marked: string): { text: string; line: number; character: number } {
  const lines = marked.split('\n');
  const line = lines.findIndex((l) => l.includes('$0'));
  const character = lines[line].indexOf('$0');
  return { text: marked.replace('$0', ''), line, character };
}

const REPORT = dedent(`
  关于2024年法治政府建设情况的报告
  区委、区政府：
  现将有关情况报告如下：
  一、推进法治政府建设的主要做法
  （一）加强党的领导。一是压实责任。二是纳入考核。
  （二）严格规范执法
  全年办理案件。
  $0
  二、存在的问题和原因
  执法力量不足。
  三、下一步工作打算
  继续推进。
`);

describe('completion over stdio', () => {
  let server: ServerHandle;
  let n = 0;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  async function complete(marked: string, typed = ''): Promise<{ items: CompletionItem[]; text: string }> {
    const c = cursor(marked);
    const text = c.text
      .split('\n')
      .map((l, i) => (i === c.line ? l.slice(0, c.character) + typed + l.slice(c.character) : l))
      .join('\n');
    const uri = `file:///completion${++n}.govreport`;
    await server.open(uri, text);
    const r = await server.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line: c.line, character: c.character + typed.length },
    });
    return { items: Array.isArray(r) ? r : (r?.items ?? []), text };
  }

  test('advertises the trigger characters: opening brackets and numerals', () => {
    const triggers = server.capabilities.completionProvider?.triggerCharacters ?? [];
    for (const c of ['（', '(', '1', '一', '三']) assert.ok(triggers.includes(c), c);
  });

  test('after （二）: （三） first, then 二、; the missing part as a whole heading with ordinal 二 and renumbering', async () => {
    const { items, text } = await complete(REPORT);
    const ordinals = items.filter((i) => i.kind === 20).map((i) => i.label);
    assert.deepEqual(ordinals, ['（三）', '二、', '1.']);
    const part = items.find((i) => (i.data as { part?: string })?.part === 'first-responsible')!;
    assert.equal(part.label, '二、2024年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况');
    assert.deepEqual(part.textEdit, {
      range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } },
      newText: '二、2024年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n一是……二是……三是……',
    });
    // Accepting it: the parts after it are renumbered, and nothing is missing any more.
    const done = applyEdits(text, [part.textEdit as never, ...(part.additionalTextEdits ?? [])]);
    assert.match(done, /\n三、存在的问题和原因\n执法力量不足。\n四、下一步工作打算\n/);
    assert.deepEqual(missingCodes(analyze(done)), []);
  });

  test('after 一是 in the paragraph above: 三是 continues the run', async () => {
    const { items } = await complete(
      dedent(`
      关于2024年法治政府建设情况的报告
      一、主要举措和成效
      （一）强化领导。一是健全机制，落实责任。二是加强考核。
      $0
    `),
    );
    assert.deepEqual(
      items.filter((i) => i.kind === 20).map((i) => i.label),
      ['三是', '（二）', '二、'],
    );
  });

  test('right under a heading: its first sub-heading first; （1） used at level two is offered as （二）', async () => {
    const under = await complete('关于2024年法治政府建设情况的报告\n一、主要举措和成效\n$0\n');
    assert.deepEqual(
      under.items.filter((i) => i.kind === 20).map((i) => i.label),
      ['（一）', '二、'],
    );
    const wrong = await complete('关于2024年法治政府建设情况的报告\n一、主要举措和成效\n（1）强化领导\n内容。\n$0\n');
    assert.deepEqual(
      wrong.items.filter((i) => i.kind === 20).map((i) => i.label),
      ['（二）', '二、', '1.'],
    );
  });

  test('typing a half-width bracket: the range covers it, the filter text starts with it, no parts', async () => {
    const { items } = await complete(REPORT, '(');
    assert.deepEqual(
      items.map((i) => i.label),
      ['（三）'],
    );
    const three = items[0];
    assert.deepEqual(three.textEdit, { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 1 } }, newText: '（三）' });
    assert.ok(three.filterText!.startsWith('('));
  });

  test('never inside prose: nothing mid-sentence, nothing in the title', async () => {
    const prose = await complete(REPORT, '加强');
    assert.deepEqual(prose.items, []);
    const digits = await complete(REPORT, '1');
    assert.deepEqual(
      digits.items.map((i) => i.label),
      ['1.'],
    );
    const title = await complete('关于2024年法治$0政府建设情况的报告\n一、主要举措\n');
    assert.deepEqual(title.items, []);
  });

  test('an empty body: 一、 and all four mandatory parts, numbered 一', async () => {
    const { items } = await complete('关于2024年法治政府建设情况的报告\n$0\n');
    assert.equal(items[0].label, '一、');
    assert.deepEqual(
      items
        .filter((i) => i.kind === 9)
        .map((i) => (i.data as { part: string }).part)
        .sort(),
      ['first-responsible', 'measures', 'next-year', 'shortcomings'],
    );
    assert.ok(items.filter((i) => i.kind === 9).every((i) => i.label.startsWith('一、')));
    assert.ok(
      items.some((i) => i.label === '一、2025年推进法治政府建设的主要安排'),
      'next-year part = report year + 1',
    );
  });
});
