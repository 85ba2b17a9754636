/** SQL for waitlist subscriptions and per-SKU release state. */
import type { Selectable } from 'kysely';
import type { Q, Tx } from '../db/database.ts';
import type { WaitlistTable } from '../db/schema.ts';
import type { Subscription, SubscriptionStatus } from './model.ts';

export function rowToSubscription(r: Selectable<WaitlistTable>): Subscription {
  return {
    id: r.id,
    sku: r.sku,
    email: r.email,
    phone: r.phone,
    quantity: r.quantity,
    locale: r.locale,
    status: r.status as SubscriptionStatus,
    seq: Number(r.seq),
    holdReservationId: r.hold_reservation_id,
    holdExpiresAt: r.hold_expires_at,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    notifiedAt: r.notified_at,
    convertedAt: r.converted_at,
    confirmSentAt: r.confirm_sent_at,
  };
}

/** The pending or waiting subscription of one recipient (core/email.ts `recipientKey`) to a SKU. */
export async function findActive(q: Q | Tx, sku: string, recipient: string): Promise<Subscription | null> {
  const r = await q.selectFrom('waitlist').selectAll().where('recipient_key', '=', recipient).where('sku', '=', sku).where('status', 'in', ['pending', 'waiting']).executeTakeFirst();
  return r ? rowToSubscription(r) : null;
}

export async function findById(q: Q | Tx, id: string): Promise<Subscription | null> {
  const r = await q.selectFrom('waitlist').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToSubscription(r) : null;
}

export async function nextSeq(tx: Tx, sku: string): Promise<number> {
  const r = await tx.selectFrom('waitlist').select((eb) => eb.fn.max('seq').as('m')).where('sku', '=', sku).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function insertSubscription(tx: Tx, s: Subscription, recipient: string): Promise<void> {
  await tx
    .insertInto('waitlist')
    .values({
      id: s.id,
      sku: s.sku,
      email: s.email,
      phone: s.phone,
      quantity: s.quantity,
      locale: s.locale,
      status: s.status,
      seq: s.seq,
      hold_reservation_id: null,
      hold_expires_at: null,
      hold_reminded: 0,
      created_at: s.createdAt,
      confirmed_at: s.confirmedAt,
      notified_at: null,
      converted_at: null,
      unsubscribed_at: null,
      recipient_key: recipient,
      confirm_sent_at: s.confirmSentAt,
    })
    .execute();
}

export async function markConfirmSent(tx: Tx, id: string, at: string): Promise<void> {
  await tx.updateTable('waitlist').set({ confirm_sent_at: at }).where('id', '=', id).execute();
}

export async function waiting(q: Q | Tx, sku: string, limit: number): Promise<Subscription[]> {
  const rows = await q.selectFrom('waitlist').selectAll().where('sku', '=', sku).where('status', '=', 'waiting').orderBy('seq').limit(limit).execute();
  return rows.map(rowToSubscription);
}

export async function list(q: Q, sku: string | undefined, status: string | undefined, limit: number): Promise<Subscription[]> {
  let sel = q.selectFrom('waitlist').selectAll();
  if (sku) sel = sel.where('sku', '=', sku);
  if (status) sel = sel.where('status', '=', status);
  return (await sel.orderBy('sku').orderBy('seq').limit(limit).execute()).map(rowToSubscription);
}

export async function all(q: Q, sku: string): Promise<Subscription[]> {
  return (await q.selectFrom('waitlist').selectAll().where('sku', '=', sku).execute()).map(rowToSubscription);
}

export async function setReleaseAt(tx: Tx, sku: string, at: string | null, now: string): Promise<void> {
  await tx
    .insertInto('waitlist_release')
    .values({ sku, next_batch_at: at, updated_at: now })
    .onConflict((oc) => oc.column('sku').doUpdateSet({ next_batch_at: at, updated_at: now }))
    .execute();
}

export async function releaseAt(q: Q | Tx, sku: string): Promise<string | null> {
  const r = await q.selectFrom('waitlist_release').select('next_batch_at').where('sku', '=', sku).executeTakeFirst();
  return r?.next_batch_at ?? null;
}

/** SKUs whose next batch is due and that still have people waiting. */
export async function dueSkus(q: Q, now: string, limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom('waitlist_release')
    .select('sku')
    .where('next_batch_at', 'is not', null)
    .where('next_batch_at', '<=', now)
    .where((eb) => eb.exists(eb.selectFrom('waitlist').select('id').whereRef('waitlist.sku', '=', 'waitlist_release.sku').where('waitlist.status', '=', 'waiting')))
    .limit(limit)
    .execute();
  return rows.map((r) => r.sku);
}

export async function confirmSubscription(tx: Tx, id: string, now: string): Promise<void> {
  await tx.updateTable('waitlist').set({ status: 'waiting', confirmed_at: now }).where('id', '=', id).execute();
}

export async function unsubscribeSubscription(tx: Tx, id: string, now: string): Promise<void> {
  await tx.updateTable('waitlist').set({ status: 'unsubscribed', unsubscribed_at: now }).where('id', '=', id).execute();
}

export async function setHold(tx: Tx, id: string, reservationId: string, expiresAt: string): Promise<void> {
  await tx.updateTable('waitlist').set({ hold_reservation_id: reservationId, hold_expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function markNotified(tx: Tx, id: string, now: string): Promise<void> {
  await tx.updateTable('waitlist').set({ status: 'notified', notified_at: now }).where('id', '=', id).execute();
}

export async function anyWaiting(tx: Tx, sku: string): Promise<boolean> {
  return (await tx.selectFrom('waitlist').select('id').where('sku', '=', sku).where('status', '=', 'waiting').limit(1).executeTakeFirst()) !== undefined;
}

/** Notified contacts whose hold ends before `soon` and who were not reminded yet nor bought. */
export async function holdsEndingBefore(q: Q, now: string, soon: string, limit: number): Promise<Subscription[]> {
  const rows = await q
    .selectFrom('waitlist')
    .selectAll()
    .where('status', '=', 'notified')
    .where('hold_reminded', '=', 0)
    .where('hold_expires_at', '>', now)
    .where('hold_expires_at', '<=', soon)
    .where('converted_at', 'is', null)
    .limit(limit)
    .execute();
  return rows.map(rowToSubscription);
}

export async function markReminded(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('waitlist').set({ hold_reminded: 1 }).where('id', 'in', [...ids]).execute();
}

/** A contact's subscriptions to these SKUs notified since `since` and not converted yet. */
export async function unconvertedNotified(tx: Tx, recipient: string, skus: readonly string[], since: string): Promise<Array<{ id: string; sku: string }>> {
  if (skus.length === 0) return [];
  return tx.selectFrom('waitlist').select(['id', 'sku']).where('recipient_key', '=', recipient).where('sku', 'in', [...skus]).where('notified_at', '>=', since).where('converted_at', 'is', null).execute();
}

export async function markConverted(tx: Tx, ids: readonly string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('waitlist').set({ converted_at: at }).where('id', 'in', [...ids]).execute();
}

/** SKUs that have any subscription, in order. */
export async function subscribedSkus(q: Q, limit: number): Promise<string[]> {
  return (await q.selectFrom('waitlist').select('sku').distinct().orderBy('sku').limit(limit).execute()).map((r) => r.sku);
}

/** People waiting (status waiting) and the units they want, per SKU; SKUs nobody waits for are absent. */
export async function waitingBySku(q: Q): Promise<Map<string, { people: number; units: number }>> {
  const rows = await q
    .selectFrom('waitlist')
    .select((eb) => ['sku', eb.fn.countAll<number | string>().as('people'), eb.fn.sum<number | string>('quantity').as('units')])
    .where('status', '=', 'waiting')
    .groupBy('sku')
    .execute();
  return new Map(rows.map((r) => [r.sku, { people: Number(r.people), units: Number(r.units) }]));
}

export interface SubscriptionQuery {
  sku?: string | undefined;
  status?: string | undefined;
  /** Substring of the email or of the SKU, any case. */
  q?: string | undefined;
  sort: 'list' | 'createdAt' | 'sku' | 'status';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * A page of subscriptions and how many match. A waiting subscription's position in its SKU's list is counted
 * in SQL (waiting ones of the same SKU with a lower or equal seq), so it is right on any page and in any order.
 */
export async function page(q: Q, query: SubscriptionQuery): Promise<{ items: Array<Subscription & { position: number | null }>; total: number }> {
  let base = q.selectFrom('waitlist');
  if (query.sku) base = base.where('sku', '=', query.sku);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.q) {
    const text = query.q.toLowerCase();
    const like = `%${text.replace(/[%_\\]/g, '')}%`;
    base = base.where((eb) => eb.or([eb(eb.fn('lower', ['email']), 'like', like), eb(eb.fn('lower', ['sku']), 'like', like)]));
  }
  const count = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const dir = query.order;
  let sel = base.selectAll('waitlist').select((eb) =>
    eb
      .selectFrom('waitlist as w2')
      .select((e2) => e2.fn.countAll<number | string>().as('p'))
      .whereRef('w2.sku', '=', 'waitlist.sku')
      .where('w2.status', '=', 'waiting')
      .whereRef('w2.seq', '<=', 'waitlist.seq')
      .as('position'),
  );
  if (query.sort === 'createdAt') sel = sel.orderBy('created_at', dir).orderBy('id', dir);
  else if (query.sort === 'status') sel = sel.orderBy('status', dir).orderBy('sku').orderBy('seq');
  else if (query.sort === 'sku') sel = sel.orderBy('sku', dir).orderBy('seq', dir);
  else sel = sel.orderBy('sku').orderBy('seq');
  const rows = await sel.limit(query.limit).offset(query.offset).execute();
  return {
    items: rows.map((r) => ({ ...rowToSubscription(r), position: r.status === 'waiting' ? Number(r.position) : null })),
    total: Number(count?.n ?? 0),
  };
}
