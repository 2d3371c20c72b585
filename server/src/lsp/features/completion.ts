/** Completion at a line start: next ordinals and missing parts (core/completion.ts decides). */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { completeLine } from '../../core';
import { cancelled } from '../cancel';
import { eolOf, lineText } from '../documentText';
import type { Feature } from '../session';

/** An opening bracket or a numeral starts an ordinal. */
export const COMPLETION_TRIGGERS = ['（', '(', ...'0123456789一二三四五六七八九十'];

export const completionFeature: Feature = {
  capabilities: () => ({ completionProvider: { triggerCharacters: COMPLETION_TRIGGERS } }),
  register({ connection, model, report }) {
    connection.onCompletion((p, token) => {
      const stop = cancelled(token);
      if (stop) return stop;
      const doc = report(p.textDocument.uri);
      const m = model(p.textDocument.uri);
      if (!doc || !m || p.position.line >= doc.lineCount) return [];
      const line = lineText(doc, p.position.line);
      const eol = eolOf(doc);
      return completeLine(m, p.position, line, eol).map((s): CompletionItem => ({
        label: s.label,
        kind: s.kind === 'part' ? CompletionItemKind.Module : CompletionItemKind.EnumMember,
        detail: s.detail,
        textEdit: { range: s.range, newText: s.newText },
        filterText: s.filterText,
        sortText: s.sortText,
        ...(s.additionalEdits.length ? { additionalTextEdits: [...s.additionalEdits] } : {}),
        ...(s.part ? { data: { part: s.part } } : {}),
      }));
    });
  },
};
