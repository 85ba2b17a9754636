/**
 * Retention: the outbox (`events`), customer messages that are done with and finished webhook deliveries are
 * deleted once older than their retention period, in bounded batches, so storage stays bounded however long the
 * service runs. Nothing still needed goes: an event is kept until every consumer's cursor has passed it and while
 * it is parked for an operator (and the newest event always stays); a message is kept while queued or sending; a
 * delivery while pending. Every statement is a plain delete of rows that may already be gone, so several
 * processes may sweep at once.
 */
import type { Clock } from '../core/clock.ts';
import type { Database } from '../db/database.ts';
import { deleteOldEvents, deleteOldMessages, eventSweepBound } from './store.ts';
import { deleteOldDeliveries } from './webhooks/store.ts';

export interface RetentionSettings {
  /** Outbox events (RETENTION_EVENTS_DAYS, default 30). */
  eventsDays: number;
  /** Sent and failed customer messages (RETENTION_MESSAGES_DAYS, default 90). */
  messagesDays: number;
  /** Delivered and dead webhook deliveries (RETENTION_DELIVERIES_DAYS, default 30). */
  deliveriesDays: number;
  /** Rows per delete statement (default 500). */
  batch?: number;
  /** Statements per table and sweep, so one sweep is bounded too (default 100); the next sweep goes on. */
  maxBatches?: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { eventsDays: 30, messagesDays: 90, deliveriesDays: 30 };

export interface SweepResult {
  events: number;
  messages: number;
  deliveries: number;
}

const DAY_MS = 86_400_000;

export class RetentionSweeper {
  private readonly batch: number;
  private readonly maxBatches: number;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: RetentionSettings = DEFAULT_RETENTION,
  ) {
    this.batch = Math.max(1, settings.batch ?? 500);
    this.maxBatches = Math.max(1, settings.maxBatches ?? 100);
  }

  async sweep(): Promise<SweepResult> {
    const now = this.clock.now().getTime();
    const before = (days: number) => new Date(now - days * DAY_MS).toISOString();
    const q = this.db.kysely;
    const bound = await eventSweepBound(q);
    const events = bound === null ? 0 : await this.batches((n) => deleteOldEvents(q, bound, before(this.settings.eventsDays), n));
    const messages = await this.batches((n) => deleteOldMessages(q, before(this.settings.messagesDays), n));
    const deliveries = await this.batches((n) => deleteOldDeliveries(q, before(this.settings.deliveriesDays), n));
    return { events, messages, deliveries };
  }

  private async batches(deleteSome: (limit: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (let i = 0; i < this.maxBatches; i++) {
      const n = await deleteSome(this.batch);
      total += n;
      if (n < this.batch) break;
    }
    return total;
  }
}
