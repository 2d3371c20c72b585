/** Hover: figures on a figure, a heading or the title (core/figures/hover.ts), as Markdown. */
import { MarkupKind } from 'vscode-languageserver';
import { figureHover } from '../../core/figures/hover';
import { referenceHover } from '../../core/references/hover';
import { lineText } from '../documentText';
import { findPreviousYear } from '../previousYear';
import type { Feature } from '../session';

export const hoverFeature: Feature = {
  capabilities: () => ({ hoverProvider: true }),
  register({ connection, model, options, report }) {
    connection.onHover((p) => {
      const m = model(p.textDocument.uri);
      if (!m) return null;
      const onFigure = m.figures.some((f) => f.range.start.line === p.position.line);
      const previous = onFigure ? findPreviousYear(p.textDocument.uri, m, options()) : undefined;
      const doc = report(p.textDocument.uri);
      const h = figureHover(m, p.position, previous) ??
        (doc ? referenceHover(lineText(doc, p.position.line), p.position.line, p.position.character, m.locale, options().references) : undefined);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
    });
  },
};
