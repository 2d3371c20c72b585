/** Hover: figures on a figure, a heading or the title (core/figures/hover.ts), as Markdown. */
import { MarkupKind } from 'vscode-languageserver';
import { figureHover } from '../../core';
import type { Feature } from '../session';

export const hoverFeature: Feature = {
  capabilities: () => ({ hoverProvider: true }),
  register({ connection, model, options, service }) {
    connection.onHover((p) => {
      const m = model(p.textDocument.uri);
      if (!m) return null;
      const onFigure = m.figures.some((f) => f.range.start.line === p.position.line);
      const previous = onFigure ? service.previousYear(p.textDocument.uri, m, options()) : undefined;
      const h = figureHover(m, p.position, previous);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
    });
  },
};
