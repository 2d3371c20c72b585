/**
 * Code lenses on the title: how many mandatory parts are there (click: go to the first part),
 * and one lens per missing part (click: insert it where it belongs, numbered).
 */
import type { CodeLens } from 'vscode-languageserver';
import { t, type ReportModel } from '../../core';
import { COMMANDS } from '../commands';
import type { Feature } from '../session';

export function titleLenses(model: ReportModel, uri: string): CodeLens[] {
  const line = model.header.title?.range.start.line ?? model.outline[0]?.line ?? 0;
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  const mandatory = model.parts.filter((p) => p.mandatory);
  const present = mandatory.filter((p) => p.present);
  const first = Math.min(...model.parts.filter((p) => p.present && p.line !== null).map((p) => p.line!));
  const lenses: CodeLens[] = [
    {
      range,
      command: {
        title: t(model.locale, 'codelens.summary', { profile: model.profile.name, present: present.length, total: mandatory.length }),
        command: Number.isFinite(first) ? COMMANDS.revealLine : '',
        arguments: Number.isFinite(first) ? [{ uri, line: first }] : [],
      },
    },
  ];
  for (const part of mandatory) {
    if (part.present) continue;
    lenses.push({
      range,
      command: { title: t(model.locale, 'codelens.missing', { part: part.name }), command: COMMANDS.insertPart, arguments: [{ uri, part: part.id }] },
    });
  }
  return lenses;
}

export const codeLensFeature: Feature = {
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register({ connection, model }) {
    connection.onCodeLens((p) => {
      const m = model(p.textDocument.uri);
      return m ? titleLenses(m, p.textDocument.uri) : [];
    });
  },
};
