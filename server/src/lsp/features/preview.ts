/**
 * The page preview's data: request `govreport/preview` `{ uri }` → the report laid out on GB/T 9704
 * pages (export/pages.ts), lines with findings marked. The client's webview only draws it, so the
 * preview and the exported .docx come from the same blocks.
 */
import { paginate, reportBlocks } from '../../export';
import { REQUESTS } from '../../protocol';
import type { Feature } from '../session';

export const previewFeature: Feature = {
  register({ connection, model, report }) {
    connection.onRequest(REQUESTS.preview, (p: { uri?: string }) => {
      const doc = p?.uri ? report(p.uri) : undefined;
      const m = p?.uri ? model(p.uri) : undefined;
      if (!doc || !m) return null;
      const findings = m.findings.map((f) => ({ line: f.range.start.line, severity: f.severity }));
      return {
        uri: p.uri,
        version: doc.version,
        title: m.header.title?.text ?? null,
        pages: paginate(reportBlocks(doc.getText(), m), findings),
      };
    });
  },
};
