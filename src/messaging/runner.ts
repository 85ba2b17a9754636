/**
 * The "wake / run / poll" loop every background follower shares (outbox consumers, the live hub, the webhook
 * dispatcher). `wake()` starts a run, or — when one is going — asks for exactly one more after it, so a burst
 * of notifications costs one extra run, not one each; a notification channel and a poll timer both wake it (the
 * poll covers notifications lost while a connection was down); `wakeIn(ms)` asks for a run later (waiting on a
 * sequence gap, a retry backoff). A run's error goes to `onError` and never stops the loop.
 */

export interface RunnerOptions {
  /** Poll interval in ms (default 1000). */
  pollMs?: number;
  /** Subscribes to the notification that should wake the runner; returns the unsubscribe. */
  subscribe?: (wake: () => void) => Promise<() => void>;
  onError: (err: unknown) => void;
}

export class CoalescingRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private poll: NodeJS.Timeout | null = null;
  private later: { timer: NodeJS.Timeout; at: number } | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly opts: RunnerOptions,
  ) {}

  /** Subscribes, starts polling and runs once now. */
  async start(): Promise<void> {
    if (this.opts.subscribe) this.unsubscribe = await this.opts.subscribe(() => this.wake());
    this.poll = setInterval(() => this.wake(), this.opts.pollMs ?? 1000);
    this.poll.unref();
    this.wake();
  }

  get busy(): boolean {
    return this.running !== null;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.job()
      .catch((err: unknown) => this.opts.onError(err))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** A run in `ms` (the earlier of two requests wins). */
  wakeIn(ms: number): void {
    if (this.stopped) return;
    const at = Date.now() + ms;
    if (this.later && this.later.at <= at) return;
    if (this.later) clearTimeout(this.later.timer);
    const timer = setTimeout(() => {
      this.later = null;
      this.wake();
    }, ms);
    timer.unref();
    this.later = { timer, at };
  }

  /** Stops waking and waits for the run in flight, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.later) clearTimeout(this.later.timer);
    this.later = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.running;
  }
}
