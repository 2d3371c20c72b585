/**
 * The language server for Node: `node dist/server.js --stdio` (any editor) or `--node-ipc`
 * (the VS Code client). Everything else lives in lsp/ (protocol) and core/ (analysis).
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/languageServer';

startServer(createConnection(ProposedFeatures.all));
