/**
 * `govreport text <file>`: prints the report text read out of a file — a Word, PDF or HTML file's
 * paragraphs with their ordinals, a text file decoded — exactly the text `check` analyses, so the
 * lines and columns of its findings can be looked up here. `--frame` prints the frame instead (page
 * headers and footers, text boxes, a 红头); `--comments` a Word file's comments (批注): author, date,
 * the text each is anchored on and what it says — never part of the report text.
 */
import { parseFlags, USAGE, UsageError, type Io } from '../args';
import { InputError, readAnyReport } from '../files';
import { decodeReport } from '../../files/reportFile';
import { printable } from '../printable';
import type { DocxComment } from '../../intake/docx/comments';

export async function text(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, flags } = parseFlags(argv, [], ['--comments', '--frame']);
  if (positionals.length !== 1) throw new UsageError(`需要且只需要一个文件 (exactly one file)\n${USAGE}`);
  const read = positionals[0] === '-' ? await readStdinReport(io) : await readAnyReport(positionals[0]);
  for (const note of read.notes ?? []) io.err(note); // text left out, an encoding in doubt: said, never silent
  if (flags.has('--comments')) {
    const comments = read.comments ?? [];
    if (comments.length)
      io.out(printable(comments.map(commentBlock).join('\n\n'))); // a reviewer's words, shown safe
    else io.err(`${positionals[0]}：没有批注 (no comments)`);
  } else if (flags.has('--frame')) {
    if (read.frame?.length) io.out(read.frame.join('\n'));
    else io.err(`${positionals[0]}：没有版头、页眉页脚或文本框 (no frame: headers, footers, text boxes)`);
  } else io.out(read.text);
  return 0;
}

/** 2024-03-01T10:20:00Z → 2024-03-01 10:20 (found once, not matched from every T: linear). */
function shortDate(date: string): string {
  const m = /T(\d\d:\d\d)/.exec(date);
  return m ? `${date.slice(0, m.index)} ${m[1]}` : date;
}

/** One comment: `[N] author date`, the anchored text quoted, the comment indented. */
function commentBlock(c: DocxComment, i: number): string {
  const head = [`[${i + 1}]`, c.author || '（未署名 unnamed）', shortDate(c.date)].filter(Boolean).join(' ');
  const anchor = c.anchor ? `  原文 (on)：「${c.anchor.replace(/\n/g, ' ')}」` : '  原文 (on)：（未标范围 no range）';
  return [head, anchor, ...c.text.split('\n').map((l, k) => (k === 0 ? `  批注 (comment)：${l}` : `    ${l}`))].join('\n');
}

/** `-`: the text on standard input, decoded as a text file is. */
async function readStdinReport(io: Io): Promise<{ text: string; notes?: string[]; frame?: string[]; comments?: DocxComment[] }> {
  if (!io.stdin) throw new UsageError('没有可读取的标准输入 (no standard input to read)');
  const decoded = decodeReport(await io.stdin());
  if (!decoded) throw new InputError('<stdin> 不是 UTF-8 编码的文本，也无法按 GB18030/GBK、Big5 等编码解码 (not text in a known encoding)');
  return { text: decoded.text };
}
