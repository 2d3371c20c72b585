/**
 * Hover: figures on a figure, a heading or the title (core/figures/hover.ts), else the date of a
 * cited event, period or old name (core/references/hover.ts), else last year's paragraph on a
 * reused-text paragraph (core/similarity/hover.ts), as Markdown.
 */
import { MarkupKind } from 'vscode-languageserver';
import { figureHover, referenceHover, reusedHover } from '../../core';
import { lineText } from '../documentText';
import type { Feature } from '../session';

export const hoverFeature: Feature = {
  capabilities: () => ({ hoverProvider: true }),
  register({ connection, model, options, report, service }) {
    connection.onHover((p) => {
      const m = model(p.textDocument.uri);
      if (!m) return null;
      const onFigure = m.figures.some((f) => f.range.start.line === p.position.line);
      const previous = onFigure ? service.previousYear(p.textDocument.uri, m, options()) : undefined;
      const doc = report(p.textDocument.uri);
      const h =
        figureHover(m, p.position, previous) ??
        (doc
          ? referenceHover(lineText(doc, p.position.line), p.position.line, p.position.character, m.locale, options().references)
          : undefined) ??
        reusedHover(m, p.position);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
    });
  },
};
