/**
 * LSP wiring — API boundary: `startServer(connection)`. Architecture invariant: only server/lsp
 * knows about the protocol; features ask the session for one model per document version and
 * map it to protocol types. Works over any connection (stdio or IPC in Node, a worker port in
 * the browser).
 */
import { TextDocumentSyncKind, TextDocuments, type ClientCapabilities, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzeOptions, Locale } from '../core';
import { toLocale } from '../core';
import { LANGUAGE_ID } from './constants';
import { DocumentCache } from './documentCache';
import { features } from './features';
import type { Session } from './session';

export { LANGUAGE_ID, LOOKS_LIKE_REPORT } from './constants';

/** Characters above which costly checks are skipped (`govreport.maxDocumentSize`): ~6 MB of Chinese text. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 2_000_000;

function readMaxDocumentSize(settings: { maxDocumentSize?: unknown } | undefined): number | undefined {
  const v = settings?.maxDocumentSize;
  return typeof v === 'number' && v > 0 ? v : undefined;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let locale: Locale = 'zh-cn';
  let clientCapabilities: ClientCapabilities = {};
  let maxDocumentSize = DEFAULT_MAX_DOCUMENT_SIZE;
  const optionsListeners: (() => void)[] = [];
  const options = (): AnalyzeOptions => ({
    locale,
    maxDocumentSize,
    onRuleError: (code, error) => connection.console.error(`rule ${code} failed: ${error instanceof Error ? error.stack : String(error)}`),
  });
  const cache = new DocumentCache(options);
  const report = (uri: string) => {
    const doc = documents.get(uri);
    return doc && doc.languageId === LANGUAGE_ID ? doc : undefined;
  };
  const session: Session = {
    connection,
    documents,
    report,
    model(uri) {
      const doc = report(uri);
      return doc ? cache.get(doc.uri, doc.version, () => doc.getText()) : undefined;
    },
    locale: () => locale,
    options,
    clientCapabilities: () => clientCapabilities,
    onDidChangeOptions: (listener) => void optionsListeners.push(listener),
  };

  connection.onInitialize((params): InitializeResult => {
    locale = toLocale(params.locale ?? params.initializationOptions?.locale);
    clientCapabilities = params.capabilities;
    maxDocumentSize = readMaxDocumentSize(params.initializationOptions) ?? maxDocumentSize;
    const capabilities = Object.assign(
      { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
      ...features.map((f) => f.capabilities?.(params.capabilities) ?? {}),
    );
    return { capabilities, serverInfo: { name: 'govreport-language-server', version: '0.1.0' } };
  });

  // Settings pushed by the client (section `govreport`): a changed option invalidates every model.
  connection.onDidChangeConfiguration((p) => {
    const size = readMaxDocumentSize(p.settings?.govreport);
    if (size === undefined || size === maxDocumentSize) return;
    maxDocumentSize = size;
    cache.clear();
    for (const listener of optionsListeners) listener();
  });

  for (const f of features) f.register(session);
  documents.onDidClose((e) => cache.delete(e.document.uri));
  documents.listen(connection);
  connection.listen();
}
