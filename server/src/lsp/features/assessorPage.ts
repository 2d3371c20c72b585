/**
 * `govreport.assessorPage` (workspace/executeCommand, `[{ uri }]`, uri: a folder): the assessor's page
 * (export/assessorPage.ts — the page `govreport check <folder> --format html` writes) of the report
 * files under the folder → `{ html, fileName, reports, errors, warnings, pairs, message }`; the client
 * (or any editor) saves and opens it, as it saves exportDocx's .docx. Reports are found as
 * `govreport check <folder>` finds them: text report files (a plain .txt naming no report kind is
 * left out; an open one read as the editor has it) and, where the server reads Word, PDF and web pages
 * (Node), those too through intake — an assessor's folder is mostly Word files — each with last year's
 * report beside it; a file intake cannot read is listed as unreadable. Names are relative to the
 * folder. Where folders cannot be listed (the web worker) there are no reports: an error says so.
 */
import { ResponseError } from 'vscode-languageserver';
import { hasReportTitleWords, similarPairs, t, uriFileName, type ReportModel } from '../../core';
import { assessorPage, generatedAt, PAGE_FILE_NAME, PAGE_SIMILARITY } from '../../export/assessorPage';
import { isSourceFile } from '../../intake/sourceFormats';
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

/** A Word, PDF or web page file's report text through intake, or why it cannot be read. */
async function sourceText(session: Session, uri: string): Promise<{ text: string } | { error: string }> {
  const sources = session.sources!;
  const bytes = sources.bytes?.(uri);
  const name = uriFileName(uri);
  if (!bytes) return { error: t(session.locale(), 'assessor.unreadable', { file: name }) };
  try {
    return { text: (await sources.read(name, bytes)).text };
  } catch (e) {
    const localized = (e as { localized?: (locale: string) => string }).localized;
    return { error: typeof localized === 'function' ? localized.call(e, session.locale()) : String((e as Error)?.message ?? e) };
  }
}

async function run(session: Session, args: readonly unknown[]) {
  const locale = session.locale();
  const folder = String(((args[0] ?? {}) as { uri?: unknown }).uri ?? '');
  const listed = session.service.reportsUnder(folder, LIMIT);
  // With intake (Node), every kind of report file the CLI checks; else the text reports.
  const uris = session.sources?.filesUnder?.(folder, LIMIT) ?? listed.uris;
  const options = session.options();
  const reports: { file: string; model: ReportModel; text: string }[] = [];
  const unreadable: { file: string; message: string }[] = [];
  for (const uri of uris) {
    const open = session.report(uri);
    let text: string | undefined;
    if (!open && isSourceFile(uri)) {
      const read = await sourceText(session, uri);
      if ('error' in read) {
        unreadable.push({ file: relativeName(folder, uri), message: read.error });
        continue;
      }
      text = read.text;
    } else text = open ? open.getText() : listed.read(uri);
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
  const html = assessorPage({ reports, pairs, unreadable, locale, generated: generatedAt(), threshold: PAGE_SIMILARITY });
  const count = (severity: string) => reports.reduce((n, r) => n + r.model.findings.filter((f) => f.severity === severity).length, 0);
  const counts = { reports: reports.length, errors: count('error'), warnings: count('warning'), pairs: pairs.length };
  return { html, fileName: PAGE_FILE_NAME, ...counts, message: t(locale, 'assessor.page', counts) };
}

export const assessorPageFeature: Feature = {
  register(session) {
    session.registerCommand(SERVER_COMMANDS.assessorPage, (args) => run(session, args));
  },
};
