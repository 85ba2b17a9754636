/** SQL for orders, order lines, their allocations, inbound supply and shop settings. */
import type { Selectable } from 'kysely';
import { marks, type Database, type KeyedQuery, type Q, type Tx } from '../db/database.ts';
import type { InboundTable, OrderLinesTable } from '../db/schema.ts';
import type { Customer, Inbound, InboundStatus, LineStatus, Order, OrderLine, OrderPayment, PaymentStatus, WaitingLine } from './model.ts';

export const WAITING_STATUSES: LineStatus[] = ['backordered', 'preordered'];

export function rowToLine(r: Selectable<OrderLinesTable>): OrderLine {
  return {
    id: r.id,
    orderId: r.order_id,
    lineNo: r.line_no,
    sku: r.sku,
    quantity: r.quantity,
    fromStock: r.from_stock,
    backordered: r.backordered,
    preordered: r.preordered,
    allocated: r.allocated,
    status: r.status as LineStatus,
    promisedDate: r.promised_date,
    promiseBasis: (r.promise_basis as OrderLine['promiseBasis']) ?? null,
    allowPartial: r.allow_partial === 1,
    seq: r.seq,
    tier: r.customer_tier,
    reservationId: r.reservation_id,
    createdAt: r.created_at,
  };
}

export function lineToRow(l: OrderLine, now: string): Selectable<OrderLinesTable> {
  return {
    id: l.id,
    order_id: l.orderId,
    line_no: l.lineNo,
    sku: l.sku,
    quantity: l.quantity,
    from_stock: l.fromStock,
    backordered: l.backordered,
    preordered: l.preordered,
    allocated: l.allocated,
    status: l.status,
    promised_date: l.promisedDate,
    promise_basis: l.promiseBasis,
    customer_tier: l.tier,
    allow_partial: l.allowPartial ? 1 : 0,
    seq: l.seq,
    reservation_id: l.reservationId,
    created_at: l.createdAt,
    updated_at: now,
  };
}

export function waitingOf(l: OrderLine): WaitingLine {
  return {
    id: l.id,
    orderId: l.orderId,
    kind: l.preordered > 0 ? 'preorder' : 'backorder',
    waiting: l.backordered + l.preordered - l.allocated,
    tier: l.tier,
    seq: l.seq,
    allowPartial: l.allowPartial,
    promisedDate: l.promisedDate,
    promiseBasis: l.promiseBasis,
  };
}

export interface NewOrderRow {
  id: string;
  customer: Customer;
  createdAt: string;
  payment: OrderPayment;
}

export async function insertOrder(tx: Tx, order: NewOrderRow): Promise<void> {
  await insertOrders(tx, [order]);
}

/** Inserts new orders, one statement per 500 (9 parameters each, well inside both dialects' limits). */
export async function insertOrders(tx: Tx, orders: readonly NewOrderRow[]): Promise<void> {
  for (let i = 0; i < orders.length; i += 500) {
    await tx
      .insertInto('orders')
      .values(
        orders.slice(i, i + 500).map((order) => ({
          id: order.id,
          customer_id: order.customer.id,
          customer_email: order.customer.email,
          customer_tier: order.customer.tier,
          customer_locale: order.customer.locale,
          created_at: order.createdAt,
          updated_at: order.createdAt,
          payment_status: order.payment.status,
          payment_expires_at: order.payment.expiresAt,
        })),
      )
      .execute();
  }
}

/** Confirms a pending order whose time has not run out; true when this call confirmed it. */
export async function confirmPayment(q: Q | Tx, id: string, now: string): Promise<boolean> {
  const r = await q.updateTable('orders').set({ payment_status: 'confirmed', updated_at: now }).where('id', '=', id).where('payment_status', '=', 'pending').where('payment_expires_at', '>', now).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Claims a pending order whose time ran out, marking it expired; true for the one caller (in any process) that
 * claimed it. The row stays locked until the caller's transaction ends, so a confirmation waits and then fails.
 */
export async function claimUnpaid(tx: Tx, id: string, now: string): Promise<boolean> {
  const r = await tx.updateTable('orders').set({ payment_status: 'expired', updated_at: now }).where('id', '=', id).where('payment_status', '=', 'pending').where('payment_expires_at', '<=', now).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Pending orders whose time ran out, oldest deadline first. */
export async function unpaidDue(q: Q | Tx, now: string, limit: number): Promise<string[]> {
  const rows = await q.selectFrom('orders').select('id').where('payment_status', '=', 'pending').where('payment_expires_at', '<=', now).orderBy('payment_expires_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** Inserts new line rows (one statement per 200 lines on both dialects). */
export async function insertLines(tx: Tx, lines: readonly OrderLine[], now: string): Promise<void> {
  for (let i = 0; i < lines.length; i += 200) {
    await tx.insertInto('order_lines').values(lines.slice(i, i + 200).map((l) => lineToRow(l, now))).execute();
  }
}

/** Inserts or rewrites whole line rows (one statement per 200 lines on both dialects). */
export async function saveLines(tx: Tx, lines: readonly OrderLine[], now: string): Promise<void> {
  for (let i = 0; i < lines.length; i += 200) {
    await tx
      .insertInto('order_lines')
      .values(lines.slice(i, i + 200).map((l) => lineToRow(l, now)))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          allocated: eb.ref('excluded.allocated'),
          status: eb.ref('excluded.status'),
          promised_date: eb.ref('excluded.promised_date'),
          promise_basis: eb.ref('excluded.promise_basis'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

export async function addLineAllocations(tx: Tx, rows: ReadonlyArray<{ lineId: string; location: string; quantity: number }>): Promise<void> {
  // Sum per line × location first: one row each, added to what is there.
  const merged = new Map<string, { lineId: string; location: string; quantity: number }>();
  for (const r of rows) {
    const k = `${r.lineId}\u0000${r.location}`;
    const m = merged.get(k);
    if (m) m.quantity += r.quantity;
    else merged.set(k, { ...r });
  }
  const all = [...merged.values()];
  for (let i = 0; i < all.length; i += 300) {
    await tx
      .insertInto('order_line_allocations')
      .values(all.slice(i, i + 300).map((r) => ({ line_id: r.lineId, location: r.location, quantity: r.quantity })))
      .onConflict((oc) => oc.columns(['line_id', 'location']).doUpdateSet((eb) => ({ quantity: eb('order_line_allocations.quantity', '+', eb.ref('excluded.quantity')) })))
      .execute();
  }
}

export async function lineAllocations(q: Q | Tx, lineId: string): Promise<Array<{ location: string; quantity: number }>> {
  const rows = await q.selectFrom('order_line_allocations').select(['location', 'quantity']).where('line_id', '=', lineId).orderBy('location').execute();
  return rows.filter((r) => r.quantity > 0);
}

export async function clearLineAllocations(tx: Tx, lineId: string): Promise<void> {
  await tx.deleteFrom('order_line_allocations').where('line_id', '=', lineId).execute();
}

export async function findOrder(q: Q | Tx, id: string): Promise<Order | null> {
  const o = await q.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) return null;
  const lines = await q.selectFrom('order_lines').selectAll().where('order_id', '=', id).orderBy('line_no').execute();
  return {
    id: o.id,
    customer: { id: o.customer_id, email: o.customer_email, tier: o.customer_tier, locale: o.customer_locale },
    lines: lines.map(rowToLine),
    createdAt: o.created_at,
    payment: { status: o.payment_status as PaymentStatus, expiresAt: o.payment_expires_at },
  };
}

export async function findLine(q: Q | Tx, id: string): Promise<OrderLine | null> {
  const r = await q.selectFrom('order_lines').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToLine(r) : null;
}

export async function waitingLines(q: Q | Tx, skus: readonly string[]): Promise<Map<string, OrderLine[]>> {
  const out = new Map<string, OrderLine[]>();
  for (let i = 0; i < skus.length; i += 500) {
    const rows = await q.selectFrom('order_lines').selectAll().where('sku', 'in', skus.slice(i, i + 500)).where('status', 'in', WAITING_STATUSES).orderBy('seq').execute();
    for (const r of rows) {
      const list = out.get(r.sku) ?? [];
      list.push(rowToLine(r));
      out.set(r.sku, list);
    }
  }
  return out;
}

export async function nextSeq(tx: Tx, sku: string): Promise<number> {
  const r = await tx.selectFrom('order_lines').select((eb) => eb.fn.max('seq').as('m')).where('sku', '=', sku).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function orderEmails(q: Q | Tx, orderIds: readonly string[]): Promise<Map<string, string>> {
  return new Map([...(await orderContacts(q, orderIds))].map(([k, v]) => [k, v.email]));
}

export async function orderContacts(q: Q | Tx, orderIds: readonly string[]): Promise<Map<string, { email: string; locale: string | null }>> {
  const out = new Map<string, { email: string; locale: string | null }>();
  for (let i = 0; i < orderIds.length; i += 500) {
    const rows = await q.selectFrom('orders').select(['id', 'customer_email', 'customer_locale']).where('id', 'in', orderIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, { email: r.customer_email, locale: r.customer_locale });
  }
  return out;
}

// ---- inbound

export function rowToInbound(r: Selectable<InboundTable>): Inbound {
  return {
    id: r.id,
    sku: r.sku,
    location: r.location,
    quantity: r.quantity,
    received: r.received,
    expectedDate: r.expected_date,
    reference: r.reference,
    status: r.status as InboundStatus,
    createdAt: r.created_at,
  };
}

export async function openInbound(q: Q | Tx, skus: readonly string[]): Promise<Map<string, Inbound[]>> {
  const out = new Map<string, Inbound[]>();
  for (let i = 0; i < skus.length; i += 500) {
    const rows = await q.selectFrom('inbound').selectAll().where('sku', 'in', skus.slice(i, i + 500)).where('status', '=', 'open').orderBy('expected_date').orderBy('id').execute();
    for (const r of rows) {
      const list = out.get(r.sku) ?? [];
      list.push(rowToInbound(r));
      out.set(r.sku, list);
    }
  }
  return out;
}

export async function findInbound(q: Q | Tx, id: string): Promise<Inbound | null> {
  const r = await q.selectFrom('inbound').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToInbound(r) : null;
}

export async function saveInbound(tx: Tx, i: Inbound, now: string): Promise<void> {
  await tx
    .insertInto('inbound')
    .values({ id: i.id, sku: i.sku, location: i.location, quantity: i.quantity, received: i.received, expected_date: i.expectedDate, reference: i.reference, status: i.status, created_at: i.createdAt, updated_at: now })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        quantity: eb.ref('excluded.quantity'),
        received: eb.ref('excluded.received'),
        expected_date: eb.ref('excluded.expected_date'),
        status: eb.ref('excluded.status'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

export async function listInbound(q: Q, sku: string | undefined, status: InboundStatus | undefined): Promise<Inbound[]> {
  let sel = q.selectFrom('inbound').selectAll();
  if (sku) sel = sel.where('sku', '=', sku);
  if (status) sel = sel.where('status', '=', status);
  return (await sel.orderBy('expected_date').orderBy('id').limit(1000).execute()).map(rowToInbound);
}

export interface InboundQuery {
  sku?: string | undefined;
  status?: InboundStatus | undefined;
  /** Only open inbound expected before this date (YYYY-MM-DD): late when it is today. */
  expectedBefore?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of inbound by expected date (then id) and how many match. */
export async function pageInbound(q: Q, query: InboundQuery): Promise<{ items: Inbound[]; total: number }> {
  let base = q.selectFrom('inbound');
  if (query.sku) base = base.where('sku', '=', query.sku);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.expectedBefore !== undefined) base = base.where('status', '=', 'open').where('expected_date', '<', query.expectedBefore);
  const count = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('expected_date').orderBy('id').limit(query.limit).offset(query.offset).execute();
  return { items: rows.map(rowToInbound), total: Number(count?.n ?? 0) };
}

const WAITING_SUMS = `sku, sum(backordered - case when preordered = 0 then allocated else 0 end) as b,
  sum(preordered - case when preordered > 0 then allocated else 0 end) as p`;
/** waitingTotals as one statement per dialect: every stock write asks it (see Database.selectIn). */
const WAITING_TOTALS: KeyedQuery = {
  sqlite: (n) => `select ${WAITING_SUMS} from order_lines where sku in (${marks(n)}) and status in ('backordered', 'preordered') group by sku`,
  postgres: `select ${WAITING_SUMS} from order_lines where sku = any($1::text[]) and status in ('backordered', 'preordered') group by sku`,
};

/** Units still waiting per SKU and kind: what availability needs, without loading the queue. */
export async function waitingTotals(q: Q | Tx, skus: readonly string[], db?: Database): Promise<Map<string, { backordered: number; preordered: number }>> {
  const out = new Map<string, { backordered: number; preordered: number }>();
  if (db && q.isTransaction) {
    for (const r of await db.selectIn<{ sku: string; b: number | null; p: number | null }>(q as Tx, WAITING_TOTALS, skus)) out.set(r.sku, { backordered: Number(r.b ?? 0), preordered: Number(r.p ?? 0) });
    return out;
  }
  for (let i = 0; i < skus.length; i += 500) {
    const rows = await q
      .selectFrom('order_lines')
      .select((eb) => [
        'sku',
        eb.fn.sum<number>(eb('backordered', '-', eb.case().when('preordered', '=', 0).then(eb.ref('allocated')).else(0).end())).as('b'),
        eb.fn.sum<number>(eb('preordered', '-', eb.case().when('preordered', '>', 0).then(eb.ref('allocated')).else(0).end())).as('p'),
      ])
      .where('sku', 'in', skus.slice(i, i + 500))
      .where('status', 'in', WAITING_STATUSES)
      .groupBy('sku')
      .execute();
    for (const r of rows) out.set(r.sku, { backordered: Number(r.b ?? 0), preordered: Number(r.p ?? 0) });
  }
  return out;
}

/** SKUs with any line waiting (backordered or pre-ordered), in SKU order; `limit` caps how many. */
export async function skusWithWaitingLines(q: Q | Tx, limit?: number): Promise<string[]> {
  let query = q.selectFrom('order_lines').select('sku').distinct().where('status', 'in', ['backordered', 'preordered']).orderBy('sku');
  if (limit !== undefined) query = query.limit(limit);
  return (await query.execute()).map((r) => r.sku);
}
