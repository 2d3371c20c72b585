// The preview's page layout (export/pages.ts), pure: 28 characters a line, 22 lines a page, the title
// at 2号 width, findings marked, and every character of the blocks on the pages once, in order.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../server/src/core';
import { blockText, paginate, reportBlocks, textWidth, type Page } from '../server/src/export';
import { breakLines } from '../server/src/export/pages';
import { haveSeeds, seed } from './support/seeds';

const ROOT = resolve(__dirname, '..', '..');
const FULL = readFileSync(join(ROOT, 'test', 'fixtures', 'export', 'full.report.txt'), 'utf8');
const lineText = (l: Page['lines'][number]) => (l.cells ? l.cells.join(' ') : l.runs.map((r) => r.text).join(''));

test('pages: a paragraph breaks at 26 characters after its indent, then 28; a closing mark goes down with the character before it; numbers stay whole', () => {
  const text = '一'.repeat(26) + '二'.repeat(28) + '三'.repeat(5);
  const rows = breakLines([{ text, role: 'body' }], 26, 28).map((r) => r.map((p) => p.ch).join(''));
  assert.deepEqual(rows, ['一'.repeat(26), '二'.repeat(28), '三'.repeat(5)]);
  const mark = breakLines([{ text: '字'.repeat(28) + '，后', role: 'body' }], 28, 28).map((r) => r.map((p) => p.ch).join(''));
  assert.deepEqual(mark, ['字'.repeat(27), '字，后']);
  // An opening mark never ends a line; a number never breaks, nor leaves its % (LibreOffice adds 0.2 between 字 and 1).
  const open = breakLines([{ text: '字'.repeat(27) + '《法》', role: 'body' }], 28, 28).map((r) => r.map((p) => p.ch).join(''));
  assert.deepEqual(open, ['字'.repeat(27), '《法》']);
  const number = breakLines([{ text: '字'.repeat(26) + '1500卷，100%以上', role: 'body' }], 28, 28).map((r) => r.map((p) => p.ch).join(''));
  assert.deepEqual(number, ['字'.repeat(26), '1500卷，100%以上']);
  // Half-width digits count half: 56 of them fill a line.
  assert.deepEqual(
    breakLines([{ text: '1'.repeat(57), role: 'body' }], 28, 28).map((r) => r.length),
    [56, 1],
  );
});

test('pages: the fixture lays out title, addressee, indented paragraphs, the table and the 落款 on 22-line pages', () => {
  const model = analyze(FULL);
  const blocks = reportBlocks(FULL, model);
  const pages = paginate(
    blocks,
    model.findings.map((f) => ({ line: f.range.start.line, severity: f.severity })),
  );
  const all = pages.flatMap((p) => p.lines);
  assert.deepEqual(
    all.slice(0, 5).map((l) => [l.kind, l.align, lineText(l)]),
    [
      ['title', 'center', '某县司法局'],
      ['title', 'center', '关于2024年度法治政府建设工作情况的报告'],
      ['blank', 'left', ''],
      ['addressee', 'left', '县委、县政府：'],
      ['paragraph', 'justify', '2024年，我局坚持以习近平法治思想为指导，扎实推进法'],
    ],
  );
  const lead = all.filter((l) => l.source === 5);
  assert.equal(lead[0].indent, 2);
  assert.ok(lead.slice(1).every((l) => l.indent === 0));
  assert.ok(
    // Full, less what LibreOffice's space between 2024 and 年 takes (the next character would not fit).
    lead.slice(0, -1).every((l) => textWidth(lineText(l)) + l.indent >= 26.5),
    `full lines: ${lead.map(lineText).join(' / ')}`,
  );
  const sig = all.filter((l) => l.kind === 'signature' || l.kind === 'date');
  assert.deepEqual(
    sig.map((l) => [lineText(l), l.align, l.indent, l.rightIndent]),
    [
      ['某县司法局', 'left', 17.5, 0],
      ['2025年1月20日', 'right', 0, 2],
    ],
  );
  assert.equal(all.filter((l) => l.kind === 'table-row').length, 3);
  assert.equal(all.find((l) => l.source === 10)?.severity, 'warning');
  for (const p of pages) assert.ok(p.lines.reduce((n, l) => n + l.height, 0) <= 22);
  assert.deepEqual(
    pages.map((p) => p.number),
    pages.map((_, i) => i + 1),
  );
});

test('pages: every character of every block is on the pages once, in order', () => {
  const texts = [FULL, readFileSync(join(ROOT, 'examples', 'example.report.txt'), 'utf8')];
  if (haveSeeds) for (let i = 0; i < 5; i++) texts.push(seed(i));
  for (const text of texts) {
    const model = analyze(text);
    const blocks = reportBlocks(text, model);
    const pages = paginate(blocks);
    const strip = (s: string) => s.replace(/\s/g, '');
    assert.equal(strip(pages.flatMap((p) => p.lines.map(lineText)).join('')), strip(blocks.map(blockText).join('')));
    for (const p of pages) assert.ok(p.lines.reduce((n, l) => n + l.height, 0) <= 22);
  }
  assert.deepEqual(
    paginate([]).map((p) => p.lines.length),
    [0],
    'an empty report is one empty page',
  );
});

test('export/ stays pure: no Node built-ins, no LSP, no vscode (the CLI, the server and the web worker share it)', () => {
  const dir = join(ROOT, 'server', 'src', 'export');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length >= 5);
  for (const f of files) {
    const imports = [...readFileSync(join(dir, f), 'utf8').matchAll(/from '([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);
    for (const spec of imports) assert.ok(!/^(node:|vscode|fs$|path$)/.test(spec), `${f} imports ${spec}`);
  }
});
