// Property-based tests (fast-check) over generated report drafts and random edits. Run counts
// are bounded so the suite stays fast; a failure prints the seed and the shrunk counterexample.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  SemanticTokens,
  FoldingRange,
  Position as LspPosition,
} from 'vscode-languageserver-protocol';
import { checkProfile } from '../server/src/config/workspaceConfig';
import { analyze, compileProfile, type OutlineNode, type Range, type ReportModel, type TextEdit } from '../server/src/core';
import { renumberAll } from '../server/src/core/edits/fixes';
import { useServer } from './support/serverSuite';
import { before as notAfter, contains, insideDocument, lastPosition, lineLengths } from './support/ranges';
import { anyText, offsetEdit, reportText, structuralSoup, workspaceProfile, type OffsetEdit } from './support/reportArb';
import { runOnPage } from './support/runOnArb';
import { applyEdits as applyLspEdits } from './support/edits';
import { fixAllCodes, mergeEdits } from '../server/src/core';
import { blockText, reportBlocks } from '../server/src/export/blocks';

// GOVREPORT_PROPERTY_RUNS=5000 for a longer bug hunt.
const RUNS = Number(process.env.GOVREPORT_PROPERTY_RUNS) || 200;
fc.configureGlobal({ includeErrorInReport: true });

function* walk(nodes: readonly OutlineNode[]): Generator<OutlineNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

function allRanges(m: ReportModel): [string, Range][] {
  const out: [string, Range][] = [];
  for (const n of walk(m.outline))
    out.push([`range of ${n.name}`, n.range], [`selection of ${n.name}`, n.selectionRange], [`ordinal of ${n.name}`, n.ordinal.range]);
  for (const f of m.findings) {
    out.push([`finding ${f.code}`, f.range]);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) out.push([`fix ${fix.title}`, e.range]);
  }
  for (const d of m.debris) out.push([`debris ${d.text}`, d.range]);
  const h = m.header;
  for (const s of [...h.bodies, h.title, h.addressee, h.lead, ...(m.signature?.bodies ?? []), m.signature?.date])
    if (s) out.push([`span ${s.text}`, s.range]);
  return out;
}

/** Offsets of a text in LSP geometry (CR, LF, CRLF breaks). */
function offsetOf(text: string, p: { line: number; character: number }): number {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let line = 0; line < p.line; line++) {
    const m = re.exec(text);
    if (!m) return text.length;
    start = m.index + m[0].length;
  }
  re.lastIndex = start;
  const next = re.exec(text);
  const end = next ? next.index : text.length;
  return Math.min(start + p.character, end);
}

function positionOf(text: string, offset: number): LspPosition {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Applies LSP-style edits (non-overlapping, positions in the original text). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const spans = edits.map((e) => ({ from: offsetOf(text, e.range.start), to: offsetOf(text, e.range.end), text: e.newText }));
  spans.sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  for (const s of spans) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}

/** A text's words: without white space, up to character width. */
const words = (s: string) => s.replace(/[\s\u3000]+/g, '').normalize('NFKC');

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (i < needle.length && ch === needle[i]) i++;
  return i === needle.length;
}

/** Offsets a fix may delete: debris and ordinals. */
function removableSpans(text: string, model: ReportModel): (readonly [number, number])[] {
  return [...model.debris.map((d) => d.range), ...[...walk(model.outline)].map((n) => n.ordinal.range)].map(
    (r) => [offsetOf(text, r.start), offsetOf(text, r.end)] as const,
  );
}

/** Edits inside the document, disjoint, and removing nothing of the writer's but debris, ordinals and white space. */
function checkEdits(text: string, removable: readonly (readonly [number, number])[], edits: readonly TextEdit[], title: string): void {
  const lens = lineLengths(text);
  const sorted = [...edits].sort((a, b) => offsetOf(text, a.range.start) - offsetOf(text, b.range.start));
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    assert.ok(insideDocument(e.range, lens), `${title}: edit outside the document`);
    if (i > 0) assert.ok(notAfter(sorted[i - 1].range.end, e.range.start), `${title}: overlapping edits`);
    // What the edit removes, less debris, ordinals and white space, must survive in its new text
    // (up to character width: （ for ( is the same word).
    let words = '';
    for (let at = offsetOf(text, e.range.start); at < offsetOf(text, e.range.end); at++) {
      if (/[\s\u3000\ufeff]/.test(text[at]) || removable.some(([a, b]) => a <= at && at < b)) continue;
      words += text[at];
    }
    assert.ok(
      isSubsequence(words.normalize('NFKC'), e.newText.normalize('NFKC')),
      `${title} removes the writer's text ${JSON.stringify(words)}`,
    );
  }
}

describe('properties of the analysis (core)', () => {
  test('the parser never throws, on drafts and on arbitrary Unicode', () => {
    fc.assert(
      fc.property(reportText, (text) => void analyze(text)),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(structuralSoup, (text) => void analyze(text)),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void analyze(text)),
      { numRuns: RUNS },
    );
  });

  test('every range lies inside the document', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const lens = lineLengths(text);
        for (const [what, r] of allRanges(analyze(text))) assert.ok(insideDocument(r, lens), `${what}: ${JSON.stringify(r)}`);
      }),
      { numRuns: RUNS },
    );
  });

  test('symbol ranges nest: children inside their parent, siblings ordered and disjoint, the heading inside its section', () => {
    const check = (nodes: readonly OutlineNode[], parent?: OutlineNode) => {
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        assert.ok(contains(n.range, n.selectionRange), `${n.name}: selection outside range`);
        if (parent) assert.ok(contains(parent.range, n.range), `${n.name} outside its parent ${parent.name}`);
        if (i > 0) assert.ok(notAfter(nodes[i - 1].range.end, n.range.start), `${nodes[i - 1].name} overlaps ${n.name}`);
        check(n.children, n);
      }
    };
    fc.assert(
      fc.property(anyText, (text) => check(analyze(text).outline)),
      { numRuns: RUNS },
    );
  });

  test('quick fixes: edits inside the document, disjoint, removing only debris, ordinals or space; an inserted part is there', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const model = analyze(text);
        const removable = removableSpans(text, model);
        for (const f of model.findings) {
          for (const fix of f.fixes ?? []) {
            checkEdits(text, removable, fix.edits, fix.title);
            // A missing part, once inserted, is there (other rules' fixes may leave work for the writer).
            if (f.code !== 'missing-part') continue;
            const after = analyze(applyEdits(text, fix.edits));
            const again = after.findings.find((g) => g.code === f.code && JSON.stringify(g.data) === JSON.stringify(f.data));
            assert.equal(again, undefined, `${fix.title}: ${f.code} ${JSON.stringify(f.data)} still reported`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('fix-all on text that lost its line breaks keeps every piece of the writer (words in = words out, debris aside), and so does export', () => {
    fc.assert(
      fc.property(runOnPage, ({ text, writer }) => {
        const m = analyze(text);
        const edits = mergeEdits(m.findings.filter((f) => fixAllCodes.has(f.code) && f.fixes?.length).flatMap((f) => f.fixes![0].edits));
        const fixed = words(applyLspEdits(text, edits));
        const exported = words(reportBlocks(text, m).map(blockText).join(''));
        for (const piece of writer) {
          assert.ok(fixed.includes(words(piece)), `fix-all removes ${piece}`);
          assert.ok(exported.includes(words(piece)), `export drops ${piece}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('renumbering is idempotent: renumbered once, a second renumbering has nothing to do', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = applyEdits(text, renumberAll(analyze(text)));
        assert.deepEqual(renumberAll(analyze(once)), []);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties of workspace profiles', () => {
  test('any schema-valid profile from a .govreport.json: analysis never throws, ranges and fixes stay inside the document', () => {
    fc.assert(
      fc.property(workspaceProfile, reportText, (definition, text) => {
        const checked = checkProfile(definition);
        assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.errors));
        const errors: string[] = [];
        const model = analyze(text, {
          profile: compileProfile(checked.value),
          onRuleError: (code, e) => errors.push(`${code}: ${String(e)}`),
        });
        assert.deepEqual(errors, []);
        const lens = lineLengths(text);
        for (const [what, r] of allRanges(model)) assert.ok(insideDocument(r, lens), `${what}: ${JSON.stringify(r)}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties through the server', () => {
  const suite = useServer();

  async function observe(uri: string, diagnostics: Diagnostic[]) {
    const { server } = suite;
    const textDocument = { uri };
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
    const folds = await server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument });
    return { diagnostics, symbols, folds };
  }

  test('code actions (quick fixes, fix all, source.fixAll) carry edits that stay inside and remove no words', async () => {
    await fc.assert(
      fc.asyncProperty(reportText, async (text) => {
        const { server } = suite;
        const uri = suite.uri('actions');
        const diagnostics = await server.open(uri, text);
        const range = { start: { line: 0, character: 0 }, end: lastPosition(text) };
        const quick = await server.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range,
          context: { diagnostics },
        });
        const all = await server.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range,
          context: { diagnostics: [], only: ['source.fixAll'] },
        });
        await server.close(uri);
        const removable = removableSpans(text, analyze(text));
        for (const action of [...quick, ...all]) {
          const edits = action.edit?.changes?.[uri] ?? [];
          assert.deepEqual(
            Object.keys(action.edit?.changes ?? {}).filter((u) => u !== uri),
            [],
            'edits only this document',
          );
          checkEdits(text, removable, edits, action.title);
        }
      }),
      { numRuns: Math.max(10, RUNS / 4) },
    );
  });

  test('source.fixAll through the server on text that lost its line breaks keeps every piece of the writer', async () => {
    await fc.assert(
      fc.asyncProperty(runOnPage, async ({ text, writer }) => {
        const { server } = suite;
        const uri = suite.uri('runon');
        await server.open(uri, text);
        const all = await server.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: lastPosition(text) },
          context: { diagnostics: [], only: ['source.fixAll'] },
        });
        await server.close(uri);
        const fixed = words(applyLspEdits(text, all.flatMap((a) => a.edit?.changes?.[uri] ?? []) as TextEdit[]));
        for (const piece of writer) assert.ok(fixed.includes(words(piece)), `source.fixAll removes ${piece}`);
      }),
      { numRuns: Math.max(10, RUNS / 4) },
    );
  });

  test('hover, completion and semantic tokens anywhere (when offered) answer inside the document', async () => {
    const caps = suite.server.capabilities;
    await fc.assert(
      fc.asyncProperty(anyText, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), async (text, offsets) => {
        const { server } = suite;
        const uri = suite.uri('anywhere');
        const textDocument = { uri };
        await server.open(uri, text);
        const lens = lineLengths(text);
        for (const o of offsets) {
          const position = positionOf(text, o % (text.length + 1));
          if (caps.hoverProvider) {
            const hover = await server.request<Hover | null>('textDocument/hover', { textDocument, position });
            if (hover?.range) assert.ok(insideDocument(hover.range, lens), `hover ${JSON.stringify(hover.range)}`);
          }
          if (caps.completionProvider) {
            const result = await server.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
              textDocument,
              position,
            });
            const items = Array.isArray(result) ? result : (result?.items ?? []);
            for (const item of items) {
              const edits = [...(item.textEdit && 'range' in item.textEdit ? [item.textEdit] : []), ...(item.additionalTextEdits ?? [])];
              for (const e of edits) assert.ok(insideDocument(e.range, lens), `completion ${item.label}: ${JSON.stringify(e.range)}`);
            }
          }
        }
        if (caps.semanticTokensProvider) {
          const tokens = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument });
          let line = 0;
          let char = 0;
          for (let i = 0; i < tokens.data.length; i += 5) {
            const [dl, dc, length] = tokens.data.slice(i, i + 3);
            line += dl;
            char = dl === 0 ? char + dc : dc;
            assert.ok(line < lens.length && char + length <= lens[line] && length > 0, `token at ${line}:${char}+${length}`);
          }
        }
        await server.close(uri);
      }),
      { numRuns: Math.max(10, RUNS / 4) },
    );
  });

  test('re-analysing after incremental edits equals analysing the full new text', async () => {
    await fc.assert(
      fc.asyncProperty(reportText, fc.array(offsetEdit, { minLength: 1, maxLength: 6 }), async (initial, edits: OffsetEdit[]) => {
        const { server } = suite;
        const uri = suite.uri('prop');
        await server.open(uri, initial);
        let text = initial;
        let version = 1;
        let diagnostics: Diagnostic[] = [];
        for (const e of edits) {
          let from = e.from % (text.length + 1);
          // An LSP position cannot point between CR and LF: step back to the line end.
          if (from > 0 && text[from - 1] === '\r' && text[from] === '\n') from--;
          let to = Math.min(text.length, from + e.length);
          if (to > 0 && to < text.length && text[to - 1] === '\r' && text[to] === '\n') to++;
          const range = { start: positionOf(text, from), end: positionOf(text, to) };
          text = text.slice(0, from) + e.text + text.slice(to);
          diagnostics = await server.change(uri, ++version, [{ range, text: e.text }]);
        }
        const incremental = await observe(uri, diagnostics);
        const freshUri = suite.uri('prop');
        const full = await observe(freshUri, await server.open(freshUri, text));
        await server.close(uri);
        await server.close(freshUri);
        assert.deepEqual(incremental, full);
      }),
      { numRuns: Math.max(10, RUNS / 5) },
    );
  });
});
