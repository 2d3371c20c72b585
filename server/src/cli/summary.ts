/** Per-file and total summaries for batch checking: parts present/missing, findings by severity, figures. */
import { isSafeFix, severityCounts, type ReportModel, type Severity } from '../core';

export interface FileSummary {
  readonly file: string;
  readonly encoding: string;
  readonly partsPresent: readonly string[];
  readonly partsMissing: readonly string[];
  /** The missing parts' names, in the output's language (the text output names them; ids are for machines). */
  readonly partsMissingNames: readonly string[];
  readonly findings: Readonly<Record<Severity, number>>;
  /** Figures the model read, when the model reads figures (null otherwise). */
  readonly figures: number | null;
  /** Findings `--fix` would fix. */
  readonly fixable: number;
  /** Share of the report (0–1) repeated from last year's report, when it was compared with one (null otherwise). */
  readonly reused: number | null;
  /** Last year's report it was compared with. */
  readonly previous?: string;
}

export interface TotalSummary {
  readonly files: number;
  readonly unreadable: number;
  readonly filesWithErrors: number;
  readonly filesMissingParts: number;
  readonly findings: Readonly<Record<Severity, number>>;
  readonly figures: number | null;
  /** Plain .txt files a folder search found that do not look like reports (only when there were some). */
  readonly skipped?: number;
}

const zero = severityCounts;

export function summarize(file: string, model: ReportModel, encoding = 'utf-8'): FileSummary {
  const findings = zero();
  for (const f of model.findings) findings[f.severity]++;
  const mandatory = model.parts.filter((p) => p.mandatory);
  // Figures come from another part of the analysis; count them when the model has them.
  const figures = (model as { figures?: readonly unknown[] }).figures;
  return {
    file,
    encoding,
    partsPresent: mandatory.filter((p) => p.present).map((p) => p.id),
    partsMissing: mandatory.filter((p) => !p.present).map((p) => p.id),
    partsMissingNames: mandatory.filter((p) => !p.present).map((p) => p.name),
    findings,
    figures: Array.isArray(figures) ? figures.length : null,
    fixable: model.findings.filter(isSafeFix).length,
    reused: model.reuse ? model.reuse.share : null,
    ...(model.reuse ? { previous: model.reuse.file } : {}),
  };
}

export function total(files: readonly FileSummary[], unreadable: number, skipped = 0): TotalSummary {
  const findings = zero();
  let figures: number | null = null;
  for (const f of files) {
    for (const s of Object.keys(findings) as Severity[]) findings[s] += f.findings[s];
    if (f.figures !== null) figures = (figures ?? 0) + f.figures;
  }
  return {
    files: files.length,
    unreadable,
    filesWithErrors: files.filter((f) => f.findings.error > 0).length,
    filesMissingParts: files.filter((f) => f.partsMissing.length > 0).length,
    findings,
    figures,
    ...(skipped ? { skipped } : {}),
  };
}

const WORDS = {
  'zh-cn': {
    parts: '必备部分',
    missing: '缺',
    findings: '问题',
    figures: '数字',
    decoded: (enc: string) => `按 ${enc.toUpperCase()} 解码`,
    fixable: (n: number) => `${n} 个可用 --fix 修复`,
    reused: (p: number) => `与上年报告重复 ${p}%`,
    sev: { error: '错误', warning: '警告', information: '提示', hint: '建议' },
    total: (t: TotalSummary) =>
      `共 ${t.files} 个文件` +
      (t.unreadable ? `（另有 ${t.unreadable} 个无法读取）` : '') +
      (t.skipped ? `（跳过 ${t.skipped} 个不像报告的 .txt）` : '') +
      `：${t.filesWithErrors} 个有错误，${t.filesMissingParts} 个缺少必备部分`,
  },
  en: {
    parts: 'mandatory parts',
    missing: 'missing',
    findings: 'findings',
    figures: 'figures',
    decoded: (enc: string) => `decoded as ${enc.toUpperCase()}`,
    fixable: (n: number) => `${n} fixable with --fix`,
    reused: (p: number) => `${p}% repeated from last year's report`,
    sev: { error: 'errors', warning: 'warnings', information: 'info', hint: 'hints' },
    total: (t: TotalSummary) =>
      `${t.files} files` +
      (t.unreadable ? ` (${t.unreadable} more unreadable)` : '') +
      (t.skipped ? ` (${t.skipped} .txt skipped: not a report)` : '') +
      `: ${t.filesWithErrors} with errors, ${t.filesMissingParts} missing a mandatory part`,
  },
};

function counts(locale: 'zh-cn' | 'en', findings: Readonly<Record<Severity, number>>, figures: number | null): string {
  const W = WORDS[locale];
  const sev = (Object.keys(findings) as Severity[]).map((s) => `${W.sev[s]} ${findings[s]}`).join(locale === 'en' ? ', ' : '，');
  return `${W.findings}: ${sev}` + (figures === null ? '' : ` · ${W.figures}: ${figures}`);
}

/** One line: `必备部分 3/4 (缺 推进法治政府建设存在的不足和原因) · 问题: 错误 1，警告 0，… · 数字: 12 · 2 个可用 --fix 修复`. */
export function fileLine(s: FileSummary, locale: 'zh-cn' | 'en'): string {
  const W = WORDS[locale];
  const all = s.partsPresent.length + s.partsMissing.length;
  const missing = s.partsMissing.length ? ` (${W.missing} ${s.partsMissingNames.join(locale === 'en' ? ', ' : '、')})` : '';
  const enc = s.encoding !== 'utf-8' ? ` · ${W.decoded(s.encoding)}` : '';
  const fixable = s.fixable ? ` · ${W.fixable(s.fixable)}` : '';
  const reused = s.reused !== null ? ` · ${W.reused(Math.round(s.reused * 100))}` : '';
  return `${W.parts} ${s.partsPresent.length}/${all}${missing} · ${counts(locale, s.findings, s.figures)}${reused}${fixable}${enc}`;
}

export function totalLine(t: TotalSummary, locale: 'zh-cn' | 'en'): string {
  return `${WORDS[locale].total(t)} · ${counts(locale, t.findings, t.figures)}`;
}
