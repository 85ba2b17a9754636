/**
 * Follows the outbox in order and fans new events out to live subscribers (SSE clients). Reads through the
 * gap-free reader (see event-reader.ts), so a subscriber that resumes "after N" never misses an event below N.
 */
import type { Logger } from '../core/log.ts';
import { EVENTS_CHANNEL, lastEventId, readEventsAfter, type StoredEvent } from '../core/events.ts';
import type { Database } from '../db/database.ts';
import { GapFreeReader } from './event-reader.ts';
import { CoalescingRunner } from './runner.ts';

export type EventSink = (events: StoredEvent[]) => void;

const BATCH = 500;

export class EventHub {
  private cursor = 0;
  private readonly sinks = new Set<EventSink>();
  private readonly reader: GapFreeReader;
  private readonly runner: CoalescingRunner;
  /** Events were committed while nobody listened, so the cursor may be behind the outbox. */
  private behind = false;

  constructor(
    private readonly db: Database,
    private readonly opts: { pollMs?: number; gapTimeoutMs?: number; logger?: Logger } = {},
  ) {
    this.reader = new GapFreeReader(db.isPostgres, opts.gapTimeoutMs ?? 5000);
    this.runner = new CoalescingRunner(() => this.drain(), {
      pollMs: opts.pollMs ?? 1000,
      subscribe: (wake) => db.subscribe(EVENTS_CHANNEL, () => this.onNotify(wake)),
      // The database went away for a moment: the poll tries again.
      onError: (err) => this.opts.logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'live event hub read failed'),
    });
  }

  async start(): Promise<void> {
    this.cursor = await lastEventId(this.db.kysely);
    await this.runner.start();
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

  /** Events after `after` up to the live edge, from the table (a subscriber catching up). */
  async readUpTo(after: number, edge: number, limit = BATCH): Promise<StoredEvent[]> {
    return (await readEventsAfter(this.db.kysely, after, limit)).filter((e) => e.id <= edge);
  }

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  wake(): void {
    this.onNotify(() => this.runner.wake());
  }

  private onNotify(wake: () => void): void {
    if (this.sinks.size === 0) {
      this.behind = true;
      return;
    }
    wake();
  }

  private async drain(): Promise<void> {
    if (this.sinks.size === 0) {
      this.behind = true;
      return;
    }
    for (;;) {
      const read = await this.reader.read(this.db.kysely, this.cursor, BATCH);
      this.cursor = read.cursor;
      if (read.events.length > 0) for (const s of this.sinks) s(read.events);
      if (read.waitingOnGap) {
        // An id is still to commit (or rolled back): look again shortly.
        this.runner.wakeIn(50);
        return;
      }
      if (!read.full) return;
    }
  }

  async stop(): Promise<void> {
    await this.runner.stop();
    this.sinks.clear();
  }
}
