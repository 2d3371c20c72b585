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
import { previousReportFor } from './previousYear';
import { logOncePerError, logOncePerRuleError } from './ruleErrors';
import type { Session } from './session';
import { SettingsStore } from './settings';

export { LANGUAGE_ID, LOOKS_LIKE_REPORT, WORKSPACE_CONFIG } from './constants';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let locale: Locale = 'zh-cn';
  let clientCapabilities: ClientCapabilities = {};
  const settings = new SettingsStore();
  const onRuleError = logOncePerRuleError((message) => connection.console.error(message));
  const options = (): AnalyzeOptions => ({ ...settings.analysisOptions(), locale, onRuleError });
  const onAnalysisError = logOncePerError(
    (message) => connection.console.error(message),
    () => 'the analysis failed; that document version answers empty',
  );
  const cache = new DocumentCache((uri) => ({ ...options(), previous: previousReportFor(uri, options) }), (_uri, error) => onAnalysisError('analysis', error));
  // Registered before the features' listeners, so they see fresh models.
  settings.onDidChange(() => cache.clear());
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
          throw new Error(`features must use session.${prop === 'onExecuteCommand' ? 'registerCommand' : 'onInitialized'}, not connection.${String(prop)}`);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  const session: Session = {
    connection: guarded,
    documents,
    report,
    model(uri) {
      const doc = report(uri);
      return doc ? cache.get(doc.uri, doc.version, () => doc.getText()) : undefined;
    },
    locale: () => locale,
    options,
    clientCapabilities: () => clientCapabilities,
    settings,
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
    const capabilities = Object.assign(
      { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
      ...features.map((f) => f.capabilities?.(params.capabilities) ?? {}),
      commands.size ? { executeCommandProvider: { commands: [...commands.keys()] } } : {},
    );
    return { capabilities, serverInfo: { name: 'govreport-language-server', version: '0.1.0' } };
  });

  for (const f of features) f.register(session);
  connection.onInitialized(() => initialized.forEach((h) => h()));
  connection.onExecuteCommand((p) => {
    const handler = commands.get(p.command);
    return handler ? handler(p.arguments ?? []) : null;
  });
  documents.onDidClose((e) => cache.delete(e.document.uri));
  documents.listen(connection);
  connection.listen();
}
