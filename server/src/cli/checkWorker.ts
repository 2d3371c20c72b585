/** A worker thread of `govreport check --jobs N`: reads and analyzes the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { analysisOptions, checkOne, type CheckInput } from './batch';

const input = workerData as CheckInput;
const options = analysisOptions(input);
parentPort!.on('message', (m: { start: number; files: string[] }) => {
  parentPort!.postMessage({ start: m.start, results: m.files.map((f) => checkOne(f, options, input.previous)) });
});
