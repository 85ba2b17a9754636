/**
 * Durable outbox consumers (reactors). Each has a cursor row; a pass locks that row (FOR UPDATE SKIP LOCKED on
 * PostgreSQL, so one process at a time runs a given consumer and the others move on), reads the events after
 * the cursor through the gap-free reader, lets the handler write its effects, and advances the cursor — in one
 * transaction. Effects are therefore applied exactly once per event, whichever process runs them and however
 * often it crashes.
 *
 * A handler that throws rolls its pass back. The failure is logged with the consumer and the events; a batch
 * that failed is then replayed one event at a time (so one bad event does not hold back the others), and an
 * event that fails on its own is retried with exponential backoff. After `maxAttempts` failures it is parked
 * (`parked_events`, with its last error) and the cursor moves past it: the reactor keeps going, and an operator
 * sees the event in the API and the dashboard and can retry or discard it (see reactors.ts).
 */
import type { Clock } from '../core/clock.ts';
import { EVENTS_CHANNEL, lastEventId, type StoredEvent } from '../core/events.ts';
import type { Logger } from '../core/log.ts';
import type { Database, TxContext } from '../db/database.ts';
import { GapFreeReader } from './event-reader.ts';
import { CoalescingRunner } from './runner.ts';
import * as store from './store.ts';

export type ConsumerHandler = (ctx: TxContext, events: StoredEvent[]) => Promise<void>;

export interface RetryOptions {
  /** Failures of one event before it is parked (default 5). */
  maxAttempts?: number;
  /** Delay before the first retry, doubled for each further one (default 1000 ms; 0 retries at once). */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface ConsumerOptions {
  batch?: number;
  gapTimeoutMs?: number;
  pollMs?: number;
  startAtEnd?: boolean;
  retry?: RetryOptions;
  logger?: Logger;
}

/** The longest error text kept with a parked event. */
const MAX_ERROR = 1000;

export function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text;
}

/**
 * The handler threw on these events. Carries the cause's `code`, so the transaction still retries a
 * serialization failure or deadlock before the failure counts against the events.
 */
class HandlerFailed extends Error {
  constructor(
    readonly reason: unknown,
    readonly events: StoredEvent[],
  ) {
    super(describeError(reason));
  }

  get code(): unknown {
    return (this.reason as { code?: unknown } | null)?.code;
  }
}

interface Failing {
  eventId: number;
  eventType: string;
  attempts: number;
  lastError: string;
  /** Date.now() before which the event is not retried. */
  retryAt: number;
}

export class OutboxConsumer {
  private readonly reader: GapFreeReader;
  private readonly runner: CoalescingRunner;
  /** After a batch failed: events up to this id are handled one at a time. */
  private isolateUntil = 0;
  private failing: Failing | null = null;
  lastError: unknown = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly name: string,
    private readonly handler: ConsumerHandler,
    private readonly opts: ConsumerOptions = {},
  ) {
    this.reader = new GapFreeReader(db.isPostgres, opts.gapTimeoutMs ?? 5000);
    this.runner = new CoalescingRunner(() => this.run(), {
      pollMs: opts.pollMs ?? 1000,
      subscribe: (wake) => db.subscribe(EVENTS_CHANNEL, wake),
      onError: (err) => {
        this.lastError = err;
        this.opts.logger?.warn({ consumer: this.name, err: describeError(err) }, 'reactor pass failed');
      },
    });
  }

  /** Creates the cursor row (at the current end of the outbox, unless told to replay from the start). */
  async init(): Promise<void> {
    const start = this.opts.startAtEnd ? await lastEventId(this.db.kysely) : 0;
    await store.initCursor(this.db.kysely, this.name, start, this.clock.now().toISOString());
  }

  async start(): Promise<void> {
    await this.init();
    await this.runner.start();
  }

  wake(): void {
    this.runner.wake();
  }

  /** The event being retried in this process, if any (operators see it through GET /v1/reactors). */
  get failingEvent(): Readonly<Failing> | null {
    return this.failing;
  }

  /** The handler on the given events in the caller's transaction (an operator's retry of a parked event). */
  handle(ctx: TxContext, events: StoredEvent[]): Promise<void> {
    return this.handler(ctx, events);
  }

  private async run(): Promise<void> {
    await this.drain();
    if (this.failing) this.runner.wakeIn(Math.max(0, this.failing.retryAt - Date.now()));
  }

  /**
   * Processes everything available now (tests and the CLI use it instead of waiting for a wake-up) and returns
   * how many events it handled or parked. It stops early at an event waiting for its next retry.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      if (this.failing && Date.now() < this.failing.retryAt) return total;
      let n: number;
      try {
        n = await this.pass();
      } catch (err) {
        // Only the handler's failures count against events; anything else (the database away) is the runner's.
        if (!(err instanceof HandlerFailed)) throw err;
        this.lastError = err.reason;
        if (await this.failed(err.events, err.reason)) total++;
        continue;
      }
      if (n <= 0) return total;
      total += n;
    }
  }

  /** One transaction: lock the cursor, read, handle, advance. Returns events handled (0: none; -1: busy). */
  private async pass(): Promise<number> {
    return this.db.transaction(async (ctx) => {
      const cursor = await store.lockCursor(ctx.tx, this.name, this.db.isPostgres);
      if (cursor === null) return -1; // another process is running this consumer
      const single = this.failing !== null || cursor < this.isolateUntil;
      const read = await this.reader.read(ctx.tx, cursor, single ? 1 : (this.opts.batch ?? 500));
      if (read.events.length === 0) return 0;
      try {
        await this.handler(ctx, read.events);
      } catch (err) {
        throw new HandlerFailed(err, read.events);
      }
      await store.advanceCursor(ctx.tx, this.name, read.cursor, this.clock.now().toISOString());
      if (this.failing && this.failing.eventId <= read.cursor) this.failing = null;
      return read.events.length;
    });
  }

  /** After a rolled-back pass: isolate, back off, or park. Returns true when an event was parked. */
  private async failed(events: readonly StoredEvent[], err: unknown): Promise<boolean> {
    const error = describeError(err);
    const first = events[0];
    if (!first) return false;
    const log = this.opts.logger;
    if (events.length > 1) {
      this.isolateUntil = events.at(-1)?.id ?? 0;
      log?.warn({ consumer: this.name, firstEventId: first.id, lastEventId: this.isolateUntil, events: events.length, err: error }, 'reactor batch failed; retrying its events one at a time');
      return false;
    }
    const attempts = this.failing?.eventId === first.id ? this.failing.attempts + 1 : 1;
    const retry = this.opts.retry ?? {};
    const maxAttempts = Math.max(1, retry.maxAttempts ?? 5);
    if (attempts < maxAttempts) {
      const delay = Math.min(retry.maxBackoffMs ?? 60_000, (retry.backoffMs ?? 1000) * 2 ** (attempts - 1));
      this.failing = { eventId: first.id, eventType: first.type, attempts, lastError: error, retryAt: Date.now() + delay };
      log?.warn({ consumer: this.name, eventId: first.id, eventType: first.type, sku: first.sku, attempt: attempts, maxAttempts, retryInMs: delay, err: error }, 'reactor.event_failed');
      return false;
    }
    // Given up: park it and move the cursor past it, in one transaction (unless another process already did).
    const parked = await this.db.transaction(async (ctx) => {
      const cursor = await store.lockCursor(ctx.tx, this.name, this.db.isPostgres);
      if (cursor === null || cursor >= first.id) return false;
      const now = this.clock.now().toISOString();
      await store.parkEvent(ctx.tx, { consumer: this.name, eventId: first.id, eventType: first.type, attempts, error, now });
      await store.advanceCursor(ctx.tx, this.name, first.id, now);
      return true;
    });
    this.failing = null;
    if (parked) log?.error({ consumer: this.name, eventId: first.id, eventType: first.type, sku: first.sku, attempts, err: error }, 'reactor.event_parked');
    return parked;
  }

  async stop(): Promise<void> {
    await this.runner.stop();
  }
}
