/**
 * SQL for messaging's tables: `messages` (recorded, claimed, sent), `consumers` (each reactor's cursor in the
 * outbox) and `parked_events` (events a reactor gave up on). Webhooks keep their own store.
 */
import { sql, type Selectable } from 'kysely';
import type { Q, Tx } from '../db/database.ts';
import type { MessagesTable, ParkedEventsTable } from '../db/schema.ts';
import { messageId, type ClaimedMessage, type Message, type MessageStatus, type ParkedEvent, type ParkedStatus } from './model.ts';

// ---- messages

type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Omit<MessageRow, 'id'>;

function toMessage(r: MessageRow): Message {
  return {
    id: messageId(Number(r.id)),
    type: r.type,
    to: r.to_addr,
    locale: r.locale,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    status: r.status as MessageStatus,
    sku: r.sku,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** Rows per INSERT (16 columns each). */
const MESSAGE_CHUNK = 200;

/** Inserts messages; ones whose dedupe key exists are skipped. Returns how many were new. */
export async function insertMessages(tx: Tx, rows: readonly NewMessageRow[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += MESSAGE_CHUNK) {
    const res = await tx.insertInto('messages').values(rows.slice(i, i + MESSAGE_CHUNK)).onConflict((oc) => oc.column('dedupe_key').doNothing()).returning('id').execute();
    created += res.length;
  }
  return created;
}

export interface MessageFilter {
  to?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  /** Substring of the recipient or the subject, any case. */
  q?: string | undefined;
}

function filtered(q: Q, filter: MessageFilter) {
  let sel = q.selectFrom('messages');
  if (filter.to) sel = sel.where('to_addr', '=', filter.to);
  if (filter.type) sel = sel.where('type', '=', filter.type);
  if (filter.status) sel = sel.where('status', '=', filter.status);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    sel = sel.where((eb) => eb.or([eb(eb.fn('lower', ['to_addr']), 'like', like), eb(eb.fn('lower', ['subject']), 'like', like)]));
  }
  return sel;
}

export async function listMessages(q: Q, filter: MessageFilter & { beforeId: number | null; limit: number; offset?: number | undefined }): Promise<Message[]> {
  let sel = filtered(q, filter).selectAll();
  if (filter.beforeId !== null) sel = sel.where('id', '<', filter.beforeId);
  sel = sel.orderBy('id', 'desc').limit(filter.limit);
  if (filter.offset) sel = sel.offset(filter.offset);
  return (await sel.execute()).map(toMessage);
}

/** How many messages match the filter (whatever page is read). */
export async function countMessages(q: Q, filter: MessageFilter): Promise<number> {
  const r = await filtered(q, filter).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Failed messages created since `since` (a failed message is final: its attempts are spent). */
export async function countFailedSince(q: Q | Tx, since: string): Promise<number> {
  const r = await q.selectFrom('messages').select((eb) => eb.fn.countAll<number | string>().as('n')).where('status', '=', 'failed').where('created_at', '>=', since).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function findMessage(q: Q | Tx, id: number): Promise<Message | null> {
  const r = await q.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toMessage(r) : null;
}

export async function countMessagesByStatus(q: Q | Tx): Promise<Record<string, number>> {
  const rows = await q.selectFrom('messages').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Messages created since `since`, counted per UTC day and status (one GROUP BY, on the created_at index). */
export async function messageVolume(q: Q | Tx, since: string): Promise<Array<{ day: string; status: string; n: number }>> {
  const day = sql<string>`substr(created_at, 1, 10)`;
  const rows = await q
    .selectFrom('messages')
    .select([day.as('day'), 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('created_at', '>=', since)
    .groupBy([day, 'status'])
    .execute();
  return rows.map((r) => ({ day: r.day, status: r.status, n: Number(r.n) }));
}

// ---- dispatch

/** Claims older than `cutoff` (their process died) go back to the queue. */
export async function requeueStaleClaims(q: Q, cutoff: string): Promise<number> {
  const r = await q.updateTable('messages').set({ status: 'queued', claimed_at: null }).where('status', '=', 'sending').where('claimed_at', '<', cutoff).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Claims up to `limit` due messages in (next_attempt_at, id) order; rows locked by another process are skipped (PostgreSQL). */
export async function claimDueMessages(q: Q, isPostgres: boolean, now: string, limit: number): Promise<ClaimedMessage[]> {
  const lock = isPostgres ? sql`for update skip locked` : sql``;
  const r = await sql<ClaimedMessage>`
    update messages set status = 'sending', claimed_at = ${now}
    where id in (select id from messages where status = 'queued' and next_attempt_at <= ${now} order by next_attempt_at, id limit ${limit} ${lock})
    returning id, type, sku, to_addr, subject, text_body, html_body, attempts, list_unsubscribe, attachments`.execute(q);
  return [...r.rows].sort((a, b) => Number(a.id) - Number(b.id));
}

/** Claims never handed to SMTP go back to the queue at once. */
export async function requeueClaims(q: Q, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await q.updateTable('messages').set({ status: 'queued', claimed_at: null }).where('id', 'in', [...ids]).where('status', '=', 'sending').execute();
}

/** Messages sent to each of `addrs` since `since` (the per-recipient limit). */
export async function sentCountsSince(q: Q, addrs: readonly string[], since: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < addrs.length; i += 500) {
    const rows = await q
      .selectFrom('messages')
      .select(['to_addr', (eb) => eb.fn.countAll<number>().as('n')])
      .where('to_addr', 'in', addrs.slice(i, i + 500))
      .where('status', '=', 'sent')
      .where('sent_at', '>', since)
      .groupBy('to_addr')
      .execute();
    for (const r of rows) out.set(r.to_addr, Number(r.n));
  }
  return out;
}

export async function markMessagesSent(q: Q, ids: readonly number[], now: string): Promise<void> {
  await q.updateTable('messages').set({ status: 'sent', sent_at: now, claimed_at: null, attempts: sql`attempts + 1` }).where('id', 'in', [...ids]).execute();
}

export async function deferMessage(q: Q, id: number, until: string, reason: string): Promise<void> {
  await q.updateTable('messages').set({ status: 'queued', claimed_at: null, next_attempt_at: until, last_error: reason }).where('id', '=', id).execute();
}

export async function recordSendFailure(q: Q | Tx, id: number, set: { status: 'queued' | 'failed'; attempts: number; nextAttemptAt: string; lastError: string }): Promise<void> {
  await q.updateTable('messages').set({ status: set.status, attempts: set.attempts, claimed_at: null, next_attempt_at: set.nextAttemptAt, last_error: set.lastError }).where('id', '=', id).execute();
}

// ---- consumer cursors

/** Creates a cursor at `start` unless the consumer has one. */
export async function initCursor(q: Q, name: string, start: number, now: string): Promise<void> {
  await q.insertInto('consumers').values({ name, cursor: start, updated_at: now }).onConflict((oc) => oc.column('name').doNothing()).execute();
}

/**
 * Locks the consumer's cursor row for this transaction and returns the cursor; null when another process holds
 * it (PostgreSQL, SKIP LOCKED) or it does not exist. SQLite has one writer, so no lock is needed.
 */
export async function lockCursor(tx: Tx, name: string, isPostgres: boolean): Promise<number | null> {
  let q = tx.selectFrom('consumers').select('cursor').where('name', '=', name);
  if (isPostgres) q = q.forUpdate().skipLocked();
  const row = await q.executeTakeFirst();
  return row ? Number(row.cursor) : null;
}

export async function advanceCursor(tx: Tx, name: string, cursor: number, now: string): Promise<void> {
  await tx.updateTable('consumers').set({ cursor, updated_at: now }).where('name', '=', name).execute();
}

export async function cursors(q: Q): Promise<Map<string, number>> {
  const rows = await q.selectFrom('consumers').select(['name', 'cursor']).execute();
  return new Map(rows.map((r) => [r.name, Number(r.cursor)]));
}

// ---- parked events

type ParkedRow = Selectable<ParkedEventsTable>;

function toParked(r: ParkedRow): ParkedEvent {
  return {
    id: Number(r.id),
    consumer: r.consumer,
    eventId: Number(r.event_id),
    eventType: r.event_type,
    attempts: Number(r.attempts),
    error: r.error,
    status: r.status as ParkedStatus,
    parkedAt: r.parked_at,
    resolvedAt: r.resolved_at,
  };
}

/** Sets an event aside for an operator; parking the same event twice keeps the first row. */
export async function parkEvent(tx: Tx, p: { consumer: string; eventId: number; eventType: string; attempts: number; error: string; now: string }): Promise<void> {
  await tx
    .insertInto('parked_events')
    .values({ consumer: p.consumer, event_id: p.eventId, event_type: p.eventType, attempts: p.attempts, error: p.error, status: 'parked', parked_at: p.now, resolved_at: null })
    .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
    .execute();
}

export async function listParked(q: Q, filter: { status?: ParkedStatus | undefined; consumer?: string | undefined; limit: number }): Promise<ParkedEvent[]> {
  let sel = q.selectFrom('parked_events').selectAll();
  if (filter.status) sel = sel.where('status', '=', filter.status);
  if (filter.consumer) sel = sel.where('consumer', '=', filter.consumer);
  return (await sel.orderBy('id', 'desc').limit(filter.limit).execute()).map(toParked);
}

export async function findParked(q: Q | Tx, id: number): Promise<ParkedEvent | null> {
  const r = await q.selectFrom('parked_events').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toParked(r) : null;
}

/** Locks a parked row (PostgreSQL) so two operators' retries of it do not both run the reactor. */
export async function lockParked(tx: Tx, id: number, isPostgres: boolean): Promise<ParkedEvent | null> {
  let q = tx.selectFrom('parked_events').selectAll().where('id', '=', id);
  if (isPostgres) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toParked(r) : null;
}

/** Closes a parked event; false when it was no longer parked. */
export async function resolveParked(q: Q | Tx, id: number, status: Exclude<ParkedStatus, 'parked'>, now: string): Promise<boolean> {
  const r = await q.updateTable('parked_events').set({ status, resolved_at: now }).where('id', '=', id).where('status', '=', 'parked').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An operator's retry failed again: one more attempt, and its error. */
export async function recordParkedFailure(q: Q, id: number, error: string): Promise<void> {
  await q.updateTable('parked_events').set((eb) => ({ attempts: eb('attempts', '+', 1), error })).where('id', '=', id).where('status', '=', 'parked').execute();
}

export async function parkedCounts(q: Q): Promise<Map<string, number>> {
  const rows = await q.selectFrom('parked_events').select(['consumer', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'parked').groupBy('consumer').execute();
  return new Map(rows.map((r) => [r.consumer, Number(r.n)]));
}

// ---- retention (see retention.ts)

/**
 * The newest outbox event that may be deleted: behind every consumer's cursor (none of them still needs it) and
 * before the newest event (so the outbox's last id, from which new ones continue and the live stream starts,
 * stays known). Null when there is no consumer yet: then nobody has said what it processed.
 */
export async function eventSweepBound(q: Q): Promise<number | null> {
  const c = await q.selectFrom('consumers').select((eb) => eb.fn.min('cursor').as('c')).executeTakeFirst();
  const e = await q.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  if (c?.c === null || c?.c === undefined || e?.m === null || e?.m === undefined) return null;
  return Math.min(Number(c.c), Number(e.m) - 1);
}

/** Deletes up to `limit` events up to `bound`, created before `before`, except those parked for an operator. */
export async function deleteOldEvents(q: Q, bound: number, before: string, limit: number): Promise<number> {
  const r = await q
    .deleteFrom('events')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('events')
        .select('id')
        .where('id', '<=', bound)
        .where('created_at', '<', before)
        .where('id', 'not in', eb.selectFrom('parked_events').select('event_id').where('status', '=', 'parked'))
        .orderBy('id')
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes up to `limit` messages that are done with (sent, or failed for good) and created before `before`. */
export async function deleteOldMessages(q: Q, before: string, limit: number): Promise<number> {
  const r = await q
    .deleteFrom('messages')
    .where('id', 'in', (eb) => eb.selectFrom('messages').select('id').where('status', 'in', ['sent', 'failed']).where('created_at', '<', before).orderBy('id').limit(limit))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
