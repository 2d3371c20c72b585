/**
 * Diagnostics for the latest version only, pushed (`textDocument/publishDiagnostics`) or, when
 * the client supports it, pulled (`textDocument/diagnostic` with result ids: a document whose
 * diagnostics did not change since the client's result id answers `unchanged`, nothing sent).
 * Validation is deferred until the messages already received are handled, so a burst of edits
 * costs one analysis (of the newest version): work for a superseded version or a closed
 * document is dropped, never done. Each finding is converted once and its diagnostic reused, and
 * pushed diagnostics are published only when they changed (a keystroke that moves no finding sends
 * nothing; the client keeps what it has, which is still right).
 */
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { LANGUAGE_ID } from '../../protocol';
import { publishParams } from '../diagnosticBytes';
import { DocumentDiagnostics } from '../diagnosticsReuse';
import type { Feature } from '../session';

export const diagnosticsFeature: Feature = {
  capabilities: (client) =>
    client.textDocument?.diagnostic ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {},
  register({ connection, documents, model, settings, clientCapabilities }) {
    const pull = () => !!clientCapabilities().textDocument?.diagnostic;
    const converted = new Map<string, DocumentDiagnostics>();
    const diagnosticsOf = (uri: string) => {
      const m = model(uri);
      if (!m) return undefined;
      let d = converted.get(uri);
      if (!d) converted.set(uri, (d = new DocumentDiagnostics()));
      return { items: d.of(m), resultId: d.resultId };
    };
    /** What was last published for each open document: a version whose diagnostics are the same array is not published again. */
    const sent = new Map<string, readonly Diagnostic[]>();
    const scheduled = new Set<string>();
    // Changes seen per document: while they keep coming (a burst of didChange in one write),
    // the analysis waits for the burst to end, then runs once on the newest text.
    const changes = new Map<string, number>();
    const validate = (uri: string, seen: number) => {
      if ((changes.get(uri) ?? 0) !== seen) {
        later(uri);
        return;
      }
      scheduled.delete(uri);
      const doc = documents.get(uri);
      if (!doc || doc.languageId !== LANGUAGE_ID) return; // closed meanwhile: no work
      const d = diagnosticsOf(uri);
      // Unchanged since the last publish (the same array): the client has them already, nothing is sent.
      if (!d || sent.get(uri) === d.items) return;
      sent.set(uri, d.items);
      void connection.sendDiagnostics(publishParams({ uri, version: doc.version, diagnostics: d.items as Diagnostic[] }));
    };
    const schedule = (uri: string) => {
      if (pull() || scheduled.has(uri)) return; // pulled by the client, or already pending (it will read the newest version)
      scheduled.add(uri);
      later(uri);
    };
    // Two turns: the connection handles one queued message per turn, so an edit that arrived
    // together with this one is applied before the analysis runs; if one was, wait again.
    const later = (uri: string) => {
      const seen = changes.get(uri) ?? 0;
      setImmediate(() => setImmediate(() => validate(uri, seen)));
    };
    connection.languages.diagnostics.on((params): DocumentDiagnosticReport => {
      const d = diagnosticsOf(params.textDocument.uri);
      if (!d) return { kind: 'full', items: [] };
      if (params.previousResultId === d.resultId) return { kind: 'unchanged', resultId: d.resultId };
      return { kind: 'full', resultId: d.resultId, items: d.items as Diagnostic[] };
    });
    documents.onDidChangeContent((e) => {
      changes.set(e.document.uri, (changes.get(e.document.uri) ?? 0) + 1);
      if (e.document.languageId === LANGUAGE_ID) schedule(e.document.uri);
    });
    // New severities, another profile or size limit: re-publish every open report (or have the client pull again).
    settings.onDidChange(() => {
      if (pull()) {
        if (clientCapabilities().workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
        return;
      }
      for (const doc of documents.all()) if (doc.languageId === LANGUAGE_ID) schedule(doc.uri);
    });
    documents.onDidClose((e) => {
      scheduled.delete(e.document.uri);
      changes.delete(e.document.uri);
      converted.delete(e.document.uri);
      sent.delete(e.document.uri);
      if (e.document.languageId === LANGUAGE_ID && !pull()) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
  },
};
