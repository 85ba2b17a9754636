/**
 * Failover (issue 12): when a purchase-order line cannot deliver, its unfilled units go to the next supplier.
 *
 * Triggers
 *   rejected     the supplier rejected the line                         (reactor on supply.po_acknowledged)
 *   short        the supplier confirmed fewer units than ordered         (same)
 *   ack_timeout  a sent line is still unanswered past sentAt + the supplier's acknowledgement deadline (sweep)
 *   ship_late    a confirmed line has not shipped by its confirmed date + the grace days (sweep)
 * For the two time triggers the line is cancelled first (with its inbound), so a late answer or shipment from
 * the first supplier is refused and no unit is ordered twice.
 *
 * One re-sourcing runs in one transaction that starts by locking the failing line's purchase order (PostgreSQL
 * row lock; SQLite's single writer) and recomputes the unfilled quantity from what is stored: ordered − still
 * expected − already re-sourced − already flagged. A second trigger for the same units, in this process or
 * another, waits for the lock and then finds nothing unfilled. The pure sourcing policy (sourcing.ts) scores
 * every offer for the SKU; the choice becomes a line (`resourcedFrom` = the failing line) on a new or extended
 * purchase order of the chosen supplier, the decision (trigger, candidates with scores, choice, reason) goes to
 * the decision log, and `supply.line_resourced` is emitted. With no eligible offer, or failover switched off for
 * the SKU or the supplier, the units are flagged on the line (`unsourcedQuantity`), the decision says why, and
 * `supply.unsourced` is emitted (the staff alerts email operators about it). Inbound changes re-date exactly the
 * customers' lines they affect, through the orders module, as hand-typed inbound does.
 */
import type { Clock } from '../core/clock.ts';
import { isoDate } from '../core/clock.ts';
import { NotFound, invalidField } from '../core/errors.ts';
import { appendEvents, type StoredEvent } from '../core/events.ts';
import type { Database, Q, Tx, TxContext } from '../db/database.ts';
import { readSetting, writeSetting } from '../db/settings.ts';
import type { CatalogService } from '../catalog/service.ts';
import type { InventoryService } from '../inventory/service.ts';
import type { Decision, Offer, PoLine, PurchaseOrder, Supplier, Trigger } from './model.ts';
import { isTerminalLine } from './policy.ts';
import { computePerformance, historyOfRow } from './performance.ts';
import { chooseSource } from './sourcing.ts';
import { DEFAULT_SOURCING_WEIGHTS, type OfferWithSupplier, type OpenPo, type Performance as SourcingPerformance, type SourcingDecision, type SourcingWeights } from './sourcing-model.ts';
import type { SupplierService } from './service.ts';
import * as store from './store.ts';

export const FAILOVER_CONSUMER = 'supplier-failover';
const SETTINGS_KEY = 'supply';
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface SupplySettings {
  /** Failover on for the whole shop (per SKU and per supplier it can be switched off too). */
  failover: boolean;
  /** A purchase order failover creates is left as a draft for a person to send, or sent at once. */
  resourcedPoStatus: 'draft' | 'sent';
  /** Days after a confirmed date before an unshipped line counts as late. */
  shipGraceDays: number;
  /** The sourcing score's weights (normalised by their sum). */
  weights: SourcingWeights;
}

export const DEFAULT_SUPPLY_SETTINGS: SupplySettings = Object.freeze({ failover: true, resourcedPoStatus: 'sent', shipGraceDays: 2, weights: DEFAULT_SOURCING_WEIGHTS });

export interface SweepResult {
  /** Lines found past a deadline or with unfilled units. */
  examined: number;
  resourced: number;
  unsourced: number;
}

/**
 * The orders one pass of failover creates (one supplier answer): the lines re-sourced to one supplier share one
 * new order, sent once at the end of the pass.
 */
export interface FailoverBatch {
  /** Per supplier id, the order this pass created for it. */
  created: Map<string, string>;
}

export interface SkuSupply {
  sku: string;
  failover: boolean;
}

/** Units of the line neither still expected from its supplier, nor re-sourced, nor flagged. */
export function unfilledOf(l: Pick<PoLine, 'status' | 'quantity' | 'confirmedQuantity' | 'receivedQuantity' | 'resourcedQuantity' | 'unsourcedQuantity'>): number {
  const expected = l.status === 'rejected' || l.status === 'cancelled' ? l.receivedQuantity : l.status === 'received' ? Math.max(l.receivedQuantity, l.confirmedQuantity ?? l.quantity) : (l.confirmedQuantity ?? l.quantity);
  return Math.max(0, l.quantity - expected - l.resourcedQuantity - l.unsourcedQuantity);
}

/** The trigger a stored line calls for now, if any (the sweep's rule; answers trigger through the reactor). */
export function dueTrigger(l: PoLine, po: Pick<PurchaseOrder, 'status' | 'sentAt'>, supplier: Pick<Supplier, 'ackDeadlineHours'>, now: Date, settings: Pick<SupplySettings, 'shipGraceDays'>): { trigger: Trigger; dueAt: string } | null {
  if (po.status === 'draft' || po.status === 'cancelled' || po.sentAt === null) return null;
  if (l.status === 'rejected' && unfilledOf(l) > 0) return { trigger: 'rejected', dueAt: l.answeredAt ?? po.sentAt };
  if (l.status === 'confirmed' && l.confirmedQuantity !== null && l.confirmedQuantity < l.quantity && unfilledOf(l) > 0) return { trigger: 'short', dueAt: l.answeredAt ?? po.sentAt };
  if (l.status === 'open') {
    const due = Date.parse(po.sentAt) + supplier.ackDeadlineHours * HOUR_MS;
    if (now.getTime() > due) return { trigger: 'ack_timeout', dueAt: new Date(due).toISOString() };
  }
  if (l.status === 'confirmed' && l.shippedQuantity === 0 && l.receivedQuantity === 0) {
    const by = Date.parse(`${l.confirmedDate ?? l.expectedDate}T00:00:00Z`) + (settings.shipGraceDays + 1) * DAY_MS;
    if (now.getTime() >= by) return { trigger: 'ship_late', dueAt: new Date(by).toISOString() };
  }
  return null;
}


function offerWithSupplier(offer: Offer, supplier: Supplier): OfferWithSupplier {
  return {
    offer: { id: offer.id, supplierId: offer.supplierId, sku: offer.sku, unitCost: offer.unitCost, minQuantity: offer.minQuantity, multiple: offer.multiple, leadTimeDays: offer.leadTimeDays, priority: offer.priority, validFrom: offer.validFrom, validTo: offer.validTo, active: offer.active },
    supplier: { id: supplier.id, name: supplier.name, currency: supplier.currency, leadTimeDays: supplier.leadTimeDays, leadTimeSdDays: supplier.leadTimeSdDays, regions: supplier.regions, active: supplier.active, failover: supplier.failover, minOrderValue: supplier.minOrderValue },
  };
}

export class FailoverService {
  readonly consumer = FAILOVER_CONSUMER;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly deps: { suppliers: SupplierService; catalog: CatalogService; inventory: InventoryService },
  ) {}

  // ---- settings

  async getSettings(q: Q | Tx = this.db.kysely): Promise<SupplySettings> {
    const raw = await readSetting(q, SETTINGS_KEY);
    if (!raw) return DEFAULT_SUPPLY_SETTINGS;
    const s = JSON.parse(raw) as Partial<SupplySettings>;
    return { ...DEFAULT_SUPPLY_SETTINGS, ...s, weights: { ...DEFAULT_SUPPLY_SETTINGS.weights, ...s.weights } };
  }

  /** Changes the fields given; `weights` merge with the current ones. */
  async updateSettings(patch: Partial<Omit<SupplySettings, 'weights'>> & { weights?: Partial<SourcingWeights> | undefined }): Promise<SupplySettings> {
    const current = await this.getSettings();
    const next: SupplySettings = { ...current, ...patch, weights: { ...current.weights, ...patch.weights } };
    if (!(Number.isInteger(next.shipGraceDays) && next.shipGraceDays >= 0 && next.shipGraceDays <= 365)) throw invalidField('shipGraceDays', 'shipGraceDays must be a whole number of days from 0 to 365');
    if (next.resourcedPoStatus !== 'draft' && next.resourcedPoStatus !== 'sent') throw invalidField('resourcedPoStatus', "resourcedPoStatus must be 'draft' or 'sent'");
    for (const k of ['cost', 'arrival', 'reliability'] as const) {
      const w = next.weights[k];
      if (!(Number.isFinite(w) && w >= 0)) throw invalidField(`weights.${k}`, `weights.${k} must be a number of at least 0`);
    }
    if (next.weights.cost + next.weights.arrival + next.weights.reliability <= 0) throw invalidField('weights', 'at least one weight must be above 0');
    await writeSetting(this.db.kysely, SETTINGS_KEY, JSON.stringify(next), this.clock.now().toISOString());
    return next;
  }

  async skuSupply(sku: string): Promise<SkuSupply> {
    if (!(await this.deps.catalog.getManyIn(this.db.kysely, [sku])).has(sku)) throw new NotFound('Product', sku, 'unknown_sku');
    return { sku, failover: await this.skuFailover(this.db.kysely, sku) };
  }

  async setSkuFailover(sku: string, failover: boolean): Promise<SkuSupply> {
    if (!(await this.deps.catalog.getManyIn(this.db.kysely, [sku])).has(sku)) throw new NotFound('Product', sku, 'unknown_sku');
    const now = this.clock.now().toISOString();
    await this.db.kysely
      .insertInto('supply_skus')
      .values({ sku, failover: failover ? 1 : 0, updated_at: now })
      .onConflict((oc) => oc.column('sku').doUpdateSet({ failover: failover ? 1 : 0, updated_at: now }))
      .execute();
    return { sku, failover };
  }

  private async skuFailover(q: Q | Tx, sku: string): Promise<boolean> {
    const r = await q.selectFrom('supply_skus').select('failover').where('sku', '=', sku).executeTakeFirst();
    return r ? Number(r.failover) === 1 : true;
  }

  // ---- triggers

  /** The reactor: rejected and short-confirmed lines of every answer are re-sourced in the consumer's pass. */
  async onEvents(ctx: TxContext, events: readonly StoredEvent[]): Promise<void> {
    const batch: FailoverBatch = { created: new Map() };
    for (const e of events) {
      if (e.type !== 'supply.po_acknowledged') continue;
      for (const l of e.payload.lines) {
        const trigger: Trigger | null = l.status === 'rejected' ? 'rejected' : l.confirmedQuantity !== null && l.confirmedQuantity < l.quantity ? 'short' : null;
        if (trigger) await this.resourceIn(ctx, l.lineId, trigger, batch);
      }
    }
    await this.finish(ctx, batch);
  }

  /** Re-sources one line's unfilled units now (a person's or the sweep's call); null when nothing is unfilled. */
  async resourceLine(lineId: string, trigger: Trigger): Promise<Decision | null> {
    return this.db.transaction(async (ctx) => {
      const batch: FailoverBatch = { created: new Map() };
      const d = await this.resourceIn(ctx, lineId, trigger, batch);
      await this.finish(ctx, batch);
      return d;
    });
  }

  /** Sends the orders a pass created, once each, when the settings say re-sourced orders are sent. */
  async finish(ctx: TxContext, batch: FailoverBatch): Promise<void> {
    if (batch.created.size === 0) return;
    if ((await this.getSettings(ctx.tx)).resourcedPoStatus !== 'sent') return;
    for (const poId of batch.created.values()) await this.deps.suppliers.send(poId, ctx);
  }

  /**
   * Finds the lines the clock made late (acknowledgement deadline, ship date + grace) and any answered line
   * whose unfilled units were not handled yet, and re-sources each in its own transaction. Safe to run in
   * several processes at once and as often as wanted.
   */
  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const settings = await this.getSettings();
    const rows = await this.db.kysely
      .selectFrom('po_lines as l')
      .innerJoin('purchase_orders as p', 'p.id', 'l.po_id')
      .innerJoin('suppliers as s', 's.id', 'p.supplier_id')
      .select(['l.id', 'l.po_id', 'l.status', 'l.quantity', 'l.confirmed_quantity', 'l.shipped_quantity', 'l.received_quantity', 'l.resourced_quantity', 'l.unsourced_quantity', 'l.expected_date', 'l.confirmed_date', 'l.answered_at', 'l.late_at', 'p.status as po_status', 'p.sent_at', 's.ack_deadline_hours'])
      .where('p.status', 'in', ['sent', 'acknowledged', 'shipped', 'received'])
      .where('l.status', 'in', ['open', 'confirmed', 'rejected'])
      .orderBy('l.id')
      .execute();
    const result: SweepResult = { examined: 0, resourced: 0, unsourced: 0 };
    const due = new Map<string, Array<{ lineId: string; trigger: Trigger }>>();
    for (const r of rows) {
      const line = {
        status: r.status, quantity: r.quantity, confirmedQuantity: r.confirmed_quantity, shippedQuantity: r.shipped_quantity, receivedQuantity: r.received_quantity,
        resourcedQuantity: r.resourced_quantity, unsourcedQuantity: Number(r.unsourced_quantity), expectedDate: r.expected_date, confirmedDate: r.confirmed_date, answeredAt: r.answered_at,
      } as PoLine;
      const t = dueTrigger(line, { status: r.po_status as PurchaseOrder['status'], sentAt: r.sent_at }, { ackDeadlineHours: r.ack_deadline_hours }, now, settings);
      if (!t) continue;
      // A late line left alone (failover off) was flagged once already: nothing new to say.
      if ((t.trigger === 'ack_timeout' || t.trigger === 'ship_late') && r.late_at !== null) continue;
      result.examined++;
      const list = due.get(r.po_id) ?? [];
      list.push({ lineId: r.id, trigger: t.trigger });
      due.set(r.po_id, list);
    }
    // One transaction per failing order: its lines going to one supplier share one new order.
    for (const lines of due.values()) {
      const made = await this.db.transaction(async (ctx) => {
        const batch: FailoverBatch = { created: new Map() };
        const out: Array<Decision | null> = [];
        for (const l of lines) out.push(await this.resourceIn(ctx, l.lineId, l.trigger, batch));
        await this.finish(ctx, batch);
        return out;
      });
      for (const d of made) {
        if (d?.chosen) result.resourced++;
        else if (d) result.unsourced++;
      }
    }
    return result;
  }

  // ---- one re-sourcing, in the caller's transaction

  /** One line's re-sourcing in the caller's transaction; orders it creates are collected in `batch` (send them with `finish`). */
  async resourceIn(ctx: TxContext, lineId: string, trigger: Trigger, batch: FailoverBatch): Promise<Decision | null> {
    const found = await store.findLine(ctx.tx, lineId);
    if (!found) throw new NotFound('Purchase order line', lineId, 'unknown_po_line');
    // The order's lock first: whoever comes second sees what the first wrote.
    const po = await this.deps.suppliers.lockedPo(ctx, found.poId);
    const line = po.lines.find((l) => l.id === lineId) as PoLine;
    const supplier = await store.findSupplier(ctx.tx, po.supplierId);
    if (!supplier) throw new NotFound('Supplier', po.supplierId, 'unknown_supplier');
    const settings = await this.getSettings(ctx.tx);
    const now = this.clock.now();
    const nowIso = now.toISOString();

    const off = !settings.failover ? 'failover is switched off for the shop' : !supplier.failover ? `failover is switched off for ${supplier.name}` : !(await this.skuFailover(ctx.tx, line.sku)) ? `failover is switched off for ${line.sku}` : null;

    if (trigger === 'ack_timeout' || trigger === 'ship_late') {
      const due = dueTrigger(line, po, supplier, now, settings);
      if (!due || due.trigger !== trigger) return null; // answered or shipped meanwhile
      if (line.lateAt !== null && off) return null;
      const first = line.lateAt === null;
      line.lateAt ??= nowIso;
      if (first) await appendEvents(ctx, [{ type: 'supply.po_late', sku: line.sku, payload: { poId: po.id, supplierId: po.supplierId, lineId: line.id, sku: line.sku, trigger, dueAt: due.dueAt } }], nowIso);
      if (off) {
        // Left with its supplier: still expected, so nothing is unfilled; a person decides.
        await store.saveLine(ctx.tx, line, nowIso);
        return null;
      }
      await this.deps.suppliers.cancelLineIn(ctx, po, line, nowIso);
    }

    const unfilled = unfilledOf(line);
    if (unfilled <= 0) return null;

    const today = isoDate(now);
    const decision = off
      ? ({ sku: line.sku, trigger, quantity: unfilled, candidates: [], chosen: null, reason: `${off}; ${unfilled} units are flagged for an operator` } satisfies SourcingDecision)
      : await this.decide(ctx, po, line, unfilled, trigger, today, settings, batch);

    let chosen: Decision['chosen'] = null;
    if (decision.chosen) {
      const c = decision.chosen;
      const offer = decision.candidates.find((x) => x.offerId === c.offerId);
      const lineInput = { sku: line.sku, location: line.location, quantity: c.quantity, unitCost: offer?.unitCost };
      let target: { poId: string; lineId: string };
      if (c.poId) {
        const added = await this.deps.suppliers.addLine(c.poId, lineInput, { resourcedFrom: line.id }, ctx);
        target = { poId: c.poId, lineId: added.line.id };
      } else {
        const created = await this.deps.suppliers.createPurchaseOrder({ supplierId: c.supplierId, lines: [lineInput], source: 'failover', resourcedFrom: line.id }, ctx);
        const newLine = created.lines[0] as PoLine;
        target = { poId: created.id, lineId: newLine.id };
        batch.created.set(c.supplierId, created.id);
      }
      chosen = { supplierId: c.supplierId, offerId: c.offerId, poId: target.poId, lineId: target.lineId, quantity: c.quantity };
      line.resourcedQuantity += unfilled;
    } else {
      line.unsourcedQuantity += unfilled;
    }
    await store.saveLine(ctx.tx, line, nowIso);

    const recorded = await this.deps.suppliers.recordDecision({
      poId: po.id,
      lineId: line.id,
      trigger,
      quantity: unfilled,
      candidates: decision.candidates.map((x) => ({ offerId: x.offerId, supplierId: x.supplierId, supplierName: x.supplierName, unitCost: x.unitCost, landedUnitCost: x.landedUnitCost, expectedArrival: x.expectedArrival, reliability: x.reliability, score: x.score, eligible: x.eligible, why: x.why })),
      chosen,
      reason: decision.reason,
      at: nowIso,
    }, ctx);

    if (chosen) {
      await appendEvents(ctx, [{ type: 'supply.line_resourced', sku: line.sku, payload: { poId: po.id, lineId: line.id, sku: line.sku, quantity: unfilled, trigger, toSupplierId: chosen.supplierId, toPoId: chosen.poId, toLineId: chosen.lineId, decisionId: recorded.id } }], nowIso);
    } else {
      await appendEvents(ctx, [{ type: 'supply.unsourced', sku: line.sku, payload: { poId: po.id, lineId: line.id, sku: line.sku, quantity: unfilled, trigger, reason: decision.reason, decisionId: recorded.id } }], nowIso);
    }
    return recorded;
  }

  /** Reads what the pure policy needs (offers, suppliers, performance, the receiving region, open drafts) and asks it. */
  private async decide(ctx: TxContext, po: PurchaseOrder, line: PoLine, unfilled: number, trigger: Trigger, today: string, settings: SupplySettings, batch: FailoverBatch): Promise<SourcingDecision> {
    const offers = await store.listOffers(ctx.tx, { sku: line.sku });
    const suppliers = await store.findSuppliers(ctx.tx, [...new Set(offers.map((o) => o.supplierId))]);
    const candidates = offers.flatMap((o) => {
      const s = suppliers.get(o.supplierId);
      return s ? [offerWithSupplier(o, s)] : [];
    });
    const performance = new Map<string, SourcingPerformance>();
    for (const id of suppliers.keys()) performance.set(id, computePerformance(id, (await store.historyOf(ctx.tx, id, 2_000)).map(historyOfRow), today));
    const region = (await this.deps.inventory.locations.map(ctx.tx)).get(line.location)?.region ?? null;

    // Every supplier these units were already with: the failing one and those up the re-sourcing chain.
    const exclude = new Set<string>([po.supplierId]);
    let from = line.resourcedFrom;
    for (let hops = 0; from && hops < 50; hops++) {
      const prev = await store.findLine(ctx.tx, from);
      if (!prev) break;
      const prevPo = await ctx.tx.selectFrom('purchase_orders').select('supplier_id').where('id', '=', prev.poId).executeTakeFirst();
      if (prevPo) exclude.add(prevPo.supplier_id);
      from = prev.resourcedFrom;
    }

    // Orders this pass created (still drafts until `finish`), then drafts failover left for a person to send.
    const existingOpenPos = new Map<string, OpenPo>();
    for (const [supplierId, poId] of batch.created) {
      const ls = (await store.linesOf(ctx.tx, [poId])).get(poId) ?? [];
      existingOpenPos.set(supplierId, { poId, lineId: null, total: store.totalOf(ls) });
    }
    if (settings.resourcedPoStatus === 'draft') {
      const drafts = await ctx.tx.selectFrom('purchase_orders').select(['id', 'supplier_id']).where('status', '=', 'draft').where('source', '=', 'failover').where('supplier_id', 'in', [...suppliers.keys(), '']).orderBy('created_at').execute();
      const lines = await store.linesOf(ctx.tx, drafts.map((d) => d.id));
      for (const d of drafts) {
        if (existingOpenPos.has(d.supplier_id)) continue;
        const ls = lines.get(d.id) ?? [];
        existingOpenPos.set(d.supplier_id, { poId: d.id, lineId: null, total: store.totalOf(ls.filter((l) => !isTerminalLine(l.status))) });
      }
    }

    return chooseSource({
      sku: line.sku,
      today,
      offers: candidates,
      performance,
      weights: settings.weights,
      receivingRegion: region,
      quantity: unfilled,
      trigger,
      excludeSupplierIds: [...exclude],
      needBy: line.expectedDate,
      existingOpenPos,
    });
  }
}
