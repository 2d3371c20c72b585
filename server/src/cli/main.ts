/**
 * The `govreport` command line — the same engine as the editor, for whole folders.
 * Commands live in cli/commands/, one file each. Exit codes: 0 fine, 1 an error-level finding,
 * 2 bad usage or unreadable input (with a clear message).
 */
import { existsSync } from 'node:fs';
import { version } from '../../../package.json';
import { commandHelp, USAGE, usageHint, UsageError, type Io } from './args';
import { check } from './commands/check';
import { exportCommand } from './commands/export';
import { figures } from './commands/figures';
import { init } from './commands/init';
import { newCommand } from './commands/new';
import { review } from './commands/review';
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
  init,
  review,
};

/** Options every command takes, read before the command sees its arguments (never after `--`). */
const COLOR_FLAGS = ['--color', '--no-color'];

/** `govreport <paths>` is short for `govreport check <paths>` when the first argument is a path, a glob or `-`. */
function looksLikePath(arg: string): boolean {
  return arg === '-' || arg === '--' || /[/\\.*?[{]/.test(arg) || existsSync(arg);
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  // The options region ends at `--`: a file named --help after it is a file.
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  const color = options.includes('--no-color') ? false : options.includes('--color') ? true : io.color;
  const args = [...options.filter((a) => !COLOR_FLAGS.includes(a)), ...(end < 0 ? [] : argv.slice(end))];
  const shown: Io = { ...io, color };
  const [first, ...rest] = args;
  if (first === '--version' || first === '-v') {
    io.out(version);
    return 0;
  }
  if (first === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'));
    const help = topic === undefined ? USAGE : commandHelp(topic);
    if (help === undefined) {
      io.err(`未知命令 (unknown command): ${printable(topic!)}\n${usageHint()}`);
      return 2;
    }
    io.out(help);
    return 0;
  }
  // Asked for (govreport --help, govreport check -h): the help on stdout, exit 0. Nothing asked: bad usage.
  if (options.includes('--help') || options.includes('-h')) {
    io.out((first && commandHelp(first)) || USAGE);
    return 0;
  }
  if (!first) {
    io.err(USAGE);
    return 2;
  }
  const known = Object.hasOwn(commands, first);
  if (!known && !first.startsWith('-') && !looksLikePath(first)) {
    io.err(`未知命令 (unknown command): ${first}（命令 commands: ${Object.keys(commands).join(', ')}, help）\n${usageHint()}`);
    return 2;
  }
  const command = known ? commands[first] : check;
  try {
    return await command(known ? rest : args, shown);
  } catch (e) {
    if (e instanceof UsageError) {
      // Commands used to append the whole usage; the hint says where it is instead.
      io.err(`${e.message.replace('\n' + USAGE, '')}\n${usageHint(known ? first : 'check')}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
}

/** Colour on a terminal unless NO_COLOR (https://no-color.org: any non-empty value) or TERM=dumb says otherwise. */
export function colorByDefault(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
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
    color: colorByDefault(process.env, !!process.stdout.isTTY),
    progress: process.stderr.isTTY ? (s) => process.stderr.write(s) : undefined,
    stdin: readStdin,
  }).then((code) => (process.exitCode = code));
}
