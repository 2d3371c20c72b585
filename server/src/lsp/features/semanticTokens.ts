/**
 * Semantic tokens: the core's highlights in standard token types (so every theme colours them)
 * with our own modifiers saying what they are. Public legend: add, don't reorder. After the first
 * answer a client asks for the delta (`full.delta`): only what changed since its result id is sent.
 */
import type { ResponseError, SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver';
import { highlights, type HighlightKind, type ReportModel } from '../../core';
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

/** The tokens of a model, in the protocol's relative encoding. */
function tokenData(m: ReportModel, text: string): number[] {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const h of highlights(m, text)) {
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
  return data;
}

/**
 * The edit from the last tokens to these: the common start and end kept, the middle replaced. A
 * keystroke changes the tokens of its line (and the line numbers after a line break): a few
 * numbers sent instead of all of them.
 */
export function tokenEdits(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  const min = Math.min(before.length, after.length);
  let start = 0;
  while (start < min && before[start] === after[start]) start++;
  let end = 0;
  while (end < min - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  if (start === before.length && start === after.length) return [];
  return [{ start, deleteCount: before.length - start - end, data: after.slice(start, after.length - end) }];
}

export const semanticTokensFeature: Feature = {
  capabilities: () => ({ semanticTokensProvider: { legend: LEGEND, full: { delta: true } } }),
  register({ connection, documents, model, report }) {
    /** The last tokens sent for each document, with their result id (a delta is taken from them). */
    const sent = new Map<string, { readonly resultId: string; readonly data: number[] }>();
    let issued = 0;
    const tokens = (uri: string): number[] | undefined => {
      const doc = report(uri);
      const m = model(uri);
      return doc && m ? tokenData(m, doc.getText()) : undefined;
    };
    const remember = (uri: string, data: number[]): string => {
      const resultId = String(++issued);
      sent.set(uri, { resultId, data });
      return resultId;
    };
    connection.languages.semanticTokens.on((p, token): SemanticTokens | ResponseError => {
      const stop = cancelled(token);
      if (stop) return stop;
      const data = tokens(p.textDocument.uri);
      if (!data) return { data: [] };
      return { resultId: remember(p.textDocument.uri, data), data };
    });
    connection.languages.semanticTokens.onDelta((p, token): SemanticTokens | SemanticTokensDelta | ResponseError => {
      const stop = cancelled(token);
      if (stop) return stop;
      const uri = p.textDocument.uri;
      const data = tokens(uri);
      if (!data) return { data: [] };
      const last = sent.get(uri);
      const resultId = remember(uri, data);
      // A client asking from tokens this server no longer has gets them all.
      if (!last || last.resultId !== p.previousResultId) return { resultId, data };
      return { resultId, edits: tokenEdits(last.data, data) };
    });
    documents.onDidClose((e) => sent.delete(e.document.uri));
  },
};
