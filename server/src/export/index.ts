/**
 * Reports as they leave (issue 14): the analysed report → a GB/T 9704 .docx, and a short account of
 * what is still wrong with it (a report with findings still exports). Shared by the CLI
 * (`govreport export`), the server command `govreport.exportDocx` and the web worker.
 */
import type { Locale, ReportModel } from '../core';
import { reportBlocks } from './blocks';
import { blocksToDocx } from './docx';

export interface ExportSummary {
  /** Mandatory parts no level-1 heading carries (id and name). */
  readonly missingParts: readonly { readonly id: string; readonly name: string }[];
  /** Error-level findings still in the report. */
  readonly errors: number;
  /** Paragraphs, headings, table rows… written (blank spacing lines not counted). */
  readonly blocks: number;
}

export interface ExportResult extends ExportSummary {
  readonly bytes: Uint8Array;
}

/** The .docx of a report: `text` and the model analysed from it. */
export async function exportDocx(text: string, model: ReportModel): Promise<ExportResult> {
  const blocks = reportBlocks(text, model);
  const bytes = await blocksToDocx(blocks, { title: model.header.title?.text });
  return { bytes, ...summarize(model), blocks: blocks.filter((b) => b.kind !== 'blank').length };
}

function summarize(model: ReportModel): Omit<ExportSummary, 'blocks'> {
  return {
    missingParts: model.parts.filter((p) => p.mandatory && !p.present).map((p) => ({ id: p.id, name: p.name })),
    errors: model.findings.filter((f) => f.severity === 'error').length,
  };
}

/** One line for the user: exported, and what a reviewer would still send back (zh-cn first). */
export function exportMessage(summary: Omit<ExportSummary, 'blocks'>, target: string, locale: Locale): string {
  const zh = locale !== 'en';
  const parts = [zh ? `已导出 ${target}` : `Exported ${target}`];
  if (summary.missingParts.length) {
    const names = summary.missingParts.map((p) => p.name).join(zh ? '、' : ', ');
    parts.push(zh ? `缺少必备部分：${names}` : `missing mandatory parts: ${names}`);
  }
  if (summary.errors)
    parts.push(zh ? `还有 ${summary.errors} 个错误` : summary.errors === 1 ? '1 error remains' : `${summary.errors} errors remain`);
  return parts.join(zh ? '；' : '; ');
}

export { reportBlocks, blockText, textWidth, signatureIndents, type Block, type Run } from './blocks';
export { paginate, type Page, type PageLine } from './pages';
export * as gbt9704 from './gbt9704';
