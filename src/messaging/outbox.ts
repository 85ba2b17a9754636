/**
 * The outbox: every event a customer, shop or reactor may hear of is written here in the same transaction as
 * the change that caused it; readers (the live stream, later dispatchers) follow it by id.
 */
import type { Q, Tx, TxContext } from '../db/database.ts';

export const EVENTS_CHANNEL = 'restock_events';

export interface NewEvent {
  type: string;
  sku: string | null;
  payload: Record<string, unknown>;
}

export interface StoredEvent {
  id: number;
  type: string;
  sku: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export async function appendEvents(ctx: TxContext, events: NewEvent[], now: string): Promise<void> {
  if (events.length === 0) return;
  for (let i = 0; i < events.length; i += 500) {
    await ctx.tx
      .insertInto('events')
      .values(events.slice(i, i + 500).map((e) => ({ type: e.type, sku: e.sku, payload: JSON.stringify(e.payload), created_at: now })))
      .execute();
  }
  await ctx.notify(EVENTS_CHANNEL, '');
}

export async function readEventsAfter(q: Q | Tx, afterId: number, limit: number): Promise<StoredEvent[]> {
  const rows = await q.selectFrom('events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    type: r.type,
    sku: r.sku,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}

export async function lastEventId(q: Q): Promise<number> {
  const r = await q.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(r?.id ?? 0);
}
