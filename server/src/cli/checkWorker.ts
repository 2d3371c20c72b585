/** A worker thread of `govreport check --jobs N`: reads and analyzes the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { analysisOptions, checkOne, type CheckInput } from './batch';

const input = workerData as CheckInput;
const options = analysisOptions(input);
parentPort!.on('message', async (m: { start: number; files: string[] }) => {
  const results = [];
  for (const f of m.files) results.push(await checkOne(f, options, input));
  parentPort!.postMessage({ start: m.start, results });
});
