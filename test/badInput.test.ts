// The bad-input battery, through the real server over stdio: whatever a clerk pastes, every
// request the server advertises gets an answer with ranges inside the document, and the server
// is still there for the next document.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic, DocumentSymbol, FoldingRange, SelectionRange } from 'vscode-languageserver-protocol';
import { badInputs } from './support/badInputs';
import { useServer } from './support/serverSuite';
import { before, contains, insideDocument, lastPosition, lineLengths } from './support/ranges';

const GOOD = '关于2024年法治政府建设情况的报告\n一、主要举措和成效\n二、存在的不足和原因\n三、2025年工作安排\n';

function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

/** Children inside their parent, siblings in order and disjoint, the name inside its section. */
function assertNested(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  symbols.forEach((s, i) => {
    assert.ok(contains(s.range, s.selectionRange), `${s.name.slice(0, 20)}: selection outside its range`);
    if (parent) assert.ok(contains(parent.range, s.range), `${s.name.slice(0, 20)} outside its parent`);
    if (i > 0) assert.ok(before(symbols[i - 1].range.end, s.range.start), `${s.name.slice(0, 20)} overlaps its sibling`);
    assertNested(s.children ?? [], s);
  });
}

describe('bad input never kills the server', () => {
  const suite = useServer();

  async function stillAlive(): Promise<void> {
    const { server } = suite;
    const uri = suite.uri('alive');
    const diagnostics = await server.open(uri, GOOD);
    assert.ok(diagnostics.some((d) => d.code === 'missing-part'));
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 3);
    await server.close(uri);
    assert.equal(server.process.exitCode, null);
  }

  for (const input of badInputs) {
    // The bound: a case that hangs fails here instead of stalling CI.
    test(input.name, { timeout: 60_000 }, async () => {
      const text = input.text();
      const lens = lineLengths(text);
      const end = lastPosition(text);
      const { server } = suite;
      const uri = suite.uri('bad');
      const textDocument = { uri };
      const diagnostics = await server.open(uri, text);
      for (const d of diagnostics) assert.ok(insideDocument(d.range, lens), `diagnostic ${d.code} outside the document`);

      const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
      for (const s of flatten(symbols)) {
        assert.ok(
          insideDocument(s.range, lens) && insideDocument(s.selectionRange, lens),
          `symbol ${s.name.slice(0, 20)} outside the document`,
        );
      }
      assertNested(symbols);
      if (input.huge) {
        // Declined by the size guard, and it says so.
        assert.deepEqual(
          diagnostics.map((d) => d.code),
          ['too-large'],
        );
        assert.deepEqual(symbols, []);
      } else {
        await everyOtherRequest(textDocument, diagnostics, lens, end);
      }
      await server.close(uri);
      await stillAlive();
    });
  }

  async function everyOtherRequest(
    textDocument: { uri: string },
    diagnostics: Diagnostic[],
    lens: number[],
    end: { line: number; character: number },
  ): Promise<void> {
    const { server } = suite;
    const folds = await server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument });
    for (const f of folds) assert.ok(f.startLine <= f.endLine && f.endLine < lens.length);
    const middle = { line: lens.length >> 1, character: lens[lens.length >> 1] >> 1 };
    const positions = [{ line: 0, character: 0 }, middle, end];
    const selections = await server.request<SelectionRange[]>('textDocument/selectionRange', { textDocument, positions });
    assert.equal(selections.length, positions.length);
    for (let s: SelectionRange | undefined = selections[1]; s; s = s.parent) assert.ok(insideDocument(s.range, lens));

    const caps = server.capabilities;
    for (const position of positions) {
      if (caps.hoverProvider) await server.request('textDocument/hover', { textDocument, position });
      if (caps.completionProvider) await server.request('textDocument/completion', { textDocument, position });
    }
    if (caps.codeActionProvider) {
      const range = { start: { line: 0, character: 0 }, end };
      await server.request('textDocument/codeAction', { textDocument, range, context: { diagnostics } });
    }
    if (caps.codeLensProvider) await server.request('textDocument/codeLens', { textDocument });
    if (caps.semanticTokensProvider) await server.request('textDocument/semanticTokens/full', { textDocument });
  }
});

test(
  'the CLI checks every bad input in one run: JSON for each file, ranges inside, exit 2 (the huge one was not analysed)',
  { timeout: 120_000 },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-bad-'));
    const texts = new Map<string, string>();
    const inputs = badInputs.filter((b) => !b.slow);
    inputs.forEach((input, i) => {
      const name = `bad${String(i).padStart(2, '0')}.report.txt`; // a report by its name: checked whatever it holds
      writeFileSync(join(dir, name), input.text());
      // What the CLI reads back: UTF-8 (a lone surrogate became U+FFFD), the leading BOM dropped.
      texts.set(name, readFileSync(join(dir, name), 'utf8').replace(/^\ufeff/, ''));
    });
    const r = spawnSync(process.execPath, [resolve(__dirname, '..', '..', 'dist', 'cli.js'), 'check', dir, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    // Exit 2: the huge input is over the ceiling (too-large), so not every file was checked.
    assert.equal(r.status, 2, r.stderr);
    const files: { file: string; outline: DocumentSymbol[]; diagnostics: Diagnostic[] }[] = JSON.parse(r.stdout);
    assert.equal(files.length, inputs.length);
    for (const f of files) {
      const lens = lineLengths(texts.get(basename(f.file))!);
      for (const d of f.diagnostics) assert.ok(insideDocument(d.range, lens), `${f.file}: ${d.code} outside the document`);
      for (const s of flatten(f.outline))
        assert.ok(insideDocument(s.range, lens), `${f.file}: ${s.name.slice(0, 20)} outside the document`);
    }
    const huge = files.find((f) => basename(f.file) === `bad${String(inputs.findIndex((b) => b.huge)).padStart(2, '0')}.report.txt`)!;
    assert.deepEqual(
      huge.diagnostics.map((d) => d.code),
      ['too-large'],
    );
  },
);
