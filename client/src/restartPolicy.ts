/**
 * When the language server dies: restart it, with a message, unless it already died too often
 * lately — then stop and say so, instead of a crash loop that eats the CPU and floods the
 * user with notifications. Pure (no vscode import) so a test can drive it with a fake clock.
 */
export type RestartDecision = 'restart' | 'stop';

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    /** Restarts allowed within the window; the next crash in it stops the server. */
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call once per unexpected close of the connection. */
  onCrash(): RestartDecision {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < this.windowMs);
    this.crashes.push(t);
    return this.crashes.length > this.maxRestarts ? 'stop' : 'restart';
  }
}
