/** Publishes the model's findings as diagnostics on every change, for the latest version only. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LANGUAGE_ID } from '../constants';
import { toDiagnostic } from '../convert';
import type { Feature } from '../session';

export const diagnosticsFeature: Feature = {
  register({ connection, documents, model, settings }) {
    const validate = (doc: TextDocument) => {
      const m = model(doc.uri);
      if (!m || documents.get(doc.uri)?.version !== doc.version) return; // stale: a newer version will publish
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: m.findings.map(toDiagnostic) });
    };
    documents.onDidChangeContent((e) => {
      if (e.document.languageId === LANGUAGE_ID) validate(e.document);
    });
    // New severities or another profile: re-publish every open report.
    settings.onDidChange(() => {
      for (const doc of documents.all()) if (doc.languageId === LANGUAGE_ID) validate(doc);
    });
    documents.onDidClose((e) => {
      if (e.document.languageId === LANGUAGE_ID) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
  },
};
