/**
 * Code lenses on the title: how many mandatory parts are there (click: go to the first part),
 * and one lens per missing part (click: insert it where it belongs, numbered); on each level-1
 * heading, its figure count.
 */
import type { CodeLens } from 'vscode-languageserver';
import { t, type ReportModel } from '../../core';
import { SERVER_COMMANDS as COMMANDS } from '../../protocol';
import { cancelled } from '../cancel';
import type { Feature } from '../session';
import { reuseLens } from './reuseLens';

export function titleLenses(model: ReportModel, uri: string): CodeLens[] {
  const line = model.header.title?.range.start.line ?? model.outline[0]?.line ?? 0;
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  const mandatory = model.parts.filter((p) => p.mandatory);
  const present = mandatory.filter((p) => p.present);
  const first = Math.min(...model.parts.filter((p) => p.present && p.line !== null).map((p) => p.line!));
  const lenses: CodeLens[] = [
    {
      range,
      command: {
        title: t(model.locale, 'codelens.summary', { profile: model.profile.name, present: present.length, total: mandatory.length }),
        command: Number.isFinite(first) ? COMMANDS.revealLine : '',
        arguments: Number.isFinite(first) ? [{ uri, line: first }] : [],
      },
    },
  ];
  if (model.reuse) lenses.push(reuseLens(model, uri, range));
  for (const part of mandatory) {
    if (part.present) continue;
    lenses.push({
      range,
      command: {
        title: t(model.locale, 'codelens.missing', { part: part.name }),
        command: COMMANDS.insertPart,
        arguments: [{ uri, part: part.id }],
      },
    });
  }
  return lenses;
}

/** On each level-1 heading: how many figures its section holds (click: the first of them). */
export function figureLenses(model: ReportModel, uri: string): CodeLens[] {
  const figures = model.figures;
  const lineOf = (i: number) => figures[i].range.start.line;
  // The figures are in the order of the text: the first at or after a line is found by halves (one
  // pass over the figures per heading was 10,000 × 4,000 steps on a document of headings).
  const sorted = figures.every((f, i) => i === 0 || lineOf(i - 1) <= f.range.start.line);
  const firstAtOrAfter = (line: number) => {
    let lo = 0;
    let hi = figures.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lineOf(mid) < line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return model.outline.map((root) => {
    const { start, end } = root.range;
    let count: number;
    let first: number | undefined;
    if (sorted) {
      const from = firstAtOrAfter(start.line);
      count = firstAtOrAfter(end.line + 1) - from;
      first = count ? lineOf(from) : undefined;
    } else {
      const inside = figures.filter((f) => f.range.start.line >= start.line && f.range.start.line <= end.line);
      count = inside.length;
      first = inside[0]?.range.start.line;
    }
    const at = { line: root.line, character: 0 };
    const title = count ? t(model.locale, 'codelens.figures', { count }) : t(model.locale, 'codelens.noFigures');
    return {
      range: { start: at, end: at },
      command: first !== undefined ? { title, command: COMMANDS.revealLine, arguments: [{ uri, line: first }] } : { title, command: '' },
    };
  });
}

export const codeLensFeature: Feature = {
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register({ connection, model }) {
    connection.onCodeLens((p, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const m = model(p.textDocument.uri);
      return m ? [...titleLenses(m, p.textDocument.uri), ...figureLenses(m, p.textDocument.uri)] : [];
    });
  },
};
