/**
 * `govreport.checkFolder` `[{ uri }]` (a workspace folder): checks every report file under it —
 * like markdownlint's "lint workspace" and LTeX's "check all documents" — and publishes the
 * diagnostics of those not open, so the Problems view lists them. A plain `.txt` that names no
 * report kind in its first lines is left out (as `govreport check folder/` does). An open
 * document keeps its own diagnostics: the ones published here for it are cleared when it opens.
 */
import { analyze, findingKeys, hasReportTitleWords, t } from '../../core';
import { SERVER_COMMANDS } from '../../protocol';
import { toDiagnostic } from '../convert';
import type { Feature } from '../session';

/** Files checked at most per run (a home folder opened by mistake must not hang the server). */
const LIMIT = 2000;

const plainTxt = (uri: string) => uri.toLowerCase().endsWith('.txt') && !uri.toLowerCase().endsWith('.report.txt');

export const checkFolderFeature: Feature = {
  register(session) {
    const { connection, documents } = session;
    const published = new Set<string>();
    documents.onDidOpen((e) => {
      if (published.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    session.registerCommand(SERVER_COMMANDS.checkFolder, async (args) => {
      const folder = (args[0] ?? {}) as { uri?: unknown };
      const locale = session.locale();
      const counts = { reports: 0, open: 0, errors: 0, warnings: 0 };
      if (typeof folder.uri !== 'string') return { ...counts, message: t(locale, 'workspace.checked', counts) };
      const { uris, read } = session.service.reportsUnder(folder.uri, LIMIT);
      const options = session.options();
      for (const uri of uris) {
        if (documents.get(uri)) {
          counts.open++;
          continue;
        }
        const text = read(uri);
        if (text === undefined || (plainTxt(uri) && !hasReportTitleWords(text))) continue;
        const m = analyze(text, options);
        counts.reports++;
        counts.errors += m.findings.filter((f) => f.severity === 'error').length;
        counts.warnings += m.findings.filter((f) => f.severity === 'warning').length;
        published.add(uri);
        const keys = findingKeys(m.findings);
        await connection.sendDiagnostics({ uri, diagnostics: m.findings.map((f, i) => toDiagnostic(f, keys[i])) });
      }
      return { ...counts, message: t(locale, 'workspace.checked', counts) };
    });
  },
};
