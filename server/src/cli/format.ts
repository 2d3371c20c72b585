/** How the CLI prints a checked file: human text, or the public JSON shape. */
import { isSafeFix, outlineView, t, type Finding, type OutlineView, type ReportModel } from '../core';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { printable } from './printable';
import { fileLine, summarize } from './summary';

export interface FileResult {
  readonly file: string;
  readonly model: ReportModel;
  /** How the file was decoded (utf-8 unless said otherwise). */
  readonly encoding?: string;
  /** `--fix`: edits applied; `--fix-dry-run`: edits that would be. */
  readonly fixed?: number;
}

/** What the text output shows besides the findings. */
export interface TextOptions {
  readonly color: boolean;
  /** `--outline`: the outline tree under the title. */
  readonly outline?: boolean;
  /** `--fix-dry-run`: findings are those left after the fixes, which were not written. */
  readonly dryRun?: boolean;
}

/** The public JSON shape, one object per file. Add fields; never rename. */
export function toJson(r: FileResult) {
  const m = r.model;
  return {
    file: r.file,
    profile: m.profile.id,
    title: m.header.title?.text ?? null,
    year: m.year,
    outline: outlineView(m),
    ...(m.reuse ? { reuse: m.reuse } : {}),
    diagnostics: m.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: f.range,
      source: DIAGNOSTIC_SOURCE,
      ...(f.data ? { data: f.data } : {}),
    })),
    parts: m.parts.map((p) => ({
      id: p.id,
      name: p.name,
      mandatory: p.mandatory,
      present: p.present,
      line: p.line,
      inferred: p.inferred,
      mentionedAt: p.mentionedAt,
    })),
  };
}

const LABELS = {
  'zh-cn': {
    title: '标题',
    none: '（无）',
    outline: '大纲',
    parts: '必备部分',
    findings: '问题',
    ok: '未发现问题',
    present: '有',
    absent: '缺',
    summary: '小结',
    fixable: '[可修复 fixable]',
    fixed: (n: number) => `已修复 ${n} 处 (--fix)`,
    wouldFix: (n: number) => `--fix 将修复 ${n} 处（未写入）`,
  },
  en: {
    title: 'Title',
    none: '(none)',
    outline: 'Outline',
    parts: 'Mandatory parts',
    findings: 'Findings',
    ok: 'No findings',
    present: 'yes',
    absent: 'MISSING',
    summary: 'Summary',
    fixable: '[fixable]',
    fixed: (n: number) => `fixed ${n} (--fix)`,
    wouldFix: (n: number) => `--fix would fix ${n} (not written)`,
  },
};

/** Findings as a reviewer works through them: by line, then column (rules interleaved). */
export function inLineOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function toText(r: FileResult, { color, outline, dryRun }: TextOptions): string {
  const m = r.model;
  const L = LABELS[m.locale];
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  lines.push(paint('1', printable(r.file)) + `  [${m.profile.name}${m.year ? ', ' + m.year : ''}]`);
  lines.push(`  ${L.title}: ${printable(m.header.title?.text ?? L.none)}`);
  if (outline) {
    lines.push(`  ${L.outline}:`);
    const walk = (views: readonly OutlineView[], indent: string) => {
      for (const v of views) {
        const where = String(v.line + 1).padStart(4);
        lines.push(`  ${where}  ${indent}${printable(v.name)}${v.detail ? paint('2', '  — ' + printable(v.detail)) : ''}`);
        walk(v.children, indent + '  ');
      }
    };
    walk(outlineView(m), '');
  }
  // Compared with last year's report (reused-text): the share, as the editor's title lens says it.
  if (m.reuse)
    lines.push(`  ${t(m.locale, 'codelens.reused', { percent: Math.round(m.reuse.share * 100) })}（${printable(m.reuse.file)}）`);
  lines.push(
    `  ${L.parts}: ` +
      m.parts
        .filter((p) => p.mandatory)
        .map((p) => `${p.name} ${p.present ? L.present : paint('31', L.absent)}`)
        .join(m.locale === 'en' ? ' · ' : '；'),
  );
  if (r.fixed) lines.push(`  ${dryRun ? L.wouldFix(r.fixed) : L.fixed(r.fixed)}`);
  if (m.findings.length === 0) lines.push(`  ${L.ok}`);
  else {
    lines.push(`  ${L.findings}:`);
    for (const f of inLineOrder(m.findings)) {
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const sev = f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '36';
      const mark = isSafeFix(f) ? '  ' + paint('32', L.fixable) : '';
      lines.push(
        `  ${pos.padStart(7)}  ${paint(sev, t(m.locale, `severity.${f.severity}`).padEnd(4))}  ${f.code}  ${printable(f.message)}${mark}`,
      );
    }
  }
  lines.push(`  ${L.summary}: ${printable(fileLine(summarize(r.file, m, r.encoding), m.locale))}`);
  return lines.join('\n');
}
