/**
 * The year simulation of the supply benchmark (issue 12), replayed through the real service layer: a `Restock`
 * on SQLite with a manual clock, the world of supply-world.ts (real monthly demand, three suppliers per SKU),
 * a reorder policy that raises purchase orders, and suppliers that answer, ship and deliver per their true
 * profile. One arm runs with failover on, the other with it off and buying from the cheapest supplier only;
 * both see the same demand and the same supplier draws.
 *
 * Time: day-by-day, events at their exact instants (a min-heap): the failover sweep at 00:05 every day, the
 * reorder review at 08:00 every `reviewDays`, a period's demand spread evenly over its 30 days (14:00), each
 * supplier's answer `ackHours` after the PO was sent, the advance shipping notice `TRANSIT_DAYS` before the
 * delivery, the delivery (receipt through the ledger) at 09:00 of the drawn arrival day. The clock is moved to
 * each event's instant before the service is called.
 *
 * Draws line up between the arms: the n-th line of a SKU at a supplier draws its outcome from its own stream
 * (seed, SKU, supplier, n), so the cheap supplier's third line of a SKU is rejected in both arms or in neither,
 * whatever else happened. The quantity only scales a short confirmation.
 *
 * Demand is served from stock (reserve → commit → ship through the inventory service); what stock cannot serve
 * is lost (a stock-out of that SKU in that period). The reorder policy is a periodic-review (s, S): the
 * inventory position is what the service reports (on hand − reserved − committed + open inbound, which every
 * open PO line is), s covers demand over lead time + review period at `z` standard deviations (demand and
 * stated lead-time variability, estimated from the months before the simulated ones), S = s + one month of
 * mean demand (at least one unit), the quantity rounded up to the offer's minimum and multiple.
 */
import { addDays, isoDate, ManualClock } from '../../src/core/clock.ts';
import { RestockError } from '../../src/core/errors.ts';
import { seededRandom } from '../../src/core/random.ts';
import { Restock } from '../../src/restock.ts';
import { orderableQuantity } from '../../src/suppliers/policy.ts';
import type { PurchaseOrder } from '../../src/suppliers/model.ts';
import { supplierOutcome, type LineOutcome, type SupplierProfile, type SupplySeries, type SupplyWorld } from './supply-world.ts';

export const LOCATION = 'WH1';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Days between the advance shipping notice and the delivery. */
export const TRANSIT_DAYS = 2;
/** The supplier's acknowledgement deadline (every profile answers within 1.5 × its mean ack hours, under this). */
export const ACK_DEADLINE_HOURS = 48;

export interface SimOptions {
  /** Failover on (arm A) or switched off (arm B). */
  failover: boolean;
  /** Months simulated before the measured ones (stock and pipeline settle; not counted). */
  warmupMonths: number;
  /** Months measured. */
  months: number;
  /** Days between reorder reviews. */
  reviewDays: number;
  /** Safety factor of the reorder point. */
  z: number;
  seed: number;
  /** SQLite URL; default in memory. */
  databaseUrl?: string;
  /** Called once per simulated day (progress). */
  onDay?: (() => void) | undefined;
  /** Keep the Restock open and hand it back (tests inspect it); the caller closes it. */
  keepOpen?: boolean;
  /**
   * A reference, not an arm: every supplier keeps its cost and lead-time spread but never rejects, cuts or
   * ships late. With failover off it bounds what any re-sourcing could win: the stock-outs left are the
   * demand's (and the policy's), not the suppliers'.
   */
  perfectSupply?: boolean;
}

/** The per-SKU reorder parameters (the same in both arms). */
export interface ReorderParams {
  sku: string;
  primarySupplier: string;
  reorderPoint: number;
  orderUpTo: number;
  minQuantity: number;
  multiple: number;
  meanDemand: number;
}

export interface ArmResult {
  failover: boolean;
  /** SKU × measured period with unmet demand. */
  stockOutPeriods: number;
  skuPeriods: number;
  demanded: number;
  served: number;
  fillRate: number;
  /** Received units × their line's unit cost, receipts in the measured months. */
  purchaseCost: number;
  receivedUnits: number;
  /** The same over the whole run (warm-up included). */
  whole: { purchaseCost: number; receivedUnits: number; demanded: number; served: number; stockOutPeriods: number };
  /** Open PO lines at the end: units still coming and their value (committed spend not yet received). */
  openAtEnd: { lines: number; units: number; value: number };
  /** Stock on hand at the end, units and value at the cheapest unit cost. */
  onHandAtEnd: { units: number; value: number };
  lines: {
    byPolicy: number;
    byFailover: number;
    rejected: number;
    short: number;
    late: number;
    shipLateNotices: number;
    unsourced: number;
    /** Lines per supplier profile (who got the orders) and units received per supplier. */
    perSupplier: Record<string, { lines: number; receivedUnits: number; cost: number }>;
  };
  sweeps: { calls: number; examined: number; resourced: number; unsourced: number };
  /** Service calls refused (Conflict) that the simulation skipped, by kind: should be 0 or explained. */
  refused: Record<string, number>;
  accounting: Accounting;
  ms: number;
  /**
   * Lines failover re-sourced because they had not shipped by the confirmed date + grace: when the
   * replacement arrived against the day the cancelled line would have arrived (its drawn, late, arrival).
   */
  shipLateResourcing: { replacementsReceived: number; earlier: number; later: number; sameDay: number; meanDaysGained: number | null };
  /**
   * Measured stock-out periods whose demand alone exceeded the order-up-to level S: more than the policy ever
   * holds for the SKU, so no supplier, however reliable, could have served it all.
   */
  stockOutsDemandAboveOrderUpTo: number;
  /** The measured stock-out periods, `sku@period` (for the overlap between arms). */
  stockOuts: string[];
  /** Where the run's time went: events handled and milliseconds, by kind (set-up and accounting excluded). */
  msByEvent: Record<string, { n: number; ms: number }>;
}

/** The books must balance: what the simulation tallied, what the PO lines say, what the ledger shows. */
export interface Accounting {
  /** Units the simulation received (its tally), Σ receivedQuantity over PO lines, ledger inbound receipts. */
  receivedBySim: number;
  receivedByLines: number;
  receivedInLedger: number;
  /** Cost tallied by the simulation vs Σ receivedQuantity × unitCost over PO lines. */
  costBySim: number;
  costByLines: number;
  /** Opening + received − shipped (sold) vs on hand now (service). */
  onHandExpected: number;
  onHandNow: number;
  shippedInLedger: number;
  servedBySim: number;
  ok: boolean;
}

const r2 = (v: number): number => Math.round(v * 100) / 100;
const r4 = (v: number): number => Math.round(v * 10_000) / 10_000;

/** FNV-1a of the parts: the seed of one line's own draw stream. */
function streamSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  if (xs.length === 0) return { mean: 0, sd: 0 };
  const mean = xs.reduce((a, v) => a + v, 0) / xs.length;
  const sd = xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, v) => a + (v - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd };
}

/** The months a run simulates: the last warm-up + measured ones of each series; the earlier ones are history. */
export function simulatedDemand(s: SupplySeries, warmupMonths: number, months: number): { history: number[]; demand: number[] } {
  const n = warmupMonths + months;
  if (s.demand.length <= n) throw new Error(`${s.sku} has ${s.demand.length} months; ${n} simulated need at least one month of history`);
  return { history: s.demand.slice(0, s.demand.length - n), demand: s.demand.slice(s.demand.length - n) };
}

/** The cheapest offer of a SKU (single sourcing buys from it; the reorder policy of both arms does). */
function cheapestOffer(s: SupplySeries): SupplySeries['offers'][number] {
  let best = s.offers[0];
  for (const o of s.offers) if (best && o.offer.unitCost < best.offer.unitCost) best = o;
  if (!best) throw new Error(`${s.sku} has no offers`);
  return best;
}

/** Reorder point and order-up-to level from the history months (the same in both arms). */
export function reorderParams(world: SupplyWorld, s: SupplySeries, opts: Pick<SimOptions, 'warmupMonths' | 'months' | 'reviewDays' | 'z'>): ReorderParams {
  const { history } = simulatedDemand(s, opts.warmupMonths, opts.months);
  const { mean, sd } = meanSd(history);
  const o = cheapestOffer(s);
  const lead = o.offer.leadTimeDays ?? o.supplier.leadTimeDays;
  const statedCv = o.supplier.leadTimeDays > 0 ? o.supplier.leadTimeSdDays / o.supplier.leadTimeDays : 0;
  const exposure = (lead + opts.reviewDays) / world.periodDays;
  const leadSdMonths = (lead * statedCv) / world.periodDays;
  const variance = exposure * sd * sd + mean * mean * leadSdMonths * leadSdMonths;
  const reorderPoint = Math.max(0, Math.ceil(mean * exposure + opts.z * Math.sqrt(variance)));
  return {
    sku: s.sku,
    primarySupplier: o.supplier.id,
    reorderPoint,
    orderUpTo: reorderPoint + Math.max(1, Math.ceil(mean)),
    minQuantity: o.offer.minQuantity,
    multiple: o.offer.multiple,
    meanDemand: mean,
  };
}

// ---------------------------------------------------------------------------------------------- event queue

type SimEvent =
  | { kind: 'sweep' }
  | { kind: 'review' }
  | { kind: 'demand'; sku: string; units: number; period: number }
  | { kind: 'answer'; lineId: string }
  | { kind: 'ship'; lineId: string }
  | { kind: 'arrive'; lineId: string };

interface Queued {
  at: number;
  seq: number;
  ev: SimEvent;
}

class Heap {
  private items: Queued[] = [];
  private seq = 0;
  get size(): number {
    return this.items.length;
  }
  push(at: number, ev: SimEvent): void {
    const q: Queued = { at, seq: this.seq++, ev };
    const a = this.items;
    a.push(q);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Queued | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
  private less(x: Queued, y: Queued): boolean {
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }
}

// ---------------------------------------------------------------------------------------------- simulation

interface SimLine {
  lineId: string;
  poId: string;
  sku: string;
  profile: SupplierProfile;
  sentAt: number;
  outcome: LineOutcome;
  /** The draw was a short confirmation. */
  short: boolean;
  /** Set at the answer: the day the units arrive. */
  arrivalDay: string | null;
}

export const SIM_START = '2026-01-05T00:00:00.000Z';

export async function simulate(world: SupplyWorld, opts: SimOptions): Promise<{ result: ArmResult; restock: Restock | null }> {
  const started = performance.now();
  const start = Date.parse(SIM_START);
  const clock = new ManualClock(new Date(start));
  const restock = await Restock.open({ databaseUrl: opts.databaseUrl ?? 'sqlite::memory:', clock, migrate: true });
  // Nothing here listens to the live stream; the reactors are drained by hand (runReactors).
  await restock.events.stop();
  const failover = restock.failover;
  await failover.updateSettings({ failover: opts.failover });

  const periods = opts.warmupMonths + opts.months;
  const days = periods * world.periodDays;
  const measuredFrom = opts.warmupMonths;
  const profilesById = new Map(world.profiles.map((p) => [p.id, p]));

  // ---- the world in the service: a warehouse, products, suppliers, offers, opening stock
  await restock.inventory.upsertLocation({ code: LOCATION, name: 'Bench warehouse', type: 'warehouse', priority: 1, region: 'EU' });
  for (let i = 0; i < world.series.length; i += 500) {
    await restock.catalog.upsertMany(world.series.slice(i, i + 500).map((s) => ({ sku: s.sku, title: s.sku, price: String(r2(s.baseCost * 1.6)), policy: { lowStockThreshold: 0 } })));
  }
  /** world supplier id → service supplier id, and back. */
  const toService = new Map<string, string>();
  const toWorld = new Map<string, SupplierProfile>();
  for (const sup of world.suppliers) {
    const created = await restock.suppliers.createSupplier({
      name: sup.name,
      email: `${sup.id}@suppliers.example`,
      channel: 'portal',
      currency: sup.currency,
      leadTimeDays: sup.leadTimeDays,
      leadTimeSdDays: sup.leadTimeSdDays,
      ackDeadlineHours: ACK_DEADLINE_HOURS,
    });
    toService.set(sup.id, created.id);
    const profile = profilesById.get(sup.id);
    if (profile) toWorld.set(created.id, opts.perfectSupply ? { ...profile, rejectRate: 0, shortRate: 0, lateRate: 0 } : profile);
  }
  const params = new Map<string, ReorderParams>();
  const demandOf = new Map<string, number[]>();
  const cheapestCost = new Map<string, number>();
  for (const s of world.series) {
    for (const o of s.offers) {
      await restock.suppliers.createOffer(toService.get(o.supplier.id) ?? '', {
        sku: s.sku,
        unitCost: o.offer.unitCost,
        minQuantity: o.offer.minQuantity,
        multiple: o.offer.multiple,
        leadTimeDays: o.offer.leadTimeDays,
        priority: o.offer.priority,
      });
    }
    const p = reorderParams(world, s, opts);
    params.set(s.sku, p);
    demandOf.set(s.sku, simulatedDemand(s, opts.warmupMonths, opts.months).demand);
    cheapestCost.set(s.sku, cheapestOffer(s).offer.unitCost);
    await restock.inventory.adjust(s.sku, LOCATION, p.orderUpTo, 'opening stock', 'bench:opening');
  }
  const opening = [...params.values()].reduce((a, p) => a + p.orderUpTo, 0);

  // ---- the calendar
  const heap = new Heap();
  for (let d = 0; d < days; d++) {
    heap.push(start + d * DAY + 5 * 60_000, { kind: 'sweep' });
    if (d % opts.reviewDays === 0) heap.push(start + d * DAY + 8 * HOUR, { kind: 'review' });
  }
  for (const s of world.series) {
    const demand = demandOf.get(s.sku) ?? [];
    demand.forEach((units, period) => {
      if (units <= 0) return;
      // Spread evenly over the period's days: unit k on day ⌊(k + ½)·30 / units⌋.
      const perDay = new Map<number, number>();
      for (let k = 0; k < units; k++) {
        const day = Math.floor(((k + 0.5) * world.periodDays) / units);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
      }
      for (const [day, n] of perDay) heap.push(start + (period * world.periodDays + day) * DAY + 14 * HOUR, { kind: 'demand', sku: s.sku, units: n, period });
    });
  }

  // ---- tallies
  const demanded = new Array<number>(periods).fill(0);
  const served = new Array<number>(periods).fill(0);
  const stockOut = new Set<string>();
  let costMeasured = 0;
  let unitsMeasured = 0;
  let costWhole = 0;
  let unitsWhole = 0;
  const lines = new Map<string, SimLine>();
  const seriesBySku = new Map(world.series.map((x) => [x.sku, x]));
  /** Replacement line → the line it re-sources, and why. */
  const replaces = new Map<string, { from: string; trigger: string }>();
  const lateRes = { replacementsReceived: 0, earlier: 0, later: 0, sameDay: 0, daysGained: 0 };
  const drawsPer = new Map<string, number>();
  const counts = { byPolicy: 0, byFailover: 0, rejected: 0, short: 0, late: 0, shipLateNotices: 0, unsourced: 0 };
  const perSupplier: Record<string, { lines: number; receivedUnits: number; cost: number }> = Object.fromEntries(world.profiles.map((p) => [p.id, { lines: 0, receivedUnits: 0, cost: 0 }]));
  const sweeps = { calls: 0, examined: 0, resourced: 0, unsourced: 0 };
  const refused: Record<string, number> = {};
  const refuse = (kind: string, err: unknown): void => {
    if (!(err instanceof RestockError)) throw err;
    refused[`${kind}:${err.code}`] = (refused[`${kind}:${err.code}`] ?? 0) + 1;
  };
  let eventCursor = Number((await restock.db.kysely.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0);
  const periodOf = (t: number): number => Math.floor((t - start) / DAY / world.periodDays);

  /** A line now at a supplier: draw what the supplier will do with it, schedule the answer. */
  const register = (po: PurchaseOrder, lineId: string, sentAt: number): void => {
    const line = po.lines.find((l) => l.id === lineId);
    const profile = toWorld.get(po.supplierId);
    if (!line || !profile || lines.has(lineId)) return;
    const key = `${line.sku}\u0000${profile.id}`;
    const n = drawsPer.get(key) ?? 0;
    drawsPer.set(key, n + 1);
    const s = seriesBySku.get(line.sku);
    const truth = s?.truth.get(profile.id) ?? { leadTimeDays: 30, leadTimeSdDays: 3 };
    const outcome = supplierOutcome(seededRandom(streamSeed(opts.seed, line.sku, profile.id, n)), profile, truth, line.quantity);
    lines.set(lineId, { lineId, poId: po.id, sku: line.sku, profile, sentAt, outcome, short: !outcome.rejected && outcome.confirmedQuantity < line.quantity, arrivalDay: null });
    const stat = perSupplier[profile.id];
    if (stat) stat.lines++;
    heap.push(sentAt + outcome.ackHours * HOUR, { kind: 'answer', lineId });
  };

  /** Lines failover created since the last look (events `supply.line_resourced`): send drafts, register them. */
  const discover = async (): Promise<void> => {
    const rows = await restock.db.kysely
      .selectFrom('events')
      .select(['id', 'type', 'payload'])
      .where('id', '>', eventCursor)
      .where('type', 'in', ['supply.line_resourced', 'supply.unsourced'])
      .orderBy('id')
      .execute();
    for (const row of rows) {
      eventCursor = Math.max(eventCursor, Number(row.id));
      if (row.type === 'supply.unsourced') {
        counts.unsourced++;
        continue;
      }
      const p = JSON.parse(String(row.payload)) as { lineId: string; trigger: string; toPoId: string; toLineId: string };
      if (lines.has(p.toLineId)) continue; // an extended line: its answer reads the quantity then
      replaces.set(p.toLineId, { from: p.lineId, trigger: p.trigger });
      let po = await restock.suppliers.getPurchaseOrder(p.toPoId);
      if (po.status === 'draft') po = await restock.suppliers.send(po.id);
      counts.byFailover++;
      register(po, p.toLineId, po.sentAt ? Date.parse(po.sentAt) : clock.now().getTime());
    }
    const last = await restock.db.kysely.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    eventCursor = Math.max(eventCursor, Number(last?.m ?? 0));
  };

  const lineOf = async (l: SimLine) => {
    const po = await restock.suppliers.getPurchaseOrder(l.poId);
    const line = po.lines.find((x) => x.id === l.lineId);
    if (!line) throw new Error(`line ${l.lineId} vanished from ${l.poId}`);
    return { po, line };
  };

  const handlers = {
    sweep: async (): Promise<void> => {
      const r = await failover.sweep();
      sweeps.calls++;
      sweeps.examined += r.examined;
      sweeps.resourced += r.resourced;
      sweeps.unsourced += r.unsourced;
      await restock.runReactors();
      await discover();
      opts.onDay?.();
    },
    review: async (): Promise<void> => {
      const totals = new Map((await restock.inventory.stockTotals()).map((t) => [t.sku, t]));
      for (const p of params.values()) {
        const t = totals.get(p.sku);
        const position = t ? t.onHand - t.reserved - t.committed + t.inbound : 0;
        if (position > p.reorderPoint) continue;
        const quantity = orderableQuantity(p.orderUpTo - position, p);
        const supplierId = toService.get(p.primarySupplier) ?? '';
        const po = await restock.suppliers.createPurchaseOrder({ supplierId, lines: [{ sku: p.sku, location: LOCATION, quantity }] });
        const sent = await restock.suppliers.send(po.id);
        counts.byPolicy++;
        const line = sent.lines[0];
        if (line) register(sent, line.id, clock.now().getTime());
      }
      await restock.runReactors();
      await discover();
    },
    demand: async (ev: { sku: string; units: number; period: number }): Promise<void> => {
      demanded[ev.period] = (demanded[ev.period] ?? 0) + ev.units;
      const level = await restock.inventory.levels(ev.sku);
      const take = Math.min(ev.units, Math.max(0, level.totals.availableToSell));
      if (take > 0) {
        const r = await restock.inventory.reserve({ sku: ev.sku, quantity: take, location: LOCATION, ttlSeconds: 600, reference: 'bench:sale' });
        if (r.ok) {
          await restock.inventory.commitReservation(r.reservation.id, 'bench:sale');
          await restock.inventory.ship(ev.sku, LOCATION, take, 'bench:sale');
          served[ev.period] = (served[ev.period] ?? 0) + take;
        } else refused[`reserve:${r.reason}`] = (refused[`reserve:${r.reason}`] ?? 0) + 1;
      }
      if ((served[ev.period] ?? 0) < (demanded[ev.period] ?? 0) && take < ev.units) stockOut.add(`${ev.sku}\u0000${ev.period}`);
    },
    answer: async (l: SimLine): Promise<void> => {
      const { line } = await lineOf(l);
      if (line.status !== 'open') return; // cancelled or answered meanwhile
      const now = clock.now();
      const today = isoDate(now);
      const sentDay = isoDate(new Date(l.sentAt));
      const o = l.outcome;
      // The quantity now on the line (failover may have extended it); a short confirmation keeps its share.
      const units = o.rejected ? 0 : l.short ? Math.max(0, Math.floor(line.quantity * l.profile.shortKeeps)) : line.quantity;
      try {
        if (units < 1) {
          counts.rejected++;
          await restock.suppliers.answer(l.poId, [{ lineId: l.lineId, status: 'rejected', reason: o.rejected ? 'cannot supply' : 'cannot supply any of it' }]);
        } else {
          if (units < line.quantity) counts.short++;
          let date = addDays(sentDay, o.confirmedLeadDays);
          if (date < today) date = today;
          const arrival = addDays(date, o.actualLeadDays - o.confirmedLeadDays);
          if (o.late) counts.late++;
          l.arrivalDay = arrival;
          await restock.suppliers.answer(l.poId, [{ lineId: l.lineId, status: 'confirmed', quantity: units, date }]);
          const arriveAt = Date.parse(`${arrival}T09:00:00.000Z`);
          heap.push(Math.max(now.getTime() + HOUR, arriveAt - TRANSIT_DAYS * DAY + 7 * HOUR), { kind: 'ship', lineId: l.lineId });
          heap.push(Math.max(now.getTime() + 2 * HOUR, arriveAt), { kind: 'arrive', lineId: l.lineId });
        }
      } catch (err) {
        refuse('answer', err);
        return;
      }
      await restock.runReactors();
      await discover();
    },
    ship: async (l: SimLine): Promise<void> => {
      const { line } = await lineOf(l);
      if (line.status !== 'confirmed') return;
      try {
        await restock.suppliers.ship(l.poId, [{ lineId: l.lineId, quantity: line.confirmedQuantity ?? line.quantity }]);
        if (l.outcome.late) counts.shipLateNotices++;
      } catch (err) {
        refuse('ship', err);
      }
    },
    arrive: async (l: SimLine): Promise<void> => {
      const { line } = await lineOf(l);
      if (line.status !== 'confirmed' && line.status !== 'shipped') return;
      const quantity = (line.confirmedQuantity ?? line.quantity) - line.receivedQuantity;
      if (quantity < 1) return;
      try {
        await restock.suppliers.receive(l.poId, [{ lineId: l.lineId, quantity }]);
      } catch (err) {
        refuse('receive', err);
        return;
      }
      const cost = quantity * line.unitCost;
      costWhole += cost;
      unitsWhole += quantity;
      if (periodOf(clock.now().getTime()) >= measuredFrom) {
        costMeasured += cost;
        unitsMeasured += quantity;
      }
      const rep = replaces.get(l.lineId);
      const original = rep?.trigger === 'ship_late' ? lines.get(rep.from) : undefined;
      if (original?.arrivalDay) {
        const gained = Math.round((Date.parse(`${original.arrivalDay}T00:00:00Z`) - Date.parse(`${isoDate(clock.now())}T00:00:00Z`)) / DAY);
        lateRes.replacementsReceived++;
        lateRes.daysGained += gained;
        if (gained > 0) lateRes.earlier++;
        else if (gained < 0) lateRes.later++;
        else lateRes.sameDay++;
      }
      const stat = perSupplier[l.profile.id];
      if (stat) {
        stat.receivedUnits += quantity;
        stat.cost += cost;
      }
    },
  };

  const end = start + days * DAY;
  const spent: Record<SimEvent['kind'], { n: number; ms: number }> = { sweep: { n: 0, ms: 0 }, review: { n: 0, ms: 0 }, demand: { n: 0, ms: 0 }, answer: { n: 0, ms: 0 }, ship: { n: 0, ms: 0 }, arrive: { n: 0, ms: 0 } };
  for (let q = heap.pop(); q && q.at < end; q = heap.pop()) {
    if (q.at > clock.now().getTime()) clock.set(new Date(q.at));
    const ev = q.ev;
    const t0 = performance.now();
    if (ev.kind === 'sweep') await handlers.sweep();
    else if (ev.kind === 'review') await handlers.review();
    else if (ev.kind === 'demand') await handlers.demand(ev);
    else {
      const l = lines.get(ev.lineId);
      if (!l) continue;
      if (ev.kind === 'answer') await handlers.answer(l);
      else if (ev.kind === 'ship') await handlers.ship(l);
      else await handlers.arrive(l);
    }
    spent[ev.kind].n++;
    spent[ev.kind].ms += performance.now() - t0;
  }
  clock.set(new Date(end));

  const accounting = await account(restock, { opening, receivedBySim: unitsWhole, costBySim: costWhole, servedBySim: served.reduce((a, v) => a + v, 0) });
  const open = await openLines(restock);
  const totals = await restock.inventory.stockTotals();
  const onHandAtEnd = totals.reduce((a, t) => ({ units: a.units + t.onHand, value: a.value + t.onHand * (cheapestCost.get(t.sku) ?? 0) }), { units: 0, value: 0 });

  const sum = (a: readonly number[], from = 0): number => a.slice(from).reduce((x, v) => x + v, 0);
  const outsIn = (from: number): number => [...stockOut].filter((k) => Number(k.split('\u0000')[1]) >= from).length;
  const dM = sum(demanded, measuredFrom);
  const sM = sum(served, measuredFrom);
  const result: ArmResult = {
    failover: opts.failover,
    stockOutPeriods: outsIn(measuredFrom),
    skuPeriods: world.series.length * opts.months,
    demanded: dM,
    served: sM,
    fillRate: dM > 0 ? r4(sM / dM) : 1,
    purchaseCost: r2(costMeasured),
    receivedUnits: unitsMeasured,
    whole: { purchaseCost: r2(costWhole), receivedUnits: unitsWhole, demanded: sum(demanded), served: sum(served), stockOutPeriods: stockOut.size },
    openAtEnd: { lines: open.lines, units: open.units, value: r2(open.value) },
    onHandAtEnd: { units: onHandAtEnd.units, value: r2(onHandAtEnd.value) },
    lines: { ...counts, perSupplier: Object.fromEntries(Object.entries(perSupplier).map(([k, v]) => [k, { ...v, cost: r2(v.cost) }])) },
    sweeps,
    refused,
    accounting,
    shipLateResourcing: {
      replacementsReceived: lateRes.replacementsReceived,
      earlier: lateRes.earlier,
      later: lateRes.later,
      sameDay: lateRes.sameDay,
      meanDaysGained: lateRes.replacementsReceived > 0 ? r2(lateRes.daysGained / lateRes.replacementsReceived) : null,
    },
    stockOutsDemandAboveOrderUpTo: [...stockOut].filter((k) => {
      const [sku = '', period] = k.split('\u0000');
      const p = Number(period);
      return p >= measuredFrom && (demandOf.get(sku)?.[p] ?? 0) > (params.get(sku)?.orderUpTo ?? Infinity);
    }).length,
    stockOuts: [...stockOut].filter((k) => Number(k.split('\u0000')[1]) >= measuredFrom).map((k) => k.replace('\u0000', '@')).sort(),
    ms: Math.round(performance.now() - started),
    msByEvent: Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, { n: v.n, ms: Math.round(v.ms) }])),
  };
  if (opts.keepOpen) return { result, restock };
  await restock.close();
  return { result, restock: null };
}

async function openLines(restock: Restock): Promise<{ lines: number; units: number; value: number }> {
  const out = { lines: 0, units: 0, value: 0 };
  for (let offset = 0; ; offset += 200) {
    const page = await restock.suppliers.listPurchaseOrders({ limit: 200, offset });
    for (const po of page.items) {
      for (const l of po.lines) {
        if (l.status === 'received' || l.status === 'rejected' || l.status === 'cancelled') continue;
        const units = Math.max(0, (l.confirmedQuantity ?? l.quantity) - l.receivedQuantity);
        out.lines++;
        out.units += units;
        out.value += units * l.unitCost;
      }
    }
    if (page.items.length < 200) break;
  }
  return out;
}

/** Checks the books: the simulation's tally, the PO lines and the ledger must agree. */
export async function account(restock: Restock, sim: { opening: number; receivedBySim: number; costBySim: number; servedBySim: number }): Promise<Accounting> {
  let receivedByLines = 0;
  let costByLines = 0;
  for (let offset = 0; ; offset += 200) {
    const page = await restock.suppliers.listPurchaseOrders({ limit: 200, offset });
    for (const po of page.items) {
      for (const l of po.lines) {
        receivedByLines += l.receivedQuantity;
        costByLines += l.receivedQuantity * l.unitCost;
      }
    }
    if (page.items.length < 200) break;
  }
  let receivedInLedger = 0;
  let shippedInLedger = 0;
  for await (const page of restock.inventory.movements(null)) {
    for (const m of page) {
      if (m.type === 'receipt') receivedInLedger += m.onHandDelta;
      if (m.type === 'shipment') shippedInLedger -= m.onHandDelta;
    }
    if (page.length === 0) break;
  }
  const totals = await restock.inventory.stockTotals();
  const onHandNow = totals.reduce((a, t) => a + t.onHand, 0);
  const onHandExpected = sim.opening + receivedInLedger - shippedInLedger;
  const a = {
    receivedBySim: sim.receivedBySim,
    receivedByLines,
    receivedInLedger,
    costBySim: r2(sim.costBySim),
    costByLines: r2(costByLines),
    onHandExpected,
    onHandNow,
    shippedInLedger,
    servedBySim: sim.servedBySim,
  };
  const ok =
    a.receivedBySim === a.receivedByLines &&
    a.receivedByLines === a.receivedInLedger &&
    Math.abs(a.costBySim - a.costByLines) < 0.01 &&
    a.onHandExpected === a.onHandNow &&
    a.shippedInLedger === a.servedBySim;
  return { ...a, ok };
}
