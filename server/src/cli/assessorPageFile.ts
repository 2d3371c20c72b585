/**
 * `check --format html [-o review.html]`: the assessor's page (export/assessorPage.ts, shared with the
 * server's `govreport.assessorPage`) for the checked reports, with the near-copy pairs among them (as
 * `govreport similar` finds them, at its default threshold), written to the file `-o` names or to
 * standard output.
 */
import { writeFileSync } from 'node:fs';
import { assessorPage, generatedAt, PAGE_SIMILARITY } from '../export/assessorPage';
import { findSimilar } from './commands/similar';
import { InputError } from './files';
import type { FileResult } from './format';
import type { Io } from './args';

export async function writeAssessorPage(
  io: Io,
  out: string | undefined,
  results: readonly FileResult[],
  files: readonly string[],
  unreadable: readonly { file: string; message: string }[],
  locale: 'zh-cn' | 'en',
): Promise<void> {
  const pairs = files.length > 1 ? await findSimilar(files, PAGE_SIMILARITY, { err: () => {} }) : [];
  const html = assessorPage({
    reports: results.map((r) => ({ file: r.file, model: r.model })),
    pairs,
    unreadable,
    locale,
    generated: generatedAt(),
    threshold: PAGE_SIMILARITY,
  });
  if (!out) return io.out(html);
  try {
    writeFileSync(out, html);
  } catch (e) {
    throw new InputError(`无法写入 ${out}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (cannot write)`);
  }
  io.err(locale === 'en' ? `Wrote ${out}` : `已写入 ${out}`);
}
