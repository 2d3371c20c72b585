/**
 * The language server for the browser: runs in a web worker and talks LSP over the worker's
 * message port (the browser client starts it; see client/src/browserExtension.ts). Same server as
 * server.ts — startServer takes any connection, and the core is pure; no file access is
 * injected (a worker cannot list the files beside a document), so there is no last-year lookup.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './lsp/languageServer';
import { guardTransport } from './lsp/transportGuard';

// Browsers have no setImmediate; the LSP layer uses it to let queued messages be handled before
// analysing (features/diagnostics.ts). A zero-delay timer is the browser's next turn.
const g = globalThis as { setImmediate?: (fn: (...args: unknown[]) => void, ...args: unknown[]) => unknown };
g.setImmediate ??= (fn, ...args) => setTimeout(fn, 0, ...args);

// The worker's global scope is the port (no DOM/WebWorker lib in this tsconfig, hence the cast).
const port = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
// The same checks before any handler as in Node: -32002 before initialize, -32602 for malformed params.
const { reader, writer } = guardTransport(new BrowserMessageReader(port), new BrowserMessageWriter(port), (message) =>
  console.error(message),
);
startServer(createConnection(reader, writer));
