// Positions are LSP positions: UTF-16 units of the text exactly as the client sent it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { TextIndex } from '../server/src/core';
import { useServer } from './support/serverSuite';

const LF =
  '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n（一）强化领导。一是健全机制。\n二、存在的不足和原因\n内容。\n三、2025年工作安排\n内容。\n';

describe('positions over the protocol', () => {
  const suite = useServer();

  async function look(text: string) {
    const { server } = suite;
    const uri = suite.uri('pos');
    const diagnostics: Diagnostic[] = await server.open(uri, text);
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const folds = await server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    return { diagnostics, symbols, folds };
  }

  test('a character outside the BMP counts two units', async () => {
    const { symbols, diagnostics } = await look(
      '😀关于2024年法治政府建设情况的报告\n一、𠀀主要举措和成效\n二、存在的不足和原因\n三、2025年工作安排\n',
    );
    // 一、 (2) + 𠀀 (2: a surrogate pair) + 主要举措和成效 (7) = 11.
    assert.equal(symbols[0].name, '一、𠀀主要举措和成效');
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
    // The title line: 😀 (2) + 18.
    assert.deepEqual(diagnostics[0].range.end, { line: 0, character: 20 });
  });

  test('CRLF, lone CR and LF give the same line/character for the same content', async () => {
    const lf = await look(LF);
    assert.deepEqual(await look(LF.replace(/\n/g, '\r\n')), lf);
    assert.deepEqual(await look(LF.replace(/\n/g, '\r')), lf);
    assert.deepEqual(lf.symbols[0].range, { start: { line: 1, character: 0 }, end: { line: 2, character: 15 } });
  });

  test('a BOM present in the text counts one unit on line 0 and nothing after it', async () => {
    const lf = await look(LF);
    const bom = await look('\ufeff' + LF);
    assert.deepEqual(bom.symbols, lf.symbols);
    // Line 0 moves by the BOM's one unit; everything below stays put.
    const shift = (p: { line: number; character: number }) => (p.line === 0 ? { line: 0, character: p.character + 1 } : p);
    assert.deepEqual(
      bom.diagnostics.map((d) => d.range),
      lf.diagnostics.map((d) => ({ start: shift(d.range.start), end: shift(d.range.end) })),
    );
  });
});

test('TextIndex: offsets are UTF-16 units; CR, LF and CRLF are one line break each', () => {
  const index = new TextIndex('a😀b\r\nc\rd\ne');
  assert.deepEqual(index.positionAt(3), { line: 0, character: 3 }); // after the surrogate pair
  assert.deepEqual(index.positionAt(5), { line: 0, character: 4 }); // inside CRLF: clamped to the line end
  assert.deepEqual(index.positionAt(6), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(8), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
  assert.equal(index.offsetAt({ line: 2, character: 99 }), 9);
  assert.equal(index.lineCount, 4);
});

test('TextIndex: the lines and their starts, with LF only (searched break to break) and with CR, as the text splits; its line break', () => {
  // A text without CR is split by searching for LF (lineIndex.ts splitLines); one with a CR character by character.
  const chars = ['a', '中', '\n', '\n', ' ', '\r'];
  for (let seed = 1; seed <= 3000; seed++) {
    let x = seed;
    const pick = () => ((x = (x * 1103515245 + 12345) % 2147483648), x % chars.length);
    const n = seed % 12;
    let text = '';
    for (let k = 0; k < n; k++) text += chars[pick()];
    if (seed % 2 === 0) text = text.replace(/\r/g, '');
    const index = new TextIndex(text);
    const want = text.split(/\r\n|\r|\n/);
    assert.deepEqual(
      index.lines.map((l) => l.text),
      want,
      JSON.stringify(text),
    );
    // The line break a fix inserts: CRLF when the text has one anywhere (read from the starts, not searched).
    assert.equal(index.lineBreak, text.includes('\r\n') ? '\r\n' : '\n', JSON.stringify(text));
    for (let i = 0; i < want.length; i++) {
      assert.equal(index.lines[i].index, i);
      assert.equal(text.slice(index.lineStart(i), index.lineEnd(i)), want[i], `${JSON.stringify(text)} line ${i}`);
    }
  }
});

test('the CLI strips a BOM: the same JSON with and without it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-pos-'));
  writeFileSync(join(dir, 'plain.txt'), LF);
  writeFileSync(join(dir, 'bom.txt'), '\ufeff' + LF);
  const run = (name: string) => {
    const r = spawnSync(
      process.execPath,
      [resolve(__dirname, '..', '..', 'dist', 'cli.js'), 'check', join(dir, name), '--format', 'json'],
      { encoding: 'utf8' },
    );
    const [file] = JSON.parse(r.stdout);
    delete file.file;
    return file;
  };
  const plain = run('plain.txt');
  assert.deepEqual(run('bom.txt'), plain);
  assert.equal(plain.title, '关于2024年法治政府建设情况的报告');
  assert.deepEqual(plain.diagnostics[0].range.start, { line: 0, character: 0 });
});
