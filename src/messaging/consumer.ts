/**
 * Durable outbox consumers (reactors). Each has a cursor row; a pass locks that row (FOR UPDATE SKIP LOCKED on
 * PostgreSQL, so one process at a time runs a given consumer and the others move on), reads the events after
 * the cursor, lets the handler write its effects, and advances the cursor — in one transaction. Effects are
 * therefore applied exactly once per event, whichever process runs them and however often it crashes.
 *
 * Like the live hub, a consumer only passes a gap-free run of ids (a gap is a transaction still committing)
 * and gives up on a gap only after `gapTimeoutMs` (it rolled back).
 */
import type { Clock } from '../core/clock.ts';
import type { Database, TxContext } from '../db/database.ts';
import { EVENTS_CHANNEL, readEventsAfter, type StoredEvent } from './outbox.ts';

export type ConsumerHandler = (ctx: TxContext, events: StoredEvent[]) => Promise<void>;

export class OutboxConsumer {
  private running = false;
  private again = false;
  private gapSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  private idle: Array<() => void> = [];
  lastError: unknown = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly name: string,
    private readonly handler: ConsumerHandler,
    private readonly opts: { batch?: number; gapTimeoutMs?: number; pollMs?: number; startAtEnd?: boolean } = {},
  ) {}

  /** Creates the cursor row (at the current end of the outbox, unless told to replay from the start). */
  async init(): Promise<void> {
    let start = 0;
    if (this.opts.startAtEnd) {
      const r = await this.db.kysely.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
      start = Number(r?.m ?? 0);
    }
    await this.db.kysely
      .insertInto('consumers')
      .values({ name: this.name, cursor: start, updated_at: this.clock.now().toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }

  async start(): Promise<void> {
    await this.init();
    this.unsubscribe = await this.db.subscribe(EVENTS_CHANNEL, () => this.wake());
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 1000);
    this.timer.unref();
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.drain()
      .catch((err: unknown) => {
        this.lastError = err;
      })
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.wake();
        } else {
          for (const f of this.idle.splice(0)) f();
        }
      });
  }

  /** Processes everything available now (tests and CLI use it instead of waiting for a wake-up). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.pass();
      if (n <= 0) return total;
      total += n;
    }
  }

  /** Resolves when the consumer has nothing left to do right now. */
  async settled(): Promise<void> {
    if (!this.running) await this.drain();
    else await new Promise<void>((r) => this.idle.push(r));
  }

  /** One transaction: lock the cursor, read, handle, advance. Returns events handled (0: none; -1: busy). */
  private async pass(): Promise<number> {
    return this.db.transaction(async (ctx) => {
      let q = ctx.tx.selectFrom('consumers').select('cursor').where('name', '=', this.name);
      if (this.db.isPostgres) q = q.forUpdate().skipLocked();
      const row = await q.executeTakeFirst();
      if (!row) return -1; // another process is running this consumer
      let cursor = Number(row.cursor);
      const batch = await readEventsAfter(ctx.tx, cursor, this.opts.batch ?? 500);
      const ready: StoredEvent[] = [];
      for (const e of batch) {
        if (e.id !== cursor + 1 && this.db.isPostgres) {
          const now = Date.now();
          this.gapSince ??= now;
          if (now - this.gapSince < (this.opts.gapTimeoutMs ?? 5000)) break;
        }
        this.gapSince = null;
        ready.push(e);
        cursor = e.id;
      }
      if (ready.length === 0) return 0;
      await this.handler(ctx, ready);
      await ctx.tx.updateTable('consumers').set({ cursor, updated_at: this.clock.now().toISOString() }).where('name', '=', this.name).execute();
      return ready.length;
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
  }
}
