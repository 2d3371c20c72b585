/**
 * `govreport.assessorPage` (workspace/executeCommand, `[{ uri }]`, uri: a folder): the assessor's page
 * (export/assessorPage.ts — the page `govreport check <folder> --format html` writes) of the report
 * files under the folder → `{ html, fileName, reports, errors, warnings, pairs, message }`; the client
 * (or any editor) saves and opens it, as it saves exportDocx's .docx. Reports are found as
 * checkFolder finds them (text report files; a plain .txt naming no report kind is left out), an
 * open one read as the editor has it, each with last year's report beside it; names are relative to
 * the folder. Where folders cannot be listed (the web worker) there are no reports: an error says so.
 */
import { ResponseError } from 'vscode-languageserver';
import { hasReportTitleWords, similarPairs, t, uriFileName, type ReportModel } from '../../core';
import { assessorPage, generatedAt, PAGE_FILE_NAME, PAGE_SIMILARITY } from '../../export/assessorPage';
import { SERVER_COMMANDS } from '../../protocol';
import type { Feature, Session } from '../session';

/** Files read at most per page (as checkFolder: a home folder chosen by mistake must not hang the server). */
const LIMIT = 2000;
const NO_REPORTS = 1;

const plainTxt = (uri: string) => uri.toLowerCase().endsWith('.txt') && !uri.toLowerCase().endsWith('.report.txt');

/** file:///x/reports/a/b.txt under file:///x/reports → a/b.txt (decoded); outside it, the file name. */
function relativeName(folder: string, uri: string): string {
  const base = folder.endsWith('/') ? folder : folder + '/';
  if (!uri.startsWith(base)) return uriFileName(uri);
  const rel = uri.slice(base.length);
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}

function run(session: Session, args: readonly unknown[]) {
  const locale = session.locale();
  const folder = String(((args[0] ?? {}) as { uri?: unknown }).uri ?? '');
  const { uris, read } = session.service.reportsUnder(folder, LIMIT);
  const options = session.options();
  const reports: { file: string; model: ReportModel; text: string }[] = [];
  for (const uri of uris) {
    const open = session.report(uri);
    const text = open ? open.getText() : read(uri);
    if (text === undefined || (plainTxt(uri) && !hasReportTitleWords(text))) continue;
    const model =
      (open && session.model(uri)) ||
      session.service.analyze(text, { ...options, previous: session.service.previousReport(uri, session.options) });
    reports.push({ file: relativeName(folder, uri), model, text });
  }
  if (!reports.length) throw new ResponseError(NO_REPORTS, t(locale, 'assessor.noReports', { folder: uriFileName(folder) || folder }));
  const pairs =
    reports.length > 1
      ? similarPairs(
          reports.map((r) => ({ name: r.file, text: r.text })),
          PAGE_SIMILARITY,
        )
      : [];
  const html = assessorPage({ reports, pairs, unreadable: [], locale, generated: generatedAt(), threshold: PAGE_SIMILARITY });
  const count = (severity: string) => reports.reduce((n, r) => n + r.model.findings.filter((f) => f.severity === severity).length, 0);
  const counts = { reports: reports.length, errors: count('error'), warnings: count('warning'), pairs: pairs.length };
  return { html, fileName: PAGE_FILE_NAME, ...counts, message: t(locale, 'assessor.page', counts) };
}

export const assessorPageFeature: Feature = {
  register(session) {
    session.registerCommand(SERVER_COMMANDS.assessorPage, (args) => run(session, args));
  },
};
