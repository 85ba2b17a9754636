/**
 * The outbox and the shape of its events. Owns the `events` table: every event a customer, shop or reactor may
 * hear of is appended here in the same transaction as the change that caused it, and readers follow it by id.
 *
 * Typing: `EventMap` is empty here and each module adds its own event types (type → payload) next to its model
 * by declaration merging (`declare module '../core/events.ts' { interface EventMap { … } }`), so core knows no
 * module, yet `NewEvent` and `StoredEvent` are discriminated unions of every declared type: a consumer that
 * checks `e.type` gets that type's payload without importing the producer. The runtime list of types (what
 * webhooks may subscribe to) is assembled by the app from the lists each module exports (see `eventTypeList`).
 *
 * SQL is written with Kysely's `sql` tag against any query executor, because core cannot import the database
 * module's typed schema.
 */
import { sql, type QueryExecutorProvider } from 'kysely';

/** Event type → payload; modules extend it (see the module comment). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventMap {}

export type EventType = keyof EventMap & string;

/** An event to append: its type, the SKU it concerns (for filtering), and the payload its type declares. */
export type NewEvent = { [K in EventType]: { type: K; sku: string | null; payload: EventMap[K] } }[EventType];

/** An event as read back from the outbox. */
export type StoredEvent = { [K in EventType]: { id: number; type: K; sku: string | null; payload: EventMap[K]; createdAt: string } }[EventType];

/** The stored event of one type. */
export type StoredEventOf<K extends EventType> = Extract<StoredEvent, { type: K }>;

/**
 * A module's list of its event types, checked by the compiler against its payload map: a type missing from the
 * record, or one it does not declare, is a compile error, so the runtime list cannot drift from the types. The
 * record may be the module's payload schemas themselves (type → TypeBox schema), from which the map is derived.
 */
export function eventTypeList<M>(types: { readonly [K in keyof M]: unknown }): Array<keyof M & string> {
  return Object.keys(types) as Array<keyof M & string>;
}

/** Notified after a commit that appended events, so readers need not wait for their poll. */
export const EVENTS_CHANNEL = 'restock_events';

/** What appending needs from the caller's transaction (the database module's TxContext is one). */
export interface OutboxTx {
  tx: QueryExecutorProvider;
  notify(channel: string, payload: string): Promise<void>;
  /** The database module's queued multi-row insert (TxContext.later), SQL given per dialect. */
  later(q: { sqlite: string; postgres: string }, rows: ReadonlyArray<readonly unknown[]>): Promise<void>;
}

const INSERT_EVENTS = {
  sqlite: 'insert into events (type, sku, payload, created_at) values (?, ?, ?, ?)',
  postgres: 'insert into events (type, sku, payload, created_at) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])',
};


export async function appendEvents(ctx: OutboxTx, events: readonly NewEvent[], now: string): Promise<void> {
  if (events.length === 0) return;
  // Queued with the transaction's other rows (TxContext.later): nobody reads events back in the transaction that
  // appends them. In order: ids follow row order on both dialects (unnest keeps the arrays' order).
  await ctx.later(INSERT_EVENTS, events.map((e) => [e.type, e.sku, JSON.stringify(e.payload), now]));
  await ctx.notify(EVENTS_CHANNEL, '');
}

interface EventRow {
  id: number | string;
  type: string;
  sku: string | null;
  payload: string;
  created_at: string;
}

/** Events with ids above `afterId`, oldest first. */
export async function readEventsAfter(q: QueryExecutorProvider, afterId: number, limit: number): Promise<StoredEvent[]> {
  const r = await sql<EventRow>`select id, type, sku, payload, created_at from events where id > ${afterId} order by id limit ${limit}`.execute(q);
  return r.rows.map(
    (row) =>
      // The outbox is written only by appendEvents from a typed NewEvent, so a row is the StoredEvent of its type.
      ({ id: Number(row.id), type: row.type, sku: row.sku, payload: JSON.parse(row.payload) as unknown, createdAt: row.created_at }) as StoredEvent,
  );
}

/** The id of the newest event (0 when there is none). */
export async function lastEventId(q: QueryExecutorProvider): Promise<number> {
  const r = await sql<{ id: number | string | null }>`select max(id) as id from events`.execute(q);
  return Number(r.rows[0]?.id ?? 0);
}

// ---- subscription patterns: one syntax for webhooks and the live stream

/**
 * A subscription pattern is `*` (every type), `prefix.*` (every type of a module, e.g. `inventory.*`) or an
 * exact type. Nothing else is a pattern (`inv*` or `inventory.low*` are refused where patterns are accepted).
 */
export function isPatternSyntax(p: string): boolean {
  return p === '*' || /^[a-z][a-z0-9_]*(\.\*|(\.[a-z][a-z0-9_]*)+)$/.test(p);
}

export function matchesPattern(type: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}

/** A well-formed pattern that matches at least one of `known`. */
export function isKnownPattern(p: string, known: readonly string[]): boolean {
  return isPatternSyntax(p) && known.some((t) => matchesPattern(t, [p]));
}
