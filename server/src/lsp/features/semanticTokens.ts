/**
 * Semantic tokens: the core's highlights in standard token types (so every theme colours them)
 * with our own modifiers saying what they are. Public legend: add, don't reorder.
 */
import type { SemanticTokensLegend } from 'vscode-languageserver';
import { highlights, type HighlightKind } from '../../core';
import { cancelled } from '../cancel';
import type { Feature } from '../session';

export const LEGEND: SemanticTokensLegend = {
  tokenTypes: ['keyword', 'enumMember', 'number', 'string', 'comment'],
  tokenModifiers: ['ordinal', 'item', 'date', 'documentName', 'debris', 'figure', 'unit'],
};

const MAP: Record<HighlightKind, [type: string, modifier: string]> = {
  ordinal: ['keyword', 'ordinal'],
  item: ['enumMember', 'item'],
  date: ['number', 'date'],
  document: ['string', 'documentName'],
  debris: ['comment', 'debris'],
  figure: ['number', 'figure'],
  unit: ['keyword', 'unit'],
};

export const semanticTokensFeature: Feature = {
  capabilities: () => ({ semanticTokensProvider: { legend: LEGEND, full: true } }),
  register({ connection, model, report }) {
    connection.languages.semanticTokens.on((p, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = report(p.textDocument.uri);
      const m = model(p.textDocument.uri);
      if (!doc || !m) return { data: [] };
      const data: number[] = [];
      let line = 0;
      let char = 0;
      for (const h of highlights(m, doc.getText())) {
        const [type, modifier] = MAP[h.kind];
        data.push(
          h.line - line,
          h.line === line ? h.character - char : h.character,
          h.length,
          LEGEND.tokenTypes.indexOf(type),
          1 << LEGEND.tokenModifiers.indexOf(modifier),
        );
        line = h.line;
        char = h.character;
      }
      return { data };
    });
  },
};
