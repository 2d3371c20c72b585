/**
 * Reports as they leave (issue 14): the analysed report → a GB/T 9704 .docx, and a short account of
 * what is still wrong with it (a report with findings still exports). Shared by the CLI
 * (`govreport export`), the server command `govreport.exportDocx` and the web worker.
 */
import type { Locale, ReportModel } from '../core';
import { reportBlocks } from './blocks';
import { blocksToDocx } from './docx';
import { xmlSafe, type Replaced } from './xmlSafe';

/** What a reviewer looks for above and below the body, when the report lacks it. */
export type MissingFrame = 'addressee' | 'signature' | 'date';

export interface ExportSummary {
  /** Mandatory parts no level-1 heading carries (id and name). */
  readonly missingParts: readonly { readonly id: string; readonly name: string }[];
  /** 主送机关, 落款 (the issuing body below the body), 成文日期: those the report has not. */
  readonly missing: readonly MissingFrame[];
  /** Error-level and warning-level findings still in the report. */
  readonly errors: number;
  readonly warnings: number;
  /** Characters a .docx cannot hold, replaced by U+FFFD (count and lines). */
  readonly replaced: Replaced;
  /** Paragraphs, headings, table rows… written (blank spacing lines not counted). */
  readonly blocks: number;
}

export interface ExportResult extends ExportSummary {
  readonly bytes: Uint8Array;
}

/** The .docx of a report: `text` and the model analysed from it. */
export interface ExportOptions {
  /** Lay out a 版头 (发文机关标志, 发文字号, 签发人, the red rule) and a 版记 from what the draft has (GB/T 9704 §7.2, §7.4). */
  readonly letterhead?: boolean;
}

export async function exportDocx(text: string, model: ReportModel, options: ExportOptions = {}): Promise<ExportResult> {
  // Same length in, same length out: the model's positions still hold.
  const safe = xmlSafe(text);
  const blocks = reportBlocks(safe.text, model, { letterhead: options.letterhead });
  const body = model.signature?.bodies[0]?.text ?? model.header.bodies[0]?.text;
  const bytes = await blocksToDocx(blocks, {
    title: model.header.title ? xmlSafe(model.header.title.text).text : undefined,
    creator: body ? xmlSafe(body).text : undefined,
  });
  let count = 0;
  for (const b of blocks) if (b.kind !== 'blank') count++;
  return { bytes, ...summarize(model), replaced: safe.replaced, blocks: count };
}

function summarize(model: ReportModel): Omit<ExportSummary, 'blocks' | 'replaced'> {
  const missing: MissingFrame[] = [];
  if (!model.header.addressee) missing.push('addressee');
  if (!model.signature?.bodies.length) missing.push('signature');
  if (!model.signature?.date) missing.push('date');
  let errors = 0;
  let warnings = 0;
  for (const f of model.findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return {
    missingParts: model.parts.filter((p) => p.mandatory && !p.present).map((p) => ({ id: p.id, name: p.name })),
    missing,
    errors,
    warnings,
  };
}

const FRAME_NAMES: Record<MissingFrame, [string, string]> = {
  addressee: ['主送机关', 'addressee'],
  signature: ['落款', 'signature (issuing body)'],
  date: ['成文日期', 'date'],
};

/** What is still wrong with an exported report, for the user (zh-cn first); empty when nothing is. */
export function exportProblems(summary: Omit<ExportSummary, 'blocks'>, locale: Locale): string[] {
  const zh = locale !== 'en';
  const out: string[] = [];
  if (summary.missingParts.length) {
    const names = summary.missingParts.map((p) => p.name).join(zh ? '、' : ', ');
    out.push(zh ? `缺少必备部分：${names}` : `missing mandatory parts: ${names}`);
  }
  if (summary.missing.length) {
    const names = summary.missing.map((m) => FRAME_NAMES[m][zh ? 0 : 1]).join(zh ? '、' : ', ');
    out.push(zh ? `缺少${names}` : `missing: ${names}`);
  }
  const { errors, warnings } = summary;
  if (errors || warnings) {
    if (zh) out.push(`还有 ${[errors ? `${errors} 个错误` : '', warnings ? `${warnings} 个警告` : ''].filter(Boolean).join('、')}`);
    else {
      const e = errors === 1 ? '1 error' : `${errors} errors`;
      const w = warnings === 1 ? '1 warning' : `${warnings} warnings`;
      const both = [errors ? e : '', warnings ? w : ''].filter(Boolean).join(' and ');
      out.push(`${both} remain${errors + warnings === 1 ? 's' : ''}`);
    }
  }
  const r = summary.replaced;
  if (r.count) {
    const lines = r.lines.map((l) => l + 1).join(zh ? '、' : ', ');
    out.push(
      zh
        ? `${r.count} 个 Word 文档不能容纳的控制字符已替换为 �（第 ${lines} 行）`
        : `${r.count} control character${r.count === 1 ? '' : 's'} a Word document cannot hold replaced by � (line ${lines})`,
    );
  }
  return out;
}

/** One line for the user: exported, and what a reviewer would still send back (zh-cn first). */
export function exportMessage(summary: Omit<ExportSummary, 'blocks'>, target: string, locale: Locale): string {
  const zh = locale !== 'en';
  return [zh ? `已导出 ${target}` : `Exported ${target}`, ...exportProblems(summary, locale)].join(zh ? '；' : '; ');
}

export { reportBlocks, blockText, textWidth, signatureIndents, type Block, type Run } from './blocks';
export { breakTitle } from './titleBreak';
export { EXPORT_MARK } from './docx';
export { paginate, type Page, type PageLine } from './pages';
export * as gbt9704 from './gbt9704';
