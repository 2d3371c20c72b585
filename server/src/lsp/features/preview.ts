/**
 * The page preview's data: request `govreport/preview` `{ uri }` → the report laid out on GB/T 9704
 * pages (export/pages.ts), lines with findings marked, and the sheet they are drawn on (geometry and
 * fonts from export/gbt9704.ts). The client's webview only draws it, so the preview and the exported
 * .docx come from the same blocks and the same numbers.
 */
import { paginate, reportBlocks } from '../../export';
import {
  CHAR_PITCH_PT,
  FONTS,
  GENERIC_FAMILY,
  LINE_PITCH_PT,
  PAGE,
  SIZE,
  TYPE_AREA,
  pageNumberText,
  type FontRole,
} from '../../export/gbt9704';
import { REQUESTS, type PreviewResult, type PreviewSheet } from '../../protocol';
import type { Feature } from '../session';

/** The GB/T 9704 sheet as the webview needs it: millimetres, points and CSS font-family lists. */
const SHEET: PreviewSheet = {
  widthMm: PAGE.widthMm,
  heightMm: PAGE.heightMm,
  margin: PAGE.margin,
  typeArea: TYPE_AREA,
  pageNumberGapMm: PAGE.pageNumberGapMm,
  linePitchPt: LINE_PITCH_PT,
  charPitchPt: CHAR_PITCH_PT,
  sizePt: SIZE,
  fontFamily: Object.fromEntries(
    (Object.keys(FONTS) as FontRole[]).map((role) => [role, [...FONTS[role].map((f) => `"${f}"`), GENERIC_FAMILY[role]].join(', ')]),
  ),
};

export const previewFeature: Feature = {
  register({ connection, model, report }) {
    connection.onRequest(REQUESTS.preview, (p: { uri?: string }): PreviewResult | null => {
      const doc = p?.uri ? report(p.uri) : undefined;
      const m = p?.uri ? model(p.uri) : undefined;
      if (!p?.uri || !doc || !m) return null;
      const findings = m.findings.map((f) => ({ line: f.range.start.line, severity: f.severity }));
      return {
        uri: p.uri,
        version: doc.version,
        title: m.header.title?.text ?? null,
        sheet: SHEET,
        pages: paginate(reportBlocks(doc.getText(), m), findings).map((page) => ({ ...page, numberText: pageNumberText(page.number) })),
      };
    });
  },
};
