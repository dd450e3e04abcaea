/**
 * When to check which version of which document: debounced checks after changes, immediate ones
 * on open and on configuration changes, cancellation of superseded checks, and a guard so that
 * diagnostics of an older version are never published after those of a newer one.
 */
import type { CancelToken } from './pipeline';

class Token implements CancelToken {
  cancelled = false;
}

interface Pending {
  version: number;
  timer: NodeJS.Timeout | null;
  /** The preparation of a debounced check (see `prepare`), until it runs. */
  prepareTimer: NodeJS.Timeout | null;
  token: Token;
}

export type CheckRunner = (uri: string, version: number, token: CancelToken) => Promise<void>;
/** Work a coming check needs that does not depend on the rules (the document model): see `schedule`. */
export type CheckPreparer = (uri: string, version: number, token: CancelToken) => Promise<void>;

/**
 * When, within a debounce, the coming check's preparation runs: half-way, so that a writer's
 * keystrokes closer together than that do not each rebuild the document model, while the model
 * of the last one is ready when the debounce ends.
 */
export const PREPARE_AT = 0.5;

export class CheckScheduler {
  private readonly pending = new Map<string, Pending>();
  private readonly published = new Map<string, number>();

  /**
   * `run` performs the check of one version; `onError` reports a failure it threw; `prepare`, when
   * given, builds what the check of a version needs before its rules run, during the debounce.
   */
  constructor(
    private readonly run: CheckRunner,
    private readonly onError: (e: unknown) => void,
    private readonly prepare?: CheckPreparer,
  ) {}

  /**
   * Check `version` of `uri` after `delayMs` (0: now). Any earlier pending or running check of
   * the document is cancelled. A debounced check is prepared part-way through the debounce
   * (PREPARE_AT): the writer has paused, and the time the check takes once the debounce ends is
   * the time until the squiggles follow the text.
   */
  schedule(uri: string, version: number, delayMs: number): void {
    this.cancel(uri);
    const p: Pending = { version, timer: null, prepareTimer: null, token: new Token() };
    this.pending.set(uri, p);
    const prepare = this.prepare;
    if (prepare && delayMs > 0) {
      p.prepareTimer = setTimeout(() => {
        p.prepareTimer = null;
        if (!p.token.cancelled) prepare(uri, version, p.token).catch(this.onError);
      }, Math.floor(delayMs * PREPARE_AT));
    }
    const start = () => {
      p.timer = null;
      if (p.prepareTimer) clearTimeout(p.prepareTimer);
      p.prepareTimer = null;
      this.run(uri, version, p.token)
        .catch(this.onError)
        .finally(() => {
          if (this.pending.get(uri) === p) this.pending.delete(uri);
        });
    };
    if (delayMs <= 0) start();
    else p.timer = setTimeout(start, delayMs);
  }

  /** Cancel the pending or running check of a document. */
  cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (!p) return;
    if (p.timer) clearTimeout(p.timer);
    if (p.prepareTimer) clearTimeout(p.prepareTimer);
    p.token.cancelled = true;
    this.pending.delete(uri);
  }

  /** The document closed: cancel its check and forget what was published. */
  forget(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
  }

  /**
   * Whether diagnostics of `version` may be published now; records it when so. False for a
   * cancelled check and for a version older than one already published.
   */
  claimPublish(uri: string, version: number, token: CancelToken): boolean {
    if (token.cancelled) return false;
    const last = this.published.get(uri);
    if (last !== undefined && last > version) return false;
    this.published.set(uri, version);
    return true;
  }

  /** Version whose check is pending or running, if any (tests). */
  pendingVersion(uri: string): number | null {
    return this.pending.get(uri)?.version ?? null;
  }
}
