/**
 * Follows the outbox in order and fans new events out to live subscribers (SSE clients, reactors).
 *
 * Ids come from a sequence, and on PostgreSQL a transaction that took id 41 can commit after the one that took
 * 42. Delivering 42 first would make a reader that resumes "after 42" miss 41 for good, so the hub delivers
 * only a gap-free prefix: at a gap it waits (a still-open transaction will fill it) and only skips it once it
 * is older than `gapTimeoutMs` (the transaction rolled back). SQLite has a single writer and no such gaps.
 */
import type { Database } from '../db/database.ts';
import { EVENTS_CHANNEL, lastEventId, readEventsAfter, type StoredEvent } from './outbox.ts';

export type EventSink = (events: StoredEvent[]) => void;

export class EventHub {
  private cursor = 0;
  private readonly sinks = new Set<EventSink>();
  private running = false;
  private again = false;
  private gapSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly opts: { pollMs?: number; gapTimeoutMs?: number } = {},
  ) {}

  async start(): Promise<void> {
    this.cursor = await lastEventId(this.db.kysely);
    this.unsubscribe = await this.db.subscribe(EVENTS_CHANNEL, () => this.wake());
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 1000);
    this.timer.unref();
  }

  /** Id of the last event delivered to live subscribers; a new subscriber catches up to it from the table. */
  get position(): number {
    return this.cursor;
  }

  /**
   * The live edge for a new subscriber. While nobody listens the hub reads nothing (every commit would
   * otherwise cost a read), so the edge is looked up here.
   */
  async edge(): Promise<number> {
    if (this.sinks.size === 0 && this.behind) {
      this.cursor = Math.max(this.cursor, await lastEventId(this.db.kysely));
      this.behind = false;
    }
    return this.cursor;
  }

  private behind = false;

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.sinks.size === 0) {
      this.behind = true;
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.drain().finally(() => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const batch = await readEventsAfter(this.db.kysely, this.cursor, 500);
        if (batch.length === 0) return;
        const ready: StoredEvent[] = [];
        for (const e of batch) {
          if (e.id !== this.cursor + 1 && this.db.isPostgres) {
            const now = Date.now();
            this.gapSince ??= now;
            if (now - this.gapSince < (this.opts.gapTimeoutMs ?? 5000)) break;
          }
          this.gapSince = null;
          ready.push(e);
          this.cursor = e.id;
        }
        if (ready.length > 0) for (const s of this.sinks) s(ready);
        if (ready.length < batch.length) {
          // Waiting on a gap: look again shortly.
          setTimeout(() => this.wake(), 50).unref();
          return;
        }
        if (batch.length < 500) return;
      }
    } catch {
      // The database went away for a moment; the poll timer tries again.
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    this.sinks.clear();
  }
}
