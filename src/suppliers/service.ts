/**
 * Supply use cases: suppliers and their offers, purchase orders through their states, the supplier's answers,
 * shipments and receipts, the decision log and performance. Each open PO line owns one inbound record of the
 * orders module (reference = the line id), kept in step in the same transaction: a confirmed quantity or date
 * updates it, a rejection or cancellation cancels it, a receipt receives through it (so through the ledger), and
 * customers' promised dates move exactly as inbound changes move them.
 */
import type { Clock } from '../core/clock.ts';
import { isCalendarDate, isoDate } from '../core/clock.ts';
import { Conflict, Invalid, NotFound, invalidField } from '../core/errors.ts';
import { appendEvents, type NewEvent } from '../core/events.ts';
import { newId } from '../core/ids.ts';
import type { Database, TxContext } from '../db/database.ts';
import type { CatalogService } from '../catalog/service.ts';
import type { InventoryService } from '../inventory/service.ts';
import type { OrdersService } from '../orders/service.ts';
import {
  CHANNELS,
  type AnswerLine,
  type Decision,
  type LineHistoryRow,
  type Offer,
  type OfferInput,
  type OfferPatch,
  type Performance,
  type PoLine,
  type PoLineInput,
  type PoSource,
  type PoStatus,
  type PurchaseOrder,
  type Supplier,
  type SupplierInput,
  type SupplierPatch,
} from './model.ts';
import { ANSWERABLE, RECEIVABLE, applyAnswer, expectedArrival, isTerminalLine, performanceOf, poStatusOf, rankOffers } from './policy.ts';
import * as store from './store.ts';

export interface SupplierDeps {
  catalog: CatalogService;
  inventory: InventoryService;
  orders: OrdersService;
  /**
   * The webhook endpoint check of messaging (https, or http where allowed, to an address the guard admits);
   * answers the normalised URL or throws `invalid_webhook_url`.
   */
  checkWebhookUrl: (url: string) => Promise<string>;
}

/** Who acts: a supplier key sees and answers only its own supplier's orders; anyone else is staff. */
export interface Actor {
  supplierId?: string | null | undefined;
}

/** A valid offer and its supplier, as failover considers them. */
export interface EligibleOffer {
  offer: Offer;
  supplier: Supplier;
}

export type NewDecision = Omit<Decision, 'id' | 'at'> & { at?: string | undefined };

const nonNegative = (field: string, v: number | undefined | null): void => {
  if (v !== undefined && v !== null && !(Number.isFinite(v) && v >= 0)) throw invalidField(field, `${field} must be a number of at least 0, got ${v}`);
};

export class SupplierService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly deps: SupplierDeps,
  ) {}

  private today(): string {
    return isoDate(this.clock.now());
  }

  private tx<T>(ctx: TxContext | undefined, fn: (ctx: TxContext) => Promise<T>): Promise<T> {
    return ctx ? fn(ctx) : this.db.transaction(fn);
  }

  // ---- suppliers

  private async checkSupplier(s: Supplier): Promise<Supplier> {
    if (!s.name.trim()) throw invalidField('name', 'name must not be empty');
    if (!(CHANNELS as readonly string[]).includes(s.channel)) throw invalidField('channel', `channel must be one of ${CHANNELS.join(', ')}`);
    nonNegative('leadTimeDays', s.leadTimeDays);
    nonNegative('leadTimeSdDays', s.leadTimeSdDays);
    nonNegative('ackDeadlineHours', s.ackDeadlineHours);
    nonNegative('minOrderValue', s.minOrderValue);
    if (s.channel === 'webhook' && !s.webhookUrl) throw invalidField('webhookUrl', 'a supplier on the webhook channel needs a webhookUrl');
    if (s.webhookUrl) s.webhookUrl = await this.deps.checkWebhookUrl(s.webhookUrl);
    return s;
  }

  async createSupplier(input: SupplierInput): Promise<Supplier> {
    const now = this.clock.now().toISOString();
    const s = await this.checkSupplier({
      id: newId('sup'),
      name: input.name,
      email: input.email,
      channel: input.channel,
      currency: input.currency,
      leadTimeDays: input.leadTimeDays,
      leadTimeSdDays: input.leadTimeSdDays ?? 0,
      ackDeadlineHours: input.ackDeadlineHours ?? 48,
      minOrderValue: input.minOrderValue ?? 0,
      regions: input.regions ?? [],
      active: input.active ?? true,
      failover: input.failover ?? true,
      webhookUrl: input.webhookUrl ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await store.insertSupplier(this.db.kysely, s);
    return s;
  }

  async getSupplier(id: string): Promise<Supplier> {
    const s = await store.findSupplier(this.db.kysely, id);
    if (!s) throw new NotFound('Supplier', id, 'unknown_supplier');
    return s;
  }

  async listSuppliers(query: { active?: boolean | undefined; limit: number; offset: number }): Promise<{ items: Supplier[]; total: number }> {
    return store.pageSuppliers(this.db.kysely, query);
  }

  async updateSupplier(id: string, patch: SupplierPatch): Promise<Supplier> {
    const current = await this.getSupplier(id);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as SupplierPatch;
    const next = await this.checkSupplier({ ...current, ...defined, id, createdAt: current.createdAt, updatedAt: this.clock.now().toISOString() });
    await store.updateSupplier(this.db.kysely, next);
    return next;
  }

  // ---- offers

  private checkOffer(o: Offer): Offer {
    nonNegative('unitCost', o.unitCost);
    nonNegative('leadTimeDays', o.leadTimeDays);
    if (!Number.isInteger(o.minQuantity) || o.minQuantity < 1) throw invalidField('minQuantity', 'minQuantity must be a whole number of at least 1');
    if (!Number.isInteger(o.multiple) || o.multiple < 1) throw invalidField('multiple', 'multiple (pack size) must be a whole number of at least 1');
    for (const f of ['validFrom', 'validTo'] as const) {
      const v = o[f];
      if (v !== null && !isCalendarDate(v)) throw new Invalid(`${f} must be a calendar date YYYY-MM-DD, got '${v}'`, { field: f }, 'invalid_date');
    }
    if (o.validFrom !== null && o.validTo !== null && o.validTo < o.validFrom) throw invalidField('validTo', `validTo ${o.validTo} is before validFrom ${o.validFrom}`);
    return o;
  }

  async createOffer(supplierId: string, input: OfferInput): Promise<Offer> {
    await this.getSupplier(supplierId);
    await this.deps.catalog.get(input.sku);
    const now = this.clock.now().toISOString();
    const o = this.checkOffer({
      id: newId('off'),
      supplierId,
      sku: input.sku,
      supplierSku: input.supplierSku ?? null,
      unitCost: input.unitCost,
      minQuantity: input.minQuantity ?? 1,
      multiple: input.multiple ?? 1,
      leadTimeDays: input.leadTimeDays ?? null,
      priority: input.priority ?? 100,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      active: input.active ?? true,
      createdAt: now,
    });
    await store.saveOffer(this.db.kysely, o, now, true);
    return o;
  }

  async listOffers(supplierId: string): Promise<Offer[]> {
    await this.getSupplier(supplierId);
    return store.listOffers(this.db.kysely, { supplierId });
  }

  async getOffer(id: string): Promise<Offer> {
    const o = await store.findOffer(this.db.kysely, id);
    if (!o) throw new NotFound('Offer', id, 'unknown_offer');
    return o;
  }

  async updateOffer(id: string, patch: OfferPatch, supplierId?: string): Promise<Offer> {
    const current = await this.getOffer(id);
    if (supplierId !== undefined && current.supplierId !== supplierId) throw new NotFound('Offer', id, 'unknown_offer');
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as OfferPatch;
    const next = this.checkOffer({ ...current, ...defined } as Offer);
    await store.saveOffer(this.db.kysely, next, this.clock.now().toISOString(), false);
    return next;
  }

  async offersForSku(sku: string): Promise<Offer[]> {
    await this.deps.catalog.get(sku);
    return store.listOffers(this.db.kysely, { sku });
  }

  /** Offers of `sku` valid on `atDate` (YYYY-MM-DD) from active suppliers, best first (priority, then cost). */
  async listEligibleOffers(sku: string, atDate: string, ctx?: TxContext): Promise<EligibleOffer[]> {
    const q = ctx?.tx ?? this.db.kysely;
    const ranked = rankOffers(await store.listOffers(q, { sku }), atDate);
    const suppliers = await store.findSuppliers(q, ranked.map((o) => o.supplierId));
    const out: EligibleOffer[] = [];
    for (const offer of ranked) {
      const supplier = suppliers.get(offer.supplierId);
      if (supplier?.active) out.push({ offer, supplier });
    }
    return out;
  }

  // ---- purchase orders

  private async checkedLines(ctx: TxContext, supplier: Supplier, lines: readonly PoLineInput[]): Promise<Array<PoLineInput & { unitCost: number; expectedDate: string }>> {
    const products = await this.deps.catalog.getManyIn(ctx.tx, lines.map((l) => l.sku));
    const locations = await this.deps.inventory.locations.map(ctx.tx);
    const seen = new Set<string>();
    const today = this.today();
    const offers = rankOffers(await store.listOffers(ctx.tx, { supplierId: supplier.id }), today);
    return lines.map((l, i) => {
      if (!products.has(l.sku)) throw new NotFound('Product', l.sku, 'unknown_sku');
      if (!locations.has(l.location)) throw new NotFound('Location', l.location, 'unknown_location');
      const key = `${l.sku}\u0000${l.location}`;
      if (seen.has(key)) throw invalidField(`lines[${i}]`, `SKU '${l.sku}' at '${l.location}' is on more than one line`);
      seen.add(key);
      if (!Number.isInteger(l.quantity) || l.quantity < 1) throw invalidField(`lines[${i}].quantity`, 'quantity must be a whole number of at least 1');
      nonNegative(`lines[${i}].unitCost`, l.unitCost);
      const offer = offers.find((o) => o.sku === l.sku);
      const unitCost = l.unitCost ?? offer?.unitCost;
      if (unitCost === undefined) throw invalidField(`lines[${i}].unitCost`, `supplier '${supplier.id}' has no valid offer for '${l.sku}' today; give the unitCost`);
      return { ...l, unitCost, expectedDate: expectedArrival(today, offer?.leadTimeDays ?? supplier.leadTimeDays) };
    });
  }

  private async insertLines(ctx: TxContext, po: PurchaseOrder, lines: ReadonlyArray<PoLineInput & { unitCost: number; expectedDate: string }>, resourcedFrom: string | null): Promise<PoLine[]> {
    const now = this.clock.now().toISOString();
    let lineNo = await store.nextLineNo(ctx.tx, po.id);
    const out: PoLine[] = [];
    for (const l of lines) {
      const id = newId('pol');
      const inbound = await this.deps.orders.createInboundIn(ctx, { sku: l.sku, location: l.location, quantity: l.quantity, expectedDate: l.expectedDate, reference: id });
      const line: PoLine = {
        id,
        poId: po.id,
        sku: l.sku,
        location: l.location,
        quantity: l.quantity,
        unitCost: l.unitCost,
        confirmedQuantity: null,
        status: 'open',
        expectedDate: l.expectedDate,
        confirmedDate: null,
        shippedQuantity: 0,
        receivedQuantity: 0,
        rejectReason: null,
        resourcedQuantity: 0,
        unsourcedQuantity: 0,
        lateAt: null,
        resourcedFrom,
        answeredAt: null,
        receivedAt: null,
        inboundId: inbound.id,
      };
      await store.insertLine(ctx.tx, line, lineNo++, now);
      out.push(line);
    }
    return out;
  }

  private async activeSupplier(ctx: TxContext, id: string): Promise<Supplier> {
    const s = await store.findSupplier(ctx.tx, id);
    if (!s) throw new NotFound('Supplier', id, 'unknown_supplier');
    if (!s.active) throw new Conflict(`supplier '${id}' is inactive; it cannot be ordered from`, { supplierId: id }, 'supplier_inactive');
    return s;
  }

  /** A draft PO with one supplier; each line becomes inbound supply at once. */
  async createPurchaseOrder(input: { supplierId: string; lines: PoLineInput[]; source?: PoSource | undefined; resourcedFrom?: string | null | undefined }, ctx?: TxContext): Promise<PurchaseOrder> {
    if (input.lines.length === 0) throw invalidField('lines', 'a purchase order needs at least one line');
    const id = await this.tx(ctx, async (c) => {
      const supplier = await this.activeSupplier(c, input.supplierId);
      const lines = await this.checkedLines(c, supplier, input.lines);
      const now = this.clock.now().toISOString();
      const po: PurchaseOrder = { id: newId('po'), supplierId: supplier.id, status: 'draft', currency: supplier.currency, source: input.source ?? 'manual', total: 0, lines: [], createdAt: now, sentAt: null, acknowledgedAt: null, updatedAt: now };
      await store.insertPo(c.tx, po);
      await this.insertLines(c, po, lines, input.resourcedFrom ?? null);
      return po.id;
    });
    return this.getPurchaseOrderIn(ctx, id);
  }

  /** Adds a line to a draft or sent PO (failover extends the next supplier's open order); `resourcedFrom` names the line it re-sources. */
  async addLine(poId: string, line: PoLineInput, opts: { resourcedFrom?: string | null | undefined } = {}, ctx?: TxContext): Promise<{ po: PurchaseOrder; line: PoLine }> {
    const added = await this.tx(ctx, async (c) => {
      const po = await this.lockedPo(c, poId);
      if (po.status !== 'draft' && po.status !== 'sent') throw new Conflict(`purchase order '${poId}' is ${po.status}; lines are added only to a draft or sent order`, { id: poId, status: po.status }, 'invalid_po_transition');
      const supplier = await this.activeSupplier(c, po.supplierId);
      const [checked] = await this.checkedLines(c, supplier, [line]);
      if (!checked) throw invalidField('lines', 'no line');
      if (po.lines.some((l) => l.sku === line.sku && l.location === line.location && !isTerminalLine(l.status) && opts.resourcedFrom == null)) {
        throw invalidField('sku', `purchase order '${poId}' already has an open line for '${line.sku}' at '${line.location}'`);
      }
      const [l] = await this.insertLines(c, po, [checked], opts.resourcedFrom ?? null);
      po.updatedAt = this.clock.now().toISOString();
      await store.updatePoHead(c.tx, po);
      return l as PoLine;
    });
    return { po: await this.getPurchaseOrderIn(ctx, poId), line: added };
  }

  /** Records that `quantity` units of a line were handed to another line by failover. */
  async markResourced(lineId: string, quantity: number, ctx?: TxContext): Promise<PoLine> {
    return this.tx(ctx, async (c) => {
      const line = await store.findLine(c.tx, lineId);
      if (!line) throw new NotFound('Purchase order line', lineId, 'unknown_po_line');
      if (!Number.isInteger(quantity) || quantity < 1) throw invalidField('quantity', 'quantity must be a whole number of at least 1');
      if (line.resourcedQuantity + quantity > line.quantity) throw invalidField('quantity', `line '${lineId}' ordered ${line.quantity}; ${line.resourcedQuantity} were re-sourced already, ${quantity} more cannot be`);
      line.resourcedQuantity += quantity;
      await store.saveLine(c.tx, line, this.clock.now().toISOString());
      return line;
    });
  }

  async recordDecision(d: NewDecision, ctx?: TxContext): Promise<Decision> {
    const decision: Decision = { ...d, id: newId('dec'), at: d.at ?? this.clock.now().toISOString() };
    await store.insertDecision(ctx?.tx ?? this.db.kysely, decision);
    return decision;
  }

  async decisions(poId: string): Promise<Decision[]> {
    await this.getPurchaseOrder(poId);
    return store.decisionsOf(this.db.kysely, poId);
  }

  async lineHistory(supplierId: string): Promise<LineHistoryRow[]> {
    return store.historyOf(this.db.kysely, supplierId);
  }

  async performance(supplierId: string): Promise<Performance> {
    await this.getSupplier(supplierId);
    return performanceOf(supplierId, await this.lineHistory(supplierId));
  }

  /** Ends a line that will not be delivered (failover: deadline or ship date missed): the line and its inbound are cancelled. */
  async cancelLineIn(ctx: TxContext, po: PurchaseOrder, line: PoLine, now: string): Promise<void> {
    line.status = 'cancelled';
    if (line.inboundId) await this.deps.orders.updateInboundIn(ctx, line.inboundId, { status: 'cancelled' });
    await this.settlePo(ctx, po, [line], now);
  }

  async findLine(lineId: string, ctx?: TxContext): Promise<PoLine | null> {
    return store.findLine(ctx?.tx ?? this.db.kysely, lineId);
  }

  private async getPurchaseOrderIn(ctx: TxContext | undefined, id: string): Promise<PurchaseOrder> {
    const po = await store.findPo(ctx?.tx ?? this.db.kysely, id);
    if (!po) throw new NotFound('Purchase order', id, 'unknown_purchase_order');
    return po;
  }

  /** A PO; to a supplier key only its own supplier's (another's is "not found", not "forbidden": nothing leaks). */
  async getPurchaseOrder(id: string, actor: Actor = {}): Promise<PurchaseOrder> {
    const po = await this.getPurchaseOrderIn(undefined, id);
    if (actor.supplierId && po.supplierId !== actor.supplierId) throw new NotFound('Purchase order', id, 'unknown_purchase_order');
    return po;
  }

  async listPurchaseOrders(query: store.PoQuery, actor: Actor = {}): Promise<{ items: PurchaseOrder[]; total: number }> {
    if (actor.supplierId) {
      if (query.supplierId !== undefined && query.supplierId !== actor.supplierId) return { items: [], total: 0 };
      return store.pagePos(this.db.kysely, { ...query, supplierId: actor.supplierId });
    }
    return store.pagePos(this.db.kysely, query);
  }

  /** The PO with its row lock taken (PostgreSQL): writes to one order queue one after another (failover uses it too). */
  async lockedPo(ctx: TxContext, id: string, actor: Actor = {}): Promise<PurchaseOrder> {
    const po = await store.findPo(ctx.tx, id, this.db.isPostgres);
    if (!po || (actor.supplierId && po.supplierId !== actor.supplierId)) throw new NotFound('Purchase order', id, 'unknown_purchase_order');
    return po;
  }

  /** Saves the lines a use case changed and the order's status that follows from all its lines. */
  async settlePo(ctx: TxContext, po: PurchaseOrder, changed: readonly PoLine[], now: string): Promise<void> {
    for (const l of changed) await store.saveLine(ctx.tx, l, now);
    const status = poStatusOf(po.status, po.lines);
    if (status !== 'draft' && status !== 'sent' && status !== 'cancelled' && po.acknowledgedAt === null && po.lines.every((l) => l.status !== 'open')) po.acknowledgedAt = now;
    po.status = status;
    po.updatedAt = now;
    await store.updatePoHead(ctx.tx, po);
  }

  private lineOf(po: PurchaseOrder, lineId: string, seen: Set<string>, at: number): PoLine {
    const line = po.lines.find((l) => l.id === lineId);
    if (!line) throw new NotFound('Purchase order line', lineId, 'unknown_po_line');
    if (seen.has(lineId)) throw invalidField(`lines[${at}].lineId`, `line '${lineId}' is named more than once`);
    seen.add(lineId);
    return line;
  }

  private transitionRefused(po: PurchaseOrder, what: string, allowed: readonly PoStatus[]): Conflict<'invalid_po_transition'> {
    return new Conflict(`purchase order '${po.id}' is ${po.status}; ${what} only when it is ${allowed.join(' or ')}`, { id: po.id, status: po.status }, 'invalid_po_transition');
  }

  /** draft → sent: records the time and emits `supply.po_sent` with everything a sender needs. */
  async send(poId: string, outer?: TxContext): Promise<PurchaseOrder> {
    await this.tx(outer, async (ctx) => {
      const po = await this.lockedPo(ctx, poId);
      if (po.status === 'sent') return; // sent again: nothing more to do
      if (po.status !== 'draft') throw this.transitionRefused(po, 'it can be sent', ['draft']);
      const supplier = await this.activeSupplier(ctx, po.supplierId);
      const now = this.clock.now();
      po.status = 'sent';
      po.sentAt = now.toISOString();
      po.updatedAt = po.sentAt;
      await store.updatePoHead(ctx.tx, po);
      const offers = await store.listOffers(ctx.tx, { supplierId: supplier.id });
      const supplierSku = (sku: string) => rankOffers(offers.filter((o) => o.sku === sku), isoDate(now))[0]?.supplierSku ?? offers.find((o) => o.sku === sku)?.supplierSku ?? null;
      const open = po.lines.filter((l) => !isTerminalLine(l.status));
      await appendEvents(ctx, [{
        type: 'supply.po_sent',
        sku: null,
        payload: {
          poId: po.id,
          supplierId: supplier.id,
          supplierName: supplier.name,
          email: supplier.email,
          channel: supplier.channel,
          webhookUrl: supplier.webhookUrl,
          currency: po.currency,
          total: store.totalOf(open),
          ackDeadline: new Date(now.getTime() + supplier.ackDeadlineHours * 3_600_000).toISOString(),
          lines: open.map((l) => ({ lineId: l.id, sku: l.sku, supplierSku: supplierSku(l.sku), location: l.location, quantity: l.quantity, unitCost: l.unitCost, expectedDate: l.expectedDate })),
        },
      }], po.sentAt);
    });
    return this.getPurchaseOrderIn(outer, poId);
  }

  /**
   * The supplier's answer per line: confirm (at most what was ordered, optionally fewer units or a date not in
   * the past) or reject with a reason. All lines or none; the same answer again changes nothing.
   */
  async answer(poId: string, answers: readonly AnswerLine[], actor: Actor = {}): Promise<PurchaseOrder> {
    if (answers.length === 0) throw invalidField('lines', 'answer at least one line');
    await this.db.transaction(async (ctx) => {
      const po = await this.lockedPo(ctx, poId, actor);
      if (!ANSWERABLE.includes(po.status)) throw this.transitionRefused(po, 'lines can be answered', ANSWERABLE);
      const today = this.today();
      const now = this.clock.now().toISOString();
      const seen = new Set<string>();
      const effects = answers.map((a, i) => {
        const line = this.lineOf(po, a.lineId, seen, i);
        if (a.date !== undefined && !isCalendarDate(a.date)) throw new Invalid(`lines[${i}].date must be a calendar date YYYY-MM-DD, got '${a.date}'`, { field: `lines[${i}].date` }, 'invalid_date');
        const r = applyAnswer(line, a, today, i);
        if (!r.ok) throw invalidField(r.field, r.reason);
        return { line, effect: r.value };
      });
      const changed: PoLine[] = [];
      const events: NewEvent[] = [];
      for (const { line, effect } of effects) {
        if (!effect) continue;
        line.status = effect.status;
        line.confirmedQuantity = effect.confirmedQuantity;
        line.confirmedDate = effect.confirmedDate;
        line.rejectReason = effect.rejectReason;
        line.answeredAt ??= now;
        if (effect.confirmedDate) line.expectedDate = effect.confirmedDate;
        if (line.inboundId) {
          if (effect.status === 'rejected') await this.deps.orders.updateInboundIn(ctx, line.inboundId, { status: 'cancelled' });
          else await this.deps.orders.updateInboundIn(ctx, line.inboundId, { quantity: Math.max(effect.confirmedQuantity ?? line.quantity, line.receivedQuantity), expectedDate: line.expectedDate });
        }
        if (effect.status === 'rejected') {
          events.push({ type: 'supply.line_rejected', sku: line.sku, payload: { poId: po.id, supplierId: po.supplierId, lineId: line.id, sku: line.sku, location: line.location, quantity: line.quantity, reason: line.rejectReason } });
        }
        changed.push(line);
      }
      if (changed.length === 0) return;
      await this.settlePo(ctx, po, changed, now);
      events.unshift({
        type: 'supply.po_acknowledged',
        sku: null,
        payload: { poId: po.id, supplierId: po.supplierId, status: po.status, lines: changed.map((l) => ({ lineId: l.id, sku: l.sku, status: l.status, quantity: l.quantity, confirmedQuantity: l.confirmedQuantity, confirmedDate: l.confirmedDate, rejectReason: l.rejectReason })) },
      });
      await appendEvents(ctx, events, now);
    });
    return this.getPurchaseOrder(poId, actor);
  }

  /** An advance shipping notice: per line the units shipped so far (the same notice again changes nothing). */
  async ship(poId: string, lines: ReadonlyArray<{ lineId: string; quantity: number }>, actor: Actor = {}): Promise<PurchaseOrder> {
    if (lines.length === 0) throw invalidField('lines', 'name at least one line');
    const allowed: PoStatus[] = ['sent', 'acknowledged', 'shipped'];
    await this.db.transaction(async (ctx) => {
      const po = await this.lockedPo(ctx, poId, actor);
      if (!allowed.includes(po.status)) throw this.transitionRefused(po, 'shipments are noticed', allowed);
      const seen = new Set<string>();
      const changed: PoLine[] = [];
      lines.forEach((s, i) => {
        const line = this.lineOf(po, s.lineId, seen, i);
        if (line.shippedQuantity === s.quantity && line.status === 'shipped') return;
        if (!['open', 'confirmed', 'shipped'].includes(line.status)) throw invalidField(`lines[${i}]`, `line '${line.id}' is ${line.status}; it cannot ship`);
        const max = line.confirmedQuantity ?? line.quantity;
        if (s.quantity > max) throw invalidField(`lines[${i}].quantity`, `${s.quantity} units cannot ship on line '${line.id}': ${max} were ${line.confirmedQuantity === null ? 'ordered' : 'confirmed'}`);
        line.shippedQuantity = s.quantity;
        line.status = 'shipped';
        changed.push(line);
      });
      if (changed.length > 0) await this.settlePo(ctx, po, changed, this.clock.now().toISOString());
    });
    return this.getPurchaseOrder(poId, actor);
  }

  /**
   * Units arriving per line, received through each line's inbound (the ledger, then allocation to waiting
   * orders). More than expected is an over-receipt: recorded on the line, the units go into stock. `complete`
   * ends a line short (an under-receipt: the rest is not coming). A line is received once what it expects is in.
   */
  async receive(poId: string, lines: ReadonlyArray<{ lineId: string; quantity: number; complete?: boolean | undefined }>): Promise<PurchaseOrder> {
    if (lines.length === 0) throw invalidField('lines', 'name at least one line');
    await this.db.transaction(async (ctx) => {
      const po = await this.lockedPo(ctx, poId);
      if (!RECEIVABLE.includes(po.status)) throw this.transitionRefused(po, 'receipts are taken', RECEIVABLE);
      const now = this.clock.now().toISOString();
      const seen = new Set<string>();
      const changed: PoLine[] = [];
      for (const [i, r] of lines.entries()) {
        const line = this.lineOf(po, r.lineId, seen, i);
        if (isTerminalLine(line.status)) throw new Conflict(`line '${line.id}' is ${line.status}; nothing more is received on it`, { id: line.id, status: line.status }, 'invalid_po_transition');
        if (!Number.isInteger(r.quantity) || r.quantity < 1) throw invalidField(`lines[${i}].quantity`, 'quantity must be a whole number of at least 1');
        if (!line.inboundId) throw new Conflict(`line '${line.id}' has no inbound record`, { id: line.id, status: line.status }, 'invalid_po_transition');
        const expected = line.confirmedQuantity ?? line.quantity;
        line.receivedQuantity += r.quantity;
        line.receivedAt = now;
        const done = r.complete === true || line.receivedQuantity >= expected;
        await this.deps.orders.receiveInboundIn(ctx, line.inboundId, r.quantity, { complete: done });
        if (done) line.status = 'received';
        changed.push(line);
      }
      await this.settlePo(ctx, po, changed, now);
    });
    return this.getPurchaseOrder(poId);
  }

  /** Cancels a PO before anything of it was received: its open lines and their inbound are cancelled. */
  async cancel(poId: string): Promise<PurchaseOrder> {
    await this.db.transaction(async (ctx) => {
      const po = await this.lockedPo(ctx, poId);
      if (po.status === 'cancelled') return;
      const allowed: PoStatus[] = ['draft', 'sent', 'acknowledged', 'shipped'];
      if (!allowed.includes(po.status) || po.lines.some((l) => l.receivedQuantity > 0)) throw this.transitionRefused(po, 'it can be cancelled (before any receipt)', allowed);
      const now = this.clock.now().toISOString();
      const changed: PoLine[] = [];
      for (const line of po.lines) {
        if (isTerminalLine(line.status)) continue;
        line.status = 'cancelled';
        if (line.inboundId) await this.deps.orders.updateInboundIn(ctx, line.inboundId, { status: 'cancelled' });
        changed.push(line);
      }
      po.status = 'cancelled';
      for (const l of changed) await store.saveLine(ctx.tx, l, now);
      po.updatedAt = now;
      await store.updatePoHead(ctx.tx, po);
    });
    return this.getPurchaseOrder(poId);
  }
}
