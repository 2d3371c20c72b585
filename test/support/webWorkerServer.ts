/**
 * The browser build of the language server (dist/web/server.js) in a Node worker thread that looks
 * like a dedicated web worker: the bundle gets postMessage / onmessage / addEventListener on its
 * global scope and runs as plain script (vm) with Node's own globals (process, Buffer, setImmediate,
 * require …) shadowed — as in a browser.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createProtocolConnection, PortMessageReader, PortMessageWriter } from 'vscode-languageserver-protocol/node';
import { connectClient, type ClientOptions, type ClientSession } from './lspClient';

export const WEB_SERVER_PATH = resolve(__dirname, '..', '..', 'dist', 'web', 'server.js');

const WORKER_SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const vm = require('node:vm');
const deliver = (fn) => parentPort.on('message', (data) => fn({ data }));
globalThis.self = globalThis;
globalThis.postMessage = (message) => parentPort.postMessage(message);
globalThis.addEventListener = (type, fn) => { if (type === 'message') deliver(fn); };
Object.defineProperty(globalThis, 'onmessage', { set: deliver });
// Node-only globals a browser worker lacks are removed (timers, Buffer) or shadowed (process, global),
// so the bundle fails here as it would there.
for (const name of ['setImmediate', 'clearImmediate', 'Buffer']) delete globalThis[name];
const hidden = ['process', 'global'];
const code = fs.readFileSync(workerData.bundle, 'utf8');
vm.runInThisContext('(function (' + hidden.join(', ') + ') {' + code + '\\n})', { filename: workerData.bundle })();
`;

export interface WebServerHandle extends ClientSession {
  readonly worker: Worker;
  stop(): Promise<void>;
}

export async function startWebWorkerServer(opts: ClientOptions = {}): Promise<WebServerHandle> {
  const worker = new Worker(WORKER_SHIM, { eval: true, workerData: { bundle: WEB_SERVER_PATH } });
  // A bundle that throws while loading (e.g. on a Node-only global) fails the start with its error.
  const crashed = new Promise<never>((_, reject) => worker.once('error', reject));
  const session = await Promise.race([
    connectClient(createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker)), opts),
    crashed,
  ]);
  return {
    ...session,
    worker,
    async stop() {
      await session.shutdown();
      await worker.terminate();
    },
  };
}
