/**
 * The built CLI (dist/cli.js) run inside the test's own process, synchronously, with spawnSync's answer
 * ({ status, stdout, stderr }): tests that only read the CLI's output and exit code call this instead of
 * spawning `node dist/cli.js` each time. Spawning loaded the 5 MB bundle once per call (~0.3 s of CPU,
 * most of `npm test`'s time); here one worker thread loads it once per test file and runs its exported
 * `run(argv, io)` for every call, while this thread waits on an Atomics flag (so the callers stay
 * synchronous, as with spawnSync).
 *
 * It is the bundle users run, with the io the binary gives it (main.ts): stdout and stderr lines
 * (stderr made printable), colour from NO_COLOR/FORCE_COLOR for a pipe, `-` reading `input`, the
 * working directory and environment of the call, `--jobs` workers beside it. What only a real process
 * shows (its exit status, stdin from a pipe, a run as another user, a hang on a FIFO) stays tested by spawning
 * it: test/exitCodes.test.ts, test/hostileFiles.test.ts, test/patternSafety.test.ts, test/install.test.ts, the
 * stdin tests of test/cliConventions.test.ts, the first of test/cli.test.ts. A call that never answers fails
 * after 10 minutes (this thread is blocked meanwhile: a test's own timeout cannot fire).
 */
import { resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { printable } from '../../server/src/cli/printable';

export const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliOptions {
  /** Working directory of the run (default: this process's). */
  readonly cwd?: string;
  /** The whole environment, as spawnSync's `env` (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** What `-` reads (standard input); empty when absent, as spawnSync's closed pipe. */
  readonly input?: string | Uint8Array;
}

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

// The worker: loads the bundle (not as the main module, so its own command-line entry does not run) and
// answers one request at a time. Anything the code prints past `io` (console, process.stdout) is captured too.
const WORKER = `
const { workerData } = require('node:worker_threads');
const { port, flag, cli } = workerData;
let loaded;
try {
  loaded = require(cli);
} catch (e) {
  loaded = { run: () => Promise.reject(e), colorByDefault: () => false };
}
const { run, colorByDefault } = loaded;
let lines = [];
const capture = (stream) => (chunk, enc, cb) => {
  lines.push([stream, typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()]);
  if (typeof enc === 'function') enc(); else if (typeof cb === 'function') cb();
  return true;
};
process.stdout.write = capture('out');
process.stderr.write = capture('raw');
port.on('message', async ({ args, env, input }) => {
  for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
  Object.assign(process.env, env);
  lines = [];
  let status;
  try {
    status = await run(args, {
      out: (s) => lines.push(['out', s + '\\n']),
      err: (s) => lines.push(['err', s]),
      color: colorByDefault(process.env, false),
      progress: undefined,
      stdin: async () => Buffer.from(input ?? ''),
    });
  } catch (e) {
    // The binary leaves a thrown error unhandled: Node prints it and exits 1.
    lines.push(['raw', (e && e.stack) || String(e)]);
    status = 1;
  }
  port.postMessage({ status, lines });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

let worker: { port: MessagePort; flag: Int32Array } | undefined;
type MessagePort = import('node:worker_threads').MessagePort;

function start(): { port: MessagePort; flag: Int32Array } {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const w = new Worker(WORKER, { eval: true, workerData: { port: port2, flag, cli: CLI }, transferList: [port2] });
  w.unref();
  port1.unref();
  return { port: port1, flag };
}

/** `node dist/cli.js ...args`, run in this process; answers as spawnSync(…, { encoding: 'utf8' }) does. */
export function runCli(args: readonly string[], options: CliOptions = {}): CliResult {
  worker ??= start();
  const { port, flag } = worker;
  const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter(([, v]) => v !== undefined));
  const here = process.cwd();
  // The worker shares this process's working directory (workers cannot chdir; they see the main thread's).
  if (options.cwd) process.chdir(options.cwd);
  try {
    Atomics.store(flag, 0, 0);
    port.postMessage({ args: [...args], env, input: options.input });
    if (Atomics.wait(flag, 0, 0, 10 * 60_000) === 'timed-out') throw new Error(`govreport ${args.join(' ')}: no answer in 10 minutes`);
  } finally {
    if (options.cwd) process.chdir(here);
  }
  const answer = receiveMessageOnPort(port)?.message as { status: number; lines: [string, string][] };
  const text = (kinds: string[]) =>
    answer.lines
      .filter(([k]) => kinds.includes(k))
      .map(([k, s]) => (k === 'err' ? printable(s) + '\n' : s))
      .join('');
  return { status: answer.status, stdout: text(['out']), stderr: text(['err', 'raw']) };
}
