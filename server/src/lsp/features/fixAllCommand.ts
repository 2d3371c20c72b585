/**
 * `govreport.fixAll` `[{ uri, version, code }]`: applies a fix-all (one rule's, or every
 * fixable rule's for `source.fixAll`) through `workspace/applyEdit` in chunks. Code actions
 * carry it instead of their edits when there are more than one message should hold
 * (lsp/editsInChunks.ts). The edits are computed again from the model of `version`; if the
 * document has changed since the action was offered, nothing is applied and the writer is told.
 */
import { fixAllEdits, ruleByCode, safeFixEdits, t, type ReportModel, type TextEdit } from '../../core';
import { SERVER_COMMANDS } from '../../protocol';
import { applyInChunks, warnChanged, type ChunkedResult } from '../editsInChunks';
import type { Feature } from '../session';

/** The `code` of the action that fixes every fixable kind at once (`source.fixAll.govreport`). */
export const SOURCE_FIX_ALL = '*';

export interface FixAllArgs {
  readonly uri: string;
  readonly version: number;
  /** A rule code, or SOURCE_FIX_ALL. */
  readonly code: string;
}

/** One rule's fix-all edits (empty unless two findings have fixes), or every fixable rule's, merged. */
export function fixAllEditsOf(m: ReportModel, code: string): TextEdit[] {
  if (code !== SOURCE_FIX_ALL) return fixAllEdits(m.findings, code);
  return safeFixEdits(m.findings);
}

export const fixAllCommandFeature: Feature = {
  register(session) {
    session.registerCommand(SERVER_COMMANDS.fixAll, async (args): Promise<ChunkedResult> => {
      const a = (args[0] ?? {}) as Partial<FixAllArgs>;
      const doc = typeof a.uri === 'string' ? session.report(a.uri) : undefined;
      const m = doc ? session.model(doc.uri) : undefined;
      if (!doc || !m || doc.version !== a.version || typeof a.code !== 'string') {
        warnChanged(session, session.locale(), 0);
        return { applied: false, edits: 0, chunks: 0, stopped: 'changed' };
      }
      const title = a.code === SOURCE_FIX_ALL ? 'fix-all.source' : ruleByCode(a.code)?.fixAll?.title;
      return applyInChunks(session, doc, fixAllEditsOf(m, a.code), t(m.locale, title ?? 'fix-all.source'), m.locale);
    });
  },
};
