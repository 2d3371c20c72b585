/**
 * LSP wiring — API boundary: `startServer(connection, { files })`; `files` is how the core may
 * read the reports beside a document (Node: the file system; the web worker: none). Architecture invariant: only server/lsp
 * knows about the protocol; features ask the session for one model per document version and
 * map it to protocol types. Works over any connection (stdio or IPC in Node, a worker port in
 * the browser).
 */
import {
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, t, toLocale, type AnalyzeOptions, type Locale, type ReportFiles } from '../core';
import { LANGUAGE_ID } from '../protocol';
import { DocumentCache } from './documentCache';
import { features } from './features';
import { logOncePerError, logOncePerRuleError } from './ruleErrors';
import { primer } from './priming';
import type { Session, SourceReader } from './session';
import { SettingsStore } from './settings';
import { practise, type Practice, type WarmUp } from './warmUp';

export interface ServerOptions {
  /** The report files beside a document (last year's report for the hover); none when absent. */
  readonly files?: ReportFiles;
  /** Word, PDF and HTML files as report text; none in the web worker. */
  readonly sources?: SourceReader;
  /** Practice before the writer types (lsp/warmUp.ts); none in the web worker. */
  readonly warmUp?: WarmUp;
}

export function startServer(connection: Connection, serverOptions: ServerOptions = {}): void {
  const service = createLanguageService({ files: serverOptions.files });
  const documents = new TextDocuments(TextDocument);
  let locale: Locale = 'zh-cn';
  let clientCapabilities: ClientCapabilities = {};
  let clientCommands: readonly string[] = [];
  const settings = new SettingsStore();
  const onRuleError = logOncePerRuleError((message) => connection.console.error(message));
  const options = (): AnalyzeOptions => ({ ...settings.analysisOptions(), locale, onRuleError });
  const onAnalysisError = logOncePerError(
    (message) => connection.console.error(message),
    () => 'the analysis failed; that document version answers empty',
  );
  // Each document's analysis may compare it with last year's report beside it (reused-text).
  const perDocument = (uri: string): AnalyzeOptions => ({ ...options(), previous: service.previousReport(uri, options) });
  const cache = new DocumentCache(perDocument, (_uri, error) => onAnalysisError('analysis', error), service.analyze);
  // An opened document is analysed afresh; its keystrokes' memo is made once the client is quiet (lsp/priming.ts).
  const priming = primer(cache, (uri) => report(uri) !== undefined, serverOptions.warmUp?.lastMessageAt);
  /** The practice before the writer types (lsp/warmUp.ts), once the client is initialized. */
  let practice: Practice | undefined;
  // Registered before the features' listeners, so they see fresh models.
  settings.onDidChange(() => {
    cache.clear();
    practice?.settingsChanged();
    // Analysed afresh under the new settings: their memos are made again.
    for (const doc of documents.all()) if (doc.languageId === LANGUAGE_ID) priming.schedule(doc.uri);
  });
  const report = (uri: string) => {
    const doc = documents.get(uri);
    return doc && doc.languageId === LANGUAGE_ID ? doc : undefined;
  };
  const commands = new Map<string, (args: readonly unknown[]) => unknown>();
  const initialized: (() => void)[] = [];
  // Features get a connection whose single-handler registrations are guarded: a second
  // onExecuteCommand/onInitialized would silently replace the first, so they must go through
  // session.registerCommand / session.onInitialized.
  const guarded = new Proxy(connection, {
    get(target, prop, receiver) {
      if (prop === 'onExecuteCommand' || prop === 'onInitialized') {
        return () => {
          throw new Error(
            `features must use session.${prop === 'onExecuteCommand' ? 'registerCommand' : 'onInitialized'}, not connection.${String(prop)}`,
          );
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  const session: Session = {
    connection: guarded,
    documents,
    service,
    report,
    model(uri) {
      const doc = report(uri);
      return doc ? cache.get(doc.uri, doc.version, () => doc.getText()) : undefined;
    },
    locale: () => locale,
    options,
    clientCapabilities: () => clientCapabilities,
    clientCommands: () => clientCommands,
    settings,
    sources: serverOptions.sources,
    registerCommand(name, handler) {
      if (commands.has(name)) throw new Error(`command ${name} registered twice`);
      commands.set(name, handler);
    },
    onInitialized(handler) {
      initialized.push(handler);
    },
  };

  connection.onInitialize((params): InitializeResult => {
    locale = toLocale(params.locale ?? params.initializationOptions?.locale);
    clientCapabilities = params.capabilities;
    const offered = (params.initializationOptions as { clientCommands?: unknown } | undefined)?.clientCommands;
    clientCommands = Array.isArray(offered) ? offered.filter((c): c is string => typeof c === 'string') : [];
    const capabilities = Object.assign(
      { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
      ...features.map((f) => f.capabilities?.(params.capabilities) ?? {}),
      commands.size ? { executeCommandProvider: { commands: [...commands.keys()] } } : {},
    );
    return { capabilities, serverInfo: { name: 'govreport-language-server', version: '0.1.0' } };
  });

  for (const f of features) f.register(session);
  connection.onInitialized(() => {
    initialized.forEach((h) => h());
    const warmUp = serverOptions.warmUp;
    if (warmUp)
      practice = practise(warmUp, options, (p) =>
        p.error === undefined
          ? connection.console.log(t(locale, 'server.practised', { keystrokes: p.keystrokes, reports: p.reports, ms: Math.round(p.ms) }))
          : connection.console.error(
              `govreport: practice stopped after ${p.keystrokes} keystrokes: ${p.error instanceof Error ? p.error.stack : String(p.error)}`,
            ),
      );
  });
  connection.onShutdown(() => practice?.stop());
  connection.onExecuteCommand((p) => {
    const handler = commands.get(p.command);
    return handler ? handler(p.arguments ?? []) : null;
  });
  documents.onDidClose((e) => cache.delete(e.document.uri));
  documents.onDidOpen((e) => {
    if (e.document.languageId === LANGUAGE_ID) priming.schedule(e.document.uri);
  });
  documents.listen(connection);
  connection.listen();
}
