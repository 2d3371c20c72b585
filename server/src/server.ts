/**
 * The language server for Node: `node dist/server.js --stdio` (any editor) or `--node-ipc`
 * (the VS Code client). Everything else lives in lsp/ (protocol) and core/ (analysis).
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { nodeSourceReader } from './files/intakeLoader';
import { nodeReportFiles } from './files/nodeReportFiles';
import { startServer } from './lsp/languageServer';

// Last line of defence: request handlers already answer a thrown error with an error response,
// but a bug on an async path must not take the editor's server down with it. stderr, because
// stdout carries the protocol.
const report = (what: string) => (e: unknown) => process.stderr.write(`govreport: ${what}: ${e instanceof Error ? e.stack : String(e)}\n`);
process.on('uncaughtException', report('uncaught exception'));
process.on('unhandledRejection', report('unhandled rejection'));

startServer(createConnection(ProposedFeatures.all), { files: nodeReportFiles(), sources: nodeSourceReader });
