/** The server's commands: a new report's skeleton, inserting a missing part, revealing a line. */
import type { Connection } from 'vscode-languageserver';
import { ADDRESSEES, defaultProfile, newReport, resolveProfile, type NewReportRequest } from '../../core';
import { SERVER_COMMANDS as COMMANDS } from '../../protocol';
import type { Feature, Session } from '../session';

interface SkeletonArgs extends NewReportRequest {
  readonly profile?: string;
}

function today() {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** The skeleton of the profile asked for, else the configured one (a `.govreport.json` profile too). */
function skeleton(session: Session, args: SkeletonArgs = {}): string {
  const profile = resolveProfile(args.profile, session.options().profile) ?? defaultProfile();
  return newReport(profile, args, today());
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
    session.registerCommand(COMMANDS.skeleton, (args) => skeleton(session, arg(args) as SkeletonArgs));
    session.registerCommand(COMMANDS.insertPart, (args) => insertPart(session, String(arg(args).uri), String(arg(args).part)));
    session.registerCommand(COMMANDS.revealLine, (args) =>
      revealLine(session.connection, String(arg(args).uri), Number(arg(args).line) || 0),
    );
  },
};
