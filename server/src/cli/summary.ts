/** Per-file and total summaries for batch checking: parts present/missing, findings by severity, figures. */
import { severityCounts, type ReportModel, type Severity } from '../core';

export interface FileSummary {
  readonly file: string;
  readonly encoding: string;
  readonly partsPresent: readonly string[];
  readonly partsMissing: readonly string[];
  readonly findings: Readonly<Record<Severity, number>>;
  /** Figures the model read, when the model reads figures (null otherwise). */
  readonly figures: number | null;
}

export interface TotalSummary {
  readonly files: number;
  readonly unreadable: number;
  readonly filesWithErrors: number;
  readonly filesMissingParts: number;
  readonly findings: Readonly<Record<Severity, number>>;
  readonly figures: number | null;
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
    findings,
    figures: Array.isArray(figures) ? figures.length : null,
  };
}

export function total(files: readonly FileSummary[], unreadable: number): TotalSummary {
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
  };
}

const WORDS = {
  'zh-cn': {
    parts: '必备部分',
    missing: '缺',
    findings: '问题',
    figures: '数字',
    decoded: (enc: string) => `按 ${enc.toUpperCase()} 解码`,
    sev: { error: '错误', warning: '警告', information: '提示', hint: '建议' },
    total: (t: TotalSummary) =>
      `共 ${t.files} 个文件` +
      (t.unreadable ? `（另有 ${t.unreadable} 个无法读取）` : '') +
      `：${t.filesWithErrors} 个有错误，${t.filesMissingParts} 个缺少必备部分`,
  },
  en: {
    parts: 'mandatory parts',
    missing: 'missing',
    findings: 'findings',
    figures: 'figures',
    decoded: (enc: string) => `decoded as ${enc.toUpperCase()}`,
    sev: { error: 'errors', warning: 'warnings', information: 'info', hint: 'hints' },
    total: (t: TotalSummary) =>
      `${t.files} files` +
      (t.unreadable ? ` (${t.unreadable} more unreadable)` : '') +
      `: ${t.filesWithErrors} with errors, ${t.filesMissingParts} missing a mandatory part`,
  },
};

function counts(locale: 'zh-cn' | 'en', findings: Readonly<Record<Severity, number>>, figures: number | null): string {
  const W = WORDS[locale];
  const sev = (Object.keys(findings) as Severity[]).map((s) => `${W.sev[s]} ${findings[s]}`).join(locale === 'en' ? ', ' : '，');
  return `${W.findings}: ${sev}` + (figures === null ? '' : ` · ${W.figures}: ${figures}`);
}

/** One line: `必备部分 3/4（缺 shortcomings） · 问题: 错误 1，警告 0，… · 数字: 12`. */
export function fileLine(s: FileSummary, locale: 'zh-cn' | 'en'): string {
  const W = WORDS[locale];
  const all = s.partsPresent.length + s.partsMissing.length;
  const missing = s.partsMissing.length ? ` (${W.missing} ${s.partsMissing.join(', ')})` : '';
  const enc = s.encoding !== 'utf-8' ? ` · ${W.decoded(s.encoding)}` : '';
  return `${W.parts} ${s.partsPresent.length}/${all}${missing} · ${counts(locale, s.findings, s.figures)}${enc}`;
}

export function totalLine(t: TotalSummary, locale: 'zh-cn' | 'en'): string {
  return `${WORDS[locale].total(t)} · ${counts(locale, t.findings, t.figures)}`;
}
