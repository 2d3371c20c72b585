// The command line's conventions, as linter users expect them (ESLint, markdownlint-cli2, textlint,
// Vale): --version, help, unknown commands, `-` and `--`, --quiet, --max-warnings, colour, locale,
// text output a reviewer can work through, --fix and --fix-dry-run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { analyze, applyEdits, safeFixEdits, type OutlineNode } from '../server/src/core';
import { CLI, runCli } from './support/cli';
import { reportText } from './support/reportArb';

const ROOT = resolve(__dirname, '..', '..');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The built CLI, run in this process (test/support/cli.ts) or, with `spawn`, as a child process: standard
 * input through a real pipe is the child's.
 */
function cli(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined>; spawn?: boolean } = {},
) {
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, GOVREPORT_LOCALE: undefined, ...options.env };
  const r = options.spawn
    ? spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: options.cwd, input: options.input, env })
    : runCli(args, { cwd: options.cwd, input: options.input, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-conv-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A report with a missing part (an error on line 1), half-width commas (warnings, fixable) and a bookmark (debris, fixable). */
const DRAFT = [
  '关于2024年法治政府建设情况的报告',
  '[bookmark: _GoBack]',
  '一、主要举措和成效',
  '全年组织学法12次,覆盖干部300人。',
  '二、存在的不足和原因',
  '普法形式单一，主要原因是投入不足。',
  '三、2025年工作安排',
  '继续加强普法,提升执法水平。',
  '',
  '某镇人民政府',
  '2025年1月20日',
  '',
].join('\n');

test('--version prints the version; help, help check and --help print usage on stdout with exit 0', () => {
  for (const a of [['--version'], ['-v']]) assert.deepEqual(cli(a), { code: 0, stdout: version + '\n', stderr: '' });
  const help = cli(['help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /govreport check/);
  assert.match(help.stdout, /govreport similar/);
  const check = cli(['help', 'check']);
  assert.equal(check.code, 0);
  for (const o of ['--quiet', '--max-warnings', '--fix', '--fix-dry-run', '--outline', '--no-color'])
    assert.ok(check.stdout.includes(o), o);
  assert.doesNotMatch(check.stdout, /govreport similar/);
  assert.equal(cli(['check', '--help']).stdout, check.stdout);
  const unknownTopic = cli(['help', 'chek']);
  assert.equal(unknownTopic.code, 2);
  assert.match(unknownTopic.stderr, /未知命令 \(unknown command\): chek/);
});

test('an unknown command is an error, not a path; a path still means check', () => {
  const r = cli(['chek', 'reports']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /未知命令 \(unknown command\): chek/);
  assert.equal(r.stdout, '');
  const dir = tmp({ 'a.report.txt': DRAFT });
  const short = cli([join(dir, 'a.report.txt')]);
  assert.equal(short.code, 1, short.stderr);
  assert.match(short.stdout, /missing-part/);
});

test('- reads the report from standard input (decoded as a file is); -- ends the options', () => {
  const r = cli(['check', '-', '--format', 'json'], { input: iconv.encode(DRAFT, 'gb18030'), spawn: true });
  assert.equal(r.code, 1, r.stderr);
  const [file] = JSON.parse(r.stdout) as { file: string; title: string }[];
  assert.equal(file.file, '<stdin>');
  assert.equal(file.title, '关于2024年法治政府建设情况的报告');
  const text = cli(['text', '-'], { input: DRAFT, spawn: true });
  assert.equal(text.code, 0, text.stderr);
  assert.equal(text.stdout, DRAFT + '\n');
  // A file whose name starts with a dash is a path after --.
  const dir = tmp({ '--quiet.report.txt': DRAFT });
  const dashed = cli(['check', '--format', 'json', '--', '--quiet.report.txt'], { cwd: dir });
  assert.equal(dashed.code, 1, dashed.stderr);
  assert.equal((JSON.parse(dashed.stdout) as { file: string }[])[0].file, '--quiet.report.txt');
  assert.equal(cli(['check', '-', '--fix'], { input: DRAFT }).code, 2);
});

test('--quiet shows errors only; --max-warnings N exits 1 past N warnings (counted before --quiet)', () => {
  const dir = tmp({ 'a.report.txt': DRAFT });
  const file = join(dir, 'a.report.txt');
  const all = JSON.parse(cli(['check', file, '--format', 'json']).stdout)[0].diagnostics as { severity: string }[];
  const warnings = all.filter((d) => d.severity === 'warning').length;
  assert.ok(warnings >= 2 && all.some((d) => d.severity === 'error'));
  const quiet = JSON.parse(cli(['check', file, '--format', 'json', '--quiet']).stdout)[0].diagnostics as { severity: string }[];
  assert.deepEqual(
    quiet.map((d) => d.severity),
    all.filter((d) => d.severity === 'error').map((d) => d.severity),
  );
  assert.doesNotMatch(cli(['check', file, '-q']).stdout, /警告 {2}/);
  // Only warnings decide --max-warnings; a report without errors shows the exit code alone.
  const clean = tmp({
    'b.report.txt': DRAFT.replace(
      '二、存在的不足和原因',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n三、存在的不足和原因',
    ).replace('三、2025', '四、2025'),
  });
  const bFile = join(clean, 'b.report.txt');
  const bWarnings = (JSON.parse(cli(['check', bFile, '--format', 'json']).stdout)[0].diagnostics as { severity: string }[]).filter(
    (d) => d.severity === 'warning',
  ).length;
  assert.equal(cli(['check', bFile]).code, 0);
  assert.equal(cli(['check', bFile, '--max-warnings', String(bWarnings)]).code, 0);
  const over = cli(['check', bFile, '--max-warnings', String(bWarnings - 1), '--quiet']);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /超过 --max-warnings/);
  assert.equal(cli(['check', bFile, '--max-warnings', 'many']).code, 2);
});

test('colour: off when piped, NO_COLOR and --no-color switch it off, --color and FORCE_COLOR on', () => {
  const dir = tmp({ 'a.report.txt': DRAFT });
  const file = join(dir, 'a.report.txt');
  const esc = new RegExp(String.fromCharCode(27) + '\\[');
  assert.doesNotMatch(cli(['check', file]).stdout, esc);
  assert.match(cli(['check', file, '--color']).stdout, esc);
  assert.match(cli(['check', file], { env: { FORCE_COLOR: '1' } }).stdout, esc);
  assert.doesNotMatch(cli(['check', file], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, esc);
  assert.doesNotMatch(cli(['check', file, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout, esc);
});

test('--locale fr (or GOVREPORT_LOCALE=fr) is an error, not silent Chinese; zh-CN and en-GB are understood', () => {
  const dir = tmp({ 'a.report.txt': DRAFT });
  const file = join(dir, 'a.report.txt');
  const fr = cli(['check', file, '--locale', 'fr']);
  assert.equal(fr.code, 2);
  assert.match(fr.stderr, /不支持的语言 \(unsupported locale\): fr/);
  assert.equal(cli(['check', file], { env: { GOVREPORT_LOCALE: 'fr' } }).code, 2);
  assert.match(cli(['check', file, '--locale', 'en-GB']).stdout, /Summary: mandatory parts/);
  assert.match(cli(['check', file, '--locale', 'zh-CN']).stdout, /小结: 必备部分/);
});

test('text output: findings in line order, the outline only with --outline, part names in Chinese, fixable marked, a total per file', () => {
  const dir = tmp({ 'a.report.txt': DRAFT });
  const file = join(dir, 'a.report.txt');
  const r = cli(['check', file]);
  const findings = r.stdout.split('\n').filter((l) => /^ +\d+:\d+ /.test(l));
  const lines = findings.map((l) => Number(/(\d+):/.exec(l)![1]));
  assert.deepEqual(
    lines,
    [...lines].sort((a, b) => a - b),
  );
  assert.ok(new Set(findings.map((l) => l.split(/\s+/)[3])).size >= 2, 'several rules interleaved by line');
  assert.doesNotMatch(r.stdout, /大纲|一、主要举措和成效  —/);
  assert.match(cli(['check', file, '--outline']).stdout, /大纲:\n +3 {2}一、主要举措和成效/);
  assert.match(r.stdout, /缺 党政主要负责人履行推进法治建设第一责任人职责情况/);
  assert.doesNotMatch(r.stdout, /first-responsible/);
  assert.match(r.stdout, /punctuation-width .*\[可修复 fixable\]/);
  assert.match(r.stdout, /debris .*\[可修复 fixable\]/);
  assert.doesNotMatch(r.stdout, /missing-part .*\[可修复/);
  assert.match(r.stdout, /小结: 必备部分 3\/4 .*· \d+ 个可用 --fix 修复/);
  assert.match(cli(['check', file, '--locale', 'en']).stdout, /punctuation-width .*\[fixable\]/);
});

test('--fix applies the editor’s Fix All in place (encoding and BOM kept); --fix-dry-run prints the diff and writes nothing', () => {
  const gbk = iconv.encode(DRAFT, 'gb18030');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DRAFT, 'utf8')]);
  const dir = tmp({ 'gbk.report.txt': gbk, 'bom.report.txt': bom });
  const expected = applyEdits(DRAFT, safeFixEdits(analyze(DRAFT).findings));
  assert.notEqual(expected, DRAFT);
  const dry = cli(['check', dir, '--fix-dry-run']);
  assert.equal(readFileSync(join(dir, 'gbk.report.txt')).compare(gbk), 0, 'dry run wrote');
  assert.equal(readFileSync(join(dir, 'bom.report.txt')).compare(bom), 0, 'dry run wrote');
  assert.match(dry.stdout, /^--- .*gbk\.report\.txt/m);
  assert.match(dry.stdout, /^-\[bookmark: _GoBack\]$/m);
  assert.match(dry.stdout, /^\+全年组织学法12次，覆盖干部300人。$/m);
  assert.match(dry.stdout, /--fix 将修复 \d+ 处（未写入）/);
  const fixed = cli(['check', dir, '--fix', '--format', 'json']);
  assert.equal(iconv.decode(readFileSync(join(dir, 'gbk.report.txt')), 'gb18030'), expected);
  assert.deepEqual(
    readFileSync(join(dir, 'bom.report.txt')),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(expected, 'utf8')]),
  );
  // What is reported is what is left after the fixes.
  const codes = (JSON.parse(fixed.stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code);
  assert.ok(!codes.includes('debris') && !codes.includes('punctuation-width'), codes.join());
  assert.ok(codes.includes('missing-part'));
  // A second run has nothing to fix.
  const again = cli(['check', join(dir, 'gbk.report.txt'), '--fix-dry-run']);
  assert.doesNotMatch(again.stdout, /^---/m);
});

/** Characters a fix may remove: debris, ordinals and white space (the editor's property, test/properties.test.ts). */
function writersWords(text: string): string {
  const m = analyze(text);
  const spans: [number, number][] = [];
  const lines = text.split(/\r\n|\n/);
  const offsets: number[] = [];
  let at = 0;
  for (const l of lines) {
    offsets.push(at);
    at += l.length + (text.slice(at + l.length, at + l.length + 2) === '\r\n' ? 2 : 1);
  }
  const off = (p: { line: number; character: number }) => (offsets[p.line] ?? text.length) + p.character;
  const walk = (nodes: readonly OutlineNode[]) =>
    nodes.forEach((n) => (spans.push([off(n.ordinal.range.start), off(n.ordinal.range.end)]), walk(n.children)));
  walk(m.outline);
  for (const d of m.debris) spans.push([off(d.range.start), off(d.range.end)]);
  let out = '';
  for (let i = 0; i < text.length; i++) if (!/[\s\u3000\ufeff]/.test(text[i]) && !spans.some(([a, b]) => a <= i && i < b)) out += text[i];
  return out.normalize('NFKC');
}

function isSubsequence(needle: string, hay: string): boolean {
  // By UTF-16 code unit on both sides (a for…of over the haystack would step by code point).
  let i = 0;
  for (let k = 0; k < hay.length && i < needle.length; k++) if (hay[k] === needle[i]) i++;
  return i === needle.length;
}

test('property, through the CLI: --fix on generated drafts changes no word of the writer’s and equals the core’s Fix All', () => {
  const texts = fc.sample(reportText, { numRuns: 40, seed: 24 });
  const files = Object.fromEntries(texts.map((t, i) => [`r${i}.report.txt`, t]));
  const dir = tmp(files);
  const r = cli(['check', dir, '--fix', '--summary']);
  assert.notEqual(r.code, null, r.stderr);
  texts.forEach((before, i) => {
    const after = readFileSync(join(dir, `r${i}.report.txt`), 'utf8');
    assert.equal(after, applyEdits(before, safeFixEdits(analyze(before).findings)), `r${i}: the CLI applied other edits than Fix All`);
    assert.ok(
      isSubsequence(writersWords(before), after.replace(/[\s\u3000\ufeff]/g, '').normalize('NFKC')),
      `r${i}: a word was lost\n${before}`,
    );
  });
});

test('.pre-commit-hooks.yaml: each hook’s entry runs as documented on the files it matches', () => {
  const yaml = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const hooks = yaml.split(/^- id: /m).slice(1);
  assert.deepEqual(
    hooks.map((h) => h.split('\n')[0]),
    ['govreport', 'govreport-fix'],
  );
  for (const hook of hooks) {
    const entry = /^ {2}entry: govreport (.+)$/m.exec(hook)![1].split(' ');
    const files = new RegExp(/^ {2}files: ['"](.+)['"]$/m.exec(hook)![1].replace(/\\\\/g, '\\'));
    assert.ok(files.test('2024年报告.report.txt') && files.test('a.txt') && !files.test('a.json'));
    const dir = tmp({ 'a.report.txt': DRAFT });
    const r = cli([...entry, join(dir, 'a.report.txt')]);
    assert.equal(r.code, 1, `${entry.join(' ')}: ${r.stderr}`); // the draft misses a part: the commit stops
    assert.doesNotMatch(r.stdout, /警告 {2}/); // --quiet
  }
});
