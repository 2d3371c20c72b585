/**
 * Quick fixes: each finding's `fixes` become code actions attached to their diagnostic, plus
 * "fix all of this kind in the file" for rules whose fixes can be applied together (the rule
 * names that action's title), and a `source.fixAll.govreport` action that applies all of those
 * at once. A diagnostic finds its finding by its key (lsp/convert.ts `keyOfDiagnostic`).
 * A fix-all past MAX_EDITS_PER_MESSAGE edits carries the `govreport.fixAll` command instead of
 * its edits, and the server applies them in chunks (lsp/editsInChunks.ts): a response stays small
 * however large the document.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { findingByKey, ruleByCode, t, type TextEdit } from '../../core';
import { CLIENT_COMMANDS, DIAGNOSTIC_SOURCE, SERVER_COMMANDS } from '../../protocol';
import { keyOfDiagnostic } from '../convert';
import { MAX_EDITS_PER_MESSAGE } from '../editsInChunks';
import type { Feature } from '../session';
import { fixAllEditsOf, SOURCE_FIX_ALL, type FixAllArgs } from './fixAllCommand';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${DIAGNOSTIC_SOURCE}`;

/**
 * Quick fixes are offered for at most this many of a request's diagnostics. An editor sends those at
 * the cursor or in the selection; a selection over a whole flawed report sends thousands, and a
 * menu of thousands of one-line fixes helps nobody while its response grows by ~850 bytes each
 * (8.5 MB for 10,000). The fix-all actions, offered too, cover the rest.
 */
export const MAX_QUICK_FIX_DIAGNOSTICS = 1000;

const edit = (uri: string, edits: readonly TextEdit[]) => ({ changes: { [uri]: edits as LspTextEdit[] } });

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

/** A fix-all action: its edits inline, or past the bound the command that applies them in chunks. */
function fixAllAction(title: string, kind: string, edits: readonly TextEdit[], args: FixAllArgs, diagnostics?: Diagnostic[]): CodeAction {
  const action: CodeAction = { title, kind, ...(diagnostics ? { diagnostics } : {}) };
  if (edits.length <= MAX_EDITS_PER_MESSAGE) return { ...action, edit: edit(args.uri, edits) };
  return { ...action, command: { title, command: SERVER_COMMANDS.fixAll, arguments: [args] } };
}

export const codeActionsFeature: Feature = {
  capabilities: () => ({
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  }),
  register({ connection, model, report, clientCommands }) {
    connection.onCodeAction((p) => {
      const uri = p.textDocument.uri;
      const m = model(uri);
      const version = report(uri)?.version;
      if (!m || version === undefined) return [];
      const only = p.context.only;
      const actions: CodeAction[] = [];
      if (wants(only, CodeActionKind.QuickFix)) {
        const allDone = new Set<string>();
        let offered = 0;
        for (const d of p.context.diagnostics) {
          if (d.source !== DIAGNOSTIC_SOURCE || offered >= MAX_QUICK_FIX_DIAGNOSTICS) continue;
          const f = findingByKey(m, keyOfDiagnostic(d));
          if (!f?.fixes || f.code !== d.code) continue;
          offered++;
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
            const edits = fixAllEditsOf(m, f.code);
            if (edits.length)
              actions.push(fixAllAction(t(m.locale, fixAll.title), CodeActionKind.QuickFix, edits, { uri, version, code: f.code }, [d]));
          }
        }
      }
      // Hide one finding without switching its rule off: the client writes it to .govreport.json `ignore`.
      if (wants(only, CodeActionKind.QuickFix) && clientCommands().includes(CLIENT_COMMANDS.ignoreFinding)) {
        const doc = report(uri)!;
        const seen = new Set<string>();
        for (const d of p.context.diagnostics.slice(0, MAX_QUICK_FIX_DIAGNOSTICS)) {
          if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string') continue;
          const line = d.range.start.line;
          const text = doc
            .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
            .replace(/\r?\n$/, '')
            .trim();
          if (seen.has(`${d.code}\n${text}`)) continue;
          seen.add(`${d.code}\n${text}`);
          const title = t(m.locale, 'ignore.action', { code: d.code });
          actions.push({
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            command: { title, command: CLIENT_COMMANDS.ignoreFinding, arguments: [{ rule: d.code, text }] },
          });
        }
      }
      if (only && wants(only, FIX_ALL_KIND) && only.some((k) => k !== CodeActionKind.QuickFix)) {
        const edits = fixAllEditsOf(m, SOURCE_FIX_ALL);
        if (edits.length)
          actions.push(fixAllAction(t(m.locale, 'fix-all.source'), FIX_ALL_KIND, edits, { uri, version, code: SOURCE_FIX_ALL }));
      }
      return actions;
    });
  },
};
