/**
 * Checks many files, in this thread or across worker threads (`--jobs N`). Results come back in
 * the order the files were given, whatever order the workers finish in.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { resolveOptions } from '../config/workspaceConfig';
import { analyze, hasReportTitleWords, resolveProfile, type AnalyzeOptions, type ReportModel } from '../core';
import { USAGE, UsageError } from './args';
import { InputError, readAnyReport } from './files';
import { fixFile, type FixMode, type FixOutcome } from './fix';
import { previousFor, shownPath } from './lastYearInFolder';
import { readWorkspaceFile } from './workspaceFile';

export interface Checked {
  readonly file: string;
  readonly model?: ReportModel;
  readonly encoding?: string;
  /** Why the file could not be read (then there is no model). */
  readonly error?: string;
  /** What reading it left out or doubted (intake's notes), printed on stderr. */
  readonly notes?: readonly string[];
  /** `--fix` / `--fix-dry-run`: what was (or would be) fixed; the model is then the fixed text's. */
  readonly fix?: FixOutcome;
  /** Found by a folder search but not a report (a plain .txt the detection turns down): not checked. */
  readonly skipped?: boolean;
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
  /** `--reuse-warning`: the reused share above which reused-text is a warning; wins over the workspace file. */
  readonly reuseWarning?: number;
  /** `--fix` (write) or `--fix-dry-run`. */
  readonly fix?: FixMode;
  /**
   * Paths named on the command line. A plain `.txt` found by searching a folder (not named) is checked
   * only when the editor's detection would consider it (core `hasReportTitleWords`: a report kind's
   * title words in its first lines) and is otherwise listed as skipped, not given four missing-part
   * errors; a draft that names its kind is checked even with parts missing.
   */
  readonly named?: readonly string[];
}

/** A `.txt` that is not a report by its name (`*.report.txt`, `*.govreport` are). */
const plainTxt = (file: string) => file.toLowerCase().endsWith('.txt') && !file.toLowerCase().endsWith('.report.txt');

/**
 * The analysis options of a CLI run: the workspace file's profile, severities and references, and
 * `--profile`, which names a built-in profile or the one the workspace file defines (the same
 * `resolveProfile` as the editor's). An unknown profile is bad usage.
 */
export function analysisOptions(input: CheckInput): AnalyzeOptions {
  const resolved = resolveOptions({}, input.workspaceFile ? readWorkspaceFile(input.workspaceFile) : undefined);
  const fromFile = input.reuseWarning === undefined ? resolved : { ...resolved, reuseWarning: input.reuseWarning };
  if (!input.profile) return { ...fromFile, locale: input.locale };
  const profile = resolveProfile(input.profile, fromFile.profile);
  if (!profile) throw new UsageError(`未知配置 (unknown profile): ${input.profile}\n${USAGE}`);
  return { ...fromFile, profile, locale: input.locale };
}

export async function checkOne(
  file: string,
  options: AnalyzeOptions,
  input: Pick<CheckInput, 'previous' | 'fix' | 'named'> = {},
): Promise<Checked> {
  try {
    const { text, encoding, notes } = await readAnyReport(file);
    if (input.named && !input.named.includes(file) && plainTxt(file) && !hasReportTitleWords(text)) return { file, skipped: true };
    return await checkText(file, text, encoding, notes, options, input.previous, input.fix);
  } catch (e) {
    // A file that fails, however it fails (an unreadable file, a reader or an analysis that throws), is that
    // file's error: the batch goes on with the others.
    return {
      file,
      error: e instanceof InputError ? e.message : `无法检查 ${file}：${(e as Error)?.message ?? String(e)} (could not be checked)`,
    };
  }
}

/** Analyses a report's text (read from `file`, or `-`: standard input), fixing it first when asked. */
export async function checkText(
  file: string,
  text: string,
  encoding: string,
  notes: readonly string[] | undefined,
  options: AnalyzeOptions,
  previous?: string,
  fix?: FixMode,
): Promise<Checked> {
  const opts = { ...options, previous: file === '-' && !previous ? undefined : await previousFor(file, previous) };
  let model = analyze(text, opts);
  let outcome: FixOutcome | undefined;
  if (fix) {
    outcome = fixFile(file, file === '-' ? '<stdin>' : shownPath(file), text, encoding, model, fix);
    // As ESLint reports after --fix: what is left once the fixes are in.
    if (outcome.edits > 0) model = analyze(outcome.text, opts);
    // The fixed text goes back to the caller only through the file (or the diff): not sent between threads.
    outcome = { ...outcome, text: '' };
  }
  return { file, model, encoding, notes, ...(outcome ? { fix: outcome } : {}) };
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
      results[i] = await checkOne(files[i], options, input);
      onProgress(++done);
    }
    return results;
  }
  let next = 0;
  const workerCount = Math.min(jobs, Math.ceil(files.length / BATCH));
  const run = (): Promise<void> =>
    new Promise<void>((resolve) => {
      // The worker is bundled next to the CLI (dist/checkWorker.js).
      const worker = new Worker(join(__dirname, 'checkWorker.js'), { workerData: input });
      let inFlight: { start: number; end: number } | undefined;
      const feed = () => {
        if (next >= files.length) return void worker.terminate().then(() => resolve());
        const start = next;
        next = Math.min(files.length, next + BATCH);
        inFlight = { start, end: next };
        worker.postMessage({ start, files: files.slice(start, next) });
      };
      worker.on('message', (m: { start: number; results: Checked[] }) => {
        m.results.forEach((r, k) => (results[m.start + k] = r));
        done += m.results.length;
        onProgress(done);
        inFlight = undefined;
        feed();
      });
      // A worker that dies (out of memory, a crash no file-level catch saw) fails the files it held, not the
      // run: they are reported as not checked and a new worker takes the rest.
      worker.on('error', (e) => {
        if (inFlight) {
          for (let i = inFlight.start; i < inFlight.end; i++)
            results[i] ??= { file: files[i], error: `无法检查 ${files[i]}：${e?.message ?? String(e)} (could not be checked)` };
          done += inFlight.end - inFlight.start;
          onProgress(done);
          inFlight = undefined;
        }
        void worker.terminate();
        resolve(next < files.length ? run() : undefined);
      });
      feed();
    });
  await Promise.all(Array.from({ length: workerCount }, run));
  return results;
}
