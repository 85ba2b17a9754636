/** SQL for the `webhooks` and `webhook_deliveries` tables. */
import { sql, type Selectable } from 'kysely';
import type { Database, Q, Tx } from '../../db/database.ts';
import type { WebhookDeliveriesTable, WebhooksTable } from '../../db/schema.ts';
import type { ClaimedDelivery, DeliveryStatus, Webhook, WebhookDelivery } from './model.ts';
import { messageIdOf } from './policy.ts';

type WebhookRow = Selectable<WebhooksTable>;
type DeliveryRow = Selectable<WebhookDeliveriesTable>;

export function toWebhook(r: WebhookRow): Webhook {
  return {
    id: r.id,
    url: r.url,
    events: JSON.parse(r.events) as string[],
    description: r.description,
    active: Number(r.active) === 1,
    createdAt: r.created_at,
  };
}

export function toDelivery(r: DeliveryRow): WebhookDelivery {
  const status = r.status as DeliveryStatus;
  return {
    id: r.id,
    webhookId: r.webhook_id,
    eventId: Number(r.event_id),
    eventType: r.event_type,
    messageId: messageIdOf(Number(r.event_id)),
    status,
    attempts: Number(r.attempts),
    lastStatus: r.last_status === null ? null : Number(r.last_status),
    lastError: r.last_error,
    nextAttemptAt: status === 'pending' ? r.next_attempt_at : null,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
  };
}

export async function insertWebhook(q: Q | Tx, row: WebhookRow): Promise<void> {
  await q.insertInto('webhooks').values(row).execute();
}

export async function findWebhook(q: Q | Tx, id: string): Promise<WebhookRow | undefined> {
  return q.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function webhookSecrets(q: Q | Tx): Promise<Array<{ id: string; secret: string }>> {
  return q.selectFrom('webhooks').select(['id', 'secret']).execute();
}

/** Replaces a secret by its sealed form, only if it is still the value read (another process may have sealed it). */
export async function replaceWebhookSecret(q: Q | Tx, id: string, was: string, sealed: string): Promise<void> {
  await q.updateTable('webhooks').set({ secret: sealed }).where('id', '=', id).where('secret', '=', was).execute();
}

export async function listWebhooks(q: Q | Tx): Promise<WebhookRow[]> {
  return q.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function updateWebhook(q: Q | Tx, id: string, set: Partial<Pick<WebhookRow, 'url' | 'events' | 'active' | 'description'>>): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await q.updateTable('webhooks').set(set).where('id', '=', id).execute();
}

export async function activeSubscriptions(tx: Tx): Promise<Array<{ id: string; events: string[]; createdAt: string }>> {
  const rows = await tx.selectFrom('webhooks').select(['id', 'events', 'created_at']).where('active', '=', 1).execute();
  return rows.map((r) => ({ id: r.id, events: JSON.parse(r.events) as string[], createdAt: r.created_at }));
}

/** New deliveries; one per (webhook, event) whatever happens twice. Returns how many were new. */
export async function insertDeliveries(tx: Tx, rows: DeliveryRow[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const res = await tx
      .insertInto('webhook_deliveries')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
      .returning('id')
      .execute();
    inserted += res.length;
  }
  return inserted;
}

export async function findDelivery(q: Q | Tx, id: string): Promise<DeliveryRow | undefined> {
  return q.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listDeliveries(q: Q, webhookId: string, status: DeliveryStatus | undefined, limit: number, offset = 0): Promise<DeliveryRow[]> {
  let query = q.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
  if (status) query = query.where('status', '=', status);
  query = query.orderBy('created_at', 'desc').orderBy('event_id', 'desc').limit(limit);
  if (offset > 0) query = query.offset(offset);
  return query.execute();
}

export async function countDeliveries(q: Q, webhookId: string, status: DeliveryStatus | undefined): Promise<number> {
  let query = q.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll<number | string>().as('n')).where('webhook_id', '=', webhookId);
  if (status) query = query.where('status', '=', status);
  return Number((await query.executeTakeFirst())?.n ?? 0);
}

/**
 * Endpoints (active ones) and how many of them are failing: a delivery given up on (dead) created since
 * `since`, or one still being retried after a failed attempt.
 */
export async function endpointHealth(q: Q, since: string): Promise<{ endpoints: number; failing: number }> {
  const total = await q.selectFrom('webhooks').select((eb) => eb.fn.countAll<number | string>().as('n')).where('active', '=', 1).executeTakeFirst();
  const failing = await q
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select((eb) => eb.fn.count<number | string>('d.webhook_id').distinct().as('n'))
    .where('w.active', '=', 1)
    .where((eb) => eb.or([eb.and([eb('d.status', '=', 'dead'), eb('d.created_at', '>=', since)]), eb.and([eb('d.status', '=', 'pending'), eb('d.attempts', '>', 0), eb('d.last_error', 'is not', null)])]))
    .executeTakeFirst();
  return { endpoints: Number(total?.n ?? 0), failing: Number(failing?.n ?? 0) };
}

/**
 * Claims up to `limit` due deliveries of active endpoints for one attempt each: counts the attempt and pushes
 * `next_attempt_at` out by a lease, so no other worker takes them while they are in flight, and a worker that
 * dies mid-request leaves them to be retried once the lease runs out. Rows locked by another worker are
 * skipped (PostgreSQL). Rows whose schedule was already spent by such crashes are returned in `spent`.
 */
export async function claimDue(
  db: Database,
  now: string,
  leaseUntil: string,
  limit: number,
  maxAttempts: number,
): Promise<{ claimed: ClaimedDelivery[]; spent: DeliveryRow[] }> {
  return db.transaction(async ({ tx }) => {
    let q = tx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .selectAll('d')
      .select(['w.url as url', 'w.secret as secret'])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .where('w.active', '=', 1)
      .orderBy('d.next_attempt_at')
      .orderBy('d.event_id')
      .limit(limit);
    if (db.isPostgres) q = q.forUpdate('d').skipLocked();
    const rows = await q.execute();
    if (rows.length === 0) return { claimed: [], spent: [] };
    const spent = rows.filter((r) => Number(r.attempts) >= maxAttempts);
    const live = rows.filter((r) => Number(r.attempts) < maxAttempts);
    if (spent.length > 0) {
      await tx
        .updateTable('webhook_deliveries')
        .set({ status: 'dead', claimed_at: null, last_error: 'no answer recorded for the last attempt (the worker stopped mid-request)' })
        .where('id', 'in', spent.map((r) => r.id))
        .execute();
    }
    if (live.length > 0) {
      await tx
        .updateTable('webhook_deliveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), claimed_at: now, next_attempt_at: leaseUntil }))
        .where('id', 'in', live.map((r) => r.id))
        .execute();
    }
    return {
      claimed: live.map((r) => ({
        id: r.id,
        webhookId: r.webhook_id,
        eventId: Number(r.event_id),
        eventType: r.event_type,
        url: r.url,
        secret: r.secret,
        body: r.payload,
        attempt: Number(r.attempts) + 1,
      })),
      spent,
    };
  });
}

/** Records an attempt's outcome unless another worker has since claimed the delivery (fenced by attempt). */
export async function recordOutcome(
  q: Q,
  id: string,
  attempt: number,
  set: { status: DeliveryStatus; nextAttemptAt: string; lastStatus: number | null; lastError: string | null; deliveredAt: string | null },
): Promise<boolean> {
  const res = await q
    .updateTable('webhook_deliveries')
    .set({
      status: set.status,
      next_attempt_at: set.nextAttemptAt,
      last_status: set.lastStatus,
      last_error: set.lastError,
      delivered_at: set.deliveredAt,
      claimed_at: null,
    })
    .where('id', '=', id)
    .where('attempts', '=', attempt)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A fresh attempt cycle for a delivered or dead delivery, due now. False if it was not in one of those states. */
export async function restartDelivery(q: Q | Tx, id: string, now: string): Promise<boolean> {
  const res = await q
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_at: null, delivered_at: null })
    .where('id', '=', id)
    .where('status', 'in', ['delivered', 'dead'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Deletes up to `limit` deliveries that are finished (delivered or dead) since before `before`. A finished
 * delivery's `next_attempt_at` is when its last attempt ended (recordOutcome, claimDue); a pending one is kept.
 */
export async function deleteOldDeliveries(q: Q, before: string, limit: number): Promise<number> {
  const r = await q
    .deleteFrom('webhook_deliveries')
    .where('id', 'in', (eb) =>
      eb.selectFrom('webhook_deliveries').select('id').where('status', 'in', ['delivered', 'dead']).where('next_attempt_at', '<', before).orderBy('next_attempt_at').limit(limit),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deliveries created since `since`, counted per UTC day and status (one GROUP BY, on the created_at index). */
export async function deliveryVolume(q: Q, since: string): Promise<Array<{ day: string; status: string; n: number }>> {
  const day = sql<string>`substr(created_at, 1, 10)`;
  const rows = await q
    .selectFrom('webhook_deliveries')
    .select([day.as('day'), 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('created_at', '>=', since)
    .groupBy([day, 'status'])
    .execute();
  return rows.map((r) => ({ day: r.day, status: r.status, n: Number(r.n) }));
}
