/**
 * What hovering shows about figures, as Markdown (pure: the LSP layer only wraps it):
 * on a figure, what it counts, where it sits, its sentence's other figures and the checks;
 * on a heading, the section's figures; on the title, figures per mandatory part.
 */
import { t } from '../messages';
import type { Figure, Position, Range, ReportModel } from '../model';
import { contains, walkOutline } from '../document/outlineWalk';

const FIGURE_CODES = /^figure-/;

/** Markdown for the hover at `pos`, or null when there is nothing to say about figures there. */
export function figureHover(model: ReportModel, pos: Position, previous?: ReportModel): { markdown: string; range: Range } | null {
  const fig = model.figures.find((f) => contains(f.range, pos));
  if (fig) return { markdown: onFigure(model, fig, previous), range: fig.range };
  const title = model.header.title;
  if (title && contains(title.range, pos)) return { markdown: onTitle(model), range: title.range };
  for (const node of walkOutline(model.outline)) {
    if (node.kind === 'heading' && contains(node.selectionRange, pos)) {
      const inside = model.figures.filter((f) => contains(node.range, f.range.start));
      return { markdown: onHeading(model, node.name, inside), range: node.selectionRange };
    }
  }
  return null;
}

const cell = (s: string) => s.replace(/\|/g, '\\|') || '—';

function amount(model: ReportModel, f: Figure): string {
  return t(model.locale, f.approximate ? 'hover.figure.approximate' : 'hover.figure.exact', {
    value: fmtValue(f.value),
    unit: f.unit,
    text: f.text,
  });
}

function fmtValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

function partNames(model: ReportModel, ids: readonly string[]): string {
  return ids.map((id) => model.parts.find((p) => p.id === id)?.name ?? id).join(t(model.locale, 'part.detail.combined'));
}

function onFigure(model: ReportModel, f: Figure, previous?: ReportModel): string {
  const L = model.locale;
  const out = [`**${f.label || t(L, 'hover.figure.noLabel')}** — ${amount(model, f)}`, ''];
  if (f.subject) out.push(t(L, 'hover.figure.subject', { subject: f.subject }), '');
  out.push(t(L, 'hover.figure.part', { part: f.parts.length ? partNames(model, f.parts) : t(L, 'hover.figure.outside') }));
  if (f.section.length) out.push('', t(L, 'hover.figure.section', { section: f.section.join(' › ') }));
  const related = model.figures.filter((g) => g.sentence === f.sentence && g.index !== f.index);
  if (related.length) out.push('', t(L, 'hover.figure.related', { list: related.map((g) => `${g.label} ${g.text}`).join(' · ') }));
  const sentenceRanges = [f, ...related].map((g) => g.range);
  const checks = model.findings.filter((x) => FIGURE_CODES.test(x.code) && sentenceRanges.some((r) => contains(x.range, r.start)));
  out.push('', checks.length ? checks.map((x) => `⚠ \`${x.code}\` ${x.message}`).join('\n\n') : t(L, 'hover.figure.ok'));
  const last = previous && previousValue(previous, f);
  if (last)
    out.push(
      '',
      t(L, 'hover.figure.lastYear', {
        label: f.label,
        value: f.text,
        last: last.text,
        change: change(f, last, L),
        year: String(previous.year ?? ''),
      }),
    );
  return out.join('\n');
}

/**
 * This year against last year: a relative change (+33%) for counts, percentage points for a rate,
 * the difference in units when last year's value was 0.
 */
function change(f: Figure, last: Figure, L: ReportModel['locale']): string {
  const d = f.value - last.value;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  if (f.unit === '%') return t(L, 'hover.figure.points', { change: `${sign}${fmtValue(Math.abs(d))}` });
  if (last.value === 0) return `${sign}${fmtValue(Math.abs(d))}${f.unit}`;
  return `${sign}${Math.round(Math.abs(d / last.value) * 100)}%`;
}

/** Last year's figure with the same label and unit. */
export function previousValue(previous: ReportModel, f: Figure): Figure | undefined {
  return f.label ? previous.figures.find((g) => g.label === f.label && g.unit === f.unit) : undefined;
}

function table(model: ReportModel, figures: readonly Figure[]): string[] {
  const L = model.locale;
  return [
    `| ${t(L, 'hover.table.label')} | ${t(L, 'hover.table.value')} | ${t(L, 'hover.table.unit')} |`,
    '|---|---:|---|',
    ...figures.map((f) => `| ${cell(f.label)} | ${f.approximate ? '≈' : ''}${fmtValue(f.value)} | ${cell(f.unit)} |`),
  ];
}

function onHeading(model: ReportModel, name: string, figures: readonly Figure[]): string {
  const L = model.locale;
  const head = `**${name}** — ${t(L, 'hover.heading.count', { count: figures.length })}`;
  return figures.length ? [head, '', ...table(model, figures)].join('\n') : head;
}

function onTitle(model: ReportModel): string {
  const L = model.locale;
  const rows = model.parts
    .filter((p) => p.mandatory)
    .map((p) => {
      const n = model.figures.filter((f) => f.parts.includes(p.id)).length;
      const note = !p.present ? t(L, 'hover.title.absent') : n === 0 ? t(L, 'hover.title.weak') : '';
      return `| ${cell(p.name)} | ${n} | ${note} |`;
    });
  return [
    `**${t(L, 'hover.title.heading', { count: model.figures.length })}**`,
    '',
    `| ${t(L, 'hover.title.part')} | ${t(L, 'hover.title.figures')} | |`,
    '|---|---:|---|',
    ...rows,
  ].join('\n');
}
