/**
 * Publishes the model's findings as diagnostics for the latest version only. Validation is
 * deferred until the messages already received are handled, so a burst of edits costs one
 * analysis (of the newest version): work for a superseded version or a closed document is
 * dropped, never done.
 */
import { LANGUAGE_ID } from '../../protocol';
import { toDiagnostics } from '../convert';
import type { Feature } from '../session';

export const diagnosticsFeature: Feature = {
  register({ connection, documents, model, settings }) {
    const scheduled = new Set<string>();
    const validate = (uri: string) => {
      scheduled.delete(uri);
      const doc = documents.get(uri);
      if (!doc || doc.languageId !== LANGUAGE_ID) return; // closed meanwhile: no work
      const m = model(uri);
      if (m) void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: toDiagnostics(m) });
    };
    const schedule = (uri: string) => {
      if (scheduled.has(uri)) return; // already pending: it will read the newest version
      scheduled.add(uri);
      // Two turns: the connection handles one queued message per turn, so edits that arrived
      // together with this one are applied before the analysis runs.
      setImmediate(() => setImmediate(() => validate(uri)));
    };
    documents.onDidChangeContent((e) => {
      if (e.document.languageId === LANGUAGE_ID) schedule(e.document.uri);
    });
    // New severities, another profile or size limit: re-publish every open report.
    settings.onDidChange(() => {
      for (const doc of documents.all()) if (doc.languageId === LANGUAGE_ID) schedule(doc.uri);
    });
    documents.onDidClose((e) => {
      scheduled.delete(e.document.uri);
      if (e.document.languageId === LANGUAGE_ID) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
  },
};
