/**
 * The assessor's page (issue 26): one self-contained HTML file — no network, opens from disk, prints —
 * for reading a county's or a city's reports at once: reports × mandatory parts (✔/✘), findings per
 * rule, the share reused from last year's report, near-copy pairs across the folder (as `govreport
 * similar` finds them), the key figures the profiles name side by side with a small inline SVG chart
 * each, and every finding listed below, each table cell linking to its findings. Sorting is a few
 * lines of inline script. Built from models only (pure, no file access), so the CLI (`govreport
 * check <folder> --format html -o review.html`, cli/assessorPageFile.ts) and the server
 * (`govreport.assessorPage`, lsp/features/assessorPage.ts) make the same page.
 */
import { keyFigures, severityCounts, type KeyFigure, type ReportModel, type SimilarPair } from '../core';

export interface PageReport {
  /** The report's name as the front end knows it (a path); shown relative to the folder all share. */
  readonly file: string;
  readonly model: ReportModel;
}

export interface PageInput {
  readonly reports: readonly PageReport[];
  readonly pairs: readonly SimilarPair[];
  readonly unreadable: readonly { readonly file: string; readonly message: string }[];
  readonly locale: 'zh-cn' | 'en';
  /** When the page was made (shown in its header). */
  readonly generated: string;
  /** The similarity threshold the pairs were found with. */
  readonly threshold: number;
}

/** Near-copy pairs on the page share at least this much of their text (`govreport similar`'s default). */
export const PAGE_SIMILARITY = 0.3;

/** The page's default file name, beside the reports. */
export const PAGE_FILE_NAME = 'review.html';

/** The time shown in the page's header: 2025-03-01 09:30 (UTC). */
export const generatedAt = (now: Date = new Date()) => now.toISOString().slice(0, 16).replace('T', ' ');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number) => `${Math.round(x * 100)}%`;

const WORDS = {
  'zh-cn': {
    title: '法治政府建设年度报告审核汇总',
    generated: '生成时间',
    reports: '报告',
    report: '报告',
    year: '年度',
    errors: '错误',
    warnings: '警告',
    info: '提示',
    reused: '与上年重复',
    partsTable: '必备部分与问题',
    rulesTable: '各规则问题数',
    pairsTable: '相互重复的报告',
    figuresTable: '主要数字对比',
    findings: '问题清单',
    similarity: '相似度',
    sameBody: '同一机关',
    shared: '重复段落',
    none: '无',
    noPairs: (t: number) => `没有相似度达到 ${pct(t)} 的报告对`,
    unreadable: '无法读取的文件',
    sortHint: '点击表头排序',
    line: (l: number, c: number) => `第${l}行第${c}列`,
    sev: { error: '错误', warning: '警告', information: '提示', hint: '建议' } as Record<string, string>,
    yes: '是',
    count: (n: number) => `${n} 份报告`,
  },
  en: {
    title: 'Annual rule-of-law government reports: review',
    generated: 'Generated',
    reports: 'Reports',
    report: 'Report',
    year: 'Year',
    errors: 'Errors',
    warnings: 'Warnings',
    info: 'Info',
    reused: 'Reused from last year',
    partsTable: 'Mandatory parts and findings',
    rulesTable: 'Findings per rule',
    pairsTable: 'Near-copies across the folder',
    figuresTable: 'Key figures side by side',
    findings: 'Findings',
    similarity: 'Similarity',
    sameBody: 'Same body',
    shared: 'Shared paragraphs',
    none: 'none',
    noPairs: (t: number) => `No pair of reports shares ${pct(t)} or more of its text`,
    unreadable: 'Unreadable files',
    sortHint: 'click a header to sort',
    line: (l: number, c: number) => `line ${l}, column ${c}`,
    sev: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as Record<string, string>,
    yes: 'yes',
    count: (n: number) => `${n} reports`,
  },
};

const CSS = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:1.5em;color:#222;line-height:1.45}
h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:2px solid #345}h3{font-size:1.05em;margin:1.2em 0 .3em}
table{border-collapse:collapse;margin:.4em 0;font-size:.92em}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:center}
td.name,th.name{text-align:left}th{background:#e8edf3}table.sortable th{cursor:pointer}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
.ok{color:#1a7f37}.no{color:#c62828;font-weight:bold}.warn{color:#b26a00}.muted{color:#888}a{color:inherit}
.charts{display:flex;flex-wrap:wrap;gap:1em}.chart{border:1px solid #ddd;padding:.4em}.chart h4{margin:0 0 .3em;font-size:.9em}
ul.findings{list-style:none;padding-left:0}ul.findings li{margin:.15em 0}.sev-error{color:#c62828}.sev-warning{color:#b26a00}.sev-information,.sev-hint{color:#1565c0}
code{font-size:.9em}.hint{font-size:.8em;color:#666}
@media print{body{margin:0;font-size:10pt}a{text-decoration:none}h2{break-after:avoid}table,.chart{break-inside:avoid}tr{break-inside:avoid}.hint{display:none}}
`;

/** Sorts a table by the clicked header: numbers by value (data-v), text by the locale's collation. */
const SCRIPT = `
document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){
    th.addEventListener('click',function(){
      var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
      t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort')});th.setAttribute('aria-sort',dir);
      var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
      var key=function(r){var c=r.cells[i];var v=c.getAttribute('data-v');return v===null?c.textContent.trim():v};
      rows.sort(function(a,b){var x=key(a),y=key(b),nx=parseFloat(x),ny=parseFloat(y);
        var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,'zh-CN');return dir==='ascending'?c:-c});
      rows.forEach(function(r){body.appendChild(r)});
    });
  });
});
`;

/** A small bar chart: one bar per report, the value written on it. */
function chart(name: string, values: readonly (number | undefined)[], labels: readonly string[], unit: string): string {
  const bar = 16;
  const gap = 4;
  const width = 260;
  const labelWidth = 90;
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const height = values.length * (bar + gap) + gap;
  const rows = values.map((v, i) => {
    const y = gap + i * (bar + gap);
    const w = v === undefined ? 0 : Math.max(1, Math.round(((width - labelWidth - 50) * v) / max));
    const label = labels[i].length > 8 ? labels[i].slice(0, 7) + '…' : labels[i];
    return (
      `<text x="0" y="${y + 12}" font-size="11"><title>${esc(labels[i])}</title>${esc(label)}</text>` +
      (v === undefined
        ? `<text x="${labelWidth}" y="${y + 12}" font-size="11" fill="#999">—</text>`
        : `<rect x="${labelWidth}" y="${y}" width="${w}" height="${bar}" fill="#4a78a8"/><text x="${labelWidth + w + 4}" y="${y + 12}" font-size="11">${esc(String(v))}${esc(unit)}</text>`)
    );
  });
  return `<div class="chart"><h4>${esc(name)}</h4><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${esc(name)}">${rows.join('')}</svg></div>`;
}

/** Above the reuse threshold (--reuse-warning, reuseWarning) reused-text findings are warnings: the share shows red. */
const overThreshold = (r: PageReport) => r.model.findings.some((f) => f.code === 'reused-text' && f.severity === 'warning');

/** The folder every file lies in (up to its last separator): names are shown relative to it, so two folders' qingshan-2024.txt stay apart. */
function commonFolder(files: readonly string[]): string {
  const folderOf = (f: string, before = f.length) => f.slice(0, Math.max(f.lastIndexOf('/', before), f.lastIndexOf('\\', before)) + 1);
  let prefix = files.length ? folderOf(files[0]) : '';
  for (const f of files)
    while (prefix && !f.startsWith(prefix)) {
      const up = folderOf(prefix, prefix.length - 2);
      prefix = up.length < prefix.length ? up : ''; // '/' and 'a.txt': nothing in common
    }
  return prefix;
}

/** qingshan-2024.txt → qingshan-2024 (a chart's row label). */
function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1 ? name.slice(0, dot) : name;
}

export function assessorPage(input: PageInput): string {
  const W = WORDS[input.locale];
  const { reports } = input;
  const folder = commonFolder([...reports.map((r) => r.file), ...input.pairs.flatMap((p) => [p.a, p.b])]);
  const shown = (file: string) => file.slice(folder.length);
  const shortName = (r: PageReport) => shown(r.file);
  const indexOf = new Map(reports.map((r, i) => [r.file, i] as const));
  /** A file of a pair: a link to its findings when it is one of the reports on the page. */
  const link = (file: string) => {
    const i = indexOf.get(file);
    return i === undefined ? esc(shown(file)) : `<a href="#r${i}">${esc(shown(file))}</a>`;
  };
  // The mandatory parts of every profile in the folder, in order of first appearance.
  const parts: { id: string; name: string }[] = [];
  for (const r of reports)
    for (const p of r.model.parts) if (p.mandatory && !parts.some((x) => x.id === p.id)) parts.push({ id: p.id, name: p.name });
  const codes = [...new Set(reports.flatMap((r) => r.model.findings.map((f) => f.code)))].sort();
  const anchor = (i: number, code?: string) => `r${i}${code ? '-' + code : ''}`;
  const count = (r: PageReport, code: string) => r.model.findings.filter((f) => f.code === code).length;

  const partsRows = reports.map((r, i) => {
    const present = new Map(r.model.parts.map((p) => [p.id, p] as const));
    const cells = parts.map((p) => {
      const part = present.get(p.id);
      if (!part || !part.mandatory) return `<td class="muted" data-v="-1">—</td>`;
      return part.present
        ? `<td class="ok" data-v="1">✔</td>`
        : `<td class="no" data-v="0"><a href="#${anchor(i, 'missing-part')}">✘</a></td>`;
    });
    const s = severityCounts();
    for (const f of r.model.findings) s[f.severity]++;
    const reused = r.model.reuse ? r.model.reuse.share : null;
    return (
      `<tr><td class="name"><a href="#${anchor(i)}">${esc(shortName(r))}</a><br><span class="muted">${esc(r.model.header.title?.text ?? '')}</span></td>` +
      `<td data-v="${r.model.year ?? -1}">${r.model.year ?? '—'}</td>${cells.join('')}` +
      `<td data-v="${s.error}" class="${s.error ? 'no' : ''}"><a href="#${anchor(i)}">${s.error}</a></td>` +
      `<td data-v="${s.warning}" class="${s.warning ? 'warn' : ''}"><a href="#${anchor(i)}">${s.warning}</a></td>` +
      `<td data-v="${s.information + s.hint}">${s.information + s.hint}</td>` +
      `<td data-v="${reused ?? -1}" class="${overThreshold(r) ? 'no' : ''}">${reused === null ? '—' : `<a href="#${anchor(i, 'reused-text')}">${pct(reused)}</a>`}</td></tr>`
    );
  });
  const partsTable =
    `<table class="sortable" id="parts"><thead><tr><th class="name">${W.report}</th><th>${W.year}</th>` +
    parts.map((p) => `<th>${esc(p.name)}</th>`).join('') +
    `<th>${W.errors}</th><th>${W.warnings}</th><th>${W.info}</th><th>${W.reused}</th></tr></thead><tbody>${partsRows.join('')}</tbody></table>`;

  const rulesTable = codes.length
    ? `<table class="sortable" id="rules"><thead><tr><th class="name">${W.report}</th>${codes.map((c) => `<th><code>${esc(c)}</code></th>`).join('')}</tr></thead><tbody>` +
      reports
        .map(
          (r, i) =>
            `<tr><td class="name"><a href="#${anchor(i)}">${esc(shortName(r))}</a></td>` +
            codes
              .map((c) => {
                const n = count(r, c);
                return n ? `<td data-v="${n}"><a href="#${anchor(i, c)}">${n}</a></td>` : `<td data-v="0" class="muted">0</td>`;
              })
              .join('') +
            '</tr>',
        )
        .join('') +
      '</tbody></table>'
    : `<p>${W.none}</p>`;

  const pairsTable = input.pairs.length
    ? `<table class="sortable" id="pairs"><thead><tr><th class="name">A</th><th class="name">B</th><th>${W.similarity}</th><th>${W.sameBody}</th><th>${W.shared}</th></tr></thead><tbody>` +
      input.pairs
        .map(
          (p) =>
            `<tr><td class="name">${link(p.a)}</td><td class="name">${link(p.b)}</td><td data-v="${p.similarity}">${pct(p.similarity)}</td><td>${p.sameBody ? W.yes : ''}</td><td data-v="${p.shared.length}">${p.shared.length}</td></tr>`,
        )
        .join('') +
      '</tbody></table>'
    : `<p>${esc(W.noPairs(input.threshold))}</p>`;

  // Key figures: the union of the profiles' lists, by id.
  const perReport: KeyFigure[][] = reports.map((r) => keyFigures(r.model));
  const keys: { id: string; name: string; unit: string }[] = [];
  for (const list of perReport)
    for (const k of list)
      if (!keys.some((x) => x.id === k.id))
        keys.push({ id: k.id, name: k.name, unit: list.find((x) => x.id === k.id && x.found)?.found?.unit ?? '' });
  for (const k of keys) k.unit ||= perReport.flat().find((x) => x.id === k.id && x.found)?.found?.unit ?? '';
  const figureRows = reports.map((r, i) => {
    const cells = keys.map((k) => {
      const f = perReport[i].find((x) => x.id === k.id)?.found;
      return f
        ? `<td data-v="${f.value}"><a href="#${anchor(i)}-L${f.line + 1}" title="${esc(f.label)}">${esc(f.text)}</a></td>`
        : `<td data-v="-1" class="muted">—</td>`;
    });
    return `<tr><td class="name"><a href="#${anchor(i)}">${esc(shortName(r))}</a></td>${cells.join('')}</tr>`;
  });
  const figuresTable = keys.length
    ? `<table class="sortable" id="figures"><thead><tr><th class="name">${W.report}</th>${keys.map((k) => `<th>${esc(k.name)}</th>`).join('')}</tr></thead><tbody>${figureRows.join('')}</tbody></table>` +
      `<div class="charts">${keys
        .map((k) =>
          chart(
            k.name,
            perReport.map((list) => list.find((x) => x.id === k.id)?.found?.value),
            reports.map((r) => withoutExtension(shortName(r))),
            k.unit,
          ),
        )
        .join('')}</div>`
    : `<p>${W.none}</p>`;

  const findingsList = reports.map((r, i) => {
    const figureLines = new Set(perReport[i].flatMap((k) => (k.found ? [k.found.line] : [])));
    const byCode = codes
      .map((c) => [c, r.model.findings.filter((f) => f.code === c)] as const)
      .filter(([, fs]) => fs.length)
      .map(
        ([c, fs]) =>
          `<h4 id="${anchor(i, c)}"><code>${esc(c)}</code> (${fs.length})</h4><ul class="findings">` +
          fs
            .map(
              (f) =>
                `<li class="sev-${f.severity}">${esc(W.line(f.range.start.line + 1, f.range.start.character + 1))} 【${esc(W.sev[f.severity] ?? f.severity)}】${esc(f.message)}</li>`,
            )
            .join('') +
          '</ul>',
      );
    const lineAnchors = [...figureLines].map((l) => `<span id="${anchor(i)}-L${l + 1}"></span>`).join('');
    return `<section id="${anchor(i)}"><h3>${esc(shortName(r))}</h3>${lineAnchors}${byCode.join('') || `<p>${W.none}</p>`}</section>`;
  });

  const unreadable = input.unreadable.length
    ? `<h2>${W.unreadable}</h2><ul>${input.unreadable.map((u) => `<li>${esc(u.message)}</li>`).join('')}</ul>`
    : '';

  return `<!DOCTYPE html>
<html lang="${input.locale === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="generator" content="govreport">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${W.title}</title><style>${CSS}</style></head><body>
<h1>${W.title}</h1><p class="muted">${esc(W.count(reports.length))} · ${W.generated} ${esc(input.generated)} <span class="hint">· ${W.sortHint}</span></p>
<h2>${W.partsTable}</h2>${partsTable}
<h2>${W.rulesTable}</h2>${rulesTable}
<h2>${W.pairsTable}</h2>${pairsTable}
<h2>${W.figuresTable}</h2>${figuresTable}
${unreadable}
<h2>${W.findings}</h2>${findingsList.join('\n')}
<script>${SCRIPT}</script>
</body></html>
`;
}
