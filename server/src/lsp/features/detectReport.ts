/** Tells the client when a plain-text document looks like a report (once per document). */
import { looksLikeReport } from '../../core';
import { NOTIFICATIONS } from '../../protocol';
import type { Feature } from '../session';

export const detectReportFeature: Feature = {
  register({ connection, documents }) {
    const seen = new Set<string>();
    documents.onDidChangeContent((e) => {
      const doc = e.document;
      if (doc.languageId !== 'plaintext' || seen.has(doc.uri)) return;
      seen.add(doc.uri);
      if (looksLikeReport(doc.getText())) void connection.sendNotification(NOTIFICATIONS.looksLikeReport, { uri: doc.uri });
    });
    documents.onDidClose((e) => seen.delete(e.document.uri));
  },
};
