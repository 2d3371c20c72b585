/**
 * The "重新编号" (Renumber) command: `workspace/executeCommand` `govreport.renumber` with the
 * document URI as argument renumbers every heading level 1, 2, 3 … by applying a WorkspaceEdit
 * on the client. Idempotent: a renumbered document gives no edit.
 */
import { renumberAll, t } from '../../core';
import { SERVER_COMMANDS } from '../../protocol';
import { applyInChunks } from '../editsInChunks';
import type { Feature } from '../session';

export const renumberFeature: Feature = {
  register(session) {
    session.registerCommand(SERVER_COMMANDS.renumber, async (args) => {
      const arg = args[0];
      const uri = typeof arg === 'string' ? arg : (arg as { uri?: string } | undefined)?.uri;
      const doc = uri ? session.report(uri) : undefined;
      const m = uri ? session.model(uri) : undefined;
      if (!doc || !m) return { applied: false };
      const edits = renumberAll(m);
      if (edits.length === 0) return { applied: true, edits: 0 };
      // 10,000 headings renumbered are still sent in bounded messages.
      const r = await applyInChunks(session, doc, edits, t(m.locale, 'renumber.title'), m.locale);
      return { applied: r.applied, edits: r.edits };
    });
  },
};
