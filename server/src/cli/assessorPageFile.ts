/**
 * `check --format html [-o review.html]`: the assessor's page (assessorPage.ts) for the checked
 * reports, with the near-copy pairs among them (as `govreport similar` finds them, at its default
 * threshold), written to the file `-o` names or to standard output.
 */
import { writeFileSync } from 'node:fs';
import { assessorPage } from './assessorPage';
import { findSimilar } from './commands/similar';
import { InputError } from './files';
import type { FileResult } from './format';
import type { Io } from './args';
import type { FileSummary } from './summary';

const THRESHOLD = 0.3;

export async function writeAssessorPage(
  io: Io,
  out: string | undefined,
  results: readonly FileResult[],
  summaries: readonly FileSummary[],
  files: readonly string[],
  unreadable: readonly { file: string; message: string }[],
  locale: 'zh-cn' | 'en',
): Promise<void> {
  const pairs = files.length > 1 ? await findSimilar(files, THRESHOLD, { err: () => {} }) : [];
  const html = assessorPage({
    reports: results.map((r, i) => ({ file: r.file, model: r.model, summary: summaries[i] })),
    pairs,
    unreadable,
    locale,
    generated: new Date().toISOString().slice(0, 16).replace('T', ' '),
    threshold: THRESHOLD,
  });
  if (!out) return io.out(html);
  try {
    writeFileSync(out, html);
  } catch (e) {
    throw new InputError(`无法写入 ${out}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (cannot write)`);
  }
  io.err(locale === 'en' ? `Wrote ${out}` : `已写入 ${out}`);
}
