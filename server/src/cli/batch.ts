/**
 * Checks many files, in this thread or across worker threads (`--jobs N`). Results come back in
 * the order the files were given, whatever order the workers finish in.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { resolveOptions } from '../config/workspaceConfig';
import { analyze, resolveProfile, type AnalyzeOptions, type ReportModel } from '../core';
import { USAGE, UsageError } from './args';
import { InputError, readAnyReport } from './files';
import { previousFor } from './lastYearInFolder';
import { readWorkspaceFile } from './workspaceFile';

export interface Checked {
  readonly file: string;
  readonly model?: ReportModel;
  readonly encoding?: string;
  /** Why the file could not be read (then there is no model). */
  readonly error?: string;
  /** What reading it left out or doubted (intake's notes), printed on stderr. */
  readonly notes?: readonly string[];
}

/** What decides the analysis options: plain data, so it can be sent to worker threads. */
export interface CheckInput {
  readonly locale: string;
  /** `--profile`: wins over the workspace file. */
  readonly profile?: string;
  /** The `.govreport.json` that applies, if any. */
  readonly workspaceFile?: string;
  /** `--previous`: last year's report to compare every checked file with (else each file's folder is searched). */
  readonly previous?: string;
}

/**
 * The analysis options of a CLI run: the workspace file's profile, severities and references, and
 * `--profile`, which names a built-in profile or the one the workspace file defines (the same
 * `resolveProfile` as the editor's). An unknown profile is bad usage.
 */
export function analysisOptions(input: CheckInput): AnalyzeOptions {
  const fromFile = resolveOptions({}, input.workspaceFile ? readWorkspaceFile(input.workspaceFile) : undefined);
  if (!input.profile) return { ...fromFile, locale: input.locale };
  const profile = resolveProfile(input.profile, fromFile.profile);
  if (!profile) throw new UsageError(`未知配置 (unknown profile): ${input.profile}\n${USAGE}`);
  return { ...fromFile, profile, locale: input.locale };
}

export async function checkOne(file: string, options: AnalyzeOptions, previous?: string): Promise<Checked> {
  try {
    const { text, encoding, notes } = await readAnyReport(file);
    return { file, model: analyze(text, { ...options, previous: await previousFor(file, previous) }), encoding, notes };
  } catch (e) {
    if (e instanceof InputError) return { file, error: e.message };
    throw e;
  }
}

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 200;
/** Files per message: amortizes message passing without starving a worker at the end. */
const BATCH = 16;

/**
 * The default `--jobs`: one thread unless there are many files and cores to spare. The main
 * thread reads the results back and prints them, so workers pay only with a core left for it
 * (measured: on two cores, two workers are slower than one thread; see the README's Performance).
 */
export function defaultJobs(files: number): number {
  const cores = availableParallelism();
  return files < WORKER_THRESHOLD || cores <= 2 ? 1 : Math.min(cores - 1, 8);
}

export async function checkAll(
  files: readonly string[],
  input: CheckInput,
  jobs: number,
  onProgress: (done: number) => void,
): Promise<Checked[]> {
  const results: Checked[] = new Array(files.length);
  let done = 0;
  if (jobs <= 1 || files.length <= 1) {
    const options = analysisOptions(input);
    for (let i = 0; i < files.length; i++) {
      results[i] = await checkOne(files[i], options, input.previous);
      onProgress(++done);
    }
    return results;
  }
  let next = 0;
  const workerCount = Math.min(jobs, Math.ceil(files.length / BATCH));
  const run = () =>
    new Promise<void>((resolve, reject) => {
      // The worker is bundled next to the CLI (dist/checkWorker.js).
      const worker = new Worker(join(__dirname, 'checkWorker.js'), { workerData: input });
      const feed = () => {
        if (next >= files.length) return void worker.terminate().then(() => resolve(), reject);
        const start = next;
        next = Math.min(files.length, next + BATCH);
        worker.postMessage({ start, files: files.slice(start, next) });
      };
      worker.on('message', (m: { start: number; results: Checked[] }) => {
        m.results.forEach((r, k) => (results[m.start + k] = r));
        done += m.results.length;
        onProgress(done);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: workerCount }, run));
  return results;
}
