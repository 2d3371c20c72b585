/**
 * The "重新编号" (Renumber) command: `workspace/executeCommand` `govreport.renumber` with the
 * document URI as argument renumbers every heading level 1, 2, 3 … by applying a WorkspaceEdit
 * on the client. Idempotent: a renumbered document gives no edit.
 */
import { t } from '../../core';
import { renumberAll } from '../../core/fixes';
import type { Feature } from '../session';

export const RENUMBER = 'govreport.renumber';

export const renumberFeature: Feature = {
  register({ connection, model, registerCommand }) {
    registerCommand(RENUMBER, async (args) => {
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
