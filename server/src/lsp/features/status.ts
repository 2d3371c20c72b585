/**
 * `govreport/status` `{ uri }` → the status bar's line for an open report: its profile, the mandatory
 * parts present and the error and warning counts (`法治政府建设年度报告 · 必备部分 3/4 · 2 个错误 · 1 个警告`),
 * worded by the server in the user's language so every client shows the same. null for a document
 * that is not an open report.
 */
import { t } from '../../core';
import { REQUESTS } from '../../protocol';
import type { Feature } from '../session';

export interface ReportStatus {
  readonly text: string;
  readonly tooltip: string;
  readonly profile: string;
  readonly present: number;
  readonly total: number;
  readonly errors: number;
  readonly warnings: number;
}

export const statusFeature: Feature = {
  register({ connection, model }) {
    connection.onRequest(REQUESTS.status, (params: { uri?: unknown }): ReportStatus | null => {
      const m = typeof params?.uri === 'string' ? model(params.uri) : undefined;
      if (!m) return null;
      const mandatory = m.parts.filter((p) => p.mandatory);
      const counts = {
        profile: m.profile.name,
        present: mandatory.filter((p) => p.present).length,
        total: mandatory.length,
        errors: m.findings.filter((f) => f.severity === 'error').length,
        warnings: m.findings.filter((f) => f.severity === 'warning').length,
      };
      return {
        text: `${t(m.locale, 'codelens.summary', counts)} · ${t(m.locale, 'status.counts', counts)}`,
        tooltip: t(m.locale, 'status.tooltip', counts),
        ...counts,
      };
    });
  },
};
