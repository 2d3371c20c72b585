/**
 * The `govreport` command line — the same engine as the editor, for whole folders.
 * Commands live in cli/commands/, one file each. Exit codes: 0 fine, 1 an error-level finding,
 * 2 bad usage or unreadable input (with a clear message).
 */
import { USAGE, UsageError, type Io } from './args';
import { check } from './commands/check';
import { exportCommand } from './commands/export';
import { figures } from './commands/figures';
import { newCommand } from './commands/new';
import { similar } from './commands/similar';
import { text } from './commands/text';
import { InputError } from './files';
import { printable } from './printable';

const commands: Record<string, (argv: readonly string[], io: Io) => number | Promise<number>> = {
  check,
  figures,
  new: newCommand,
  text,
  export: exportCommand,
  similar,
};

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  // Asked for (govreport --help, govreport check -h): the usage on stdout, exit 0. Nothing asked: bad usage.
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  if (!first) {
    io.err(USAGE);
    return 2;
  }
  // `govreport <paths>` is short for `govreport check <paths>`.
  const command = commands[first] ? commands[first] : check;
  const args = commands[first] ? rest : argv;
  try {
    return await command(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  // `govreport check … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    // Messages name files, and a file name can hold terminal commands: shown escaped.
    err: (s) => process.stderr.write(printable(s) + '\n'),
    color: !!process.stdout.isTTY,
    progress: process.stderr.isTTY ? (s) => process.stderr.write(s) : undefined,
  }).then((code) => (process.exitCode = code));
}
