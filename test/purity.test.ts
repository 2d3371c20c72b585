// Architecture invariants about imports (ARCHITECTURE.md):
// - the core imports no LSP, no VS Code and no Node built-ins;
// - the front ends (server/src outside core/) enter the core only through its façade, core/index.ts;
// - the client (client/src and the webview script in client/preview) shares only the protocol module with the server;
// - the protocol module imports nothing;
// - inside the core, imports flow one way through its layers (LAYERS below).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '..', '..');
const SERVER = join(ROOT, 'server', 'src');
const CORE = join(SERVER, 'core');
/** The thin client: the extension (client/src) and the preview's webview script (client/preview). */
const CLIENT = join(ROOT, 'client');
const PROTOCOL = join(SERVER, 'protocol.ts');
const BANNED =
  /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:[^'"]+|vscode(?:-[\w-]+)?|fs|path|os|child_process|worker_threads|util|url|crypto)(?:\/[^'"]*)?['"]/;
const IMPORT = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^import\s+)['"]([^'"]+)['"]/gm;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The relative imports of a file, resolved to paths without extension. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((m) => m[1])
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s));
}

const inside = (dir: string, path: string) => path === dir || path.startsWith(dir + sep);
const rel = (p: string) => relative(ROOT, p).split(sep).join('/');

/** Imports from `file` into core/ that are not the façade. */
function pastTheFacade(file: string): string[] {
  return relativeImports(file)
    .filter((p) => inside(CORE, p) && p !== CORE && p !== join(CORE, 'index'))
    .map((p) => `${rel(file)} → ${rel(p)}`);
}

test('core stays pure: no Node built-ins, no LSP, no vscode imports', () => {
  const offenders = files(CORE).filter((f) => BANNED.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
  assert.ok(files(CORE).length > 5, 'the core was found');
});

test('the purity check catches a banned import', () => {
  assert.ok(BANNED.test("import { readFileSync } from 'node:fs';"));
  assert.ok(BANNED.test("import { x } from 'vscode-languageserver';"));
  assert.ok(!BANNED.test("import { analyze } from './index';"));
});

test('lsp/, cli/ and every other front end import the core only through its façade (core/index.ts)', () => {
  const frontEnds = files(SERVER).filter((f) => !inside(CORE, f));
  assert.ok(
    frontEnds.some((f) => f.includes(`${sep}lsp${sep}`)) && frontEnds.some((f) => f.includes(`${sep}cli${sep}`)),
    'lsp/ and cli/ were found',
  );
  assert.deepEqual(frontEnds.flatMap(pastTheFacade), []);
  // The check itself: an import past the façade is caught, the façade is not.
  const lsp = join(SERVER, 'lsp', 'features', 'x.ts');
  const probe = (spec: string) =>
    inside(CORE, resolve(dirname(lsp), spec)) && ![CORE, join(CORE, 'index')].includes(resolve(dirname(lsp), spec));
  assert.ok(probe('../../core/views'));
  assert.ok(!probe('../../core'));
  assert.ok(!probe('../../core/index'));
});

test('the client shares nothing with the server but the protocol module', () => {
  const offenders = files(CLIENT).flatMap((f) =>
    relativeImports(f)
      .filter((p) => inside(SERVER, p) && p !== PROTOCOL.replace(/\.ts$/, ''))
      .map((p) => `${rel(f)} → ${rel(p)}`),
  );
  assert.deepEqual(offenders, []);
  assert.ok(
    files(CLIENT).some((f) => relativeImports(f).includes(PROTOCOL.replace(/\.ts$/, ''))),
    'the client uses the protocol module',
  );
  assert.ok(
    files(CLIENT).some((f) => f.includes(`${sep}preview${sep}`)),
    'the preview webview script is scanned',
  );
});

test('the protocol module imports nothing (client and server both bundle it)', () => {
  assert.deepEqual(
    [...readFileSync(PROTOCOL, 'utf8').matchAll(IMPORT)].map((m) => m[1]),
    [],
  );
});

/**
 * The core's layers, lowest first: a file may import its own layer and those below, never one above
 * (type-only imports too). The tree reads as the pipeline: text → lines → document → edits →
 * analyses → rules → analyze → features. Where does X go? In the lowest layer that has all it needs.
 */
const LAYERS: readonly (readonly string[])[] = [
  // the vocabulary every layer speaks: the model's types, messages, severities, profile types, word lists;
  // and the instances kept for their shape (keptShapes.ts: a V8 matter any layer's classes may need)
  ['model.ts', 'messages.ts', 'severity.ts', 'profileTypes.ts', 'keptShapes.ts', 'data/'],
  // text: the line index and its updates, widths, numerals, the line cache
  ['text/'],
  // lines: what one line is (debris, chrome, run-on, hard wraps, heading shapes, frame lines)
  ['lines/'],
  // document: the outline, the header and signature, parts, ordinals, profiles
  ['document/'],
  // edits: text edits built from the document (skeletons, renumbering, fixes)
  ['edits/'],
  // analyses over the document: figures, references, similarity
  ['figures/', 'references/', 'similarity/'],
  // rules, with what a rule may read (context.ts)
  ['rules/'],
  // the analysis: text in, model out
  ['analyze.ts', 'sizeGuard.ts'],
  // features over the model; the workspace around one report (last year's report, similar reports)
  ['features/', 'workspace/'],
  // the façade
  ['index.ts'],
];

/** The layer of a core file (its path under core/), or -1 when no layer names it. */
function layerOf(path: string): number {
  const p = path.endsWith('.ts') || path.endsWith('.json') ? path : `${path}.ts`;
  return LAYERS.findIndex((names) => names.some((n) => (n.endsWith('/') ? p.startsWith(n) : p === n)));
}

/** A core import path resolved to a file path under core/ (a folder import is its index.ts). */
function coreTarget(resolved: string): string {
  const r = relative(CORE, resolved).split(sep).join('/');
  if (r.endsWith('.json')) return r;
  return existsSync(`${resolved}.ts`) ? `${r}.ts` : `${r}/index.ts`;
}

test('every core file belongs to a layer, and imports flow one way: text → lines → document → edits → analyses → rules → analyze → features', () => {
  const unplaced = files(CORE)
    .map((f) => relative(CORE, f).split(sep).join('/'))
    .filter((f) => layerOf(f) < 0);
  assert.deepEqual(unplaced, [], 'files under core/ that no layer names');
  const upward = files(CORE).flatMap((f) => {
    const from = layerOf(relative(CORE, f).split(sep).join('/'));
    return relativeImports(f)
      .filter((p) => inside(CORE, p))
      .map(coreTarget)
      .filter((to) => layerOf(to) > from)
      .map((to) => `${rel(f)} (layer ${from}) → core/${to} (layer ${layerOf(to)})`);
  });
  assert.deepEqual(upward, []);
  // The check itself: a rule importing a feature is caught, a rule importing a line helper is not.
  assert.ok(layerOf('features/views.ts') > layerOf('rules/headingStyle.ts'));
  assert.ok(layerOf('lines/segments.ts') < layerOf('rules/headingStyle.ts'));
  assert.equal(layerOf('figures/index.ts'), layerOf('figures/extract.ts'));
});

test('no import cycle inside the core (a module never needs itself, through any chain of imports)', () => {
  const edges = new Map(
    files(CORE).map((f) => [
      relative(CORE, f).split(sep).join('/'),
      relativeImports(f)
        .filter((p) => inside(CORE, p))
        .map(coreTarget)
        .filter((t) => t.endsWith('.ts')),
    ]),
  );
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (f: string, path: string[]) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      cycles.push([...path.slice(path.indexOf(f)), f].join(' → '));
      return;
    }
    state.set(f, 'open');
    for (const t of edges.get(f) ?? []) visit(t, [...path, f]);
    state.set(f, 'done');
  };
  for (const f of edges.keys()) visit(f, []);
  assert.deepEqual(cycles, []);
  assert.ok([...edges.values()].flat().length > 100, 'the imports were read');
});
