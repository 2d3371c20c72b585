/**
 * The "重新编号" (Renumber) command: `workspace/executeCommand` `govreport.renumber` with the
 * document URI as argument renumbers every heading level 1, 2, 3 … by applying a WorkspaceEdit
 * on the client. Idempotent: a renumbered document gives no edit.
 */
import { renumberAll, t } from '../../core';
import { SERVER_COMMANDS } from '../../protocol';
import type { Feature } from '../session';

export const renumberFeature: Feature = {
  register({ connection, model, registerCommand }) {
    registerCommand(SERVER_COMMANDS.renumber, async (args) => {
      const arg = args[0];
      const uri = typeof arg === 'string' ? arg : (arg as { uri?: string } | undefined)?.uri;
      const m = uri ? model(uri) : undefined;
      if (!uri || !m) return { applied: false };
      const edits = renumberAll(m);
      if (edits.length === 0) return { applied: true, edits: 0 };
      const r = await connection.workspace.applyEdit({ label: t(m.locale, 'renumber.title'), edit: { changes: { [uri]: edits } } });
      return { applied: r.applied, edits: edits.length };
    });
  },
};
