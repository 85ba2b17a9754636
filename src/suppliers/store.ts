/** SQL for suppliers, offers, purchase orders, their lines and the decision log; nothing else reads these tables. */
import type { Selectable } from 'kysely';
import type { Q, Tx } from '../db/database.ts';
import type { OffersTable, PoLinesTable, PurchaseOrdersTable, SuppliersTable, SupplyDecisionsTable } from '../db/schema.ts';
import type { Candidate, Channel, Decision, LineHistoryRow, Offer, PoLine, PoLineStatus, PoSource, PoStatus, PurchaseOrder, Supplier, Trigger } from './model.ts';

type X = Q | Tx;

function rowToSupplier(r: Selectable<SuppliersTable>): Supplier {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    channel: r.channel as Channel,
    currency: r.currency,
    leadTimeDays: Number(r.lead_time_days),
    leadTimeSdDays: Number(r.lead_time_sd_days),
    ackDeadlineHours: Number(r.ack_deadline_hours),
    minOrderValue: Number(r.min_order_value),
    regions: JSON.parse(r.regions) as string[],
    active: r.active === 1,
    failover: r.failover === 1,
    webhookUrl: r.webhook_url,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function supplierRow(s: Supplier): SuppliersTable {
  return {
    id: s.id,
    name: s.name,
    email: s.email,
    channel: s.channel,
    currency: s.currency,
    lead_time_days: s.leadTimeDays,
    lead_time_sd_days: s.leadTimeSdDays,
    ack_deadline_hours: s.ackDeadlineHours,
    min_order_value: s.minOrderValue,
    regions: JSON.stringify(s.regions),
    active: s.active ? 1 : 0,
    failover: s.failover ? 1 : 0,
    webhook_url: s.webhookUrl,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

export async function insertSupplier(q: X, s: Supplier): Promise<void> {
  await q.insertInto('suppliers').values(supplierRow(s)).execute();
}

export async function updateSupplier(q: X, s: Supplier): Promise<void> {
  const row: Partial<SuppliersTable> = supplierRow(s);
  delete row.id;
  delete row.created_at;
  await q.updateTable('suppliers').set(row).where('id', '=', s.id).execute();
}

export async function findSupplier(q: X, id: string): Promise<Supplier | null> {
  const r = await q.selectFrom('suppliers').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToSupplier(r) : null;
}

export async function findSuppliers(q: X, ids: readonly string[]): Promise<Map<string, Supplier>> {
  if (ids.length === 0) return new Map();
  const rows = await q.selectFrom('suppliers').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, rowToSupplier(r)]));
}

export async function pageSuppliers(q: X, query: { active?: boolean | undefined; limit: number; offset: number }): Promise<{ items: Supplier[]; total: number }> {
  let sel = q.selectFrom('suppliers');
  if (query.active !== undefined) sel = sel.where('active', '=', query.active ? 1 : 0);
  const rows = await sel.selectAll().orderBy('name').orderBy('id').limit(query.limit).offset(query.offset).execute();
  const count = await sel.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return { items: rows.map(rowToSupplier), total: Number(count?.n ?? 0) };
}

// ---- offers

function rowToOffer(r: Selectable<OffersTable>): Offer {
  return {
    id: r.id,
    supplierId: r.supplier_id,
    sku: r.sku,
    supplierSku: r.supplier_sku,
    unitCost: Number(r.unit_cost),
    minQuantity: r.min_quantity,
    multiple: r.multiple,
    leadTimeDays: r.lead_time_days,
    priority: r.priority,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    active: r.active === 1,
    createdAt: r.created_at,
  };
}

export async function saveOffer(q: X, o: Offer, now: string, insert: boolean): Promise<void> {
  const row = {
    supplier_id: o.supplierId,
    sku: o.sku,
    supplier_sku: o.supplierSku,
    unit_cost: o.unitCost,
    min_quantity: o.minQuantity,
    multiple: o.multiple,
    lead_time_days: o.leadTimeDays,
    priority: o.priority,
    valid_from: o.validFrom,
    valid_to: o.validTo,
    active: o.active ? 1 : 0,
    updated_at: now,
  };
  if (insert) await q.insertInto('offers').values({ id: o.id, created_at: o.createdAt, ...row }).execute();
  else await q.updateTable('offers').set(row).where('id', '=', o.id).execute();
}

export async function findOffer(q: X, id: string): Promise<Offer | null> {
  const r = await q.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToOffer(r) : null;
}

export async function listOffers(q: X, by: { supplierId?: string | undefined; sku?: string | undefined }): Promise<Offer[]> {
  let sel = q.selectFrom('offers').selectAll();
  if (by.supplierId !== undefined) sel = sel.where('supplier_id', '=', by.supplierId);
  if (by.sku !== undefined) sel = sel.where('sku', '=', by.sku);
  const rows = await sel.orderBy('sku').orderBy('priority').orderBy('created_at').orderBy('id').limit(5000).execute();
  return rows.map(rowToOffer);
}

// ---- purchase orders and lines

function rowToLine(r: Selectable<PoLinesTable>): PoLine {
  return {
    id: r.id,
    poId: r.po_id,
    sku: r.sku,
    location: r.location,
    quantity: r.quantity,
    unitCost: Number(r.unit_cost),
    confirmedQuantity: r.confirmed_quantity,
    status: r.status as PoLineStatus,
    expectedDate: r.expected_date,
    confirmedDate: r.confirmed_date,
    shippedQuantity: r.shipped_quantity,
    receivedQuantity: r.received_quantity,
    rejectReason: r.reject_reason,
    resourcedQuantity: r.resourced_quantity,
    unsourcedQuantity: Number(r.unsourced_quantity),
    lateAt: r.late_at,
    resourcedFrom: r.resourced_from,
    answeredAt: r.answered_at,
    receivedAt: r.received_at,
    inboundId: r.inbound_id,
  };
}

type PoHead = Omit<PurchaseOrder, 'lines' | 'total'>;

function rowToHead(r: Selectable<PurchaseOrdersTable>): PoHead {
  return { id: r.id, supplierId: r.supplier_id, status: r.status as PoStatus, currency: r.currency, source: r.source as PoSource, createdAt: r.created_at, sentAt: r.sent_at, acknowledgedAt: r.acknowledged_at, updatedAt: r.updated_at };
}

/** The order's value: what it still buys (ended lines count what arrived, open ones what is expected). */
export function totalOf(lines: readonly PoLine[]): number {
  const t = lines.reduce((s, l) => {
    const units = l.status === 'rejected' || l.status === 'cancelled' ? l.receivedQuantity : l.status === 'received' ? l.receivedQuantity : Math.max(l.confirmedQuantity ?? l.quantity, l.receivedQuantity);
    return s + units * l.unitCost;
  }, 0);
  return Math.round(t * 100) / 100;
}

function assemble(head: PoHead, lines: PoLine[]): PurchaseOrder {
  return { ...head, total: totalOf(lines), lines };
}

export async function insertPo(q: X, po: PurchaseOrder): Promise<void> {
  await q
    .insertInto('purchase_orders')
    .values({ id: po.id, supplier_id: po.supplierId, status: po.status, currency: po.currency, source: po.source, created_at: po.createdAt, sent_at: po.sentAt, acknowledged_at: po.acknowledgedAt, updated_at: po.updatedAt })
    .execute();
}

export async function updatePoHead(q: X, po: Pick<PurchaseOrder, 'id' | 'status' | 'sentAt' | 'acknowledgedAt' | 'updatedAt'>): Promise<void> {
  await q.updateTable('purchase_orders').set({ status: po.status, sent_at: po.sentAt, acknowledged_at: po.acknowledgedAt, updated_at: po.updatedAt }).where('id', '=', po.id).execute();
}

export async function insertLine(q: X, l: PoLine, lineNo: number, now: string): Promise<void> {
  await q
    .insertInto('po_lines')
    .values({
      id: l.id,
      po_id: l.poId,
      line_no: lineNo,
      sku: l.sku,
      location: l.location,
      quantity: l.quantity,
      unit_cost: l.unitCost,
      confirmed_quantity: l.confirmedQuantity,
      status: l.status,
      expected_date: l.expectedDate,
      confirmed_date: l.confirmedDate,
      shipped_quantity: l.shippedQuantity,
      received_quantity: l.receivedQuantity,
      reject_reason: l.rejectReason,
      resourced_quantity: l.resourcedQuantity,
      unsourced_quantity: l.unsourcedQuantity,
      late_at: l.lateAt,
      resourced_from: l.resourcedFrom,
      answered_at: l.answeredAt,
      received_at: l.receivedAt,
      inbound_id: l.inboundId,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function saveLine(q: X, l: PoLine, now: string): Promise<void> {
  await q
    .updateTable('po_lines')
    .set({
      quantity: l.quantity,
      unit_cost: l.unitCost,
      confirmed_quantity: l.confirmedQuantity,
      status: l.status,
      expected_date: l.expectedDate,
      confirmed_date: l.confirmedDate,
      shipped_quantity: l.shippedQuantity,
      received_quantity: l.receivedQuantity,
      reject_reason: l.rejectReason,
      resourced_quantity: l.resourcedQuantity,
      unsourced_quantity: l.unsourcedQuantity,
      late_at: l.lateAt,
      answered_at: l.answeredAt,
      received_at: l.receivedAt,
      inbound_id: l.inboundId,
      updated_at: now,
    })
    .where('id', '=', l.id)
    .execute();
}

export async function nextLineNo(q: X, poId: string): Promise<number> {
  const r = await q.selectFrom('po_lines').select((eb) => eb.fn.max('line_no').as('n')).where('po_id', '=', poId).executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function linesOf(q: X, poIds: readonly string[]): Promise<Map<string, PoLine[]>> {
  const out = new Map<string, PoLine[]>();
  if (poIds.length === 0) return out;
  const rows = await q.selectFrom('po_lines').selectAll().where('po_id', 'in', [...poIds]).orderBy('po_id').orderBy('line_no').execute();
  for (const r of rows) {
    const list = out.get(r.po_id) ?? [];
    list.push(rowToLine(r));
    out.set(r.po_id, list);
  }
  return out;
}

export async function findLine(q: X, id: string): Promise<PoLine | null> {
  const r = await q.selectFrom('po_lines').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToLine(r) : null;
}

/** A PO with its lines; `lock` takes the order's row lock first (PostgreSQL), so its writes queue one after another. */
export async function findPo(q: X, id: string, lock = false): Promise<PurchaseOrder | null> {
  let sel = q.selectFrom('purchase_orders').selectAll().where('id', '=', id);
  if (lock) sel = sel.forUpdate();
  const r = await sel.executeTakeFirst();
  if (!r) return null;
  return assemble(rowToHead(r), (await linesOf(q, [id])).get(id) ?? []);
}

export interface PoQuery {
  sku?: string | undefined;
  status?: PoStatus | undefined;
  supplierId?: string | undefined;
  limit: number;
  offset: number;
}

export async function pagePos(q: X, query: PoQuery): Promise<{ items: PurchaseOrder[]; total: number }> {
  let sel = q.selectFrom('purchase_orders');
  if (query.status !== undefined) sel = sel.where('status', '=', query.status);
  if (query.supplierId !== undefined) sel = sel.where('supplier_id', '=', query.supplierId);
  if (query.sku !== undefined) {
    const sku = query.sku;
    sel = sel.where('id', 'in', (eb) => eb.selectFrom('po_lines').select('po_id').where('sku', '=', sku));
  }
  const rows = await sel.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
  const count = await sel.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const lines = await linesOf(q, rows.map((r) => r.id));
  return { items: rows.map((r) => assemble(rowToHead(r), lines.get(r.id) ?? [])), total: Number(count?.n ?? 0) };
}

/** Every line of a supplier's purchase orders, with the order's sent time (performance). */
export async function historyOf(q: X, supplierId: string, limit = 10_000): Promise<LineHistoryRow[]> {
  const rows = await q
    .selectFrom('po_lines as l')
    .innerJoin('purchase_orders as p', 'p.id', 'l.po_id')
    .select(['l.id', 'l.po_id', 'l.sku', 'l.status', 'l.quantity', 'l.confirmed_quantity', 'l.received_quantity', 'l.expected_date', 'l.confirmed_date', 'l.answered_at', 'l.received_at', 'p.sent_at'])
    .where('p.supplier_id', '=', supplierId)
    .orderBy('l.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    lineId: r.id,
    poId: r.po_id,
    sku: r.sku,
    status: r.status as PoLineStatus,
    quantity: r.quantity,
    confirmedQuantity: r.confirmed_quantity,
    receivedQuantity: r.received_quantity,
    expectedDate: r.expected_date,
    confirmedDate: r.confirmed_date,
    sentAt: r.sent_at,
    answeredAt: r.answered_at,
    receivedAt: r.received_at,
  }));
}

// ---- decision log

function rowToDecision(r: Selectable<SupplyDecisionsTable>): Decision {
  return {
    id: r.id,
    poId: r.po_id,
    lineId: r.line_id,
    trigger: r.trigger as Trigger,
    quantity: r.quantity,
    candidates: JSON.parse(r.candidates) as Candidate[],
    chosen: r.chosen === null ? null : (JSON.parse(r.chosen) as Decision['chosen']),
    reason: r.reason,
    at: r.at,
  };
}

export async function insertDecision(q: X, d: Decision): Promise<void> {
  await q
    .insertInto('supply_decisions')
    .values({ id: d.id, po_id: d.poId, line_id: d.lineId, trigger: d.trigger, quantity: d.quantity, candidates: JSON.stringify(d.candidates), chosen: d.chosen === null ? null : JSON.stringify(d.chosen), reason: d.reason, at: d.at })
    .execute();
}

/** Decisions about the lines of a PO, or that chose it (a re-sourced line landed on it), oldest first. */
export async function decisionsOf(q: X, poId: string): Promise<Decision[]> {
  const rows = await q.selectFrom('supply_decisions').selectAll().where('po_id', '=', poId).orderBy('at').orderBy('id').limit(1000).execute();
  return rows.map(rowToDecision);
}
