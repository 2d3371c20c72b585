/**
 * A real JSON-RPC client for the language server over stdio, for the protocol tests, the demo
 * and the benchmark. Waits for events (published diagnostics of a given version), never sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';

/** A connected, initialized LSP client session, whatever carries the messages (stdio, a worker port). */
export interface ClientSession {
  readonly connection: ProtocolConnection;
  /** What the server announced in its initialize result. */
  readonly capabilities: ServerCapabilities;
  open(uri: string, text: string, languageId?: string, version?: number): Promise<Diagnostic[]>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]>;
  close(uri: string): Promise<void>;
  /** Resolves with the next diagnostics published for `uri`, whatever their version. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
  /** Resolves with the first diagnostics published for `uri` (the latest already published included) that satisfy `ok`. */
  until(uri: string, ok: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /**
   * Resolves with the diagnostics published for `uri` at `version`, or, when the server published
   * none for that version because they did not change, with the latest published once it settled.
   */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]>;
  /** How many times diagnostics were published for `uri` so far. */
  published(uri: string): number;
  request<R>(method: string, params: unknown): Promise<R>;
  /** shutdown + exit, then dispose the connection. */
  shutdown(): Promise<void>;
}

export interface ServerHandle extends ClientSession {
  readonly process: ChildProcess;
  readonly stderr: () => string;
  stop(): Promise<void>;
}

export interface ClientOptions {
  locale?: string;
  initializationOptions?: unknown;
  /** Answers `workspace/configuration` (the client then announces the capability); settings by section. */
  configuration?: (section: string | undefined) => unknown;
  /** More client capabilities to announce (e.g. `textDocument.diagnostic` for pull diagnostics). */
  capabilities?: { textDocument?: object; workspace?: object };
}

export const SERVER_PATH = resolve(__dirname, '..', '..', 'dist', 'server.js');

export interface StartOptions extends ClientOptions {
  serverPath?: string;
  /** Node options for the server process (the bench's `GOVREPORT_BENCH_SERVER_ARGS`, e.g. `--cpu-prof`). */
  nodeArgs?: readonly string[];
  /**
   * Let the server practise while the client is quiet (lsp/warmUp.ts), as it does for users: the bench
   * and the demo do; tests do not unless they test the practice (a server per test would spend a second of CPU on it).
   */
  warmUp?: boolean;
}

/** The environment of a server process: practice off unless asked for (the user's own GOVREPORT_WARM_UP then stands). */
export const serverEnv = (warmUp = false): NodeJS.ProcessEnv => (warmUp ? process.env : { ...process.env, GOVREPORT_WARM_UP: '0' });

export async function startServer(opts: StartOptions = {}): Promise<ServerHandle> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.serverPath ?? SERVER_PATH, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: serverEnv(opts.warmUp),
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const session = await connectClient(
    createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)),
    opts,
  );
  return {
    ...session,
    process: child,
    stderr: () => stderr,
    async stop() {
      await session.shutdown();
      if (child.exitCode === null) {
        await new Promise<void>((res) => {
          child.once('exit', () => res());
          // Not a wait: a deadline after which a server that ignored `exit` is killed.
          const deadline = setTimeout(() => child.kill(), 2000);
          deadline.unref();
        });
      }
    },
  };
}

/** Initializes the server over `connection` and returns the client session. */
export async function connectClient(connection: ProtocolConnection, opts: ClientOptions = {}): Promise<ClientSession> {
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; version: number; resolve: (d: Diagnostic[]) => void }[] = [];
  const latest = new Map<string, Diagnostic[]>();
  const nextWaiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const watchers: { uri: string; ok: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const counts = new Map<string, number>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    counts.set(p.uri, (counts.get(p.uri) ?? 0) + 1);
    published.set(`${p.uri}@${p.version}`, p);
    latest.set(p.uri, p.diagnostics);
    for (let i = watchers.length - 1; i >= 0; i--) {
      const w = watchers[i];
      if (w.uri === p.uri && w.ok(p.diagnostics)) {
        watchers.splice(i, 1);
        w.resolve(p.diagnostics);
      }
    }
    for (let i = nextWaiters.length - 1; i >= 0; i--) {
      if (nextWaiters[i].uri === p.uri) nextWaiters.splice(i, 1)[0].resolve(p);
    }
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === p.uri && w.version === p.version) {
        waiters.splice(i, 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  if (opts.configuration) {
    const answer = opts.configuration;
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => answer(i.section)));
  }
  connection.listen();
  const init: InitializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: opts.locale,
    capabilities: {
      textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, ...opts.capabilities?.textDocument },
      ...(opts.configuration || opts.capabilities?.workspace
        ? {
            workspace: {
              ...(opts.configuration ? { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } : {}),
              ...opts.capabilities?.workspace,
            },
          }
        : {}),
    },
    initializationOptions: opts.initializationOptions,
  });
  await connection.sendNotification('initialized', {});

  /**
   * Resolves once the server has handled what was sent before, the validation it deferred included:
   * requests it does not know, each sent after the last one's answer (diagnostics.ts waits two turns
   * of the event loop; a request read after that is answered after the validation).
   */
  const settled = async () => {
    for (let i = 0; i < 3; i++) {
      let answer: Promise<unknown>;
      // A connection disposed meanwhile (the test stopped its server) throws at once; the server's
      // answer to the unknown request is an error, and that is the answer waited for.
      try {
        answer = connection.sendRequest('govreport/test/settled');
      } catch {
        return;
      }
      await answer.catch(() => undefined);
    }
  };
  /**
   * The diagnostics published for `uri` at `version`; when the server published none for it (they
   * did not change, and it sends only what changed), the latest published once it has settled.
   */
  const diagnostics = (uri: string, version: number, sent: Promise<unknown> = Promise.resolve()) =>
    new Promise<Diagnostic[]>((res) => {
      const hit = published.get(`${uri}@${version}`);
      if (hit) return res(hit.diagnostics);
      const waiter = { uri, version, resolve: res };
      waiters.push(waiter);
      // Waits for the server only while nothing was published for this version (else it is done).
      void sent
        .then(() => (waiters.includes(waiter) ? settled() : undefined))
        .then(() => {
          const at = waiters.indexOf(waiter);
          if (at < 0) return; // published meanwhile
          waiters.splice(at, 1);
          res(published.get(`${uri}@${version}`)?.diagnostics ?? latest.get(uri) ?? []);
        });
    });

  return {
    connection,
    capabilities: init.capabilities,
    async open(uri, text, languageId = 'govreport', version = 1) {
      if (languageId !== 'govreport') {
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
        return [];
      }
      return diagnostics(
        uri,
        version,
        connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } }),
      );
    },
    async change(uri, version, changes) {
      return diagnostics(
        uri,
        version,
        connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes }),
      );
    },
    async close(uri) {
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    diagnostics: (uri, version) => diagnostics(uri, version),
    published: (uri) => counts.get(uri) ?? 0,
    nextDiagnostics: (uri) => new Promise((res) => nextWaiters.push({ uri, resolve: res })),
    until(uri, ok) {
      const now = latest.get(uri);
      if (now && ok(now)) return Promise.resolve(now);
      return new Promise((resolve) => watchers.push({ uri, ok, resolve }));
    },
    request: <R>(method: string, params: unknown) => connection.sendRequest(method, params) as Promise<R>,
    async shutdown() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      connection.dispose();
    },
  };
}
