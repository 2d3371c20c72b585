// Pattern safety of the code itself (issue 12): every regular expression the checker runs — the literals
// written in server/src and the patterns the code builds with `new RegExp` (joined vocabularies, headings,
// profiles) — is proven free of super-linear backtracking by recheck, the checker that guards the
// patterns of .govreport.json. A pattern recheck flags must be rewritten (a lookbehind such as
// `(?<![ \t])[ \t]+$` makes a trailing-run pattern linear), or listed in LINEAR_ANYWAY with why it is
// linear all the same and recheck's attack on it run at a million characters.
/* eslint-disable @typescript-eslint/no-require-imports -- modules are required after RegExp is watched, on purpose */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { judgePattern } from '../../server/src/config/patternSafety';
import { builtinPatterns } from '../support/patterns';

const ROOT = resolve(__dirname, '..', '..');
const SRC = join(ROOT, 'server', 'src');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');

/** How long recheck may take on one pattern (the slowest built-in one takes ~7 s on a busy machine). */
const TIMEOUT_MS = 60_000;

/**
 * Patterns recheck flags that are linear all the same, each with why; each is run below on the attack
 * string recheck builds for it, at a million characters.
 */
const LINEAR_ANYWAY: readonly { name: string; why: string; matches: (source: string) => boolean; attack: (n: number) => string }[] = [
  {
    name: 'core/chrome.ts LABEL (a field name, then a colon)',
    why:
      'recheck cannot build an automaton for this alternation of ~100 field names and falls back to fuzzing, which counts its own ' +
      'steps; each start fails within one field name, and V8 runs the fuzz attack in linear time',
    matches: (s) => s.startsWith(String.raw`(?:公[ \t\u3000]*开[ \t\u3000]*责`) && s.endsWith(String.raw`)\s*[:：]`),
    attack: (n) => `${'稿发'.repeat(n / 2)}所信发原访`,
  },
  {
    name: 'core/chrome.ts LABEL, bracketed ([ 索引号 ]), and LABEL_AT_START',
    why:
      'the same alternation of field names between brackets (one list since every label is decided by its block): recheck falls ' +
      'back to fuzzing, which finds an "attack" on some runs and not on others; each start fails within one bracket and one field name',
    matches: (s) =>
      (s.startsWith(String.raw`[\[【［〔]\s*(?:公[ \t\u3000]*开[ \t\u3000]*责`) && s.endsWith(String.raw`)\s*[\]】］〕]\s*[:：]?`)) ||
      (s.startsWith(String.raw`^[【\[]?\s*(?:[\[【［〔]\s*(?:公[ \t\u3000]*开`) && s.endsWith(String.raw`)\s*[:：])`)),
    attack: (n) => `${'【 稿发'.repeat(n / 4)}所`,
  },
];

interface Found {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

/** Every regular-expression literal in server/src (generated code aside), with where it is written. */
function literals(): Found[] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.split(/[\\/]/).includes('generated'),
  );
  const found: Found[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const slash = text.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
        found.push({ where: `${file.replace(/\\/g, '/')}:${line}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

/**
 * Every pattern the code builds with `new RegExp` (or `RegExp(…)`) while its modules load and while it
 * analyses the fixtures and seeds: RegExp is watched, then the modules are required and run. The core
 * and the PDF layout reader only: the other intake and export modules build none of their own, and the
 * libraries they load (an XML parser's grammar) are not ours to rewrite.
 */
let builtOnce: Found[] | undefined;
function built(): Found[] {
  return (builtOnce ??= watchBuilt());
}

/** The modules are required once: a second watch would miss the patterns they build as they load. */
function watchBuilt(): Found[] {
  const seen = new Map<string, Found>();
  const Real = RegExp;
  const record = (r: RegExp) => {
    const key = `${r.source}/${r.flags}`;
    if (!seen.has(key)) seen.set(key, { where: 'new RegExp', source: r.source, flags: r.flags });
    return r;
  };
  globalThis.RegExp = new Proxy(Real, {
    construct: (target, args, newTarget) => record(Reflect.construct(target, args, newTarget) as RegExp),
    apply: (target, self, args) => record(Reflect.apply(target, self, args) as RegExp),
  });
  try {
    const core = require('../../server/src/core') as typeof import('../../server/src/core');
    require('../../server/src/intake/pdf/layout');
    const texts = [
      ...readdirSync(join(FIXTURES, 'reports')).map((f) => readFileSync(join(FIXTURES, 'reports', f), 'utf8')),
      ...readdirSync(join(FIXTURES, 'intake')).map((f) => readFileSync(join(FIXTURES, 'intake', f), 'utf8')),
      ...textFiles(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8')),
    ];
    for (const text of texts) core.analyze(text);
  } finally {
    globalThis.RegExp = Real;
  }
  return [...seen.values()];
}

/** The .txt files in `dir`, none when it is absent (../shared/seeds is beside CI's clone, not every checkout). */
function textFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.txt'));
  } catch {
    return [];
  }
}

/**
 * The alternatives of a pattern's top level: `(?:a)|(?:b)` → a, b. A pattern that is only such a union
 * (the code joins its vocabularies that way) backtracks, at each position, through each alternative in
 * turn: its work is the sum of theirs, so it is linear when each of them is.
 */
function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const [i, c, depth] of syntax(source))
    if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  parts.push(source.slice(from));
  return parts.map(unwrapGroup);
}

/** `(?:a)` → a, when that group spans the whole alternative. */
function unwrapGroup(alternative: string): string {
  if (!alternative.startsWith('(?:')) return alternative;
  for (const [i, c, depth] of syntax(alternative))
    if (c === ')' && depth === 0) return i === alternative.length - 1 ? alternative.slice(3, -1) : alternative;
  return alternative;
}

/**
 * The characters of a pattern that are its syntax, with their index and the group depth after them:
 * escapes (\| \() and character classes ([|(]) are stepped over, their characters are literals.
 */
function* syntax(source: string): Generator<[index: number, char: string, depth: number]> {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else yield [i, c, (depth += c === '(' ? 1 : c === ')' ? -1 : 0)];
  }
}

/** recheck reads a pattern without g and y (they change where a match starts, not how it backtracks). */
const verdicts = new Map<string, ReturnType<typeof judgePattern>>();
function judge(p: Found) {
  const flags = p.flags.replace(/[gy]/g, '');
  const key = `${p.source}/${flags}`;
  let v = verdicts.get(key);
  if (!v) verdicts.set(key, (v = repeats(p.source) ? judgePattern(p.source, TIMEOUT_MS, flags) : { safe: true }));
  return v;
}

/**
 * Whether a pattern repeats anything (* + ? {n,m} outside a character class and an escape). One that
 * does not does a bounded amount of work at each position, at most its own length: it cannot
 * backtrack super-linearly, and recheck need not be asked (a third of the literals are such).
 */
function repeats(source: string): boolean {
  for (const [i, c] of syntax(source)) if ('*+{'.includes(c) || (c === '?' && source[i - 1] !== '(')) return true; // (?: (?= (?<!: a group
  return false;
}

/**
 * The patterns recheck does not prove safe. `proven` holds sources proven elsewhere (the data files'
 * patterns, by test/patternSafety.test.ts); a union is judged by its alternatives.
 */
function unsafe(patterns: readonly Found[], proven: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  const judged = (s: string) => proven.has(s) || LINEAR_ANYWAY.some((l) => l.matches(s));
  for (const p of patterns) {
    if (judged(p.source)) continue;
    const alternatives = topLevelAlternatives(p.source);
    const parts = alternatives.length > 1 ? alternatives.filter((a) => !judged(a)) : [p.source];
    for (const source of parts) {
      const v = judge({ ...p, source });
      if (!v.safe)
        out.push(`${p.where} /${source}/${p.flags}${source === p.source ? '' : ` (in /${p.source}/)`}: ${v.reason} ${v.detail ?? ''}`);
    }
  }
  return out;
}

describe('the code’s own patterns are linear', () => {
  const written = literals();

  test('the literals are found (the scan itself works)', () => {
    assert.ok(written.length > 150, `only ${written.length} literals found`);
    assert.ok(written.some((p) => p.where.startsWith('core/lines/headingShapes.ts') && p.source.includes('(?<![ \\t\\u3000\\u00a0])')));
  });

  test('a pattern without a repeat is told apart from one with a repeat', () => {
    assert.equal(repeats(String.raw`(?:报告|总结)(?=[（(])\*`), false);
    assert.equal(repeats(String.raw`[*+?{]\d`), false);
    for (const s of ['a*', 'a+', '(?:ab)?', String.raw`\d{2}`, '[x]{1,}']) assert.equal(repeats(s), true, s);
  });

  test('a union is split into its alternatives, and only at its top level', () => {
    assert.deepEqual(topLevelAlternatives(String.raw`(?:a|b)|(?:[|(]\|c)|d(?:e)`), ['a|b', String.raw`[|(]\|c`, 'd(?:e)']);
    assert.deepEqual(topLevelAlternatives('(?:a)(?:b)'), ['(?:a)(?:b)']);
  });

  test('every regular-expression literal in server/src is proven safe by recheck', () => {
    assert.deepEqual(unsafe(written), []);
  });

  test('every pattern built with new RegExp while analysing the fixtures and seeds is proven safe', () => {
    const literal = new Set(written.map((p) => `${p.source}/${p.flags}`));
    const dynamic = built().filter((p) => !literal.has(`${p.source}/${p.flags}`));
    assert.ok(dynamic.length > 20, `only ${dynamic.length} built patterns seen`);
    const proven = new Set([...builtinPatterns().map(([, source]) => source), ...written.map((p) => p.source)]);
    assert.deepEqual(unsafe(dynamic, proven), []);
  });

  for (const l of LINEAR_ANYWAY) {
    test(`linear anyway: ${l.name} (${l.why})`, () => {
      const sources = [...written, ...built()].flatMap((p) => [p.source, ...topLevelAlternatives(p.source)]).filter(l.matches);
      assert.ok(sources.length > 0, `${l.name}: no such pattern any more, take it off the list`);
      const text = l.attack(1_000_000);
      for (const source of new Set(sources)) {
        const re = new RegExp(source, 'g');
        const started = process.cpuUsage();
        for (let m = re.exec(text); m; m = re.exec(text)) if (m[0] === '') re.lastIndex++;
        const used = process.cpuUsage(started);
        assert.ok((used.user + used.system) / 1e6 < 10, `${l.name}: ${text.length} characters took over 10 s`);
      }
    });
  }
});
