/**
 * Operating the reactors: where each one is in the outbox, what it is retrying, and the events it parked after
 * its retries ran out — which an operator retries (the reactor's handler runs on that one event again; the
 * effects and the "retried" mark commit together) or discards.
 */
import type { Clock } from '../core/clock.ts';
import { Conflict, NotFound } from '../core/errors.ts';
import { lastEventId, readEventsAfter } from '../core/events.ts';
import type { Logger } from '../core/log.ts';
import type { Database } from '../db/database.ts';
import { describeError, type OutboxConsumer } from './consumer.ts';
import type { ParkedEvent, ParkedStatus, ReactorState } from './model.ts';
import * as store from './store.ts';

export class ReactorService {
  private readonly byName: ReadonlyMap<string, OutboxConsumer>;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    consumers: readonly OutboxConsumer[],
    private readonly logger?: Logger,
  ) {
    this.byName = new Map(consumers.map((c) => [c.name, c]));
  }

  async list(): Promise<ReactorState[]> {
    const [cursors, parked, head] = [await store.cursors(this.db.kysely), await store.parkedCounts(this.db.kysely), await lastEventId(this.db.kysely)];
    return [...this.byName.values()].map((c) => {
      const cursor = cursors.get(c.name) ?? 0;
      const f = c.failingEvent;
      return {
        name: c.name,
        cursor,
        behind: Math.max(0, head - cursor),
        parked: parked.get(c.name) ?? 0,
        failing: f ? { eventId: f.eventId, attempts: f.attempts, lastError: f.lastError, retryAt: new Date(f.retryAt).toISOString() } : null,
      };
    });
  }

  async parked(filter: { status?: ParkedStatus | undefined; consumer?: string | undefined; limit?: number | undefined } = {}): Promise<ParkedEvent[]> {
    return store.listParked(this.db.kysely, { status: filter.status, consumer: filter.consumer, limit: filter.limit ?? 100 });
  }

  private async open(id: number): Promise<{ parked: ParkedEvent; consumer: OutboxConsumer }> {
    const parked = await store.findParked(this.db.kysely, id);
    if (!parked) throw new NotFound('Parked event', String(id), 'unknown_parked_event');
    if (parked.status !== 'parked') throw new Conflict(`parked event ${id} is already ${parked.status}`, { id, status: parked.status }, 'parked_event_closed');
    const consumer = this.byName.get(parked.consumer);
    if (!consumer) throw new Conflict(`no reactor named '${parked.consumer}' runs here`, { id, consumer: parked.consumer }, 'unknown_reactor');
    return { parked, consumer };
  }

  /** Runs the reactor on the event again; on success it is marked retried, else its attempt and error are recorded and 409 says why. */
  async retry(id: number): Promise<ParkedEvent> {
    const { parked, consumer } = await this.open(id);
    const event = (await readEventsAfter(this.db.kysely, parked.eventId - 1, 1))[0];
    if (!event || event.id !== parked.eventId) throw new Conflict(`event ${parked.eventId} is no longer in the outbox`, { id, eventId: parked.eventId }, 'event_gone');
    let failure: { err: unknown } | null = null;
    try {
      await this.db.transaction(async (ctx) => {
        failure = null;
        const locked = await store.lockParked(ctx.tx, id, this.db.isPostgres);
        if (locked?.status !== 'parked') throw new Conflict(`parked event ${id} was closed meanwhile`, { id, status: locked?.status ?? null }, 'parked_event_closed');
        try {
          await consumer.handle(ctx, [event]);
        } catch (err) {
          failure = { err };
          throw err;
        }
        await store.resolveParked(ctx.tx, id, 'retried', this.clock.now().toISOString());
      });
    } catch (err) {
      if (!failure) throw err;
      const error = describeError(err);
      await store.recordParkedFailure(this.db.kysely, id, error);
      this.logger?.warn({ consumer: parked.consumer, parkedId: id, eventId: parked.eventId, eventType: parked.eventType, err: error }, 'reactor.retry_failed');
      throw new Conflict(`reactor '${parked.consumer}' failed on event ${parked.eventId} again: ${error}`, { id, consumer: parked.consumer, eventId: parked.eventId, error }, 'reactor_retry_failed');
    }
    this.logger?.info({ consumer: parked.consumer, parkedId: id, eventId: parked.eventId }, 'reactor.retried');
    return this.get(id);
  }

  /** Drops the event for this reactor for good (the operator decided its effect is not wanted or was made by hand). */
  async discard(id: number): Promise<ParkedEvent> {
    const parked = await store.findParked(this.db.kysely, id);
    if (!parked) throw new NotFound('Parked event', String(id), 'unknown_parked_event');
    if (!(await store.resolveParked(this.db.kysely, id, 'discarded', this.clock.now().toISOString()))) {
      throw new Conflict(`parked event ${id} is already ${parked.status}`, { id, status: parked.status }, 'parked_event_closed');
    }
    this.logger?.info({ consumer: parked.consumer, parkedId: id, eventId: parked.eventId }, 'reactor.discarded');
    return this.get(id);
  }

  async get(id: number): Promise<ParkedEvent> {
    const p = await store.findParked(this.db.kysely, id);
    if (!p) throw new NotFound('Parked event', String(id), 'unknown_parked_event');
    return p;
  }
}
