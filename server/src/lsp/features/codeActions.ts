/**
 * Quick fixes: each finding's `fixes` become code actions attached to their diagnostic, plus
 * "fix all of this kind in the file" for rules whose fixes can be applied together (the rule
 * names that action's title), and a `source.fixAll.govreport` action that applies all of those
 * at once. A diagnostic finds its finding by the key in its `data` (lsp/convert.ts).
 */
import { CodeActionKind, type CodeAction, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { findingByKey, fixAllCodes, fixAllEdits, mergeEdits, ruleByCode, t, type TextEdit } from '../../core';
import { DIAGNOSTIC_SOURCE } from '../../protocol';
import type { Feature } from '../session';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${DIAGNOSTIC_SOURCE}`;

const edit = (uri: string, edits: readonly TextEdit[]) => ({ changes: { [uri]: edits as LspTextEdit[] } });

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

const keyOf = (data: unknown) => (data && typeof data === 'object' ? (data as { findingKey?: unknown }).findingKey : undefined);

export const codeActionsFeature: Feature = {
  capabilities: () => ({
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  }),
  register({ connection, model }) {
    connection.onCodeAction((p) => {
      const uri = p.textDocument.uri;
      const m = model(uri);
      if (!m) return [];
      const only = p.context.only;
      const actions: CodeAction[] = [];
      if (wants(only, CodeActionKind.QuickFix)) {
        const allDone = new Set<string>();
        for (const d of p.context.diagnostics) {
          if (d.source !== DIAGNOSTIC_SOURCE) continue;
          const f = findingByKey(m, keyOf(d.data));
          if (!f?.fixes || f.code !== d.code) continue;
          for (const fix of f.fixes) {
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              isPreferred: !!fix.preferred,
              edit: edit(uri, fix.edits),
            });
          }
          const fixAll = ruleByCode(f.code)?.fixAll;
          if (fixAll && !allDone.has(f.code)) {
            allDone.add(f.code);
            const edits = fixAllEdits(m.findings, f.code);
            if (edits.length)
              actions.push({ title: t(m.locale, fixAll.title), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(uri, edits) });
          }
        }
      }
      if (only && wants(only, FIX_ALL_KIND) && only.some((k) => k !== CodeActionKind.QuickFix)) {
        const edits = mergeEdits(
          [...fixAllCodes].flatMap((code) =>
            m.findings.filter((f) => f.code === code && f.fixes?.length).flatMap((f) => f.fixes![0].edits),
          ),
        );
        if (edits.length) actions.push({ title: t(m.locale, 'fix-all.source'), kind: FIX_ALL_KIND, edit: edit(uri, edits) });
      }
      return actions;
    });
  },
};
