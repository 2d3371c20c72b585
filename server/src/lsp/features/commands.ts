/** The server's commands: a new report's skeleton, inserting a missing part, revealing a line. */
import type { Connection } from 'vscode-languageserver';
import { defaultProfile, findProfile } from '../../core';
import { ADDRESSEES, newReport, type NewReportRequest } from '../../core/skeleton';
import { COMMANDS } from '../commands';
import type { Feature, Session } from '../session';

interface SkeletonArgs extends NewReportRequest {
  readonly profile?: string;
}

function today() {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

function skeleton(args: SkeletonArgs = {}): string {
  return newReport((args.profile && findProfile(args.profile)) || defaultProfile(), args, today());
}

async function insertPart(session: Session, uri: string, part: string): Promise<boolean> {
  const doc = session.report(uri);
  const finding = session.model(uri)?.findings.find((f) => f.code === 'missing-part' && f.data?.part === part);
  const edits = finding?.fixes?.[0]?.edits;
  if (!doc || !edits) return false; // already there, or the document is gone
  const r = await session.connection.workspace.applyEdit({
    label: finding.fixes![0].title,
    edit: { documentChanges: [{ textDocument: { uri, version: doc.version }, edits: [...edits] }] },
  });
  return r.applied;
}

async function revealLine(connection: Connection, uri: string, line: number): Promise<boolean> {
  const at = { line, character: 0 };
  const r = await connection.window.showDocument({ uri, takeFocus: true, selection: { start: at, end: at } });
  return r.success;
}

export const commandsFeature: Feature = {
  register(session) {
    const arg = (args: readonly unknown[]) => (args[0] ?? {}) as Record<string, unknown>;
    session.registerCommand(COMMANDS.skeletonOptions, () => ({ addressees: ADDRESSEES, year: today().year - 1 }));
    session.registerCommand(COMMANDS.skeleton, (args) => skeleton(arg(args) as SkeletonArgs));
    session.registerCommand(COMMANDS.insertPart, (args) => insertPart(session, String(arg(args).uri), String(arg(args).part)));
    session.registerCommand(COMMANDS.revealLine, (args) => revealLine(session.connection, String(arg(args).uri), Number(arg(args).line) || 0));
  },
};
