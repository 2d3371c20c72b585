/**
 * `govreport.exportDocx` (workspace/executeCommand, `[{ uri }]` or `[uri]`): the open report as a
 * GB/T 9704 .docx, base64, with what a reviewer would still send back. Any editor can save it (the
 * VS Code client's Export to Word does; editors/nvim shows how Neovim does). Findings never stop it.
 */
import { exportDocx, exportMessage, exportProblems } from '../../export';
import { toBase64 } from '../../export/base64';
import { SERVER_COMMANDS } from '../../protocol';
import type { Feature, Session } from '../session';
import { uriFileName } from '../../core';

/** The report's .docx name from its URI: a.report.txt → a.docx; an untitled draft → its title or 报告.docx. */
export function docxFileName(uri: string, title?: string): string {
  const last = uriFileName(uri);
  const base = uri.startsWith('untitled:') ? (title ?? '报告') : last.replace(/(\.report)?\.(txt|govreport)$/i, '');
  return `${base.replace(/[\\/:*?"<>|]/g, '_') || '报告'}.docx`;
}

async function run(session: Session, args: readonly unknown[]) {
  const a = args[0];
  const uri = typeof a === 'string' ? a : a && typeof a === 'object' ? String((a as { uri?: unknown }).uri ?? '') : '';
  const doc = uri ? session.report(uri) : undefined;
  const model = uri ? session.model(uri) : undefined;
  if (!doc || !model) return null;
  // `{ uri, letterhead: true }`: a 版头 and 版记 from the draft (GB/T 9704 §7.2, §7.4).
  const letterhead = !!a && typeof a === 'object' && (a as { letterhead?: unknown }).letterhead === true;
  const result = await exportDocx(doc.getText(), model, { letterhead });
  const fileName = docxFileName(uri, model.header.title?.text);
  return {
    base64: toBase64(result.bytes),
    fileName,
    missingParts: result.missingParts,
    missing: result.missing,
    errors: result.errors,
    warnings: result.warnings,
    replaced: result.replaced,
    /** What is still wrong, one phrase each, in the session's language (the client shows them after the file name). */
    problems: exportProblems(result, session.locale()),
    message: exportMessage(result, fileName, session.locale()),
  };
}

export const exportDocxFeature: Feature = {
  register(session) {
    session.registerCommand(SERVER_COMMANDS.exportDocx, (args) => run(session, args));
  },
};
