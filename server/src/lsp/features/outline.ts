/** Document symbols, folding ranges and selection ranges: all from the model's outline. */
import type { Feature } from '../session';
import { cancelled } from '../cancel';
import { lineText } from '../documentText';
import { toDocumentSymbols, toFoldingRanges, toSelectionRange } from '../convert';

export const outlineFeature: Feature = {
  capabilities: () => ({
    documentSymbolProvider: { label: '报告结构' },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
  }),
  register({ connection, model, report }) {
    connection.onDocumentSymbol((p, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const m = model(p.textDocument.uri);
      return m ? toDocumentSymbols(m) : [];
    });
    connection.onFoldingRanges((p, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const m = model(p.textDocument.uri);
      return m ? toFoldingRanges(m) : [];
    });
    connection.onSelectionRanges((p, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = report(p.textDocument.uri);
      const m = model(p.textDocument.uri);
      if (!doc || !m) return [];
      const last = doc.positionAt(doc.getText().length);
      return p.positions.map((pos) => {
        const text = lineText(doc, pos.line);
        return toSelectionRange(m, pos, text, last);
      });
    });
  },
};
