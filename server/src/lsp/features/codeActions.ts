/**
 * Quick fixes: each finding's `fixes` become code actions attached to their diagnostic, plus
 * "fix all of this kind in the file" for rules whose fixes can be applied together, and a
 * `source.fixAll.govreport` action that applies all of those at once.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { t, type Finding, type ReportModel, type TextEdit } from '../../core';
import { fixAllEdits, mergeEdits } from '../../core/fixes';
import { fixAllCodes } from '../../core/rules';
import { SOURCE } from '../convert';
import type { Feature } from '../session';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

function sameRange(a: Diagnostic['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character &&
    a.end.line === b.end.line && a.end.character === b.end.character;
}

function findingFor(model: ReportModel, d: Diagnostic): Finding | undefined {
  // Several findings may share a code and range (two missing parts on the title): the message tells them apart.
  return model.findings.find((f) => f.code === d.code && sameRange(d.range, f.range) && f.message === d.message);
}

const edit = (uri: string, edits: readonly TextEdit[]) => ({ changes: { [uri]: edits as LspTextEdit[] } });

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

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
          if (d.source !== SOURCE) continue;
          const f = findingFor(m, d);
          if (!f?.fixes) continue;
          for (const fix of f.fixes) {
            actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: !!fix.preferred, edit: edit(uri, fix.edits) });
          }
          if (fixAllCodes.has(f.code) && !allDone.has(f.code)) {
            allDone.add(f.code);
            const edits = fixAllEdits(m.findings, f.code);
            const key = `${f.code}.fixAll`;
            const title = t(m.locale, key) === key ? t(m.locale, 'fix-all', { code: f.code }) : t(m.locale, key);
            if (edits.length) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(uri, edits) });
          }
        }
      }
      if (only && wants(only, FIX_ALL_KIND) && only.some((k) => k !== CodeActionKind.QuickFix)) {
        const edits = mergeEdits([...fixAllCodes].flatMap((code) => m.findings.filter((f) => f.code === code && f.fixes?.length).flatMap((f) => f.fixes![0].edits)));
        if (edits.length) actions.push({ title: t(m.locale, 'fix-all.source'), kind: FIX_ALL_KIND, edit: edit(uri, edits) });
      }
      return actions;
    });
  },
};
