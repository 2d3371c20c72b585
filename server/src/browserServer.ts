/**
 * The language server for the browser: runs in a web worker and talks LSP over the worker's
 * message port (the browser client starts it; see client/src/browserExtension.ts). Same server as
 * server.ts — startServer takes any connection, and the core is pure.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './lsp/languageServer';

// The worker's global scope is the port (no DOM/WebWorker lib in this tsconfig, hence the cast).
const port = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
startServer(createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port)));
