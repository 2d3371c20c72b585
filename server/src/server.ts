/**
 * The language server for Node: `node dist/server.js --stdio` (any editor) or `--node-ipc`
 * (the VS Code client). Everything else lives in lsp/ (protocol) and core/ (analysis).
 */
import { IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader, createConnection } from 'vscode-languageserver/node';
import { nodeSourceReader } from './files/intakeLoader';
import { nodeReportFiles } from './files/nodeReportFiles';
import { FrameGuard } from './lsp/frameGuard';
import { tuneHeapGrowth } from './lsp/heapGrowth';
import { startServer } from './lsp/languageServer';
import { StdioMessageWriter } from './lsp/stdioWriter';
import { timedReader } from './lsp/lastMessage';
import { guardTransport } from './lsp/transportGuard';
import { warmUpKeystrokes } from './lsp/warmUp';
// The report the server practises on before the writer types (lsp/warmUp.ts), bundled as text.
import example from '../../examples/example.report.txt';
// The reports it practises opening first (test/fixtures/reports, listed at build time: esbuild.mjs).
import practiceReports from 'practice-reports';

// First: how far the heap grows before V8 collects it, by what is alive (lsp/heapGrowth.ts).
tuneHeapGrowth();

// Last line of defence: request handlers already answer a thrown error with an error response,
// but a bug on an async path must not take the editor's server down with it. stderr, because
// stdout carries the protocol.
const report = (what: string) => (e: unknown) => process.stderr.write(`govreport: ${what}: ${e instanceof Error ? e.stack : String(e)}\n`);
process.on('uncaughtException', report('uncaught exception'));
process.on('unhandledRejection', report('unhandled rejection'));

const log = (message: string) => process.stderr.write(`${message}\n`);

function transport() {
  if (process.argv.includes('--node-ipc')) return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process) };
  // stdio: one frame with a wrong Content-Length would leave the server deaf. Say so and exit
  // (status 1): the client restarts a server that exits; it cannot restart one that hangs.
  const input = process.stdin.pipe(
    new FrameGuard((reason) => {
      log(`govreport: the message stream is out of step (${reason}); exiting so that the client restarts the server`);
      process.exit(1);
    }),
  );
  // One write per message (lsp/stdioWriter.ts), not vscode-jsonrpc's two.
  return { reader: new StreamMessageReader(input), writer: new StdioMessageWriter(process.stdout) };
}

const raw = transport();
const timed = timedReader(raw.reader);
const { reader, writer } = guardTransport(timed.reader, raw.writer, log);
reader.onError((e) => log(`govreport: a message could not be read: ${e instanceof Error ? e.message : String(e)}`));
startServer(createConnection(ProposedFeatures.all, reader, writer), {
  files: nodeReportFiles(),
  sources: nodeSourceReader,
  warmUp: {
    sample: example,
    keystrokes: warmUpKeystrokes(process.env.GOVREPORT_WARM_UP),
    reports: practiceReports,
    lastMessageAt: timed.lastMessageAt,
  },
});
