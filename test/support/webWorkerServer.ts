/**
 * The browser build of the language server (dist/web/server.js) in a Node worker thread that looks
 * like a dedicated web worker: the bundle gets postMessage / onmessage / addEventListener on its
 * global scope and runs as plain script (vm) with Node's own globals (process, Buffer, setImmediate,
 * require …) shadowed — as in a browser. With `csp`, it runs in a vm context that refuses eval,
 * new Function and WebAssembly compilation, as a Content-Security-Policy without 'unsafe-eval' does.
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
if (workerData.csp) runUnderCsp(code);
else vm.runInThisContext('(function (' + hidden.join(', ') + ') {' + code + '\\n})', { filename: workerData.bundle })();

// A Content-Security-Policy without 'unsafe-eval' (vscode.dev's worker): the bundle runs in a context of its own
// where eval and new Function throw EvalError and WebAssembly cannot compile (what V8 does under such a CSP).
// The context gets only what a dedicated worker has; messages enter it as its own objects.
function runUnderCsp(source) {
  const globals = {};
  for (const name of ['console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask',
    'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'performance', 'atob', 'btoa', 'AbortController', 'Event', 'EventTarget'])
    if (name in globalThis) globals[name] = globalThis[name];
  const context = vm.createContext(globals, { codeGeneration: { strings: false, wasm: false } });
  const parse = vm.runInContext('JSON.parse', context);
  context.__listen = (fn) => parentPort.on('message', (data) => fn({ data: parse(JSON.stringify(data)) }));
  context.postMessage = (message) => parentPort.postMessage(JSON.parse(JSON.stringify(message)));
  vm.runInContext(
    "globalThis.self = globalThis; const listen = globalThis.__listen; delete globalThis.__listen;" +
      "globalThis.addEventListener = (type, fn) => { if (type === 'message') listen(fn); };" +
      "Object.defineProperty(globalThis, 'onmessage', { set: listen });",
    context,
  );
  vm.runInContext(source, context, { filename: workerData.bundle });
}
`;

export interface WebServerHandle extends ClientSession {
  readonly worker: Worker;
  stop(): Promise<void>;
}

export interface WebServerOptions extends ClientOptions {
  /** Run the bundle where eval, new Function and WebAssembly compilation are refused, as under a CSP without 'unsafe-eval'. */
  csp?: boolean;
}

export async function startWebWorkerServer(opts: WebServerOptions = {}): Promise<WebServerHandle> {
  const worker = new Worker(WORKER_SHIM, { eval: true, workerData: { bundle: WEB_SERVER_PATH, csp: opts.csp ?? false } });
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
