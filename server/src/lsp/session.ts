/**
 * What every LSP feature gets: the connection, the open documents, and one cached model per
 * document version. Features live in lsp/features/, one file each, and register themselves.
 */
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzeOptions, LanguageService, Locale, ReportModel } from '../core';
import type { SettingsStore } from './settings';

export interface Session {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** The core, with what was injected into it (file access for last year's report). */
  readonly service: LanguageService;
  /** The model of an open report document (cached per version), or undefined for other documents. */
  model(uri: string): ReportModel | undefined;
  /** The open report document, or undefined. */
  report(uri: string): TextDocument | undefined;
  readonly locale: () => Locale;
  /** Options used for analysis (locale, profile, severities). */
  readonly options: () => AnalyzeOptions;
  readonly clientCapabilities: () => ClientCapabilities;
  /** Commands the client implements that server answers may name (initializationOptions.clientCommands). */
  readonly clientCommands: () => readonly string[];
  /** Editor settings and the workspace file; a change re-analyses every document. */
  readonly settings: SettingsStore;
  /** Reads Word, PDF and HTML files as report text (Node only; absent in the web worker). */
  readonly sources?: SourceReader;
  /**
   * Registers a `workspace/executeCommand` command. The connection keeps one handler per
   * request type, so features never call `connection.onExecuteCommand` themselves: the server
   * dispatches by name and advertises every registered command.
   */
  registerCommand(name: string, handler: (args: readonly unknown[]) => unknown | Promise<unknown>): void;
  /** Runs after the client's `initialized` notification (one connection handler, shared). */
  onInitialized(handler: () => void): void;
}

/** What the server is given to read reports as they arrive (server/src/intake, loaded lazily). */
export interface SourceReader {
  /** A file's report text; throws an error with `localized(locale)` when the file cannot be read. */
  read(
    name: string,
    bytes: Uint8Array,
  ): Promise<{ text: string; format: string; notes?: readonly { localized(locale: string): string }[] }>;
  /** Pasted HTML as report text. */
  fragment(html: string): Promise<string>;
  /** Report files of every kind (text, Word, PDF…) under a folder, at most `limit` (the assessor's page). */
  filesUnder?(uri: string, limit: number): readonly string[];
  /** A file's bytes, or undefined when it cannot be read. */
  bytes?(uri: string): Uint8Array | undefined;
}

export interface Feature {
  /** Capabilities this feature adds to the initialize result. */
  capabilities?(client: ClientCapabilities): ServerCapabilities;
  /** Registers handlers; called once, before listening. */
  register(session: Session): void;
}
