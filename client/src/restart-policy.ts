/**
 * When the language server stops unexpectedly: restart it, up to `maxRestarts` times within
 * `windowMs`, and tell the user once (the first restart), not in a loop; past the limit stop
 * restarting and say so once. Pure (no vscode import), so it is unit-tested.
 */
export interface RestartDecision {
  restart: boolean;
  /** What to tell the user now, if anything. */
  notify: 'restarted' | 'gave-up' | null;
}

export class RestartPolicy {
  private restarts: number[] = [];
  private toldRestarted = false;
  private toldGaveUp = false;

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60_000,
  ) {}

  /** The server connection closed at time `now` (ms). */
  onClosed(now: number): RestartDecision {
    this.restarts.push(now);
    while (this.restarts.length && now - this.restarts[0] > this.windowMs) this.restarts.shift();
    if (this.restarts.length <= this.maxRestarts) {
      const notify = this.toldRestarted ? null : 'restarted';
      this.toldRestarted = true;
      return { restart: true, notify };
    }
    const notify = this.toldGaveUp ? null : 'gave-up';
    this.toldGaveUp = true;
    return { restart: false, notify };
  }
}
