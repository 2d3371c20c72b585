/**
 * Rule tests as marked texts (test/fixtures/rules/*.txt), the way markdownlint's `{MD041}` and
 * rust-analyzer's `//^^ error` put the expectation where the finding is. A marked file is a whole
 * report with its findings marked in place:
 *
 *   #! rules: heading-sequence, heading-style      the codes this file checks (`all`: every code)
 *   #! about: …                                    what the file is about (ignored)
 *   #! options: {"maxDocumentSize": 300}           AnalyzeOptions as JSON (optional)
 *   #! final-newline: no                           the text ends without its last line break
 *   …the report, with marks…
 *   #! fixed:                                      optional: the text after the fixes, marked too
 *   #! previous: last-year.txt                     optional: last year's report (reused-text)
 *
 * Marks: `⟦…⟧{code}` around the exact span a finding covers (it may cross lines and nest);
 * `{code}` at the end of a line: a finding of this code starts on this line. The label may add
 * the severity and part of the message: `{code@information:晚于}`. Marks are stripped before
 * the analysis; positions are those of the clean text (LSP lines and UTF-16 characters). Within
 * the codes the file checks the match is exact both ways: a finding not marked and a mark not
 * found both fail, shown on the clean line with the expected and the actual spans.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, type AnalyzeOptions, type Finding, type Range, type ReportModel, type Severity } from '../../server/src/core';
import { mergeEdits } from '../../server/src/core/edits/fixes';
import { guards, rules } from '../../server/src/core/rules';
import { applyEdits } from './edits';

/** Every code a finding can have: the rules' and the size guards'. */
export const ALL_CODES: readonly string[] = [...rules.map((r) => r.code), ...guards.map((g) => g.code)];
const KNOWN = new Set(ALL_CODES);
const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint']);

export interface Mark {
  readonly code: string;
  /** `span`: the finding's range exactly; `line`: a finding of this code starts on `range.start.line`. */
  readonly kind: 'span' | 'line';
  readonly range: Range;
  readonly severity?: Severity;
  /** A part of the finding's message. */
  readonly message?: string;
  /** The line of the marked text the mark was written on (0-based), for messages. */
  readonly source: number;
}

export interface MarkedText {
  /** The text with the marks stripped: what is analysed. */
  readonly text: string;
  readonly marks: readonly Mark[];
  /** The line of the file the text starts on (0-based): clean line l is file line firstLine + l. */
  readonly firstLine: number;
}

const OPEN = '⟦';
const CLOSE = '⟧';
/** A mark's label: code, optional @severity, optional :message part. */
const LABEL = /^([a-z][a-z0-9-]*)(?:@([a-z]+))?(?::(.+))?$/;
/** Anything in the clean text that looks like a mark: a label in braces, or a bracket. */
const STRAY = /\{[a-z][a-z0-9-]*(?:@[a-z]+)?(?::[^{}\n]*)?\}|[⟦⟧]/;

function label(raw: string, where: string): Pick<Mark, 'code' | 'severity' | 'message'> {
  const m = LABEL.exec(raw);
  if (!m) throw new Error(`${where}: “{${raw}}” is not a mark label (code, @severity, :message part)`);
  const [, code, severity, message] = m;
  if (!KNOWN.has(code)) throw new Error(`${where}: unknown code “${code}”`);
  if (severity !== undefined && !SEVERITIES.has(severity)) throw new Error(`${where}: unknown severity “${severity}”`);
  return { code, ...(severity ? { severity: severity as Severity } : {}), ...(message !== undefined ? { message } : {}) };
}

/**
 * Strips the marks of a marked text. `name` and `firstLine` (the line of the file the text starts
 * on, 0-based) only make error messages point at the file.
 */
export function parseMarks(marked: string, name = 'text', firstLine = 0): MarkedText {
  const marks: Mark[] = [];
  const open: { line: number; character: number; source: number }[] = [];
  const clean = marked.split('\n').map((raw, line) => {
    const where = `${name}:${firstLine + line + 1}`;
    // Line marks: the {…} groups that end the line, except the one right after a ⟧ (a span's).
    const lineLabels: string[] = [];
    let body = raw;
    for (let m = /\{([^{}\n]*)\}$/.exec(body); m; m = /\{([^{}\n]*)\}$/.exec(body)) {
      if (body.slice(0, m.index).endsWith(CLOSE)) break;
      lineLabels.unshift(m[1]);
      body = body.slice(0, m.index);
    }
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (c === OPEN) {
        open.push({ line, character: out.length, source: line });
      } else if (c === CLOSE) {
        const m = /^\{([^{}\n]*)\}/.exec(body.slice(i + 1));
        if (!m) throw new Error(`${where}: ${CLOSE} must be followed by {code}`);
        const start = open.pop();
        if (!start) throw new Error(`${where}: ${CLOSE} without its ${OPEN}`);
        const range = { start: { line: start.line, character: start.character }, end: { line, character: out.length } };
        marks.push({ ...label(m[1], where), kind: 'span', range, source: firstLine + start.source });
        i += m[0].length;
      } else out += c;
    }
    for (const l of lineLabels) {
      const at = { line, character: 0 };
      marks.push({ ...label(l, where), kind: 'line', range: { start: at, end: at }, source: firstLine + line });
    }
    const stray = STRAY.exec(out);
    if (stray) throw new Error(`${where}: “${stray[0]}” looks like a mark but is not one (a line mark ends its line; ⟦ needs ⟧{code})`);
    return out;
  });
  if (open.length) throw new Error(`${name}:${firstLine + open[0].source + 1}: ${OPEN} is never closed`);
  return { text: clean.join('\n'), marks, firstLine };
}

/** A marked file read: its header, its text and marks, and its optional sections. */
export interface MarkedFile {
  readonly name: string;
  /** The codes checked exactly. */
  readonly codes: readonly string[];
  readonly options: AnalyzeOptions;
  readonly report: MarkedText;
  /** The text after applying the first fix of every finding of the checked codes, and its own marks. */
  readonly fixed?: MarkedText;
}

const HEADER = /^#! ([a-z-]+):[ \t]*(.*)$/;
const SECTION = /^#! (fixed|previous):[ \t]*(.*)$/;

/** Reads a marked file; `siblingFixed` is the content of its `*.fixed.txt`, if there is one. */
export function readMarkedFile(name: string, content: string, siblingFixed?: string): MarkedFile {
  // Read with LF breaks whatever the checkout did to them (a CRLF text is a test in code).
  const lf = (s: string) => s.replace(/\r\n/g, '\n');
  content = lf(content);
  if (siblingFixed !== undefined) siblingFixed = lf(siblingFixed);
  const lines = content.split('\n');
  let codes: string[] | undefined;
  let options: AnalyzeOptions = {};
  let finalNewline = true;
  let at = 0;
  // The header: #! lines at the top.
  for (; at < lines.length && lines[at].startsWith('#!') && !SECTION.test(lines[at]); at++) {
    const m = HEADER.exec(lines[at]);
    const where = `${name}:${at + 1}`;
    if (!m) throw new Error(`${where}: a header line is “#! key: value”`);
    const [, key, value] = m;
    if (key === 'rules') {
      codes = value === 'all' ? [...ALL_CODES] : value.split(/[,\s]+/).filter(Boolean);
      for (const c of codes) if (!KNOWN.has(c)) throw new Error(`${where}: unknown code “${c}”`);
    } else if (key === 'options') options = JSON.parse(value) as AnalyzeOptions;
    else if (key === 'final-newline') finalNewline = value !== 'no';
    else if (key !== 'about') throw new Error(`${where}: unknown header “${key}” (rules, about, options, final-newline)`);
  }
  if (!codes?.length) throw new Error(`${name}: no “#! rules: code, …” header`);
  // The sections: the report, then #! fixed: and #! previous: in any order. Each is the lines up
  // to the next section, the line break before it included.
  const sections: { kind: string; arg: string; from: number; to: number }[] = [{ kind: 'report', arg: '', from: at, to: lines.length }];
  for (let i = at; i < lines.length; i++) {
    const m = SECTION.exec(lines[i]);
    if (!m) continue;
    sections[sections.length - 1].to = i;
    sections.push({ kind: m[1], arg: m[2], from: i + 1, to: lines.length });
  }
  const textOf = (s: { from: number; to: number }) => lines.slice(s.from, s.to).join('\n') + (s.to < lines.length ? '\n' : '');
  let report: MarkedText | undefined;
  let fixed: MarkedText | undefined;
  for (const s of sections) {
    if (s.kind === 'report') {
      let text = textOf(s);
      if (!finalNewline) text = text.replace(/\n$/, '');
      report = parseMarks(text, name, s.from);
    } else if (s.kind === 'fixed') fixed = parseMarks(textOf(s), name, s.from);
    else {
      if (!s.arg) throw new Error(`${name}:${s.from}: “#! previous: <file name>” names last year's report`);
      options = { ...options, previous: { name: s.arg, text: textOf(s) } };
    }
  }
  if (siblingFixed !== undefined) {
    if (fixed) throw new Error(`${name}: both a “#! fixed:” section and a .fixed.txt file`);
    fixed = parseMarks(siblingFixed, name.replace(/\.txt$/, '.fixed.txt'));
  }
  for (const t of [report!, ...(fixed ? [fixed] : [])])
    for (const m of t.marks)
      if (!codes.includes(m.code)) throw new Error(`${name}:${m.source + 1}: a mark of ${m.code}, which “#! rules:” does not name`);
  return { name, codes, options, report: report!, ...(fixed ? { fixed } : {}) };
}

// ---- comparing marks with findings -------------------------------------------------------------

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

function fits(mark: Mark, f: Finding): boolean {
  if (mark.code !== f.code) return false;
  if (mark.kind === 'span' ? !sameRange(mark.range, f.range) : mark.range.start.line !== f.range.start.line) return false;
  if (mark.severity && mark.severity !== f.severity) return false;
  return mark.message === undefined || f.message.includes(mark.message);
}

/** The clean lines of `range`, with ⟦ ⟧{label} where it starts and ends (or {label} at the end for a line mark). */
function show(lines: readonly string[], range: Range, kind: Mark['kind'], labelText: string): string {
  const out: string[] = [];
  const last = kind === 'line' ? range.start.line : range.end.line;
  for (let l = range.start.line; l <= last; l++) {
    let s = lines[l] ?? '';
    if (kind === 'line') s += `{${labelText}}`;
    else {
      const end = l === range.end.line ? range.end.character : undefined;
      const start = l === range.start.line ? range.start.character : undefined;
      if (end !== undefined) s = s.slice(0, end) + `${CLOSE}{${labelText}}` + s.slice(end);
      if (start !== undefined) s = s.slice(0, start) + OPEN + s.slice(start);
    }
    out.push(`      ${String(l + 1).padStart(4)} | ${s}`);
  }
  return out.join('\n');
}

const pos = (r: Range) => `${r.start.line + 1}:${r.start.character}–${r.end.line + 1}:${r.end.character}`;

/**
 * The differences between the marks and the findings of `codes`, as lines to read (empty when
 * they match exactly).
 */
export function compareMarks(marked: MarkedText, findings: readonly Finding[], codes: readonly string[]): string[] {
  const actual = findings.filter((f) => codes.includes(f.code));
  const used = new Set<Finding>();
  // Spans first, then line marks; the ones saying more first, so a looser mark takes what is left.
  const order = [...marked.marks].sort(
    (a, b) => Number(a.kind === 'line') - Number(b.kind === 'line') || Number(b.message !== undefined) - Number(a.message !== undefined),
  );
  const missing: Mark[] = [];
  for (const m of order) {
    const f = actual.find((x) => !used.has(x) && fits(m, x));
    if (f) used.add(f);
    else missing.push(m);
  }
  const extra = actual.filter((f) => !used.has(f));
  if (missing.length === 0 && extra.length === 0) return [];
  const lines = marked.text.split('\n');
  const out: string[] = [];
  for (const m of missing.sort((a, b) => a.source - b.source)) {
    const l = `${m.code}${m.severity ? '@' + m.severity : ''}${m.message !== undefined ? ':' + m.message : ''}`;
    const where = m.kind === 'line' ? `line ${m.range.start.line + 1}` : pos(m.range);
    out.push(`  - marked, not found: {${l}} at ${where} (file line ${m.source + 1})`, show(lines, m.range, m.kind, l));
  }
  for (const f of extra.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)) {
    out.push(
      `  + found, not marked: {${f.code}@${f.severity}:${f.message}} at ${pos(f.range)} (file line ${marked.firstLine + f.range.start.line + 1})`,
      show(lines, f.range, 'span', f.code),
    );
  }
  return out;
}

/** What checking a marked file found: differences (empty when it passes) and the model. */
export interface MarkedResult {
  readonly problems: readonly string[];
  readonly model: ReportModel;
}

/** The first fix of every finding of `codes`, merged as fix-all merges them, applied to `text`. */
export function applyFixes(text: string, findings: readonly Finding[], codes: readonly string[]): string {
  const edits = findings.filter((f) => codes.includes(f.code) && f.fixes?.length).flatMap((f) => f.fixes![0].edits);
  return applyEdits(text, mergeEdits(edits));
}

const others = (m: ReportModel, codes: readonly string[]) =>
  m.findings
    .filter((f) => !codes.includes(f.code))
    .map((f) => `${f.code} ${f.message}`)
    .sort();

/**
 * Checks a marked file: one analysis of the report (and, with a fixed section, one of the fixed
 * text). Returns the differences as readable lines.
 */
export function checkMarkedFile(file: MarkedFile): MarkedResult {
  const model = analyze(file.report.text, file.options);
  const problems = compareMarks(file.report, model.findings, file.codes);
  if (problems.length) problems.unshift(`${file.name}: the marks and the findings of ${file.codes.join(', ')} differ`);
  if (file.fixed) {
    const fixedText = applyFixes(file.report.text, model.findings, file.codes);
    if (fixedText !== file.fixed.text) {
      problems.push(`${file.name}: the text after the fixes differs from the fixed text`, ...lineDiff(file.fixed.text, fixedText));
    } else {
      const after = analyze(fixedText, file.options);
      const left = compareMarks(file.fixed, after.findings, file.codes);
      if (left.length) problems.push(`${file.name}: after the fixes, the marks and the findings differ`, ...left);
      const [was, now] = [others(model, file.codes), others(after, file.codes)];
      if (was.join('\n') !== now.join('\n'))
        problems.push(
          `${file.name}: the fixes changed the findings of other codes`,
          ...was.filter((x) => !now.includes(x)).map((x) => `  - ${x}`),
          ...now.filter((x) => !was.includes(x)).map((x) => `  + ${x}`),
        );
    }
  }
  return { problems, model };
}

/** The lines that differ, expected (-) against actual (+), with their numbers. */
function lineDiff(expected: string, actual: string): string[] {
  const [a, b] = [expected.split('\n'), actual.split('\n')];
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (a[i] !== undefined) out.push(`  - ${String(i + 1).padStart(4)} | ${a[i]}`);
    if (b[i] !== undefined) out.push(`  + ${String(i + 1).padStart(4)} | ${b[i]}`);
  }
  return out;
}

/** Where the marked files are (the tests run from out/test). */
export const MARKED_DIR = resolve(__dirname, '..', '..', 'test', 'fixtures', 'rules');

/** The marked files of test/fixtures/rules, by name (their .fixed.txt siblings are read with them). */
export function markedFileNames(): string[] {
  return readdirSync(MARKED_DIR)
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.fixed.txt'))
    .sort();
}

/** The marked file `name` of test/fixtures/rules, read with its sibling .fixed.txt if there is one. */
export function loadMarkedFile(name: string): MarkedFile {
  const sibling = join(MARKED_DIR, name.replace(/\.txt$/, '.fixed.txt'));
  return readMarkedFile(
    name,
    readFileSync(join(MARKED_DIR, name), 'utf8'),
    existsSync(sibling) ? readFileSync(sibling, 'utf8') : undefined,
  );
}
