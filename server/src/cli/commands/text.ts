/**
 * `govreport text <file>`: prints the report text read out of a file — a Word, PDF or HTML file's
 * paragraphs with their ordinals, a text file decoded — exactly the text `check` analyses, so the
 * lines and columns of its findings can be looked up here.
 */
import { parseFlags, USAGE, UsageError, type Io } from '../args';
import { readAnyReport } from '../files';

export async function text(argv: readonly string[], io: Io): Promise<number> {
  const { positionals } = parseFlags(argv, []);
  if (positionals.length !== 1) throw new UsageError(`需要且只需要一个文件 (exactly one file)\n${USAGE}`);
  const read = await readAnyReport(positionals[0]);
  for (const note of read.notes ?? []) io.err(note); // text left out, an encoding in doubt: said, never silent
  io.out(read.text);
  return 0;
}
