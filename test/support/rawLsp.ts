/**
 * A bare stdio client for the protocol-hardening tests: it writes frames exactly as given
 * (several in one write, a wrong Content-Length) and reads every message the server sends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_PATH, serverEnv } from './lspClient';

export interface RawMessage {
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: any;
  readonly result?: any;
  readonly error?: { code: number; message: string };
}

export function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export class RawServer {
  readonly process: ChildProcess;
  readonly messages: RawMessage[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  private waiters: { ok: (m: RawMessage) => boolean; resolve: (m: RawMessage) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor() {
    this.process = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: serverEnv() });
    this.process.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.process.stdout!.on('data', (d: Buffer) => this.read(d));
    this.exited = new Promise((res) => this.process.once('exit', (code) => res(code)));
  }

  write(...frames: Buffer[]): void {
    this.process.stdin!.write(Buffer.concat(frames));
  }

  /** The first message (already received or to come) that satisfies `ok`. */
  next(ok: (m: RawMessage) => boolean): Promise<RawMessage> {
    const hit = this.messages.find(ok);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve) => this.waiters.push({ ok, resolve }));
  }

  response(id: number): Promise<RawMessage> {
    return this.next((m) => m.id === id && m.method === undefined);
  }

  async request(id: number, method: string, params: unknown): Promise<RawMessage> {
    this.write(frame({ id, method, params }));
    return this.response(id);
  }

  async initialize(id = 1_000_000): Promise<void> {
    await this.request(id, 'initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    this.write(frame({ method: 'initialized', params: {} }));
  }

  kill(): Promise<number | null> {
    if (this.process.exitCode === null) this.process.kill();
    return this.exited;
  }

  private read(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))![1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as RawMessage;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.messages.push(message);
      for (let i = this.waiters.length - 1; i >= 0; i--) if (this.waiters[i].ok(message)) this.waiters.splice(i, 1)[0].resolve(message);
    }
  }
}
